/**
 * LSP wiring of offline evaluation: a CodeLens per mapping line (its value for the sample user),
 * the evaluation-trace hover, the custom request `aadmap/preview` (the preview document's text)
 * and the notification `aadmap/previewSettings` (sample user, default domain, PATCH flavour).
 * Thin handlers: the work runs in the sample-user thread (sample-user-thread.ts, sample-user-jobs.ts),
 * so whatever a document holds, the server's main thread keeps answering. They never throw to the
 * client.
 */
import {
  type CancellationToken,
  CodeLensRefreshRequest,
  type CodeLens,
  type Connection,
  type Hover,
  type InitializeParams,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { PREVIEW_REQUEST, PREVIEW_SETTINGS_NOTIFICATION, type PreviewRequestParams, type PreviewRequestResult } from '../protocol';
import type { PreviewSettings } from '../service/sample-users';
import type { OpenDocument } from './sample-user-jobs';
import type { LensChunk } from '../service/sample-user-features';
import type { ThreadOutcome, SampleUserThread } from './sample-user-thread';
import { t } from '../../grammar/common/l10n';

export interface SampleUserHandlers {
  capabilities: ServerCapabilities;
  initialize(params: InitializeParams): void;
  /** The value and evaluation trace of the mapping under the cursor (the server's hover appends it). */
  hover(document: OpenDocument, position: Position, token?: CancellationToken): Promise<Hover | undefined>;
  /** A schema file or a setting changed: nothing computed before still holds. */
  reset(): void;
}

/** Why nothing is evaluated in an untrusted workspace. */
export function restrictedModeEvaluation(): string {
  return t('Sample users are not evaluated in Restricted Mode: trust this workspace to see values and the preview.');
}

/** Why an evaluation has no result, in the words the editor shows. */
function stoppedMessage(outcome: ThreadOutcome<unknown, unknown>): string | undefined {
  if (outcome.kind === 'stopped')
    return t('evaluating this file for the sample user took longer than {0} s and was stopped', outcome.budgetMs / 1000);
  if (outcome.kind === 'failed') return t('evaluation failed: {0}', outcome.message);
  return undefined;
}

/**
 * The lenses of an evaluation that did not finish: the values that were ready, then a warning where
 * the first missing value would be (at the top of the file when none was ready).
 */
function unfinishedLenses(outcome: Exclude<ThreadOutcome<CodeLens[], LensChunk>, { kind: 'done' | 'cancelled' }>): CodeLens[] {
  const why = stoppedMessage(outcome) ?? '';
  const chunks = outcome.kind === 'stopped' ? outcome.partials : [];
  const ready = chunks.flatMap((chunk) => chunk.lenses);
  const next = chunks.at(-1)?.next;
  if (next) return [...ready, { range: next, command: { title: `⚠ ${t('Values from this line on not shown: {0}', why)}`, command: '' } }];
  const start = { line: 0, character: 0 };
  return [...ready, { range: { start, end: start }, command: { title: `⚠ ${t('Values not shown: {0}', why)}`, command: '' } }];
}

/** `openDocument(uri)`: the open document's current text, or undefined when it is not open. */
export function registerSampleUserHandlers(
  connection: Connection,
  openDocument: (uri: string) => OpenDocument | undefined,
  thread: SampleUserThread,
): SampleUserHandlers {
  let settings: PreviewSettings = {};
  let canRefreshLenses = false;
  /**
   * VS Code's Restricted Mode (an untrusted workspace): sample users are files the workspace holds,
   * and evaluating them runs the workspace's expressions, so nothing is evaluated.
   */
  let restricted = false;
  /** Bumped when the settings or a schema file change: the key of the kept lenses. */
  let generation = 0;
  /**
   * Documents whose evaluation was stopped, by version: VS Code asks again without a change, and a
   * hostile file should cost its budget once, not on every request.
   */
  const stopped = new Map<string, { key: string; lenses: CodeLens[] }>();

  const log = (message: string) => connection.console.error(message);

  connection.onCodeLens(async (params, token) => {
    const document = openDocument(params.textDocument.uri);
    if (!document || restricted) return [];
    const key = `${document.version}:${generation}`;
    const kept = stopped.get(document.uri);
    if (kept?.key === key) return kept.lenses;
    const outcome = await thread.run({ kind: 'lenses', document, settings }, () => token.isCancellationRequested);
    if (outcome.kind === 'cancelled') return [];
    if (outcome.kind === 'failed') log(`code lenses failed for ${document.uri}: ${outcome.message}`);
    if (outcome.kind === 'done') return outcome.value;
    const lenses = unfinishedLenses(outcome);
    stopped.set(document.uri, { key, lenses });
    if (stopped.size > 32) stopped.delete(stopped.keys().next().value!);
    return lenses;
  });

  connection.onRequest(PREVIEW_REQUEST, async (params: PreviewRequestParams): Promise<PreviewRequestResult> => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return { content: '# aadmap: the preview request names no document\n' };
    if (restricted) return { content: `# ${t('aadmap provisioning preview')}\n# ${restrictedModeEvaluation()}\n` };
    const format = params.format === 'json' ? 'json' : 'http';
    const outcome = await thread.run({ kind: 'preview', uri, document: openDocument(uri), format, settings });
    if (outcome.kind === 'done') return outcome.value;
    if (outcome.kind === 'failed') log(`preview failed for ${uri}: ${outcome.message}`);
    return { content: `# ${t('aadmap provisioning preview')}\n# ${stoppedMessage(outcome) ?? t('cancelled')}\n` };
  });

  connection.onNotification(PREVIEW_SETTINGS_NOTIFICATION, (params: PreviewSettings) => {
    settings = sanitize(params);
    generation++;
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  return {
    capabilities: { codeLensProvider: { resolveProvider: false } },
    async hover(document, position, token) {
      if (document.languageId !== 'aadmap' || restricted) return undefined;
      const outcome = await thread.run({ kind: 'hover', document, position, settings }, () => !!token?.isCancellationRequested);
      if (outcome.kind === 'done') return outcome.value ?? undefined;
      if (outcome.kind === 'failed') log(`evaluation hover failed for ${document.uri}: ${outcome.message}`);
      const why = stoppedMessage(outcome);
      return why ? { contents: { kind: 'markdown', value: t('Value for the sample user not shown: {0}.', why) } } : undefined;
    },
    initialize(params) {
      canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
      const options = params.initializationOptions as { preview?: PreviewSettings; restricted?: unknown } | undefined;
      if (options?.preview) settings = sanitize(options.preview);
      restricted = options?.restricted === true;
    },
    reset() {
      generation++;
      thread.reset();
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
