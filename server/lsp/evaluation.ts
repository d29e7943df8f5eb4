/**
 * LSP wiring of offline evaluation: a CodeLens per mapping line (its value for the sample user),
 * the evaluation-trace hover, the custom request `aadmap/preview` (the preview document's text)
 * and the notification `aadmap/previewSettings` (sample user, default domain, PATCH flavour).
 * Thin handlers over server/service/evaluation-features.ts; they never throw to the client.
 */
import {
  CodeLensRefreshRequest,
  type Connection,
  type InitializeParams,
  type Hover,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { MappingAnalysis, MappingBlocksAnalysis } from '../service/analysis';
import { evaluationHover, evaluationLenses, previewDocument } from '../service/evaluation-features';
import type { DocumentSnapshot } from '../service/snapshot';
import { type PreviewSettings, resolveSampleContext, type SampleFileAccess } from '../service/sample-users';

import { PREVIEW_REQUEST, PREVIEW_SETTINGS_NOTIFICATION, type PreviewRequestParams, type PreviewRequestResult } from '../protocol';

export interface EvaluationFeatures {
  capabilities: ServerCapabilities;
  initialize(params: InitializeParams): void;
  /** The value and evaluation trace of the mapping under the cursor (the server's hover appends it). */
  hover(snapshot: DocumentSnapshot, position: Position): Hover | undefined;
}

/**
 * `mappingAnalysis(uri, text?)`: the open document's analysis, or that of `text` read from disk;
 * `analysisAround(snapshot, offset)`: the checked blocks around an offset (LanguageService.analysisAround).
 */
export function registerEvaluationFeatures(
  connection: Connection,
  mappingAnalysis: (uri: string, text?: string) => MappingAnalysis | undefined,
  analysisAround: (snapshot: DocumentSnapshot, offset: number) => MappingBlocksAnalysis | undefined,
  files: SampleFileAccess,
): EvaluationFeatures {
  let settings: PreviewSettings = {};
  let canRefreshLenses = false;

  const log = (message: string, error: unknown) => {
    connection.console.error(`${message}: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
  };

  connection.onCodeLens((params) => {
    try {
      const analysis = mappingAnalysis(params.textDocument.uri);
      if (!analysis) return [];
      return evaluationLenses(analysis, params.textDocument.uri, resolveSampleContext(params.textDocument.uri, files, settings));
    } catch (error) {
      log(`code lenses failed for ${params.textDocument.uri}`, error);
      return [];
    }
  });

  connection.onRequest(PREVIEW_REQUEST, (params: PreviewRequestParams): PreviewRequestResult => {
    const uri = params?.textDocument?.uri;
    try {
      if (typeof uri !== 'string') return { content: '# aadmap: the preview request names no document\n' };
      let analysis = mappingAnalysis(uri);
      if (!analysis) {
        const read = files.readText(uri);
        if ('error' in read) return { content: `# aadmap provisioning preview\n# ${read.error}\n` };
        analysis = mappingAnalysis(uri, read.text);
      }
      if (!analysis) return { content: '# aadmap provisioning preview: not an .aadmap document\n' };
      const sample = resolveSampleContext(uri, files, settings);
      return { content: previewDocument(analysis, uri, sample, params.format === 'json' ? 'json' : 'http'), sampleUser: sample.userUri };
    } catch (error) {
      log(`preview failed for ${String(uri)}`, error);
      return { content: '# aadmap provisioning preview: internal error (see the aadmap Language Server output)\n' };
    }
  });

  connection.onNotification(PREVIEW_SETTINGS_NOTIFICATION, (params: PreviewSettings) => {
    settings = sanitize(params);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  return {
    capabilities: { codeLensProvider: { resolveProvider: false } },
    hover(snapshot, position) {
      try {
        if (snapshot.languageId !== 'aadmap') return undefined;
        // The sample user first: without one there is no value to show, and no reason to analyse the whole file.
        const sample = resolveSampleContext(snapshot.uri, files, settings);
        if (!sample.user) return undefined;
        // Only the piece around the cursor is checked when the whole file's analysis is not at hand.
        const offset = snapshot.lines.offsetAt(position);
        const analysis = analysisAround(snapshot, offset);
        if (!analysis) return undefined;
        return evaluationHover(analysis, offset, sample, snapshot.lines);
      } catch (error) {
        log(`evaluation hover failed for ${snapshot.uri}`, error);
        return undefined;
      }
    },
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
