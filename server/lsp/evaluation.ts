/**
 * LSP wiring of offline evaluation: a CodeLens per mapping line (its value for the sample user),
 * the custom request `aadmap/preview` (the preview document's text) and the notification
 * `aadmap/previewSettings` (sample user, default domain, PATCH flavour), which this adapter keeps
 * and passes to the facade with each call (the hover's evaluation section reads them too).
 * Thin handlers over the language-service facade; they never throw to the client.
 */
import { CodeLensRefreshRequest, type Connection, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import type { LanguageService } from '../service/language-service';
import type { PreviewSettings } from '../service/sample-users';
import type { DocumentSnapshot } from '../service/snapshot';
import { PREVIEW_REQUEST, PREVIEW_SETTINGS_NOTIFICATION, type PreviewRequestParams, type PreviewRequestResult } from '../protocol';

export interface EvaluationHandlers {
  capabilities: ServerCapabilities;
  initialize(params: InitializeParams): void;
  /** The sample user and settings the editor chose last (the hover passes them to the facade). */
  settings(): PreviewSettings;
}

/**
 * `handle(name, uri, fallback, run)`: runs `run` on the open document's snapshot (the adapter's
 * handler wrapper: a bug is logged and answered with `fallback`); `openSnapshot(uri)`: the snapshot
 * of an open document, undefined when the editor does not have it open.
 */
export function registerEvaluationHandlers(
  connection: Connection,
  service: LanguageService,
  handle: <T>(name: string, uri: string, fallback: T, run: (snapshot: DocumentSnapshot) => T) => T,
  openSnapshot: (uri: string) => DocumentSnapshot | undefined,
): EvaluationHandlers {
  let settings: PreviewSettings = {};
  let canRefreshLenses = false;

  connection.onCodeLens(({ textDocument }) =>
    handle('code lenses', textDocument.uri, [], (snapshot) => service.codeLenses(snapshot, settings)),
  );

  connection.onRequest(PREVIEW_REQUEST, (params: PreviewRequestParams): PreviewRequestResult => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return { content: '# aadmap: the preview request names no document\n' };
    try {
      return service.preview(openSnapshot(uri) ?? uri, settings, params.format === 'json' ? 'json' : 'http');
    } catch (error) {
      connection.console.error(
        `preview failed for ${uri}: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`,
      );
      return { content: '# aadmap provisioning preview: internal error (see the aadmap Language Server output)\n' };
    }
  });

  connection.onNotification(PREVIEW_SETTINGS_NOTIFICATION, (params: PreviewSettings) => {
    settings = sanitize(params);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  return {
    capabilities: { codeLensProvider: { resolveProvider: false } },
    settings: () => settings,
    initialize(params) {
      canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
      const initial = (params.initializationOptions as { preview?: PreviewSettings } | undefined)?.preview;
      if (initial) settings = sanitize(initial);
    },
  };
}

function sanitize(raw: unknown): PreviewSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return {
    sampleUser: text(value['sampleUser']),
    defaultDomain: text(value['defaultDomain']),
    scimCompliant: value['scimCompliant'] === true,
  };
}
