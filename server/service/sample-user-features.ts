/**
 * Evaluation in the editor, the facade's features over a document and the sample user next to it
 * (LSP types only): a CodeLens per mapping line with its value for the sample user, the evaluation
 * trace as a hover section, and the provisioning preview document. The sample files come through
 * the injected SampleFileAccess; the editor's settings come with each call (the service keeps none).
 */
import { COMMANDS, type PreviewRequestResult } from '../protocol';
import type { CodeLens, Range } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import type { TextRange } from '../../grammar/common/text-range';
import type { EvaluationOutcome, TraceNode } from '../evaluator/evaluate';
import { stringifyJson } from '../evaluator/json';
import { traceLines } from '../evaluator/trace';
import { displayValue } from '../evaluator/values';
import { previewToHttp, previewToJson } from '../preview/format';
import type { AttributeMapping } from '../../grammar/mapping/ast';
import type { CheckedBlock } from '../checker/mapping/context';
import type { MappingAnalysis, MappingBlocksAnalysis } from './analysis';
import { evaluateMappingLine, mappingLineEvaluations, type MappingLineEvaluation } from './sample-evaluation';
import type { HoverContributor, HoverSection } from './features/hover';
import { previewMapping } from './checked-preview';
import { type PreviewSettings, resolveSampleContext, type SampleContext, type SampleFileAccess } from './sample-users';
import type { DocumentRef, DocumentSnapshot } from './snapshot';
import { t } from '../../grammar/common/l10n';

/**
 * Lenses made since the last chunk, sent while the evaluation goes on: the evaluation thread stops
 * a file past its time budget, and the editor then shows the values that were ready and, at `next`
 * (the first line not yet evaluated), why the rest is missing.
 */
export interface LensChunk {
  lenses: CodeLens[];
  /** Where the next mapping line's value would be shown; absent after the last line. */
  next?: Range;
}

/** How often the lenses made so far are sent while a file is evaluated. */
const LENS_CHUNK_MS = 200;

export interface SampleUserFeatures {
  /**
   * On each mapping block, the sample user and "Preview provisioning"; on each mapping line, its
   * value for the sample user. `settings`: the editor's `aadmap.preview.*` settings. `progress`
   * receives the lenses made so far while the lines are evaluated (see LensChunk).
   */
  codeLenses(document: DocumentRef, settings?: PreviewSettings, progress?: (chunk: LensChunk) => void): CodeLens[];
  /**
   * The preview document's text for `document`, or for the file at a URI (read through the sample
   * file access) when the editor does not have it open.
   */
  preview(document: DocumentRef | string, settings?: PreviewSettings, format?: 'http' | 'json'): PreviewRequestResult;
}

/**
 * `analysisAround`: the checked blocks around an offset (LanguageService.analysisAround), so the
 * hover on a large file that was just edited checks only the piece around the cursor.
 */
export function createSampleUserFeatures(
  files: SampleFileAccess,
  snapshotOf: (document: DocumentRef) => DocumentSnapshot,
  analysisAround: (snapshot: DocumentSnapshot, offset: number) => MappingBlocksAnalysis | undefined,
): SampleUserFeatures & { hover: HoverContributor } {
  const mappingAnalysis = (snapshot: DocumentSnapshot): MappingAnalysis | undefined => {
    const analysis = snapshot.analysis;
    return analysis?.language === 'aadmap' ? analysis : undefined;
  };
  return {
    codeLenses(document, settings, progress) {
      const snapshot = snapshotOf(document);
      const analysis = mappingAnalysis(snapshot);
      return analysis ? evaluationLenses(analysis, snapshot.uri, resolveSampleContext(snapshot.uri, files, settings), progress) : [];
    },
    preview(document, settings, format = 'http') {
      let snapshot: DocumentSnapshot;
      if (typeof document === 'string') {
        const read = files.readText(document);
        if ('error' in read) return { content: `# aadmap provisioning preview\n# ${read.error}\n` };
        snapshot = snapshotOf({ uri: document, text: read.text });
      } else snapshot = snapshotOf(document);
      const analysis = mappingAnalysis(snapshot);
      if (!analysis) return { content: '# aadmap provisioning preview: not an .aadmap document\n' };
      const sample = resolveSampleContext(snapshot.uri, files, settings);
      return { content: previewDocument(analysis, snapshot.uri, sample, format), sampleUser: sample.userUri };
    },
    /** The hover's evaluation section: the value of the mapping under the cursor and its trace. */
    hover(snapshot, offset, options) {
      if (snapshot.languageId !== 'aadmap') return undefined;
      // The sample user first: without one there is no value to show, and no reason to analyse the whole file.
      const sample = resolveSampleContext(snapshot.uri, files, options.preview);
      if (!sample.user) return undefined;
      const analysis = analysisAround(snapshot, offset);
      return analysis && evaluationHover(analysis, offset, sample);
    },
  };
}

/** Commands the lenses invoke; the VS Code client registers them. */
const SELECT_SAMPLE_USER_COMMAND = COMMANDS.selectSampleUser;
const PREVIEW_COMMAND = COMMANDS.previewProvisioning;

const LENS_VALUE_LIMIT = 80;

function toRange(index: LineIndex, range: TextRange): Range {
  return { start: index.positionAt(range.start), end: index.positionAt(Math.max(range.start, range.end)) };
}

/** The value shown for one mapping line (CodeLens title). */
function lensTitle(line: MappingLineEvaluation): string | undefined {
  const outcome = line.outcome;
  if (!outcome) return undefined; // a syntax or check error: the diagnostic says it already
  if (outcome.kind === 'ignored') return t('not sent (IgnoreFlowIfNullOrEmpty)');
  if (outcome.kind === 'error') return `⚠ ${shorten(outcome.error.message, LENS_VALUE_LIMIT)}`;
  const value = displayValue(outcome.value, LENS_VALUE_LIMIT);
  if (outcome.value.kind === 'null') return t('null (not sent)');
  return `= ${value}`;
}

function shorten(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * Lenses: on each mapping block, the sample user (click to choose another) and "Preview
 * provisioning"; on each attribute mapping line, its value for the sample user.
 */
function evaluationLenses(
  analysis: MappingAnalysis,
  documentUri: string,
  sample: SampleContext,
  progress?: (chunk: LensChunk) => void,
): CodeLens[] {
  const index = new LineIndex(analysis.text);
  const lenses: CodeLens[] = [];
  for (const { block } of analysis.blocks) {
    const range = toRange(index, block.keyword);
    const who =
      sample.problem ??
      (sample.existingLabel
        ? t('Sample user: {0} (exists in the target: {1})', sample.userLabel ?? '', sample.existingLabel)
        : t('Sample user: {0}', sample.userLabel ?? ''));
    lenses.push({ range, command: { title: who, command: SELECT_SAMPLE_USER_COMMAND, arguments: [documentUri] } });
    if (sample.user)
      lenses.push({ range, command: { title: t('Preview provisioning'), command: PREVIEW_COMMAND, arguments: [documentUri] } });
  }
  if (!sample.user) return lenses;
  // The targets in evaluation order, to say where the next value goes; only when someone listens.
  const targets = progress && analysis.blocks.flatMap((block) => block.mappings.map(({ mapping }) => mapping.target));
  let evaluated = 0;
  let sent = 0;
  let due = 0;
  const send = () => {
    const next = targets?.[evaluated];
    progress!({ lenses: lenses.slice(sent), ...(next ? { next: toRange(index, next) } : {}) });
    sent = lenses.length;
    due = Date.now() + LENS_CHUNK_MS;
  };
  const lines = mappingLineEvaluations(analysis, sample.user, sample.settings);
  for (;;) {
    // Before each line: a line can be the one that takes the rest of the budget.
    if (progress && Date.now() >= due) send();
    const { done, value: line } = lines.next();
    if (done) break;
    evaluated++;
    const title = lensTitle(line);
    if (title === undefined) continue;
    // An empty command id makes the lens a label (nothing to run on click).
    lenses.push({ range: toRange(index, line.mapping.target), command: { title, command: '' } });
  }
  return lenses;
}

/** Hover over a mapping's source: its value for the sample user and how it was computed. */
function evaluationHover(analysis: MappingBlocksAnalysis, offset: number, sample: SampleContext): HoverSection | undefined {
  if (!sample.user) return undefined;
  let line: { block: CheckedBlock; mapping: AttributeMapping } | undefined;
  for (const block of analysis.blocks) {
    const found = block.mappings.find(
      ({ mapping }) => mapping.source.kind !== 'none' && offset >= mapping.source.start && offset <= mapping.source.end,
    );
    if (found) {
      line = { block, mapping: found.mapping };
      break;
    }
  }
  if (!line) return undefined;
  // Only the hovered line is evaluated (a 5,000-mapping file has 5,000 others).
  const evaluated = evaluateMappingLine(analysis, line.block, line.mapping, sample.user, sample.settings, { trace: true });
  if (!evaluated.outcome) return undefined;
  const markdown = [
    t('**{0}** for sample user `{1}`: {2}', line.mapping.target.text, sample.userLabel ?? '', outcomeText(evaluated.outcome)),
  ];
  const trace = evaluated.outcome.trace;
  if (trace && (trace.children.length > 0 || trace.notes.length > 0)) {
    markdown.push('', '```text', ...traceLines(markWithCursor(trace, offset)), '```');
  }
  return {
    markdown: markdown.join('\n'),
    range: { start: line.mapping.source.start, end: Math.max(line.mapping.source.start, line.mapping.source.end) },
  };
}

function outcomeText(outcome: EvaluationOutcome): string {
  if (outcome.kind === 'ignored') return t('not sent — IgnoreFlowIfNullOrEmpty stops the flow of this attribute');
  if (outcome.kind === 'error') return t('evaluation error — {0}', outcome.error.message);
  return `\`${displayValue(outcome.value).replace(/`/g, "'")}\`${outcome.value.kind === 'null' ? t(' (null values are not sent)') : ''}`;
}

/** Marks (▶) the innermost traced node under the cursor. */
function markWithCursor(trace: TraceNode, offset: number): TraceNode {
  let innermost: TraceNode | undefined;
  const find = (node: TraceNode) => {
    if (offset >= node.start && offset <= node.end) innermost = node;
    node.children.forEach(find);
  };
  find(trace);
  const copy = (node: TraceNode): TraceNode => ({
    ...node,
    label: node === innermost ? `▶ ${node.label}` : node.label,
    children: node.children.map(copy),
  });
  return copy(trace);
}

/** The preview document's text (`http` or `json`), for the editor's read-only preview. */
function previewDocument(analysis: MappingAnalysis, documentUri: string, sample: SampleContext, format: 'http' | 'json' = 'http'): string {
  const file = fileName(documentUri);
  if (!sample.user) return `# ${t('aadmap provisioning preview — {0}', file)}\n# ${sample.problem ?? t('No sample user.')}\n`;
  const outcome = previewMapping(analysis, {
    user: sample.user,
    existing: sample.existing,
    settings: sample.settings,
    patchFlavour: sample.patchFlavour,
  });
  if (outcome.kind === 'errors') {
    const index = new LineIndex(analysis.text);
    const lines = outcome.errors.map((d) => {
      const p = index.positionAt(d.start);
      return `#   ${file}:${p.line + 1}:${p.character + 1}: ${d.message}`;
    });
    return `# ${t('aadmap provisioning preview — {0}', file)}\n# ${t('The file has errors; fix them to see the preview:')}\n${lines.join('\n')}\n`;
  }
  const header = { file, input: sample.userLabel ?? '', existing: sample.problem ? undefined : sample.existingLabel };
  const text =
    format === 'json' ? stringifyJson(previewToJson(outcome.preview, header, analysis.text)) : previewToHttp(outcome.preview, header);
  return sample.problem ? `# ${t('Note: {0}', sample.problem)}\n${text}` : text;
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
