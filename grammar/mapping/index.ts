/** Public entry of the `.aadmap` file language: text → { ast, diagnostics }, never throwing. */
import { internalErrorDiagnostic } from '../common/chevrotain-diagnostics';
import { inputText } from '../common/input-text';
import { LineIndex } from '../common/line-index';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { MappingFile } from './ast';
import type { BlockStatementRead } from './reference';
import { loadReferenceParser } from './reference.lazy';
import type { MappingPiece } from './piece';
import { pieceStarts } from './piece-starts';
import { fastParsePiece } from './fast-path';

export * from './ast';
export { pieceStarts, updatePieceStarts } from './piece-starts';
export type { MappingPiece } from './piece';
export type { BlockStatementRead } from './reference';

export interface MappingFileParseResult {
  ast: MappingFile;
  diagnostics: SyntaxDiagnostic[];
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

/**
 * One statement of a mapping block (a line with its line break, or a scope block with its clauses)
 * read by the reference parser as the parse of its block reads it, offsets relative to its start;
 * undefined when that reading reaches outside it (reference.ts). The statement-level diagnostics of
 * large blocks read a line being typed with it (server/service/block-statements.ts).
 */
export function parseBlockStatementReference(header: string, statement: string): BlockStatementRead | undefined {
  return loadReferenceParser().parseBlockStatementReference(header, statement);
}

/** Whether a line's first token starts a statement (so a parenthesis left open on the line before ends there: lexer.ts). */
export function startsStatement(line: string): boolean {
  return loadReferenceParser().startsStatement(line);
}

/** Lexes, parses and visits text[start, end) with chevrotain and the visitors (no fast path); loaded on first use (reference.ts). */
export function parseMappingPieceReference(text: string, start: number, end: number): MappingPiece {
  return loadReferenceParser().parseMappingPieceReference(text, start, end);
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
