/**
 * Diagnostics of one large mapping block, statement by statement (for incremental-diagnostics.ts).
 *
 * Why: real files hold one or two object mappings of hundreds or thousands of lines; per-block
 * reuse then re-reads the whole block on every keystroke. Here a block is cut into its header line,
 * its statements (one line each; a scope block with its clauses) and its closing line. Each
 * statement is read by the fast path on its own text (offsets relative to its start) and checked on
 * its own, and both results are kept by the statement's text: an unchanged line anywhere in the
 * block — moved or not — costs one map lookup. What depends on several lines (duplicate target
 * attributes, settings and scope names, matching precedences, required attributes, a matching
 * attribute at all) is recomputed on every call by the block rules themselves, run on a skeleton of
 * the block built from the kept summaries (no expression, no schema lookup per line).
 *
 * The contract is checkBlock's: the same diagnostics in the same order (the caller sorts by range,
 * stably; ties within a range keep checkBlock's order, which `rank` reproduces: a mapping's source
 * first, then the block rules in blockRules order, a rule's cross-line findings before its
 * per-line ones). A statement the fast path declines — the line being typed, a syntax error — is
 * read on its own by the reference parser as its block's parse reads it, with its syntax errors
 * (grammar/mapping/reference.ts parseBlockStatementReference); only what that cannot read on its own
 * (a parenthesis left open before a line that continues it, an attribute declaration, a header or
 * closing line that is not plain) returns undefined, and the caller reads the block whole.
 * test/service/incremental-diagnostics.test.ts proves the equality on random edits inside large blocks.
 */
import type { AttributeMapping, BlockItem, ObjectMappingBlock, ScopeGroup } from '../../grammar/mapping/ast';
import { mappingProperties, shiftedNode } from '../../grammar/mapping/ast';
import type { SyntaxDiagnostic } from '../../grammar/common/syntax-diagnostic';
import { fastParseBlockStatement, fastParsePiece } from '../../grammar/mapping/fast-path';
import { parseBlockStatementReference, startsStatement } from '../../grammar/mapping/index';
import type { CheckerCode } from '../checker/codes';
import { type CheckDiagnostic, DiagnosticSink, WarningsOnlySink } from '../checker/diagnostic';
import { blockRules, checkSource, isDisabled } from '../checker/mapping/check-file';
import type { BlockContext, CheckedMapping, ResolvedSchemas } from '../checker/mapping/context';
import { objectsRule } from '../checker/mapping/rules/objects';
import { targetAttributesRule } from '../checker/mapping/rules/target-attributes';
import { resolveTargetAttribute } from '../checker/mapping/resolve';
import { findObject } from '../schema/lookup';
import { owned } from './owned';
import type { ObjectSchema } from '../schema/types';

/** Blocks of at least this many lines are read statement by statement. */
export const STATEMENT_LEVEL_MIN_LINES = 64;

/** Findings that depend on more than one statement: computed on the skeleton, never per statement. */
const CROSS_STATEMENT_CODES: ReadonlySet<CheckerCode> = new Set<CheckerCode>([
  'duplicate-setting',
  'duplicate-scope-name',
  'duplicate-target-attribute',
  'duplicate-matching-priority',
  'missing-required-attribute',
  'no-matching-attribute',
  'unknown-object',
]);

interface RankedDiagnostic extends CheckDiagnostic {
  /** checkBlock's emission order among diagnostics of one range (see the file comment). */
  rank: number;
}

/** What the block rules need to know about a statement, besides its own diagnostics. */
interface CheckedStatement {
  context: CheckContext;
  /** Offsets relative to the statement's start. */
  diagnostics: RankedDiagnostic[];
  /** The statement's item (relative offsets), kept only for the skeleton: a mapping's match modifier and target, a setting, a scope's name. */
  skeleton?: BlockItem;
  properties?: CheckedMapping['properties'];
  targetAttribute?: CheckedMapping['targetAttribute'];
}

interface StatementEntry {
  /** The statement's item (relative offsets); dropped once checked (read again for another context). */
  item?: BlockItem | null;
  /** Its syntax errors (relative offsets), when the fast path declined it and the reference parser read it. */
  syntax?: SyntaxDiagnostic[];
  /** It ends with a parenthesis open: it stands on its own only before a line that starts a statement. */
  continues?: true;
  /** Its checks, one per context it was met in (two blocks may hold the same line), most recent last. */
  checks: CheckedStatement[];
  /** The last call that used the entry (for eviction). */
  used: number;
}

/** Contexts a statement's checks are kept for (blocks of one document that hold the same line). */
const CHECKS_KEPT = 4;

/** What a statement's check depends on besides its text. */
interface CheckContext {
  schemas: ResolvedSchemas;
  sourceObject?: ObjectSchema;
  targetObject?: ObjectSchema;
  disabled: boolean;
}

/** A block read statement by statement, waiting for its check (the schemas are known later). */
export interface BlockStatements {
  /** The header's nodes at their offsets in the text read. */
  header: ObjectMappingBlock;
  /** The header line's text (which block this is, from one call to the next). */
  headerText: string;
  /** Statement starts (absolute, in the text read) and their entries, in order. */
  starts: number[];
  entries: StatementEntry[];
  /** Where the closing line starts, and where the piece read ends. */
  close: number;
  end: number;
  /** The statements' syntax errors, at their offsets in the text read (as the block's parse reports them, before the file's `withoutRepeatedSyntaxErrors`). */
  syntax: SyntaxDiagnostic[];
}

/**
 * The same block read in the previous version of the text, and what changed since: the new text
 * equals the old one before `prefix`, and from `changeEnd` on it equals the old text from
 * `changeEnd - delta` on. Statements wholly outside the change keep their cut.
 */
export interface StatementHint {
  previous: BlockStatements;
  prefix: number;
  changeEnd: number;
  delta: number;
}

/** The statements kept for the blocks of one document. */
export class StatementCache {
  private readonly entries = new Map<string, StatementEntry>();
  private readonly contexts: CheckContext[] = [];
  /** Each block's last cross-statement findings, by header line (see crossFindings). */
  readonly cross = new Map<string, CrossFindings>();
  private call = 0;
  private live = 0;
  /** Statements this call cut from the text (the others kept their cut from the previous version). */
  cut = 0;

  /** Starts one diagnostics call: the statements it does not read are dropped at its end (`endCall`). */
  beginCall(): void {
    this.call++;
    this.live = 0;
    this.cut = 0;
  }

  /** Drops the statements this call did not use, once they outnumber the used ones. */
  endCall(): void {
    if (this.entries.size <= 2 * this.live + 256) return;
    for (const [key, entry] of this.entries) if (entry.used !== this.call) this.entries.delete(key);
    this.cross.clear();
  }

  /**
   * Reads text[start, end) — a piece that starts with a `mapping` line — as a header, statements and
   * a closing line, or undefined when it is not such a block of at least `minLines` lines, or a part
   * of it cannot be read on its own (see the file comment).
   */
  read(text: string, start: number, end: number, minLines = STATEMENT_LEVEL_MIN_LINES, hint?: StatementHint): BlockStatements | undefined {
    const headerEnd = lineEnd(text, start, end);
    if (headerEnd >= end) return undefined;
    // A copy: the text is kept (as a key, and in the hint), and a slice would keep this whole version alive.
    const headerText = owned(text.slice(start, headerEnd));
    const previous = hint && usable(hint, start, headerEnd, headerText) ? hint.previous : undefined;
    let header: ObjectMappingBlock;
    if (previous) header = previous.header;
    else {
      if (!/^[ \t]*mapping\b/.test(headerText)) return undefined;
      // The header alone, closed on the next line: its nodes, at offsets relative to `start`.
      const read = fastParsePiece(`${headerText}}`, 0, headerText.length + 1);
      if (read === undefined || read.mappings.length !== 1 || read.targets.length !== 0) return undefined;
      header = shiftedNode(read.mappings[0]!, start);
    }
    const call = this.call;
    const starts: number[] = [];
    const entries: StatementEntry[] = [];
    let cut = 0;
    let at = headerEnd;
    let close = -1;
    // Before the change: the previous cut, up to the last statement that ends before the first
    // changed character (one character short: a line break `\r` is read with the character after it).
    let next = 0; // the previous statement to look at next
    if (previous) {
      const count = previous.starts.length;
      const limit = Math.min(hint!.prefix, end);
      while (next < count && (next + 1 < count ? previous.starts[next + 1]! : previous.close) < limit) {
        this.use(previous.entries[next]!);
        starts.push(previous.starts[next]!);
        entries.push(previous.entries[next]!);
        next++;
      }
      if (next > 0) at = next < count ? previous.starts[next]! : previous.close;
    }
    while (at < end) {
      if (previous && at >= hint!.changeEnd && end - hint!.delta === previous.end) {
        // After the change, where a cut lands on one of the previous version's: the rest is as it was, moved.
        const old = at - hint!.delta;
        while (next < previous.starts.length && previous.starts[next]! < old) next++;
        if (next < previous.starts.length && previous.starts[next]! === old) {
          for (; next < previous.starts.length; next++) {
            this.use(previous.entries[next]!);
            starts.push(previous.starts[next]! + hint!.delta);
            entries.push(previous.entries[next]!);
          }
          close = previous.close + hint!.delta;
          break;
        }
      }
      const first = firstNonBlank(text, at, end);
      if (text.charCodeAt(first) === 0x7d /* } */) {
        close = at;
        break;
      }
      let statementEnd = lineEnd(text, at, end);
      if (text.startsWith('scope', first)) {
        // A scope block runs to the line that starts with its `}`.
        while (statementEnd < end && text.charCodeAt(firstNonBlank(text, statementEnd, end)) !== 0x7d)
          statementEnd = lineEnd(text, statementEnd, end);
        if (statementEnd >= end) return undefined;
        statementEnd = lineEnd(text, statementEnd, end);
      }
      const statement = text.slice(at, statementEnd);
      let entry = this.entries.get(statement);
      if (entry === undefined) {
        // A copy, not a slice: what the statement's nodes and checks keep of its text (names, targets,
        // messages) would otherwise be slices of this whole version, kept alive with them.
        const own = owned(statement);
        const read = readStatement(headerText, own);
        if (read === undefined) return undefined;
        // A block that declares attributes is read whole: a declaration changes what every line of
        // the block means (docs/custom-attributes.md), so no line's findings stand on their own.
        if (read.item?.kind === 'attributeDeclaration') return undefined;
        entry = { item: read.item ?? null, checks: [], used: call - 1 };
        if (read.syntax) entry.syntax = read.syntax;
        if (read.continues) entry.continues = true;
        this.entries.set(own, entry);
      }
      this.use(entry);
      cut++;
      starts.push(at);
      entries.push(entry);
      at = statementEnd;
    }
    if (close < 0 || entries.length < minLines || !CLOSING.test(text.slice(close, end))) return undefined;
    this.cut += cut;
    const syntax: SyntaxDiagnostic[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.continues && !endsBeforeStatement(text, i + 1 < entries.length ? starts[i + 1]! : close, end)) return undefined;
      if (entry.syntax) for (const d of entry.syntax) syntax.push({ ...d, start: d.start + starts[i]!, end: d.end + starts[i]! });
    }
    return { header, headerText, starts, entries, close, end, syntax };
  }

  /** Marks an entry as used by this call (kept at its end). */
  private use(entry: StatementEntry): void {
    if (entry.used !== this.call) this.live++;
    entry.used = this.call;
  }

  /**
   * The diagnostics of a block read by `read` (in the text `text` at the same offsets), as checkBlock
   * reports them before the caller's sort; undefined when a check throws (the caller then checks the
   * block whole, which reports it).
   */
  check(text: string, block: BlockStatements, schemas: ResolvedSchemas): CheckDiagnostic[] | undefined {
    try {
      return checkStatements(text, block, schemas, this);
    } catch {
      return undefined;
    }
  }

  /** The context a statement of `block` is checked in: the same object while nothing it holds changes. */
  contextFor(block: BlockStatements, schemas: ResolvedSchemas, disabled: boolean): CheckContext {
    const sourceObject = block.header.sourceObject && findObject(schemas.source, block.header.sourceObject.text);
    const targetObject =
      block.header.targetObject && schemas.target ? findObject(schemas.target, block.header.targetObject.text) : undefined;
    const same = this.contexts.find(
      (c) =>
        c.schemas.source === schemas.source &&
        c.schemas.target === schemas.target &&
        c.schemas.functions === schemas.functions &&
        c.sourceObject === sourceObject &&
        c.targetObject === targetObject &&
        c.disabled === disabled,
    );
    if (same) return same;
    const context = { schemas, sourceObject, targetObject, disabled };
    this.contexts.push(context);
    if (this.contexts.length > CHECKS_KEPT) this.contexts.shift();
    return context;
  }

  /** Reads a statement of `block` again (its item was dropped after an earlier check). */
  reread(text: string, block: BlockStatements, start: number, end: number): BlockItem | null | undefined {
    const read = readStatement(block.headerText, owned(text.slice(start, end)));
    return read === undefined ? undefined : (read.item ?? null);
  }
}

/**
 * One statement (its own text, offsets relative to its start): by the fast path, or — a line being
 * typed, a syntax error — by the reference parser as the block's parse would read it, with its
 * syntax errors; undefined when neither reads it on its own (the caller reads the block whole).
 */
function readStatement(
  headerText: string,
  statement: string,
): { item?: BlockItem; syntax?: SyntaxDiagnostic[]; continues?: boolean } | undefined {
  const fast = fastParseBlockStatement(statement, 0, statement.length);
  if (fast !== undefined) return fast;
  const read = parseBlockStatementReference(headerText, statement);
  if (read === undefined) return undefined;
  return { item: read.item, continues: read.continues, ...(read.diagnostics.length > 0 ? { syntax: read.diagnostics } : {}) };
}

/**
 * Whether the first line from `at` that holds a token (blank and comment lines aside) starts a
 * statement: then a parenthesis left open before `at` closes there, as the lexer reads it (grammar/mapping/lexer.ts).
 */
function endsBeforeStatement(text: string, at: number, end: number): boolean {
  while (at < end) {
    const first = firstNonBlank(text, at, end);
    const c = text.charCodeAt(first);
    const next = lineEnd(text, at, end);
    if (first < end && c !== 0x0a && c !== 0x0d && c !== 0x23 /* # */) return startsStatement(text.slice(at, next));
    at = next;
  }
  return false;
}

/** Whether a hint's previous read is the block at `start`: its header line wholly before the change, so the same line at the same offset. */
function usable(hint: StatementHint, start: number, headerEnd: number, headerText: string): boolean {
  const { previous } = hint;
  return headerEnd < hint.prefix && previous.header.start === start && previous.headerText === headerText;
}

/** After the block's `}`: the rest of its line, then blank and comment lines only (the fast path's file level). */
const CLOSING = /^[ \t]*\}[ \t]*(?:#[^\r\n]*)?(?:(?:\r\n|\n|\r)[ \t]*(?:#[^\r\n]*)?)*$/;

function checkStatements(text: string, block: BlockStatements, schemas: ResolvedSchemas, cache: StatementCache): CheckDiagnostic[] {
  // Settings decide whether the block is disabled (the context of every statement): read from the skeleton items kept.
  const settings: BlockItem[] = [];
  for (let i = 0; i < block.entries.length; i++) {
    const entry = block.entries[i]!;
    const item = entry.checks[0]?.skeleton ?? entry.item;
    if (item && (item.kind === 'enabled' || item.kind === 'flowTypes')) settings.push(item);
  }
  const disabled = isDisabled({ ...block.header, items: settings });
  const context = cache.contextFor(block, schemas, disabled);
  const out: RankedDiagnostic[] = [];
  // The header: the objects rule (rank of blockRules[0], per-statement part).
  const headerSink = new RankingSink(disabled, out);
  headerSink.rank = 2 * blockRules.indexOf(objectsRule) + 1;
  objectsRule(blockContext({ ...block.header, items: [] }, context, [], headerSink, text));

  // Each statement, checked once per context; its diagnostics moved to where it is now.
  const checks: CheckedStatement[] = [];
  for (let i = 0; i < block.entries.length; i++) {
    const entry = block.entries[i]!;
    const start = block.starts[i]!;
    let checked = entry.checks.find((c) => c.context === context);
    if (checked === undefined) {
      const end = statementEndOf(block, i, text);
      if (entry.item === undefined) {
        entry.item = cache.reread(text, block, start, end);
        if (entry.item === undefined) throw new Error('a statement read before no longer reads');
      }
      checked = checkStatement(entry.item, owned(text.slice(start, end)), context);
      entry.checks.push(checked);
      if (entry.checks.length > CHECKS_KEPT) entry.checks.shift();
      entry.item = undefined;
    }
    for (const d of checked.diagnostics) out.push({ ...d, start: d.start + start, end: d.end + start });
    checks.push(checked);
  }
  for (const { index, diagnostic } of crossFindings(text, block, checks, context, cache)) {
    const base = index < 0 ? block.header.start : block.starts[index]!;
    out.push({ ...diagnostic, start: diagnostic.start + base, end: diagnostic.end + base });
  }
  // Array.prototype.sort is stable: ties keep the order they were collected in (statement order, then the skeleton's).
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.rank - b.rank);
  return out.map(({ rank, ...diagnostic }) => (void rank, diagnostic));
}

/** A block's cross-statement findings, each relative to its statement's start (index -1: the header's). */
interface CrossFindings {
  context: CheckContext;
  checks: CheckedStatement[];
  findings: { index: number; diagnostic: RankedDiagnostic }[];
}

/**
 * The cross-statement findings of `block`: the last call's, when every statement still says what
 * they read (an edit inside a source expression, the usual keystroke, changes none of it), else
 * the block rules run on the skeleton.
 */
function crossFindings(
  text: string,
  block: BlockStatements,
  checks: CheckedStatement[],
  context: CheckContext,
  cache: StatementCache,
): CrossFindings['findings'] {
  const previous = cache.cross.get(block.headerText);
  if (
    previous !== undefined &&
    previous.context === context &&
    previous.checks.length === checks.length &&
    checks.every((checked, i) => checked === previous.checks[i] || sameSkeleton(checked, previous.checks[i]!))
  ) {
    previous.checks = checks;
    return previous.findings;
  }
  const skeletonItems: BlockItem[] = [];
  const skeletonMappings: CheckedMapping[] = [];
  for (let i = 0; i < checks.length; i++) {
    const checked = checks[i]!;
    const item = checked.skeleton;
    if (item === undefined) continue;
    const start = block.starts[i]!;
    const moved = item.kind === 'attributeMapping' ? movedMapping(item, start) : shiftedNode(item, start);
    skeletonItems.push(moved);
    if (moved.kind === 'attributeMapping') {
      skeletonMappings.push({ mapping: moved, properties: checked.properties!, targetAttribute: checked.targetAttribute });
    }
  }
  const out: RankedDiagnostic[] = [];

  // The cross-statement findings: the block rules on the skeleton. Without the target object, the
  // target-attributes rule stops after its duplicates; with it (second run, on the mappings whose
  // attribute is known), it adds the required attributes.
  const disabled = context.disabled;
  const skeleton: ObjectMappingBlock = { ...block.header, items: skeletonItems };
  const sink = new RankingSink(disabled, out, CROSS_STATEMENT_CODES);
  blockRules.forEach((rule, index) => {
    sink.rank = 2 * index;
    if (rule === objectsRule) return;
    rule(blockContext(skeleton, { ...context, targetObject: undefined, sourceObject: undefined }, skeletonMappings, sink, text));
    if (rule === targetAttributesRule && context.targetObject) {
      const known = skeletonMappings.filter((m) => m.targetAttribute !== undefined);
      const required = new RankingSink(disabled, out, REQUIRED_ONLY);
      required.rank = 2 * index;
      rule(blockContext(skeleton, context, known, required, text));
    }
  });
  // Each finding kept relative to the statement it lies in (the last one starting at or before it).
  const findings = out.map((diagnostic) => {
    let low = 0;
    let high = block.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (block.starts[mid]! <= diagnostic.start) low = mid + 1;
      else high = mid;
    }
    const index = low - 1;
    const base = index < 0 ? block.header.start : block.starts[index]!;
    return { index, diagnostic: { ...diagnostic, start: diagnostic.start - base, end: diagnostic.end - base } };
  });
  cache.cross.set(block.headerText, { context, checks, findings });
  return findings;
}

/** Whether two checks of a statement give the cross-statement rules the same input, at the same offsets within it. */
function sameSkeleton(a: CheckedStatement, b: CheckedStatement): boolean {
  const x = a.skeleton;
  const y = b.skeleton;
  if (x === undefined || y === undefined) return x === y;
  if (x.kind !== 'attributeMapping' || y.kind !== 'attributeMapping') return false;
  return (
    a.targetAttribute === b.targetAttribute &&
    a.properties?.matchingPriority === b.properties?.matchingPriority &&
    x.target.text === y.target.text &&
    x.target.start === y.target.start &&
    x.target.end === y.target.end &&
    x.start === y.start &&
    JSON.stringify(x.modifiers) === JSON.stringify(y.modifiers)
  );
}

const REQUIRED_ONLY: ReadonlySet<CheckerCode> = new Set<CheckerCode>(['missing-required-attribute']);

function statementEndOf(block: BlockStatements, i: number, text: string): number {
  return i + 1 < block.starts.length ? block.starts[i + 1]! : statementEnd(text, block.starts[i]!);
}

/** The end of the last statement: the start of the block's closing line. */
function statementEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length && text.charCodeAt(firstNonBlank(text, at, text.length)) !== 0x7d) at = lineEnd(text, at, text.length);
  return at;
}

/** One statement (relative offsets) checked as checkBlock checks it inside its block, cross-statement findings aside. */
function checkStatement(item: BlockItem | null, statementText: string, context: CheckContext): CheckedStatement {
  const diagnostics: RankedDiagnostic[] = [];
  if (item === null) return { context, diagnostics };
  const sink = new RankingSink(context.disabled, diagnostics, undefined, CROSS_STATEMENT_CODES);
  const single: ObjectMappingBlock = {
    kind: 'objectMapping',
    keyword: { start: 0, end: 0 },
    items: [item],
    start: 0,
    end: statementText.length,
  };
  const checked: CheckedStatement = { context, diagnostics };
  const mappings: CheckedMapping[] = [];
  if (item.kind === 'attributeMapping') {
    const properties = mappingProperties(item);
    const targetAttribute = context.targetObject ? resolveTargetAttribute(context.targetObject, item.target)?.attribute : undefined;
    sink.rank = -1;
    checkSource(item, statementText, sink, context.schemas, context.sourceObject, properties, targetAttribute);
    mappings.push({ mapping: item, properties, targetAttribute });
    checked.skeleton = mappingSkeleton(item);
    checked.properties = properties;
    checked.targetAttribute = targetAttribute;
  } else if (item.kind === 'scope') {
    checked.skeleton = { ...item, clauses: [] } satisfies ScopeGroup;
  } else {
    checked.skeleton = item; // a setting (declarations never get here: their blocks are read whole)
  }
  const blockContextOf = blockContext(single, context, mappings, sink, statementText);
  blockRules.forEach((rule, index) => {
    sink.rank = 2 * index + 1;
    rule(blockContextOf);
  });
  return checked;
}

/** What the cross-statement rules read of a mapping line: its target and its match modifier (no source). */
function mappingSkeleton(mapping: AttributeMapping): AttributeMapping {
  return movedMapping({ ...mapping, modifiers: mapping.modifiers.filter((m) => m.kind === 'match') }, 0);
}

const NO_MODIFIERS: AttributeMapping['modifiers'] = [];

/** A skeleton mapping moved by `delta` (built directly: this runs for every line of the block on every call). */
function movedMapping(mapping: AttributeMapping, delta: number): AttributeMapping {
  const target = mapping.target;
  return {
    kind: 'attributeMapping',
    target: { kind: 'targetAttribute', text: target.text, start: target.start + delta, end: target.end + delta },
    arrow: mapping.arrow + delta,
    source: { kind: 'none', start: mapping.arrow + delta, end: mapping.arrow + delta },
    modifiers: mapping.modifiers.length === 0 ? NO_MODIFIERS : shiftedNode(mapping.modifiers, delta),
    start: mapping.start + delta,
    end: mapping.end + delta,
  };
}

function blockContext(
  block: ObjectMappingBlock,
  context: Pick<CheckContext, 'schemas' | 'sourceObject' | 'targetObject' | 'disabled'>,
  mappings: CheckedMapping[],
  sink: DiagnosticSink,
  text: string,
): BlockContext {
  return {
    block,
    sourceObject: context.sourceObject,
    targetObject: context.targetObject,
    mappings,
    sink,
    schemas: context.schemas,
    text,
    disabled: context.disabled,
  };
}

/**
 * Collects into `out` with the current rank, errors lowered to warnings in a disabled block (as
 * checkBlock's WarningsOnlySink), keeping only the codes in `only` / dropping those in `except`.
 */
class RankingSink extends DiagnosticSink {
  rank = 0;
  private readonly collected = new DiagnosticSink();
  private readonly inner: DiagnosticSink;

  constructor(
    disabled: boolean,
    private readonly out: RankedDiagnostic[],
    private readonly only?: ReadonlySet<string>,
    private readonly except?: ReadonlySet<string>,
  ) {
    super();
    this.inner = disabled ? new WarningsOnlySink(this.collected) : this.collected;
  }

  override report(...args: Parameters<DiagnosticSink['report']>): void {
    const [code] = args;
    if (this.only && !this.only.has(code)) return;
    if (this.except?.has(code)) return;
    this.inner.report(...args);
    this.out.push({ ...this.collected.items.pop()!, rank: this.rank });
  }
}

/** The same characters in a string of their own (V8 keeps a long slice as a view of its parent). */
function lineEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i + 1;
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a && i + 1 < end ? i + 2 : i + 1;
    i++;
  }
  return end;
}

function firstNonBlank(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}
