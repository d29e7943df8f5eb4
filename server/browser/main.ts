/**
 * The language server in a web worker (`dist/browser/server.js`), for the browser build of the
 * extension (vscode.dev, github.dev, code-server's web worker extension host; docs/browser.md). The
 * same language service as dist/server.js, over the worker's message port
 * (https://code.visualstudio.com/api/extension-guides/web-extensions#language-server-protocol-in-web-extensions).
 * Without a file system, schema files named by a `target "…"` statement and sample users are not read;
 * the Graph features (pull, deploy, lifecycle) are not registered.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createLanguageService } from '../service/language-service';
import { startServer } from '../lsp/server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & ConstructorParameters<typeof BrowserMessageWriter>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { service: createLanguageService({}) });
