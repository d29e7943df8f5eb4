/** Public entry of the `.aadmap` file language: text → { ast, diagnostics }, never throwing. */
import { addSuggestions } from './suggestions';
import type { IToken } from 'chevrotain';
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import { inputText } from '../common/input-text';
import { LineIndex } from '../common/line-index';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { Comment, MappingFile } from './ast';
import { lexMappingFile } from './lexer';
import { limitNesting } from '../common/nesting';
import { LParen, RParen } from '../expression/tokens';
import { Newline, RBrace } from './tokens';
import { mappingFileParser } from './parser';
import { MappingVisitor } from './visitor';
import { pieceStarts } from './piece-starts';
import { fastParsePiece } from './fast-path';

export * from './ast';
export { pieceStarts, updatePieceStarts } from './piece-starts';

export interface MappingFileParseResult {
  ast: MappingFile;
  diagnostics: SyntaxDiagnostic[];
}

/**
 * The result of parsing one piece of a file (see parseMappingPiece): offsets are absolute in the
 * file; `closedAtFileLevel` says whether the parser was back at file level at the piece's end.
 */
export interface MappingPiece {
  start: number;
  end: number;
  ast: Pick<MappingFile, 'targets' | 'mappings' | 'comments' | 'deploys'>;
  /** Not yet sorted nor de-duplicated per line (parseMappingFile does that for the whole file). */
  diagnostics: SyntaxDiagnostic[];
  closedAtFileLevel: boolean;
}

/**
 * Parses a file piece by piece. Why: one chevrotain parse of a whole 5,000-mapping file builds a
 * concrete syntax tree of hundreds of thousands of nodes that all stay alive until the visitor is
 * done, and the garbage collector's work grows faster than the file. Statements are lines and a
 * mapping block ends with its `}`, so the file is cut where a line starts with `mapping` or
 * `target` (pieceStarts) and each piece is lexed, parsed and visited on its own; its tree dies
 * young. The result is the same as one parse of the whole text because a cut is only kept where the
 * piece before it ended back at file level (see `closedAtFileLevel`); otherwise the piece is
 * extended to the next cut, and after a second failure the rest of the file is read in one piece.
 * test/grammar/mapping/pieces.test.ts proves the equivalence on generated and mutated files.
 */
export function parseMappingFile(input: string): MappingFileParseResult {
  const text = inputText(input);
  const empty: MappingFile = { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: text.length };
  try {
    const pieces = parseMappingPieces(text);
    const ast: MappingFile = { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: text.length };
    const diagnostics: SyntaxDiagnostic[] = [];
    for (const piece of pieces) {
      for (const target of piece.ast.targets) ast.targets.push(target);
      for (const mapping of piece.ast.mappings) ast.mappings.push(mapping);
      for (const comment of piece.ast.comments) ast.comments.push(comment);
      if (piece.ast.deploys) (ast.deploys ??= []).push(...piece.ast.deploys);
      for (const diagnostic of piece.diagnostics) diagnostics.push(diagnostic);
    }
    return { ast, diagnostics: withoutRepeatedSyntaxErrors(text, diagnostics) };
  } catch (error) {
    return { ast: empty, diagnostics: [internalErrorDiagnostic(error)] };
  }
}

/**
 * The file parsed in one piece by the reference parser (no fast path), as before pieces existed. Not part of the library entry: the tests
 * prove parseMappingFile equal to it, and the benchmarks can time it.
 */
export function parseMappingFileWhole(input: string): MappingFileParseResult {
  const text = inputText(input);
  try {
    const piece = parseMappingPieceReference(text, 0, text.length);
    const { targets, mappings, comments, deploys } = piece.ast;
    return {
      ast: { kind: 'file', targets, mappings, comments, start: 0, end: text.length, ...(deploys ? { deploys } : {}) },
      diagnostics: withoutRepeatedSyntaxErrors(text, piece.diagnostics),
    };
  } catch (error) {
    return {
      ast: { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: text.length },
      diagnostics: [internalErrorDiagnostic(error)],
    };
  }
}

/**
 * The pieces parseMappingFile reads, in order, covering the text. `parse` reads one piece
 * (parseMappingPiece, or a caller's cache of it); only its `closedAtFileLevel` steers the cutting.
 * `starts` are pieceStarts(text) (a caller may know them already).
 * May throw (callers guard).
 */
export function parseMappingPieces<P extends { closedAtFileLevel: boolean } = MappingPiece>(
  text: string,
  parse: (text: string, start: number, end: number) => P = parseMappingPiece as unknown as (text: string, start: number, end: number) => P,
  starts: readonly number[] = pieceStarts(text),
): P[] {
  const pieces: P[] = [];
  let index = 0; // starts[index] is where the next piece starts
  while (index < starts.length) {
    const start = starts[index]!;
    let next = index + 1;
    let piece = parse(text, start, starts[next] ?? text.length);
    if (!piece.closedAtFileLevel && next < starts.length) {
      // A block left open (a missing `}`) takes in the next one: try once with the next piece.
      next++;
      piece = parse(text, start, starts[next] ?? text.length);
      if (!piece.closedAtFileLevel && next < starts.length) {
        next = starts.length;
        piece = parse(text, start, text.length);
      }
    }
    pieces.push(piece);
    index = next;
  }
  return pieces;
}

/**
 * Reads text[start, end) as if it were the whole file, with absolute offsets: by the fast path
 * (fast-path.ts) when the piece is well-formed, else by the reference parser.
 */
export function parseMappingPiece(text: string, start: number, end: number): MappingPiece {
  const fast = fastParsePiece(text, start, end);
  if (fast !== undefined) return { start, end, ast: fast, diagnostics: [], closedAtFileLevel: true };
  return parseMappingPieceReference(text, start, end);
}

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

/**
 * Statements are lines, and the first syntax error of a line is its cause: recovery may report the
 * same spot twice (the parser's "Expected ')'" and the skipped rest as a stray line), or report
 * the tokens after an unexpected character. Keep the first syntax error of each line.
 */
export function withoutRepeatedSyntaxErrors(text: string, diagnostics: SyntaxDiagnostic[]): SyntaxDiagnostic[] {
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  if (diagnostics.filter((d) => d.code === 'syntax-error').length < 2) return diagnostics;
  const index = new LineIndex(text);
  const lines = new Set<number>();
  return diagnostics.filter((d) => {
    if (d.code !== 'syntax-error') return true;
    const line = index.positionAt(d.start).line;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}
