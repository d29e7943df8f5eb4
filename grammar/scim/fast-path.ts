/**
 * A single-pass fast path for well-formed SCIM filters and plain attribute paths.
 *
 * Why: chevrotain's lexer + CST parser + visitor costs a few microseconds even for
 * `userName eq "bjensen"`, several times what a hand-written parser needs, and filters and target
 * paths are parsed on every keystroke (one path per mapping line of a `.aadmap` file). Almost every
 * real filter is well-formed, so this scanner/parser reads the text directly (no tokens, no CST) and
 * builds the tree itself.
 *
 * The contract: it either returns EXACTLY the tree the reference parser (index.ts: chevrotain +
 * visitor.ts) builds — same nodes, same ranges, same key order — for an input on which the reference
 * parser reports no diagnostic at all, or it returns undefined and the caller runs the reference
 * parser. It therefore accepts a strict subset of the language and gives up on anything that would
 * need a diagnostic (errors and warnings alike): unusual whitespace, keywords used as names, a
 * missing space around `and`/`or` or between an operator and its value, a space before `[`, the
 * Entra form `a[…].b op v`, nested value paths, `not` without parentheses, single quotes, invalid
 * names, numbers or escapes, and nesting deeper than FAST_PATH_MAX_DEPTH. Names and values are
 * built by the same functions the visitor uses (names.ts, values.ts), and the fast path gives up
 * when those report anything. test/grammar/scim/fast-path.test.ts proves the equivalence with
 * fast-check on generated filters and mutations of them.
 */
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { ScimAttributePath, ScimCompareOperator, ScimCompareValue, ScimFilter, ScimLogicalOperator, ScimPath } from './ast';
import { buildAttributePath } from './names';
import { isJsWhitespace } from './characters';
import { buildStringValue, buildWordValue } from './values';

/** Deeper filters go to the reference parser, which reports the limit it enforces. */
const FAST_PATH_MAX_DEPTH = 32;

const QUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** The lexer's word breaks (tokens.ts `isWordBreak`): whitespace, quotes, brackets, parentheses and `=<>!`. */
function isWordBreak(code: number): boolean {
  return (
    code === QUOTE ||
    code === LPAREN ||
    code === RPAREN ||
    code === LBRACKET ||
    code === RBRACKET ||
    code === 0x3d ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x21 ||
    isJsWhitespace(code)
  );
}

/** The whitespace the reference parser skips without a warning (tokens.ts / index.ts UNUSUAL_WHITESPACE). */
function isPlainSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const COMPARE_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);
/** Every SCIM keyword (tokens.ts keywordTokens): as a name it gets a warning, so the fast path declines. */
const KEYWORDS: ReadonlySet<string> = new Set([...COMPARE_OPERATORS, 'and', 'or', 'not', 'pr']);

/** Thrown to abandon the fast path; caught in the entry functions only. */
const DECLINE = Symbol('decline');

class FastScimParser {
  private pos = 0;
  private depth = 0;
  /** Scratch list for the shared name/value builders: anything they report means "decline". */
  private readonly diagnostics: SyntaxDiagnostic[] = [];

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  filter(): ScimFilter {
    this.skipSpace();
    const result = this.orExpression(0);
    this.skipSpace();
    if (this.pos !== this.text.length) throw DECLINE;
    return result;
  }

  path(): ScimPath {
    this.skipSpace();
    const [start, end] = this.word();
    this.skipSpace();
    if (this.pos !== this.text.length) throw DECLINE;
    const attribute = this.attributePath(start, end);
    return { kind: 'path', attribute, start: attribute.start, end: attribute.end, text: attribute.text };
  }

  // ---- scanning ------------------------------------------------------------------------------

  /** Skips plain whitespace; returns whether there was any. */
  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isPlainSpace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  /** A lexer word at the current position: [start, end). `'` and `.` start other tokens. */
  private word(): [number, number] {
    const start = this.pos;
    const first = this.text.charCodeAt(start);
    if (start >= this.text.length || first === 0x27 || first === 0x2e || isWordBreak(first)) throw DECLINE;
    let end = start + 1;
    while (end < this.text.length && !isWordBreak(this.text.charCodeAt(end))) end++;
    this.pos = end;
    return [start, end];
  }

  /** The lower-cased word at the current position when it is one of `words`, without consuming it. */
  private peekKeyword(words: ReadonlySet<string>): string | undefined {
    const start = this.pos;
    let end = start;
    while (end < this.text.length && end - start <= 3 && !isWordBreak(this.text.charCodeAt(end))) end++;
    if (end - start < 2 || end - start > 3 || (end < this.text.length && !isWordBreak(this.text.charCodeAt(end)))) return undefined;
    const lower = this.text.substring(start, end).toLowerCase();
    return words.has(lower) ? lower : undefined;
  }

  private enter(): void {
    if (++this.depth > FAST_PATH_MAX_DEPTH) throw DECLINE;
  }

  // ---- grammar (the shapes visitor.ts builds) --------------------------------------------------

  private orExpression(brackets: number): ScimFilter {
    return this.chain('or', brackets);
  }

  /**
   * `operand ( "or" operand )*` (or `and` with terms). Flattens operands that are chains of the
   * same operator, as visitLogical does for redundant parentheses. Requires whitespace around the
   * operator (the reference parser warns otherwise).
   */
  private chain(operator: ScimLogicalOperator, brackets: number): ScimFilter {
    const first = operator === 'or' ? this.chain('and', brackets) : this.term(brackets);
    let operands: ScimFilter[] | undefined;
    for (;;) {
      const before = this.pos;
      if (!this.skipSpace() || this.peekKeyword(LOGICAL[operator]) !== operator) {
        this.pos = before;
        break;
      }
      this.pos += operator.length;
      if (!this.skipSpace()) throw DECLINE;
      const next = operator === 'or' ? this.chain('and', brackets) : this.term(brackets);
      if (operands === undefined) {
        operands = [];
        pushFlattened(operands, first, operator);
      }
      pushFlattened(operands, next, operator);
    }
    if (operands === undefined) return first;
    return { kind: 'logical', operator, operands, start: operands[0]!.start, end: operands[operands.length - 1]!.end };
  }

  private term(brackets: number): ScimFilter {
    const code = this.text.charCodeAt(this.pos);
    if (code === LPAREN) return this.group(brackets);
    const [start, end] = this.word();
    const lower = end - start <= 3 ? this.text.substring(start, end).toLowerCase() : '';
    if (lower === 'not') {
      // `not (…)` only; `not` as a name or without parentheses needs a diagnostic.
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== LPAREN) throw DECLINE;
      this.enter();
      const operand = this.group(brackets);
      this.depth--;
      const notEnd = this.base + end;
      return { kind: 'not', operand, start: this.base + start, end: Math.max(operand.end, notEnd) };
    }
    if (KEYWORDS.has(lower)) throw DECLINE;
    const path = this.attributePath(start, end);
    if (this.text.charCodeAt(this.pos) === LBRACKET) return this.valuePath(path, brackets);
    return this.comparison(path);
  }

  /** `( orExp )`: the inner node's range is widened to cover the parentheses (visitGroup). */
  private group(brackets: number): ScimFilter {
    const open = this.pos++;
    this.enter();
    this.skipSpace();
    const inner = this.orExpression(brackets);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== RPAREN) throw DECLINE;
    this.pos++;
    this.depth--;
    inner.start = this.base + open;
    inner.end = this.base + this.pos;
    return inner;
  }

  /** `name[valFilter]`, not nested, not followed by `.sub` (both need a diagnostic). */
  private valuePath(path: ScimAttributePath, brackets: number): ScimFilter {
    if (brackets > 0) throw DECLINE;
    this.pos++; // [
    this.enter();
    this.skipSpace();
    const filter = this.orExpression(brackets + 1);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== RBRACKET) throw DECLINE;
    this.pos++;
    this.depth--;
    if (this.text.charCodeAt(this.pos) === 0x2e) throw DECLINE;
    return { kind: 'valuePath', path, filter, start: path.start, end: this.base + this.pos };
  }

  /** `path pr` or `path op value`, with whitespace between the parts. */
  private comparison(path: ScimAttributePath): ScimFilter {
    if (!this.skipSpace()) throw DECLINE;
    const [opStart, opEnd] = this.word();
    const written = this.text.substring(opStart, opEnd);
    const operator = written.toLowerCase();
    const operatorToken = { text: written, start: this.base + opStart, end: this.base + opEnd };
    if (operator === 'pr') {
      return { kind: 'attributeExpression', path, operator: 'pr', operatorToken, start: path.start, end: operatorToken.end };
    }
    if (!COMPARE_OPERATORS.has(operator)) throw DECLINE;
    if (!this.skipSpace()) throw DECLINE;
    const value = this.value();
    return {
      kind: 'attributeExpression',
      path,
      operator: operator as ScimCompareOperator,
      operatorToken,
      start: path.start,
      end: value.end,
      value,
    };
  }

  /** A terminated double-quoted string or a word that is a JSON literal or number. */
  private value(): ScimCompareValue {
    const start = this.pos;
    let value: ScimCompareValue;
    if (this.text.charCodeAt(start) === QUOTE) {
      // The lexer's string rule (tokens.ts matchDoubleQuoted): up to the next unescaped quote on the line.
      let i = start + 1;
      for (;;) {
        if (i >= this.text.length) throw DECLINE;
        const code = this.text.charCodeAt(i);
        if (code === QUOTE) break;
        if (code === 0x0a || code === 0x0d) throw DECLINE;
        if (code === 0x5c) {
          const next = this.text.charCodeAt(i + 1);
          if (next === 0x0a || next === 0x0d) throw DECLINE; // the lexer ends the string there
          i += 2;
        } else {
          i++;
        }
      }
      this.pos = i + 1;
      value = buildStringValue(this.text.substring(start, this.pos), this.base + start, this.diagnostics);
    } else {
      const [, end] = this.word();
      const word = this.text.substring(start, end);
      if (KEYWORDS.has(word.toLowerCase())) throw DECLINE;
      value = buildWordValue(word, this.base + start, this.diagnostics);
    }
    if (this.diagnostics.length > 0) throw DECLINE;
    return value;
  }

  private attributePath(start: number, end: number): ScimAttributePath {
    const word = this.text.substring(start, end);
    if (end - start <= 3 && KEYWORDS.has(word.toLowerCase())) throw DECLINE;
    const path = buildAttributePath(word, this.base + start, this.diagnostics);
    if (this.diagnostics.length > 0) throw DECLINE;
    return path;
  }
}

const LOGICAL: Record<ScimLogicalOperator, ReadonlySet<string>> = { and: new Set(['and']), or: new Set(['or']) };

function pushFlattened(operands: ScimFilter[], operand: ScimFilter, operator: ScimLogicalOperator): void {
  if (operand.kind === 'logical' && operand.operator === operator) {
    for (const inner of operand.operands) operands.push(inner);
  } else {
    operands.push(operand);
  }
}

/**
 * The tree of a well-formed filter, or undefined when the reference parser must decide. Any failure
 * here (a decline, or a bug) falls back to the reference parser: it can cost speed, never an answer.
 */
export function fastParseFilter(text: string, base: number): ScimFilter | undefined {
  try {
    return new FastScimParser(text, base).filter();
  } catch {
    return undefined;
  }
}

/** The tree of a plain attribute path (`userName`, `name.givenName`, `urn:…:User:department`), or undefined. */
export function fastParsePath(text: string, base: number): ScimPath | undefined {
  try {
    return new FastScimParser(text, base).path();
  } catch {
    return undefined;
  }
}
