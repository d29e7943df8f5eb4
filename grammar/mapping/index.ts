/** Public entry of the `.aadmap` file language: text → { ast, diagnostics }, never throwing. */
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import { inputText } from '../common/input-text';
import { LineIndex } from '../common/line-index';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { MappingFile } from './ast';
import { lexMappingFile } from './lexer';
import { limitNesting } from '../common/nesting';
import { LParen, RParen } from '../expression/tokens';
import { Newline } from './tokens';
import { mappingFileParser } from './parser';
import { MappingVisitor } from './visitor';

export * from './ast';

export interface MappingFileParseResult {
  ast: MappingFile;
  diagnostics: SyntaxDiagnostic[];
}

export function parseMappingFile(input: string): MappingFileParseResult {
  const text = inputText(input);
  const empty: MappingFile = { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: text.length };
  try {
    const lexed = lexMappingFile(text);
    const diagnostics = lexerDiagnostics(text, lexed.errors);
    const tokens = limitNesting(lexed.tokens, LParen, RParen, (t) => t.tokenType === Newline, diagnostics);
    const parser = mappingFileParser();
    parser.input = tokens;
    const cst = parser.file();
    diagnostics.push(...parserDiagnostics(parser.errors, endOfLastToken(tokens)));
    const ast = new MappingVisitor(text, diagnostics).file(cst);
    ast.comments = lexed.comments.map((t) => ({
      kind: 'comment',
      text: t.image,
      start: t.startOffset,
      end: t.startOffset + t.image.length,
    }));
    return { ast, diagnostics: withoutRepeatedSyntaxErrors(text, diagnostics) };
  } catch (error) {
    return { ast: empty, diagnostics: [internalErrorDiagnostic(error)] };
  }
}

/**
 * Statements are lines, and the first syntax error of a line is its cause: recovery may report the
 * same spot twice (the parser's "Expected ')'" and the skipped rest as a stray line), or report
 * the tokens after an unexpected character. Keep the first syntax error of each line.
 */
function withoutRepeatedSyntaxErrors(text: string, diagnostics: SyntaxDiagnostic[]): SyntaxDiagnostic[] {
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
