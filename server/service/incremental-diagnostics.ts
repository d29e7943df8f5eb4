/**
 * Diagnostics of a `.aadmap` document that reuse the work done for the previous version.
 *
 * Why: a full analysis of a 5,000-mapping file takes a few hundred milliseconds, far over the
 * budget of an edit (didChange → publishDiagnostics p95 ≤ 16 ms: docs/performance.md). A keystroke changes one
 * mapping block; the others only move. The parser already reads a file in pieces that parse on
 * their own (grammar/mapping parseMappingPieces); here each piece's results — its syntax
 * diagnostics, its target statements, its block names and each block's checker diagnostics — are
 * kept. What changed since the previous version is known from the editor's edits when the caller
 * passes them (`noteEdits`), else from comparing the two texts (common prefix and suffix, one pass
 * over the text — the fallback): a piece that lies entirely in the unchanged prefix or suffix has
 * the same text, so its results are reused, with their offsets shifted by the length change when it
 * lies after the edit. Only the pieces the edit touched are read again; a large block is read and
 * checked statement by statement (block-statements.ts), so an edit inside it costs one statement
 * plus the block's cross-statement rules. File-level rules (which target applies,
 * duplicate target statements, duplicate block names) are recomputed from the kept summaries.
 *
 * The contract: `diagnostics()` returns exactly `analyzeMappingText(text, uri, reader).diagnostics`
 * — same items, same order, with or without edits noted. test/service/incremental-diagnostics.test.ts
 * proves it on sequences of random edits. Only diagnostics are incremental: the checked model
 * (analyze) is still built whole.
 */
import type { SyntaxDiagnostic } from '../../grammar/common/syntax-diagnostic';
import type { DeployStatement, ObjectMappingBlock, TargetStatement } from '../../grammar/mapping/ast';
import {
  parseMappingPiece,
  parseMappingPieces,
  pieceStarts,
  shiftedNode,
  updatePieceStarts,
  withoutRepeatedSyntaxErrors,
} from '../../grammar/mapping/index';
import { type CheckDiagnostic, DiagnosticSink } from '../checker/diagnostic';
import { checkBlock, reportDuplicateBlockName, reportDuplicateTargets } from '../checker/mapping/check-file';
import { checkDeployStatements } from '../checker/mapping/rules/deploy';
import type { ResolvedSchemas } from '../checker/mapping/context';
import { afterEdits, bounds, type ChangedRegion, unchanged } from './changed-region';
import type { TextReplacement } from './document';
import { type BlockStatements, STATEMENT_LEVEL_MIN_LINES, StatementCache, type StatementHint } from './block-statements';
import { owned } from './owned';
import { resolveSchemas, type SchemaFileReader } from './schema-resolver';
import { t } from '../../grammar/common/l10n';

/** What is kept of one piece, with offsets valid where the piece started when it was read (`start`). */
interface PieceSummary {
  /** Length of the piece's text (no text is kept: a slice would keep the whole old version alive). */
  length: number;
  start: number;
  closedAtFileLevel: boolean;
  syntax: SyntaxDiagnostic[];
  targets: TargetStatement[];
  deploys: DeployStatement[];
  blocks: BlockSummary[];
  /** The schemas the blocks were checked against; other schemas mean a fresh check. */
  checkedWith?: ResolvedSchemas;
  /** A fresh read's blocks (at `start`), kept only until they are checked in the same call. */
  unchecked?: ObjectMappingBlock[];
  /** A large block read statement by statement (block-statements.ts), waiting for its check like `unchecked`. */
  statements?: BlockStatements;
  /** The statements of the last read, once checked: the next read of the edited block keeps their cut outside the edit. */
  read?: BlockStatements;
}

interface BlockSummary {
  name?: { value: string; start: number; end: number };
  diagnostics: CheckDiagnostic[];
  /** The checker threw on this block (analyzeMappingText reports that and stops checking). */
  failure?: unknown;
}

/** Per-document state: the previous version's text, piece starts and piece summaries. */
export class IncrementalMappingDiagnostics {
  private previous:
    | { text: string; starts: number[]; pieces: Map<number, PieceSummary>; schemas: ResolvedSchemas; complete: boolean }
    | undefined;
  /** A later text than `previous.text` that noted edits lead to, and what they left unchanged. */
  private pending: { text: string; region: ChangedRegion } | undefined;
  /**
   * What the last call did: pieces in the file, pieces it had to read (parse) afresh, and whether
   * noted edits told what changed (else the texts were compared); blocks read statement by
   * statement, and the statements cut from the text (not kept from the previous version's cut).
   */
  readonly lastCall = { pieces: 0, read: 0, hinted: false, statementLevel: 0, statementsCut: 0 };
  /** The statements of large blocks, kept by their text (block-statements.ts). */
  private readonly statements = new StatementCache();
  private readonly statementLevelMinLines: number;

  /** `statementLevelMinLines`: blocks of at least this many lines are read statement by statement (tests lower it). */
  constructor(options: { statementLevelMinLines?: number } = {}) {
    this.statementLevelMinLines = options.statementLevelMinLines ?? STATEMENT_LEVEL_MIN_LINES;
  }

  /**
   * Notes that `text` is `from` with `edits` applied in order (an editor's content changes, as
   * offsets; one version's or several's). Notes chain from the text of the last diagnostics call:
   * the next call for `text` then knows what changed without comparing the texts. Edits that do not
   * continue the chain or do not fit are dropped; that call then compares the texts.
   */
  noteEdits(from: string, edits: readonly TextReplacement[], text: string): void {
    const diagnosed = this.previous?.text;
    let region: ChangedRegion | undefined;
    // Strings are compared by identity first: the editor passes back the very texts noted before.
    if (this.pending !== undefined && this.pending.text === from) region = this.pending.region;
    else if (diagnosed !== undefined && diagnosed === from) region = unchanged(from.length);
    const next = region && afterEdits(region, from.length, edits, text.length);
    this.pending = next && { text, region: next };
  }

  /**
   * Where the piece holding `offset` lies in the text last diagnosed, and the schemas its blocks were
   * checked against; undefined for another text, or when the checker failed part-way. The pieces are
   * parseMappingFile's (a block left open has taken in the pieces after it), so parseMappingPiece of
   * text[start, end) gives the tree the whole file's parse has there.
   */
  pieceAround(text: string, offset: number): { start: number; end: number; schemas: ResolvedSchemas } | undefined {
    const previous = this.previous;
    if (previous === undefined || !previous.complete || previous.text !== text || offset < 0 || offset > text.length) return undefined;
    // The kept pieces' starts, ascending (a Map keeps insertion order, and pieces are read in order).
    let start = 0;
    let end = text.length;
    for (const pieceStart of previous.pieces.keys()) {
      if (pieceStart <= offset) start = pieceStart;
      else {
        end = pieceStart;
        break;
      }
    }
    return { start, end, schemas: previous.schemas };
  }

  /** The diagnostics of `text`, equal to analyzeMappingText(text, uri, reader).diagnostics. */
  diagnostics(text: string, uri: string, reader: SchemaFileReader): CheckDiagnostic[] {
    const previous = this.previous;
    const pending = this.pending;
    this.pending = undefined;
    let read = 0;
    let hinted = false;
    let starts: number[];
    let statementLevel = 0;
    this.statements.beginCall();
    let hintFor: (start: number) => StatementHint | undefined = () => undefined;
    const summarize = (fileText: string, start: number, end: number): PieceSummary => {
      const statements = this.statements.read(fileText, start, end, this.statementLevelMinLines, hintFor(start));
      if (statements === undefined) return summarizePiece(fileText, start, end);
      const summary: PieceSummary = {
        length: end - start,
        start,
        closedAtFileLevel: true,
        syntax: statements.syntax,
        targets: [],
        deploys: [],
        blocks: [],
        statements,
      };
      return summary;
    };
    let reuse: (start: number, end: number) => PieceSummary | undefined = () => undefined;
    if (previous === undefined) {
      starts = pieceStarts(text);
    } else {
      let prefix: number;
      let suffix: number;
      if (pending !== undefined && pending.text === text) {
        ({ prefix, suffix } = bounds(pending.region, previous.text.length, text.length));
        hinted = true;
      } else {
        prefix = commonPrefix(previous.text, text);
        suffix = commonSuffix(previous.text, text, prefix);
      }
      const delta = text.length - previous.text.length;
      starts = updatePieceStarts(previous.text, previous.starts, text, prefix, suffix);
      // The block the edit is in, read statement by statement last time: its statements outside the edit keep their cut.
      hintFor = (start) => {
        const read = start <= prefix ? previous.pieces.get(start)?.read : undefined;
        return read && { previous: read, prefix, changeEnd: text.length - suffix, delta };
      };
      reuse = (start, end) => {
        // Same text as in the previous version: wholly before the change, or wholly after it.
        const before =
          end <= prefix ? previous.pieces.get(start) : start >= text.length - suffix ? previous.pieces.get(start - delta) : undefined;
        return before !== undefined && before.length === end - start ? before : undefined;
      };
    }
    const pieces = parseMappingPieces(
      text,
      (fileText, start, end) => {
        const summary = reuse(start, end) ?? (read++, summarize(fileText, start, end));
        return { summary, start, closedAtFileLevel: summary.closedAtFileLevel };
      },
      starts,
    );
    const kept = new Map<number, PieceSummary>();

    const sink = new DiagnosticSink();
    // 1. Syntax, as parseMappingFile reports it.
    const syntax: SyntaxDiagnostic[] = [];
    for (const { summary, start } of pieces) for (const d of summary.syntax) syntax.push(shifted(d, start - summary.start));
    sink.addAll(withoutRepeatedSyntaxErrors(text, syntax));
    // 2. The target statement that applies, as analyzeMappingText resolves it.
    const targets: TargetStatement[] = [];
    for (const { summary, start } of pieces) for (const t of summary.targets) targets.push(shiftedTarget(t, start - summary.start));
    const schemas = resolveSchemas({ kind: 'file', targets, mappings: [], comments: [], start: 0, end: text.length }, uri, reader, sink);
    const state = { text, starts, pieces: kept, schemas, complete: false };
    this.previous = state;
    // 3. The checker, in checkMappingFile's order: duplicate targets, the deploy statement, then block by block.
    try {
      reportDuplicateTargets(targets, sink);
      const deploys: DeployStatement[] = [];
      for (const { summary, start } of pieces) for (const d of summary.deploys) deploys.push(shiftedNode(d, start - summary.start));
      checkDeployStatements({ kind: 'file', targets, deploys, mappings: [], comments: [], start: 0, end: text.length }, sink);
      const names = new Set<string>();
      for (const piece of pieces) {
        let { summary } = piece;
        if (summary.checkedWith?.source !== schemas.source || summary.checkedWith?.target !== schemas.target) {
          // Never checked, or against other schemas: check a tree at today's offsets.
          if ((summary.unchecked === undefined && summary.statements === undefined) || summary.start !== piece.start) {
            read++;
            summary = summarize(text, piece.start, piece.start + summary.length);
          }
          const statements = summary.statements;
          const checked = statements && this.statements.check(text, statements, schemas);
          if (statements && checked) {
            statementLevel++;
            const name = statements.header.name;
            const block: BlockSummary = { diagnostics: checked };
            if (name) block.name = { value: name.value, start: name.start, end: name.end };
            summary = { ...summary, statements: undefined, read: statements, blocks: [block], checkedWith: schemas };
          } else {
            if (statements) {
              // The statement-level check failed: check the block whole, which reports why.
              read++;
              summary = summarizePiece(text, piece.start, piece.start + summary.length);
            }
            summary = checkSummary(summary, summary.unchecked ?? [], text, schemas);
          }
        }
        kept.set(piece.start, summary);
        const delta = piece.start - summary.start;
        for (const block of summary.blocks) {
          if (block.name)
            reportDuplicateBlockName(
              names,
              { value: block.name.value, start: block.name.start + delta, end: block.name.end + delta },
              sink,
            );
          for (const d of block.diagnostics) sink.items.push(shifted(d, delta));
          if (block.failure !== undefined) throw block.failure;
        }
      }
      state.complete = true;
    } catch (error) {
      sink.items.push(internalError(error));
    }
    this.statements.endCall();
    this.lastCall.statementLevel = statementLevel;
    this.lastCall.statementsCut = this.statements.cut;
    this.lastCall.pieces = pieces.length;
    this.lastCall.read = read;
    this.lastCall.hinted = hinted;
    return sink.items.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The common suffix, not overlapping the common prefix in either text. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Reads text[start, end) as a piece; its blocks wait in `unchecked` for the schemas. */
function summarizePiece(text: string, start: number, end: number): PieceSummary {
  const piece = parseMappingPiece(text, start, end);
  return {
    length: end - start,
    start,
    closedAtFileLevel: piece.closedAtFileLevel,
    syntax: owned(piece.diagnostics),
    targets: owned(piece.ast.targets),
    deploys: owned(piece.ast.deploys ?? []),
    blocks: [],
    unchecked: piece.ast.mappings,
  };
}

/** A summary whose blocks (at its own offsets) are checked against `schemas`; the blocks are then dropped. */
function checkSummary(read: PieceSummary, blocks: readonly ObjectMappingBlock[], text: string, schemas: ResolvedSchemas): PieceSummary {
  const summary: PieceSummary = { ...read, blocks: [], checkedWith: schemas, unchecked: undefined };
  for (const block of blocks) {
    const sink = new DiagnosticSink();
    const result: BlockSummary = { diagnostics: [] };
    if (block.name) result.name = { value: owned(block.name.value), start: block.name.start, end: block.name.end };
    try {
      checkBlock(block, text, schemas, sink);
    } catch (error) {
      result.failure = error;
    }
    result.diagnostics = owned(sink.items);
    summary.blocks.push(result);
    if (result.failure !== undefined) break;
  }
  return summary;
}

function shifted<D extends SyntaxDiagnostic>(diagnostic: D, delta: number): D {
  return { ...diagnostic, start: diagnostic.start + delta, end: diagnostic.end + delta };
}

function shiftedTarget(target: TargetStatement, delta: number): TargetStatement {
  if (delta === 0) return target;
  const moved: TargetStatement = { kind: 'target', start: target.start + delta, end: target.end + delta };
  if (target.value) moved.value = { ...target.value, start: target.value.start + delta, end: target.value.end + delta };
  return moved;
}

/** analysis.ts `guard`'s report of a checker bug. */
function internalError(error: unknown): CheckDiagnostic {
  return {
    start: 0,
    end: 0,
    severity: 'error',
    code: 'internal-error',
    message: t('Internal error while checking (please report it): {0}', error instanceof Error ? error.message : String(error)),
  };
}
