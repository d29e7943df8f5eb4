/**
 * The LSP adapter: wires a connection to the language-service facade. Handlers are thin — they
 * look up the document, call the facade, and never let an exception reach the client.
 *
 * Every request about a document version shares one snapshot of it (parse, analysis and tokens
 * computed at most once per version); a changed schema file or setting drops the snapshots.
 *
 * Diagnostics: clients that support LSP 3.17 pull diagnostics (VS Code) ask for them on change and
 * on save; for other clients the server pushes them after a short debounce on open/change (a newer
 * change cancels the pending run; a result for a stale version is dropped) and at once on save.
 * Schema files are read in the background (server/node/schema-file-reader.ts): diagnostics wait up to
 * SCHEMA_READ_WAIT_MS for them, else answer with a note that the schema is being read, and are asked
 * for again (`workspace/diagnostic/refresh`, or pushed again) once it is.
 */
import { useL10nBundle, type L10nBundle } from '../../grammar/common/l10n';
import { localeOf, type Locale } from '../l10n/locale';
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  type InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { valueThenDocumentation } from '../service/features/hover-join';
// Values from the small modules, not the facade: the facade (and the analysis) loads on first use (main.ts).
import type { DocumentSnapshot, InlayHintSettings, LanguageService } from '../service/language-service';
import { completionItemData } from '../service/features/completion-item-data';
import { RenameError } from '../service/features/rename-error';
import { semanticTokensLegend } from '../service/features/semantic-token-legend';
import type { BackgroundSchemaFileReader, SchemaFileReader } from '../service/schema-resolver';
import { DocumentEdits } from './document-edits';
import { registerSampleUserHandlers } from './sample-user-handlers';
import type { OpenDocument } from './sample-user-jobs';
import type { SampleUserThread } from './sample-user-thread';
import { registerGraphHandlers } from './graph-requests';
import { createMemoryRelease } from './memory-release';
import { t } from '../../grammar/common/l10n';

/** Characters after which completion is offered without typing a letter (a space only where it helps). */
const COMPLETION_TRIGGERS = ['[', '(', ',', '"', '.', ' '];

const PUSH_DEBOUNCE_MS = 150;

/** How long diagnostics wait for the schema files their document names before answering without them. */
const SCHEMA_READ_WAIT_MS = 1_000;
/** How long a Graph request waits for them (it needs the schema to check the file). */
const GRAPH_SCHEMA_READ_WAIT_MS = 30_000;

/**
 * `initializationOptions` the server reads. `pushDiagnosticsDebounceMs` (0–10,000) replaces the push
 * debounce: the benchmarks set 0 to time didChange → publishDiagnostics without the wait.
 */
export interface InitializationOptions {
  pushDiagnosticsDebounceMs?: number;
  /** The workspace is not trusted (VS Code's Restricted Mode): no sample-user evaluation (sample-user-handlers.ts). */
  restricted?: boolean;
  /**
   * The translations of the editor's language, for a server that cannot read files (the browser
   * build's client passes `vscode.l10n.bundle`; docs/localization.md).
   */
  l10nBundle?: L10nBundle;
}

function l10nBundleOption(options: unknown): L10nBundle | undefined {
  const value = (options as InitializationOptions | null | undefined)?.l10nBundle;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.values(value).every((text) => typeof text === 'string') ? value : undefined;
}

function debounceOption(options: unknown): number | undefined {
  const value = (options as InitializationOptions | null | undefined)?.pushDiagnosticsDebounceMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? value : undefined;
}

export interface ServerOptions {
  service: LanguageService;
  /** For tests: the push debounce (milliseconds). */
  debounceMs?: number;
  /** Enables the Graph requests (pull, what-if, deploy, rollback); they read `target "x.json"` files through it. */
  graph?: { schemaFiles: SchemaFileReader };
  /** Evaluation for the sample user (lenses, hovers and the preview), off the main thread; none = those features are off. */
  sampleUserThread?: SampleUserThread;
  /** Reads the translations of a language (Node: the package's l10n/ folder); none = from the client only. */
  readL10nBundle?: (locale: Locale) => L10nBundle | undefined;
  /** The service's schema-file reader when it reads in the background: the server waits for it and analyses again. */
  schemaFiles?: BackgroundSchemaFileReader;
}

export function startServer(
  connection: Connection,
  { service, debounceMs = PUSH_DEBOUNCE_MS, graph, sampleUserThread, readL10nBundle, schemaFiles }: ServerOptions,
): void {
  // The content changes are recorded as offsets: a new snapshot tells the service what changed.
  const edits = new DocumentEdits();
  const documents = new TextDocuments(edits.configuration);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  // Each snapshot with the TextDocument it was made from: an editor may open a new document under
  // a URI still open (VS Code reuses Untitled-N), and the new one starts again at version 1, so a
  // version alone does not tell the two apart.
  const snapshots = new Map<string, { document: TextDocument; snapshot: DocumentSnapshot }>();
  let pullDiagnostics = false;
  let canRefresh = false;
  let snippetSupport = false;
  let configurationSupport = false;
  let inlayHintRefresh = false;
  let inlayHintSettings: Promise<InlayHintSettings> | undefined;

  const log = (message: string, error: unknown) => {
    // Messages and stacks only: document text and anything the client sent stay out of logs.
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    connection.console.error(`${message}: ${detail}`);
  };

  /** The snapshot of the document's current version (made on first use, kept until it changes). */
  const snapshotOf = (document: TextDocument): DocumentSnapshot => {
    const entry = snapshots.get(document.uri);
    const cached = entry?.document === document ? entry.snapshot : undefined;
    if (cached && cached.version === document.version) return cached;
    const changes = edits.take(document.uri, cached?.version);
    const snapshot = service.snapshot(
      { uri: document.uri, languageId: document.languageId, text: document.getText() },
      document.version,
      cached && changes ? { previous: cached, edits: changes } : undefined,
    );
    snapshots.set(document.uri, { document, snapshot });
    return snapshot;
  };

  /**
   * Runs a request handler on the open document; a bug is logged and answered with `fallback`, and
   * so is every request on a document too large for editor features (see tooLarge).
   */
  const handle = <T>(name: string, uri: string, fallback: T, run: (snapshot: DocumentSnapshot) => T): T => {
    const document = documents.get(uri);
    if (!document || tooLarge(document)) return fallback;
    try {
      return run(snapshotOf(document));
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
      log(`${name} failed for ${uri}`, error);
      return fallback;
    }
  };

  /** An open document's current text, as the sample-user thread takes it. */
  const openDocument = (uri: string): OpenDocument | undefined => {
    const document = documents.get(uri);
    if (!document || tooLarge(document)) return undefined;
    return { uri, languageId: document.languageId, version: document.version, text: document.getText() };
  };
  const evaluation = sampleUserThread && registerSampleUserHandlers(connection, openDocument, sampleUserThread);

  const memory = createMemoryRelease();

  const validate = (document: TextDocument) => {
    const size = tooLarge(document);
    if (size)
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Warning,
          source: 'aadmap',
          message: size,
        },
      ];
    try {
      return capDiagnostics(service.validate(snapshotOf(document)));
    } catch (error) {
      log(`validation failed for ${document.uri}`, error);
      return [];
    }
  };

  /** validate, after the schema files the document names were read (at most SCHEMA_READ_WAIT_MS). */
  const settledDiagnostics = async (document: TextDocument): Promise<Diagnostic[]> => {
    const deadline = Date.now() + SCHEMA_READ_WAIT_MS;
    const version = document.version;
    let diagnostics = validate(document);
    // The schema, then the job's function list it leads to: a few rounds at most.
    for (let round = 0; round < 3 && schemaFiles?.busy(document.uri); round++) {
      if (!(await schemaFiles.settled(document.uri, Math.max(0, deadline - Date.now())))) break;
      if (documents.get(document.uri) !== document || document.version !== version) break;
      diagnostics = validate(document);
    }
    if (!schemaFiles?.busy(document.uri)) memory.analysed(document.uri, document.getText().length, document.version);
    return diagnostics;
  };

  const push = async (document: TextDocument) => {
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return; // a newer version will be validated
    const version = current.version;
    const diagnostics = await settledDiagnostics(current);
    // Changed while its schema was read: the newer version's push is scheduled.
    if (documents.get(document.uri) !== current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: current.uri, version, diagnostics });
  };

  const schedule = (document: TextDocument) => {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        void push(document);
      }, debounceMs),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    // Messages in the editor's display language from here on (docs/localization.md).
    const locale = localeOf(params.locale) ?? 'en';
    useL10nBundle(l10nBundleOption(params.initializationOptions) ?? readL10nBundle?.(locale), locale);
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    canRefresh = !!capabilities.workspace?.diagnostics?.refreshSupport;
    debounceMs = debounceOption(params.initializationOptions) ?? debounceMs;
    evaluation?.initialize(params);
    snippetSupport = !!capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    configurationSupport = !!capabilities.workspace?.configuration;
    inlayHintRefresh = !!capabilities.workspace?.inlayHint?.refreshSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'aadmap', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
        ...evaluation?.capabilities,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','] },
        inlayHintProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: { label: 'aadmap' },
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'aadmap-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullDiagnostics) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: document ? await settledDiagnostics(document) : [] };
  });

  // ── editor features

  connection.onCompletion(({ textDocument, position, context }) =>
    handle('completion', textDocument.uri, null, (snapshot) =>
      service.completion(snapshot, position, { snippets: snippetSupport, triggerCharacter: context?.triggerCharacter, resolve: true }),
    ),
  );
  // Attribute documentation comes when the editor shows the item (completionItem/resolve).
  connection.onCompletionResolve((item) =>
    handle('completion resolve', completionItemData(item)?.uri ?? '', item, (snapshot) => service.resolveCompletion(snapshot, item)),
  );
  // One hover: (with a sample user) the value and its evaluation trace, worked out off the main
  // thread, then what is under the cursor.
  connection.onHover(async ({ textDocument, position }, token) => {
    const documentation = handle('hover', textDocument.uri, null, (snapshot) => service.hover(snapshot, position));
    const document = evaluation && openDocument(textDocument.uri);
    return document ? valueThenDocumentation(await evaluation.hover(document, position, token), documentation) : documentation;
  });
  connection.onSignatureHelp(({ textDocument, position }) =>
    handle('signature help', textDocument.uri, null, (snapshot) => service.signatureHelp(snapshot, position)),
  );
  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const settings = await inlaySettings(textDocument.uri);
    return handle('inlay hints', textDocument.uri, [], (snapshot) => service.inlayHints(snapshot, range, settings));
  });
  connection.onCodeAction(({ textDocument, range, context }) =>
    handle('code actions', textDocument.uri, [], (snapshot) => service.codeActions(snapshot, range, context)),
  );
  connection.onDocumentFormatting(({ textDocument, options }) =>
    handle('formatting', textDocument.uri, [], (snapshot) => service.format(snapshot, options)),
  );
  connection.onDocumentRangeFormatting(({ textDocument, options, range }) =>
    handle('range formatting', textDocument.uri, [], (snapshot) => service.format(snapshot, options, range)),
  );
  connection.onDocumentSymbol(({ textDocument }) =>
    handle('document symbols', textDocument.uri, [], (snapshot) => service.documentSymbols(snapshot)),
  );
  connection.onFoldingRanges(({ textDocument }) =>
    handle('folding ranges', textDocument.uri, [], (snapshot) => service.foldingRanges(snapshot)),
  );
  connection.languages.semanticTokens.on(({ textDocument }) =>
    handle('semantic tokens', textDocument.uri, { data: [] }, (snapshot) => service.semanticTokens(snapshot)),
  );
  connection.languages.semanticTokens.onRange(({ textDocument, range }) =>
    handle('semantic tokens', textDocument.uri, { data: [] }, (snapshot) => service.semanticTokens(snapshot, range)),
  );
  connection.onDocumentHighlight(({ textDocument, position }) =>
    handle('document highlights', textDocument.uri, [], (snapshot) => service.documentHighlights(snapshot, position)),
  );
  connection.onPrepareRename(({ textDocument, position }) =>
    handle('prepare rename', textDocument.uri, null, (snapshot) => service.prepareRename(snapshot, position)),
  );
  connection.onRenameRequest(({ textDocument, position, newName }) =>
    handle('rename', textDocument.uri, null, (snapshot) => service.rename(snapshot, position, newName)),
  );

  /** `aadmap.inlayHints.*` from the client (read once, again after a configuration change). */
  const inlaySettings = (uri: string): Promise<InlayHintSettings> => {
    if (!configurationSupport) return Promise.resolve({});
    const read = async (): Promise<InlayHintSettings> => {
      try {
        const value: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'aadmap.inlayHints' });
        const parameterNames = (value as { parameterNames?: unknown } | null)?.parameterNames;
        return parameterNames === 'none' || parameterNames === 'literals' || parameterNames === 'all' ? { parameterNames } : {};
      } catch {
        return {};
      }
    };
    return (inlayHintSettings ??= read());
  };

  documents.onDidChangeContent(({ document }) => schedule(document));
  documents.onDidSave(({ document }) => {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    void push(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    snapshots.delete(document.uri);
    edits.forget(document.uri);
    memory.closed(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // A schema file (`target "x.json"`) may have changed: every open document may see new diagnostics.
  const revalidateAll = () => {
    snapshots.clear();
    evaluation?.reset();
    if (pullDiagnostics) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else documents.all().forEach(schedule);
  };
  connection.onDidChangeWatchedFiles(() => {
    schemaFiles?.invalidate();
    revalidateAll();
  });
  // A schema file read in the background, or found changed: analyse again with it.
  schemaFiles?.onDidChange(revalidateAll);
  connection.onDidChangeConfiguration(() => {
    inlayHintSettings = undefined;
    if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    revalidateAll();
  });

  if (graph) registerGraphHandlers(connection, graph.schemaFiles, GRAPH_SCHEMA_READ_WAIT_MS);

  documents.listen(connection);
  connection.listen();
}

declare const __AADMAP_VERSION__: string | undefined;
const SERVER_VERSION = typeof __AADMAP_VERSION__ === 'string' ? __AADMAP_VERSION__ : '0.0.0-dev';

/**
 * The largest document the editor features work on. Each request costs time and memory in
 * proportion to the document (a record per token and per line), so 5 MB of blank lines cost seconds
 * per request; beyond these sizes a document gets one diagnostic saying so and every request on it is
 * answered at once, empty. A mapping file of 5,000 mappings is about 600 KB and 10,000 lines.
 */
const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;
const MAX_DOCUMENT_LINES = 200_000;

/** Why the editor features are off for a document, or undefined when they are on. */
function tooLarge(document: TextDocument): string | undefined {
  const chars = document.getText().length;
  if (chars > MAX_DOCUMENT_CHARS)
    return t(
      "This document is {0} MB; aadmap's editor features stop at {1} MB (`aadmap check` checks it whole).",
      Math.round((chars / 1024 / 1024) * 10) / 10,
      MAX_DOCUMENT_CHARS / 1024 / 1024,
    );
  if (document.lineCount > MAX_DOCUMENT_LINES)
    return t(
      "This document has {0} lines; aadmap's editor features stop at {1} lines (`aadmap check` checks it whole).",
      document.lineCount,
      MAX_DOCUMENT_LINES,
    );
  return undefined;
}

/** The most diagnostics one document publishes: more cost every keystroke and help no one. */
const MAX_DIAGNOSTICS = 1000;

/** The first MAX_DIAGNOSTICS, then one note "… and N more" at the first one left out. */
function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.length - MAX_DIAGNOSTICS;
  const first = diagnostics[MAX_DIAGNOSTICS]!;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS),
    {
      range: first.range,
      severity: DiagnosticSeverity.Information,
      source: first.source,
      message:
        rest === 1
          ? t('… and {0} more problem (only the first {1} are shown)', rest, MAX_DIAGNOSTICS)
          : t('… and {0} more problems (only the first {1} are shown)', rest, MAX_DIAGNOSTICS),
    },
  ];
}
