/**
 * Entry point of the bundled server (`dist/server.js`): `--stdio` for any LSP client, or IPC when
 * started by the VS Code client. The transport is chosen by vscode-languageserver from argv.
 * The same bundle, started as a worker thread, is the server's evaluation thread (evaluation-thread.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeSampleFiles } from '../node/sample-files';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { DIAGNOSTICS_REFERENCE_PATH } from '../checker/diagnostics-reference';
import { createLanguageService } from '../service/language-service';
import { loadEvaluationJobs } from './evaluation-jobs.lazy';
import { createEvaluationThread, isEvaluationWorker, serveEvaluation } from './evaluation-thread';
import { startServer } from './server';

if (isEvaluationWorker()) {
  // The evaluator is loaded by the evaluation thread only, not before the main thread answers `initialize`.
  serveEvaluation(
    loadEvaluationJobs().createEvaluationJobs(createLanguageService({ schemaFiles: createFileSchemaReader() }), createNodeSampleFiles()),
  );
} else {
  const connection = createConnection(ProposedFeatures.all);

  // The server must outlive any bug: report it on the connection's log and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.message}\n${error.stack ?? ''}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

  const schemaFiles = createFileSchemaReader();
  // The bundle is dist/server.js; the reference ships beside dist/ (in the .vsix and the repository), so
  // a diagnostic's link opens a page that exists until the project has a public home.
  const diagnosticsReference = pathToFileURL(join(__dirname, '..', DIAGNOSTICS_REFERENCE_PATH)).href;
  startServer(connection, {
    service: createLanguageService({ schemaFiles, diagnosticsReference }),
    graph: { schemaFiles },
    evaluator: createEvaluationThread(__filename),
  });
}
