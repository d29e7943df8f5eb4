/** Public entry of the `.aadmap` file language: text → { ast, diagnostics }, never throwing. */
import { internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
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
    diagnostics.push(...parserDiagnostics(parser.errors, text.length));
    const ast = new MappingVisitor(text, diagnostics).file(cst);
    ast.comments = lexed.comments.map((t) => ({ kind: 'comment', text: t.image, start: t.startOffset, end: t.startOffset + t.image.length }));
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    return { ast, diagnostics };
  } catch (error) {
    return { ast: empty, diagnostics: [internalErrorDiagnostic(error)] };
  }
}
