/** Public entry of the `.aadmap` file language: text → { ast, diagnostics }, never throwing. */
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { MappingFile } from './ast';
import { lexMappingFile } from './lexer';
import { mappingFileParser } from './parser';
import { MappingVisitor } from './visitor';

export * from './ast';

export interface MappingFileParseResult {
  ast: MappingFile;
  diagnostics: SyntaxDiagnostic[];
}

export function parseMappingFile(text: string): MappingFileParseResult {
  const empty: MappingFile = { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: text.length };
  try {
    const lexed = lexMappingFile(text);
    const diagnostics = lexerDiagnostics(text, lexed.errors);
    const parser = mappingFileParser();
    parser.input = lexed.tokens;
    const cst = parser.file();
    diagnostics.push(...parserDiagnostics(parser.errors, endOfLastToken(lexed.tokens)));
    const ast = new MappingVisitor(text, diagnostics).file(cst);
    ast.comments = lexed.comments.map((t) => ({ kind: 'comment', text: t.image, start: t.startOffset, end: t.startOffset + t.image.length }));
    return { ast, diagnostics: withoutRepeatedSyntaxErrors(diagnostics) };
  } catch (error) {
    return { ast: empty, diagnostics: [internalErrorDiagnostic(error)] };
  }
}

/**
 * Recovery can report one spot twice (the parser's "Expected ')'" and the skipped rest of the line
 * as a stray line): keep the first syntax error at each offset, in position order.
 */
function withoutRepeatedSyntaxErrors(diagnostics: SyntaxDiagnostic[]): SyntaxDiagnostic[] {
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (d.code !== 'syntax-error') return true;
    if (seen.has(d.start)) return false;
    seen.add(d.start);
    return true;
  });
}
