/**
 * The editor's token-level view of a `.aadmap` statement: the statement around an offset, found
 * without parsing the file, its tokens matched by token type (never by a type's name). Completion,
 * hover, signature help and inlay hints run on every keystroke and must not wait for a full parse
 * (seconds on a 5,000-mapping file). A statement is one line, or several while a parenthesis is
 * open — the lexer's rule (grammar/mapping/lexer.ts): a line that starts with a statement keyword,
 * a target path or `}` always starts a statement. The enclosing block is found by scanning upwards
 * for the unmatched `{`, skipping strings, `[…]` and comments.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { LineIndex } from '../common/line-index';
import { Identifier, LParen, RParen, StringLiteral } from '../expression/tokens';
import { joinContinuedLines, mappingLexer } from './lexer';
import { Arrow, keywordOf, keywordTokens, Newline, statementStarters } from './tokens';
import type { Keyword } from './vocabulary';

/**
 * The document a statement is read from: its text, its line index and the offsets of every `{` and
 * `}` character (strings and comments included). The language service's DocumentSnapshot is one.
 */
export interface StatementSource {
  readonly text: string;
  readonly lines: LineIndex;
  readonly braces: readonly number[];
}

/** How far up a multi-line statement is looked for (real expressions span a handful of lines). */
const MAX_STATEMENT_LINES = 200;

export interface BlockHeader {
  /** Offset of the `mapping` keyword. */
  start: number;
  /** Offset of the block's `{`. */
  openBrace: number;
  name?: string;
  sourceObject?: string;
  targetObject?: string;
}

export type StatementContainer =
  | { kind: 'file' }
  | { kind: 'mapping'; header: BlockHeader }
  /** A scope block; `header` is the mapping block around it (when found). */
  | { kind: 'scope'; header?: BlockHeader; openBrace: number };

export interface LocalStatement {
  /** Offset where the statement's first line starts. */
  lineStart: number;
  /** Offset just past the last character read (the end of the last line looked at). */
  end: number;
  /** The statement's tokens (absolute offsets), without comments and line breaks. */
  tokens: IToken[];
  /** Comments on the statement's lines. */
  comments: IToken[];
  container: StatementContainer;
}

/** The token's type (undefined for no token): compare it with token type objects, never with names. */
export const typeOf = (token: IToken | undefined): TokenType | undefined => token?.tokenType;
/** Whether `token` is of exactly this token type (false for no token). */
export const is = (token: IToken | undefined, type: TokenType): boolean => token?.tokenType === type;
/** Whether `token` is this keyword of the vocabulary. */
export const isKeyword = (token: IToken | undefined, word: Keyword): boolean => token?.tokenType === keywordTokens[word];
/** Whether `token` is one of these token types. */
export const isOneOf = (token: IToken | undefined, types: ReadonlySet<TokenType>): boolean => !!token && types.has(token.tokenType);
export const tokenEnd = (token: IToken): number => token.startOffset + token.image.length;
/** An identifier or a keyword: what completion replaces as the word being typed. */
export const isWord = (token: IToken | undefined): boolean =>
  !!token && (token.tokenType === Identifier || keywordOf(token.tokenType) !== undefined);

/**
 * Tokens of text that starts at a statement start, with the line breaks inside open parentheses
 * dropped — the lexer's rule (lexMappingFile), except that a line break followed by nothing (the
 * end of what was read, often the cursor's line) keeps the statement open: it may go on below.
 */
function lexStatements(text: string): { tokens: IToken[]; comments: IToken[] } {
  const lexed = mappingLexer.tokenize(text);
  return { tokens: joinContinuedLines(lexed.tokens, true), comments: lexed.groups['comments'] ?? [] };
}

/** The first token of one line (lexed alone), or undefined for a blank or comment line. */
function firstTokenOfLine(text: string, start: number, end: number): IToken | undefined {
  const lexed = mappingLexer.tokenize(text.slice(start, end));
  return lexed.tokens.find((t) => !is(t, Newline));
}

function lineBounds(snapshot: StatementSource, line: number): { start: number; end: number } {
  const lines = snapshot.lines;
  const start = lines.lineStart(line);
  let end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : snapshot.text.length;
  // Exclude the line break itself.
  while (end > start && (snapshot.text[end - 1] === '\n' || snapshot.text[end - 1] === '\r')) end--;
  return { start, end };
}

/** The first line of the statement that holds `line`. */
function statementFirstLine(snapshot: StatementSource, line: number): number {
  for (let l = line, n = 0; l >= 0 && n < MAX_STATEMENT_LINES; l--, n++) {
    const { start, end } = lineBounds(snapshot, l);
    const first = firstTokenOfLine(snapshot.text, start, end);
    if (first && statementStarters.has(first.tokenType)) return l;
    if (l === 0) return 0;
  }
  return line;
}

/**
 * The last line of the statement that starts at `firstLine` and holds `line`: the lines below `line`
 * while a parenthesis is still open and the next line does not start a statement (the lexer's rule).
 */
function statementLastLine(snapshot: StatementSource, firstLine: number, line: number): number {
  const lines = snapshot.lines;
  let last = line;
  while (last + 1 < lines.lineCount && last - firstLine < MAX_STATEMENT_LINES) {
    const next = lineBounds(snapshot, last + 1);
    const first = firstTokenOfLine(snapshot.text, next.start, next.end);
    if (first && statementStarters.has(first.tokenType)) break;
    let depth = 0;
    for (const token of mappingLexer.tokenize(snapshot.text.slice(lines.lineStart(firstLine), lineBounds(snapshot, last).end)).tokens)
      depth += is(token, LParen) ? 1 : is(token, RParen) ? -1 : 0;
    if (depth <= 0) break;
    last++;
  }
  return last;
}

/**
 * The statement containing `offset`, read from its first line down to the line of `offset` (what
 * completion and signature help need: the text up to the cursor), or with `whole` down to its last
 * line (what a refactoring of the statement needs).
 */
export function statementAt(snapshot: StatementSource, offset: number, { whole = false } = {}): LocalStatement {
  const cursorLine = snapshot.lines.positionAt(offset).line;
  const firstLine = statementFirstLine(snapshot, cursorLine);
  const lastLine = whole ? statementLastLine(snapshot, firstLine, cursorLine) : cursorLine;
  const lineStart = snapshot.lines.lineStart(firstLine);
  const end = lineBounds(snapshot, lastLine).end;
  const lexed = lexStatements(snapshot.text.slice(lineStart, end));
  let tokens = lexed.tokens.map((t) => shift(t, lineStart));
  // A line break kept by the lexer ends a statement: keep the tokens after the last one before `offset`.
  let from = 0;
  tokens.forEach((t, i) => {
    if (is(t, Newline) && t.startOffset < offset) from = i + 1;
  });
  // The line break's end is the start of the statement's first line.
  const statementStart = from > 0 ? tokenEnd(tokens[from - 1]!) : lineStart;
  const newlineAfter = tokens.findIndex((t, i) => i >= from && is(t, Newline));
  tokens = tokens.slice(from, newlineAfter === -1 ? undefined : newlineAfter);
  const statementEnd = newlineAfter === -1 ? end : tokens.length ? tokenEnd(tokens[tokens.length - 1]!) : end;
  const comments = lexed.comments
    .map((t) => shift(t, lineStart))
    .filter((c) => c.startOffset >= statementStart && c.startOffset <= Math.max(statementEnd, offset));
  return { lineStart: statementStart, end: statementEnd, tokens, comments, container: containerAt(snapshot, statementStart) };
}

export interface StatementTokens {
  tokens: IToken[];
  comments: IToken[];
}

/**
 * The statements on the lines from the one holding `start` down to the one holding `end`, each
 * complete from its first line (which may be above `start`); no block information.
 */
export function statementsBetween(snapshot: StatementSource, start: number, end: number): StatementTokens[] {
  const lines = snapshot.lines;
  const firstLine = statementFirstLine(snapshot, lines.positionAt(start).line);
  const from = lines.lineStart(firstLine);
  const to = lineBounds(snapshot, lines.positionAt(end).line).end;
  const lexed = lexStatements(snapshot.text.slice(from, to));
  const comments = lexed.comments.map((t) => shift(t, from));
  const statements: StatementTokens[] = [];
  let current: IToken[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0]!.startOffset;
    const last = tokenEnd(current[current.length - 1]!);
    statements.push({ tokens: current, comments: comments.filter((c) => c.startOffset >= first && c.startOffset <= last) });
    current = [];
  };
  for (const token of lexed.tokens) {
    if (is(token, Newline)) flush();
    else current.push(shift(token, from));
  }
  flush();
  return statements;
}

function shift(token: IToken, base: number): IToken {
  return {
    ...token,
    startOffset: token.startOffset + base,
    endOffset: (token.endOffset ?? token.startOffset + token.image.length - 1) + base,
  };
}

/**
 * Offsets of `{` and `}` on one line outside strings, `[…]` and comments, left to right.
 */
function bracesOfLine(text: string, start: number, end: number): number[] {
  const braces: number[] = [];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      for (i++; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34) break;
      }
    } else if (code === 91 /* [ */) {
      while (i < end && text.charCodeAt(i) !== 93 /* ] */) i++;
    } else if (code === 35 /* # */) {
      break;
    } else if (code === 123 /* { */ || code === 125 /* } */) {
      braces.push(i);
    }
  }
  return braces;
}

/** Whether the `{`/`}` at `offset` is code (not inside a string, `[…]` or a comment of its line). */
function isCodeBrace(snapshot: StatementSource, offset: number, cache: Map<number, number[]>): boolean {
  const line = snapshot.lines.positionAt(offset).line;
  let braces = cache.get(line);
  if (!braces) {
    const { start, end } = lineBounds(snapshot, line);
    braces = bracesOfLine(snapshot.text, start, end);
    cache.set(line, braces);
  }
  return braces.includes(offset);
}

/** Index of the first brace offset at or after `offset`. */
function firstBraceFrom(braces: readonly number[], offset: number): number {
  let low = 0;
  let high = braces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (braces[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The unmatched `{` before `offset`, undefined at top level. Only the document's braces are visited
 * (a handful of lines even in a 5,000-mapping block), each checked on its own line.
 */
function openBraceBefore(snapshot: StatementSource, offset: number): number | undefined {
  const braces = snapshot.braces;
  const cache = new Map<number, number[]>();
  let balance = 0;
  for (let i = firstBraceFrom(braces, offset) - 1; i >= 0; i--) {
    const at = braces[i]!;
    if (!isCodeBrace(snapshot, at, cache)) continue;
    if (snapshot.text.charCodeAt(at) === 125) balance++;
    else if (balance > 0) balance--;
    else return at;
  }
  return undefined;
}

/** The `}` that closes the `{` at `openBrace`, or the end of the text when it is never closed. */
export function closeBraceAfter(snapshot: StatementSource, openBrace: number): number {
  const braces = snapshot.braces;
  const cache = new Map<number, number[]>();
  let depth = 0;
  for (let i = firstBraceFrom(braces, openBrace); i < braces.length; i++) {
    const at = braces[i]!;
    if (!isCodeBrace(snapshot, at, cache)) continue;
    if (snapshot.text.charCodeAt(at) === 123) depth++;
    else if (--depth === 0) return at;
  }
  return snapshot.text.length;
}

/** What block the statement starting at `lineStart` is in. */
export function containerAt(snapshot: StatementSource, lineStart: number): StatementContainer {
  const open = openBraceBefore(snapshot, lineStart);
  if (open === undefined) return { kind: 'file' };
  const header = readHeader(snapshot, open);
  if (header.kind === 'scope') {
    const outer = openBraceBefore(snapshot, snapshot.lines.lineStart(snapshot.lines.positionAt(open).line));
    const mapping = outer === undefined ? undefined : readHeader(snapshot, outer);
    return { kind: 'scope', header: mapping?.kind === 'mapping' ? mapping.header : undefined, openBrace: open };
  }
  return { kind: 'mapping', header: header.header };
}

function readHeader(snapshot: StatementSource, openBrace: number): { kind: 'scope' } | { kind: 'mapping'; header: BlockHeader } {
  const line = snapshot.lines.positionAt(openBrace).line;
  const { start } = lineBounds(snapshot, line);
  const tokens = mappingLexer
    .tokenize(snapshot.text.slice(start, openBrace))
    .tokens.map((t) => shift(t, start))
    .filter((t) => !is(t, Newline));
  const keywordIndex = tokens.findIndex((t) => isKeyword(t, 'mapping') || isKeyword(t, 'scope'));
  const keyword = tokens[keywordIndex];
  if (isKeyword(keyword, 'scope')) return { kind: 'scope' };
  const header: BlockHeader = { start: keyword?.startOffset ?? start, openBrace };
  const rest = tokens.slice(keywordIndex + 1);
  const arrow = rest.findIndex((t) => is(t, Arrow));
  const nameOf = (t: IToken | undefined) => (t && (is(t, Identifier) || is(t, StringLiteral)) ? unquote(t.image) : undefined);
  if (is(rest[0], StringLiteral)) header.name = unquote(rest[0]!.image);
  if (arrow > 0) {
    const before = rest[arrow - 1];
    if (before !== rest[0] || is(before, Identifier)) header.sourceObject = nameOf(before);
    header.targetObject = nameOf(rest[arrow + 1]);
  }
  return { kind: 'mapping', header };
}

function unquote(image: string): string {
  if (!image.startsWith('"')) return image;
  return image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined).replace(/\\(["\\])/g, '$1');
}
