/**
 * The LSP adapter: wires a connection to the language-service facade. Handlers are thin — they
 * look up the document, call the facade, and never let an exception reach the client.
 *
 * Diagnostics: clients that support LSP 3.17 pull diagnostics (VS Code) ask for them on change and
 * on save; for other clients the server pushes them after a short debounce on open/change (a newer
 * change cancels the pending run; a result for a stale version is dropped) and at once on save.
 */
import {
  type Connection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/language-service';

export const PUSH_DEBOUNCE_MS = 150;

/**
 * `initializationOptions` the server reads. `pushDiagnosticsDebounceMs` (0–10,000) replaces the push
 * debounce: the benchmarks set 0 to time didChange → publishDiagnostics without the wait.
 */
export interface InitializationOptions {
  pushDiagnosticsDebounceMs?: number;
}

function debounceOption(options: unknown): number | undefined {
  const value = (options as InitializationOptions | null | undefined)?.pushDiagnosticsDebounceMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? value : undefined;
}

export interface ServerOptions {
  service: LanguageService;
  /** For tests: the push debounce (milliseconds). */
  debounceMs?: number;
}

export function startServer(connection: Connection, { service, debounceMs = PUSH_DEBOUNCE_MS }: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let pullDiagnostics = false;
  let canRefresh = false;

  const log = (message: string, error: unknown) => {
    // Messages and stacks only: document text and anything the client sent stay out of logs.
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    connection.console.error(`${message}: ${detail}`);
  };

  const validate = (document: TextDocument) => {
    try {
      return service.validate({ uri: document.uri, languageId: document.languageId, text: document.getText() });
    } catch (error) {
      log(`validation failed for ${document.uri}`, error);
      return [];
    }
  };

  const push = (document: TextDocument) => {
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return; // a newer version will be validated
    const diagnostics = validate(current);
    if (documents.get(document.uri)?.version !== current.version) return;
    void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
  };

  const schedule = (document: TextDocument) => {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        push(document);
      }, debounceMs),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    canRefresh = !!capabilities.workspace?.diagnostics?.refreshSupport;
    debounceMs = debounceOption(params.initializationOptions) ?? debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'aadmap', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'aadmap-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullDiagnostics) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: document ? validate(document) : [] };
  });

  documents.onDidChangeContent(({ document }) => schedule(document));
  documents.onDidSave(({ document }) => {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    push(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // A schema file (`target "x.json"`) may have changed: every open document may see new diagnostics.
  const revalidateAll = () => {
    if (pullDiagnostics) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else documents.all().forEach(schedule);
  };
  connection.onDidChangeWatchedFiles(revalidateAll);
  connection.onDidChangeConfiguration(revalidateAll);

  documents.listen(connection);
  connection.listen();
}

declare const __AADMAP_VERSION__: string | undefined;
const SERVER_VERSION = typeof __AADMAP_VERSION__ === 'string' ? __AADMAP_VERSION__ : '0.0.0-dev';
