/**
 * The general `.aadmap` parser (chevrotain lexer, parser and visitors), for the pieces the fast
 * path (fast-path.ts) declines. index.ts loads it on first use through general.lazy.ts, so a
 * start-up that reads only well-formed files never initialises chevrotain (docs/performance.md).
 */
import type { IToken } from 'chevrotain';
import { endOfLastToken, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import { limitNesting } from '../common/nesting';
import { LParen, RParen } from '../expression/tokens';
import type { Comment, MappingFile } from './ast';
import type { MappingPiece } from './piece';
import { lexMappingFile } from './lexer';
import { mappingFileParser } from './parser';
import { addSuggestions } from './suggestions';
import { Newline, RBrace } from './tokens';
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
