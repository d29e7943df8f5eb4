/**
 * The general `.aadmap` parser (chevrotain lexer, parser and visitors), for the pieces the fast
 * path (fast-path.ts) declines. index.ts loads it on first use through general.lazy.ts, so a
 * start-up that reads only well-formed files never initialises chevrotain (docs/performance.md).
 */
import type { IToken } from 'chevrotain';
import { endOfLastToken, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import { limitNesting } from '../common/nesting';
import { LParen, RParen } from '../expression/tokens';
import { type BlockItem, type Comment, type MappingFile, shiftedNode } from './ast';
import type { MappingPiece } from './piece';
import { joinContinuedLines, lexMappingFile, mappingLexer } from './lexer';
import { mappingFileParser } from './parser';
import { addSuggestions } from './suggestions';
import { Newline, RBrace, statementStarters } from './tokens';
import { MappingVisitor } from './visitor';

/** Lexes, parses and visits text[start, end) with chevrotain and the visitors (no fast path). */
export function parseMappingPieceReference(text: string, start: number, end: number): MappingPiece {
  const pieceText = start === 0 && end === text.length ? text : text.substring(start, end);
  const lexed = lexMappingFile(pieceText);
  const diagnostics = lexerDiagnostics(pieceText, lexed.errors, start);
  if (start !== 0) {
    // Tokens carry piece offsets; the tree and the diagnostics need file offsets.
    for (const token of lexed.tokens) token.startOffset += start;
    for (const token of lexed.comments) token.startOffset += start;
  }
  const tokens = limitNesting(lexed.tokens, LParen, RParen, (t) => t.tokenType === Newline, diagnostics);
  const parser = mappingFileParser();
  parser.input = tokens;
  const cst = parser.file();
  const errors = parser.errors;
  diagnostics.push(...parserDiagnostics(errors, endOfLastToken(tokens) || start));
  const file = new MappingVisitor(text, diagnostics).file(cst);
  addSuggestions(text, diagnostics);
  const comments: Comment[] = lexed.comments.map((t) => ({
    kind: 'comment',
    text: t.image,
    start: t.startOffset,
    end: t.startOffset + t.image.length,
  }));
  const closedAtFileLevel = errors.length === 0 || closedByLastBrace(tokens, file, errors);
  const ast: MappingPiece['ast'] = { targets: file.targets, mappings: file.mappings, comments };
  if (file.deploys) ast.deploys = file.deploys;
  return { start, end, ast, diagnostics, closedAtFileLevel };
}

/**
 * With errors, the piece still ended at file level when its last token (line breaks aside) is the
 * `}` that closed its last mapping block (so recovery never looked past it) and no error is at the
 * end of the input (where the parser wanted more).
 */
function closedByLastBrace(tokens: readonly IToken[], file: MappingFile, errors: readonly { token: IToken }[]): boolean {
  if (errors.some((error) => !Number.isFinite(error.token.startOffset))) return false;
  let last: IToken | undefined;
  for (let i = tokens.length - 1; i >= 0 && last === undefined; i--) if (tokens[i]!.tokenType !== Newline) last = tokens[i];
  if (last === undefined || last.tokenType !== RBrace) return false;
  const block = file.mappings[file.mappings.length - 1];
  return block !== undefined && block.closeBrace === last.startOffset;
}

/** One statement of a mapping block as its block's parse reads it (offsets relative to the statement's start). */
export interface BlockStatementRead {
  item?: BlockItem;
  diagnostics: SyntaxDiagnostic[];
  /**
   * The statement ends with a parenthesis open: its last line break holds only when the next line
   * (blank and comment lines aside) starts a statement (`startsStatement`); else the lexer joins
   * that line to it (lexer.ts) and this reading does not stand.
   */
  continues: boolean;
}

/**
 * `statement` (a line with its line break, or a scope block with its clauses) read between the
 * block's header line `header` (with its line break) and the block's `}`. Statements are lines and
 * the parser recovers from an error by reading the rest of its line as a stray line (parser.ts), so
 * what a block's parse finds in a statement depends on the lines around it only through a
 * parenthesis left open (`continues`). Undefined when the reading reaches outside the statement (a
 * node or a diagnostic outside it, the block not closed by the `}` after it, more than one item):
 * the caller then reads the block whole. test/service/incremental-diagnostics.test.ts proves the
 * statement-by-statement diagnostics built on it equal a full analysis.
 */
export function parseBlockStatementReference(header: string, statement: string): BlockStatementRead | undefined {
  const text = `${header}${statement}}`;
  const from = header.length;
  const to = from + statement.length;
  const piece = parseMappingPieceReference(text, 0, text.length);
  const { mappings, targets, deploys } = piece.ast;
  const block = mappings[0];
  if (mappings.length !== 1 || targets.length > 0 || (deploys?.length ?? 0) > 0 || block === undefined) return undefined;
  if (block.closeBrace !== to || block.end !== text.length || block.items.length > 1) return undefined;
  const item = block.items[0];
  if (item !== undefined && (item.start < from || item.end > to)) return undefined;
  if (piece.diagnostics.some((d) => d.start < from || d.end > to)) return undefined;
  const diagnostics = piece.diagnostics.map((d) => ({ ...d, start: d.start - from, end: d.end - from }));
  // The lexer's line-joining rule with nothing after the statement: its last line break dropped means a parenthesis is still open.
  const raw = mappingLexer.tokenize(statement).tokens;
  const last = raw[raw.length - 1];
  const continues = last !== undefined && last.tokenType === Newline && !joinContinuedLines(raw, true).includes(last);
  const read: BlockStatementRead = { diagnostics, continues };
  if (item !== undefined) read.item = shiftedNode(item, -from);
  return read;
}

/** Whether the first token of `line` (a line's text, from its start) starts a statement: a keyword that does, a target path or `}`. */
export function startsStatement(line: string): boolean {
  const first = mappingLexer.tokenize(line).tokens[0];
  return first !== undefined && statementStarters.has(first.tokenType);
}
