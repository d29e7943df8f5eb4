/**
 * Document and range formatting.
 *
 * `.aadmap`: the formatter only changes whitespace between tokens (and folds runs of blank lines
 * into one), so it cannot change what a file means; a re-lex of the result is compared with the
 * input's tokens before any edit is returned, as a safety net. The layout:
 *   - block items indented one level per `{`; a line starting with `}` one level less;
 *   - canonical spacing in expressions, the same as grammar/expression/printer.ts: no space before
 *     `(`, after `(` or before `)` and `,`; `, ` between arguments (an empty position prints as
 *     nothing: `Switch([x], , "a", "b")`); one space around comparison operators;
 *   - two spaces before each modifier (`match 1`, `default "x"`, …), one space elsewhere;
 *   - the `<-` of consecutive mapping lines aligned; a run of mapping lines is split where a target
 *     is much longer or shorter than the ones before it (go/printer's ratio rule, r = 2.5), so one
 *     long URN does not push every arrow far to the right;
 *   - a multi-line expression keeps its line breaks; continuation lines are indented one level per
 *     open parenthesis (a line starting with `)` one level less);
 *   - comments stay on their line: a comment line is kept exactly as written, a trailing comment
 *     keeps its column when the code still fits before it (two spaces after the code otherwise);
 *   - a statement with a syntax error, or a line the lexer cannot read, is kept as written.
 *   - target paths are kept as written (the text is the Graph `targetAttributeName`).
 *
 * `.scimfilter`: each filter line that parses without error is replaced by its canonical form
 * (grammar/scim/printer.ts); comment lines and broken lines are kept.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { mappingLexer } from '../../../grammar/mapping/lexer';
import { parseScimFilter, printScimFilter } from '../../../grammar/scim/index';
import type { DocumentSnapshot } from '../snapshot';
import { Comma, Identifier, LParen, RParen } from '../../../grammar/expression/tokens';
import {
  keywordTokens,
  LBrace,
  LeftArrow,
  Newline,
  RBrace,
  ScopeOperator,
  statementStarters,
  TargetPath,
} from '../../../grammar/mapping/tokens';
import { is, typeOf } from '../../../grammar/mapping/statement-view';
import { MODIFIERS } from '../../../grammar/mapping/vocabulary';
import { t } from '../../../grammar/common/l10n';

/** go/printer's alignment-section ratio. */
const ALIGNMENT_RATIO = 2.5;

/** The first keyword of each modifier (vocabulary.ts). */
const MODIFIER_STARTS: ReadonlySet<TokenType | undefined> = new Set(MODIFIERS.map((m) => keywordTokens[m.words[0]]));
const ERROR_CODES = new Set(['syntax-error', 'unterminated-string', 'unterminated-attribute', 'internal-error']);

/**
 * The most lines formatted: the formatter keeps a record per line, so a document of millions of
 * blank lines would cost gigabytes and a minute; beyond this it is left as it is (`aadmap fmt` says so).
 */
const MAX_FORMAT_LINES = 100_000;

/** Why a document is not formatted at all, or undefined when it is small enough. */
export function tooLargeToFormat(snapshot: DocumentSnapshot): string | undefined {
  const count = snapshot.lines.lineCount;
  return count > MAX_FORMAT_LINES ? t('{0} lines; aadmap formats files of at most {1} lines', count, MAX_FORMAT_LINES) : undefined;
}

export function format(snapshot: DocumentSnapshot, options: FormattingOptions, range?: Range): TextEdit[] {
  const lines = formattedLines(snapshot, options);
  if (!lines) return [];
  return lineEdits(snapshot, lines, range);
}

/** A syntax error the formatter works around (the statement or line around it is kept as written). */
export interface FormatBlocker {
  /** Offset in the document. */
  offset: number;
  message: string;
}

/**
 * The syntax errors that keep parts of a document as written: the formatter leaves the statements
 * (`.aadmap`) or lines (`.scimfilter`) holding them unchanged. Empty when the whole document formats.
 */
export function syntaxErrors(snapshot: DocumentSnapshot): FormatBlocker[] {
  if (snapshot.languageId === 'scimfilter') {
    const found: FormatBlocker[] = [];
    for (const line of sourceLines(snapshot.text)) {
      const text = snapshot.text.slice(line.start, line.end);
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      const error = parseScimFilter(text).diagnostics.find((d) => d.severity === 'error');
      if (error) found.push({ offset: line.start + error.start, message: error.message });
    }
    return found;
  }
  if (snapshot.languageId !== 'aadmap') return [];
  const found: FormatBlocker[] = snapshot.parsed.diagnostics
    .filter((d) => d.severity === 'error' && ERROR_CODES.has(d.code))
    .map((d) => ({ offset: d.start, message: d.message }));
  for (const offset of snapshot.tokens.errorOffsets) {
    if (!found.some((f) => f.offset === offset))
      found.push({ offset, message: t("Unexpected character '{0}'", snapshot.text[offset] ?? '') });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

interface OutputLine {
  /** The source line this output line replaces. */
  source: number;
  /** New content, or undefined when the line is removed (a folded blank line). */
  text?: string;
  eol: string;
}

function formattedLines(snapshot: DocumentSnapshot, options: FormattingOptions): OutputLine[] | undefined {
  if (tooLargeToFormat(snapshot)) return undefined;
  if (snapshot.languageId === 'scimfilter') return finish(snapshot, formatScimLines(snapshot));
  if (snapshot.languageId !== 'aadmap') return undefined;
  const formatted = formatMappingLines(snapshot, options);
  if (!formatted) return undefined;
  return finish(snapshot, formatted);
}

// ───────────────────────────────────────────── lines of the source

interface SourceLine {
  start: number;
  /** End of the content (before the line break). */
  end: number;
  eol: string;
}

function sourceLines(text: string): SourceLine[] {
  const result: SourceLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = pattern.exec(text);
    if (!match) {
      result.push({ start, end: text.length, eol: '' });
      return result;
    }
    result.push({ start, end: match.index, eol: match[0] });
    start = match.index + match[0].length;
  }
}

/** Folds runs of blank lines into one, drops blank lines at the end and ends the file with one line break. */
function finish(snapshot: DocumentSnapshot, lines: OutputLine[]): OutputLine[] {
  const defaultEol = /\r\n|\r|\n/.exec(snapshot.text)?.[0] ?? '\n';
  let previousBlank = true; // no blank lines at the top either
  for (const line of lines) {
    const blank = line.text !== undefined && line.text.trim() === '';
    if (blank) {
      if (previousBlank) line.text = undefined;
      else line.text = '';
    }
    if (line.text !== undefined) previousBlank = blank;
  }
  // Trailing blank lines go; the last kept line ends with a line break (unless the file is empty).
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text === undefined) continue;
    if (line.text === '') {
      line.text = undefined;
      continue;
    }
    if (!line.eol) line.eol = defaultEol;
    break;
  }
  return lines;
}

/**
 * The edits from the source to the formatted lines: one edit per run of consecutive changed lines
 * (a run of removed blank lines is one deletion), so the answer is never larger than the formatted
 * text plus a range per run. Editors reduce a replacement to its minimal change themselves.
 */
function lineEdits(snapshot: DocumentSnapshot, lines: OutputLine[], range: Range | undefined): TextEdit[] {
  const source = sourceLines(snapshot.text);
  const edits: TextEdit[] = [];
  const position = snapshot.lines;
  const inRange = (line: number) => !range || (line >= range.start.line && line <= range.end.line);
  let run: { start: number; end: number; text: string } | undefined;
  const close = () => {
    if (run) edits.push({ range: { start: position.positionAt(run.start), end: position.positionAt(run.end) }, newText: run.text });
    run = undefined;
  };
  for (const out of lines) {
    const original = source[out.source]!;
    const end = original.end + original.eol.length;
    const changed =
      out.text === undefined
        ? end > original.start
        : out.text !== snapshot.text.slice(original.start, original.end) || out.eol !== original.eol;
    if (!changed || !inRange(out.source)) {
      close();
      continue;
    }
    run ??= { start: original.start, end, text: '' };
    run.end = end;
    if (out.text !== undefined) run.text += out.text + out.eol;
  }
  close();
  return edits;
}

// ───────────────────────────────────────────── .scimfilter

function formatScimLines(snapshot: DocumentSnapshot): OutputLine[] {
  return sourceLines(snapshot.text).map((line, index) => {
    const text = snapshot.text.slice(line.start, line.end);
    const trimmed = text.trim();
    if (trimmed === '') return { source: index, text: '', eol: line.eol };
    if (trimmed.startsWith('#')) return { source: index, text: text.trimEnd(), eol: line.eol };
    const parsed = parseScimFilter(text);
    if (!parsed.ast || parsed.diagnostics.some((d) => d.severity === 'error')) return { source: index, text, eol: line.eol };
    return { source: index, text: printScimFilter(parsed.ast), eol: line.eol };
  });
}

// ───────────────────────────────────────────── .aadmap

interface LineInfo {
  tokens: IToken[];
  comment?: IToken;
  /** The line continues a statement begun on an earlier line. */
  continuation: boolean;
  /** Keep as written (a syntax error in its statement, or an unreadable character). */
  verbatim: boolean;
  /** Brace depth at the start of the line. */
  braces: number;
  /** Open parentheses at the start of the line (continuation lines). */
  parens: number;
  /** Index of the line where the statement starts. */
  statement: number;
}

function formatMappingLines(snapshot: DocumentSnapshot, options: FormattingOptions): OutputLine[] | undefined {
  const text = snapshot.text;
  const source = sourceLines(text);
  const { tokens, comments, errorOffsets } = snapshot.tokens;
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(Math.max(1, Math.min(8, options.tabSize || 2)));

  // Tokens and comments per line.
  const infos: LineInfo[] = source.map(() => ({ tokens: [], continuation: false, verbatim: false, braces: 0, parens: 0, statement: 0 }));
  const lineOf = (offset: number) => snapshot.lines.positionAt(offset).line;
  for (const token of tokens) if (!is(token, Newline)) infos[lineOf(token.startOffset)]!.tokens.push(token);
  for (const comment of comments) infos[lineOf(comment.startOffset)]!.comment = comment;

  // Statements, brace and parenthesis depth: the lexer's rule (grammar/mapping/lexer.ts) — a line
  // break inside open parentheses continues the statement unless the next line starts a new one.
  let braces = 0;
  let parens = 0;
  let statement = 0;
  infos.forEach((info, index) => {
    const first = info.tokens[0];
    if (parens > 0 && first && statementStarters.has(first.tokenType)) parens = 0;
    info.continuation = parens > 0;
    if (!info.continuation && first) statement = index;
    info.statement = info.continuation ? statement : first ? index : statement;
    info.braces = braces;
    info.parens = parens;
    for (const token of info.tokens) {
      const type = typeOf(token);
      if (type === LParen) parens++;
      else if (type === RParen) parens = Math.max(0, parens - 1);
      else if (parens === 0 && type === LBrace) braces++;
      else if (parens === 0 && type === RBrace) braces = Math.max(0, braces - 1);
    }
  });

  // Statements with a syntax error, and lines with unreadable characters, are kept as written.
  const badStatements = new Set<number>();
  for (const d of snapshot.parsed.diagnostics) {
    if (d.severity === 'error' && ERROR_CODES.has(d.code)) {
      for (let l = lineOf(d.start); l <= lineOf(Math.max(d.start, d.end)); l++) badStatements.add(infos[l]!.statement);
    }
  }
  for (const offset of errorOffsets) badStatements.add(infos[lineOf(offset)]!.statement);
  infos.forEach((info) => {
    if (badStatements.has(info.statement) && (info.tokens.length > 0 || info.continuation)) info.verbatim = true;
  });

  const widths = arrowColumns(infos);
  const output: OutputLine[] = source.map((line, index) => {
    const info = infos[index]!;
    const original = text.slice(line.start, line.end);
    if (info.verbatim || (info.tokens.length === 0 && !info.comment))
      return { source: index, text: info.verbatim ? original : '', eol: line.eol };
    if (info.tokens.length === 0) {
      // A comment line: as written (its column may mean something, e.g. a `#   ^^^` expectation).
      return { source: index, text: original.trimEnd(), eol: line.eol };
    }
    let indentLevel = info.braces - (is(info.tokens[0], RBrace) ? 1 : 0);
    if (info.continuation) {
      const statementLine = infos[info.statement]!;
      indentLevel =
        statementLine.braces - (is(statementLine.tokens[0], RBrace) ? 1 : 0) + info.parens - (is(info.tokens[0], RParen) ? 1 : 0);
    }
    let code = unit.repeat(Math.max(0, indentLevel));
    code += printTokens(info.tokens, info.continuation ? info.parens : 0, widths.get(index));
    if (info.comment) {
      const originalColumn = info.comment.startOffset - line.start;
      const column = Math.max(originalColumn, code.length + 2);
      code += ' '.repeat(column - code.length) + info.comment.image.trimEnd();
    }
    return { source: index, text: code, eol: line.eol };
  });

  return sameTokens(snapshot, output) ? output : undefined;
}

/** The column width of the target on each aligned mapping line (line index → width). */
function arrowColumns(infos: LineInfo[]): Map<number, number> {
  const widths = new Map<number, number>();
  let group: { line: number; size: number }[] = [];
  let logSum = 0;
  let runBraces = -1;
  const flush = () => {
    const width = Math.max(...group.map((g) => g.size));
    for (const g of group) widths.set(g.line, width);
    group = [];
    logSum = 0;
  };
  infos.forEach((info, index) => {
    const first = info.tokens[0];
    const isMapping = !info.verbatim && !info.continuation && is(first, TargetPath) && is(info.tokens[1], LeftArrow);
    if (!isMapping) {
      // Comment lines and continuation lines of a mapping keep the run going; anything else ends it.
      const keepsRun = !info.verbatim && (info.continuation || (info.tokens.length === 0 && info.comment !== undefined));
      if (!keepsRun && group.length) flush();
      return;
    }
    const size = first!.image.length;
    if (group.length && info.braces !== runBraces) flush();
    if (group.length) {
      const ratio = size / Math.exp(logSum / group.length);
      if (ALIGNMENT_RATIO * ratio <= 1 || ALIGNMENT_RATIO <= ratio) flush();
    }
    runBraces = info.braces;
    group.push({ line: index, size });
    logSum += Math.log(size);
  });
  if (group.length) flush();
  return widths;
}

/** One line's tokens with canonical spacing; `depth`: parentheses open at the line start. */
function printTokens(tokens: IToken[], depth: number, arrowColumn: number | undefined): string {
  let out = '';
  let parens = depth;
  tokens.forEach((token, i) => {
    const type = typeOf(token);
    const previous = tokens[i - 1];
    if (i > 0) out += spaceBetween(previous!, token, parens);
    if (type === LeftArrow && arrowColumn !== undefined && i === 1) out = out.trimEnd().padEnd(arrowColumn) + ' ';
    out += type === ScopeOperator ? token.image.replace(/[ \t]+/g, ' ') : token.image;
    if (type === LParen) parens++;
    else if (type === RParen) parens = Math.max(0, parens - 1);
  });
  return out;
}

function spaceBetween(previous: IToken, next: IToken, parens: number): string {
  const before = typeOf(previous);
  const type = typeOf(next);
  if (before === Comma) return ' ';
  if (type === Comma) return '';
  if (before === LParen) return '';
  if (type === RParen) return '';
  if (type === LParen && before === Identifier) return '';
  if (parens === 0 && MODIFIER_STARTS.has(type)) return '  ';
  return ' ';
}

/** The safety net: the result must lex to the same tokens (whitespace and blank lines aside). */
function sameTokens(snapshot: DocumentSnapshot, output: OutputLine[]): boolean {
  const formatted = output.map((l) => (l.text ?? '') + (l.text === undefined ? '' : l.eol)).join('');
  const lexed = mappingLexer.tokenize(formatted);
  const signature = (tokens: IToken[]) =>
    tokens
      .filter((t) => !is(t, Newline))
      .map((t) => `${t.tokenType.name}\u0000${is(t, ScopeOperator) ? t.image.replace(/[ \t]+/g, ' ') : t.image}`);
  const a = signature(snapshot.tokens.tokens);
  const b = signature(lexed.tokens);
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) return false;
  const comments = (tokens: IToken[]) => tokens.map((t) => t.image.trimEnd());
  const ca = comments(snapshot.tokens.comments);
  const cb = comments(lexed.groups['comments'] ?? []);
  return ca.length === cb.length && ca.every((c, i) => c === cb[i]) && lexed.errors.length === snapshot.tokens.errorOffsets.length;
}
