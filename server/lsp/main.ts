/**
 * Entry point of the bundled server (`dist/server.js`): `--stdio` for any LSP client, or IPC when
 * started by the VS Code client. The transport is chosen by vscode-languageserver from argv.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeSampleFiles } from '../node/sample-files';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { createLanguageService } from '../service/language-service';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// The server must outlive any bug: report it on the connection's log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.message}\n${error.stack ?? ''}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

const schemaFiles = createFileSchemaReader();
startServer(connection, { service: createLanguageService({ schemaFiles }), graph: { schemaFiles }, sampleFiles: createNodeSampleFiles() });
