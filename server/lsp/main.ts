/**
 * Entry point of the bundled server (`dist/server.js`): `--stdio` for any LSP client, or IPC when
 * started by the VS Code client. The transport is chosen by vscode-languageserver from argv.
 * The same bundle, started as a worker thread, is the server's sample-user thread (sample-user-thread.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeSampleFiles } from '../node/sample-files';
import { createBackgroundSchemaReader, createFileSchemaReader } from '../node/schema-file-reader';
import { DIAGNOSTICS_REFERENCE_PATH } from '../checker/diagnostics-reference-path';
import { loadLanguageService } from './language-service.lazy';
import { onFirstUse } from './on-first-use';
import { loadSampleUserJobs } from './sample-user-jobs.lazy';
import { createSampleUserThread, isSampleUserThread, serveSampleUserJobs } from './sample-user-thread';
import { startServer } from './server';
import { useL10nBundle, type L10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../l10n/bundles';

if (isSampleUserThread()) {
  // The worker's messages in the server's language: the main thread passes its bundle on.
  const { l10nBundle, l10nLocale } = workerData as { l10nBundle?: L10nBundle; l10nLocale?: string };
  useL10nBundle(l10nBundle, l10nLocale);
  // The evaluator is loaded by the sample-user thread only, not before the main thread answers `initialize`.
  serveSampleUserJobs(
    loadSampleUserJobs().createSampleUserJobs(
      loadLanguageService().createLanguageService({ schemaFiles: createFileSchemaReader() }),
      createNodeSampleFiles(),
    ),
  );
} else {
  const connection = createConnection(ProposedFeatures.all);

  // The server must outlive any bug: report it on the connection's log and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.message}\n${error.stack ?? ''}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

  // No file is read on the main thread: schema files are read in the background (the evaluation
  // thread above reads its own, synchronously, where waiting stops nothing else).
  const schemaFiles = createBackgroundSchemaReader();
  // The bundle is dist/server.js; the reference ships beside dist/ (in the .vsix and the repository), so
  // a diagnostic's link opens a page that exists until the project has a public home.
  const diagnosticsReference = pathToFileURL(join(__dirname, '..', DIAGNOSTICS_REFERENCE_PATH)).href;
  startServer(connection, {
    // Built on the first document, so `initialize` is answered before the analysis code is loaded.
    service: onFirstUse(() => loadLanguageService().createLanguageService({ schemaFiles, diagnosticsReference })),
    graph: { schemaFiles },
    schemaFiles,
    sampleUserThread: createSampleUserThread(__filename),
    readL10nBundle: (locale) => readL10nBundle(locale),
  });
}
