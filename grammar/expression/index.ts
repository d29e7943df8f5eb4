/** Public entry of the expression language: text → { ast, diagnostics }, never throwing. */
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { Expression } from './ast';
import { expressionLexer } from './lexer';
import { expressionParser } from './parser';
import { ExpressionVisitor, firstNode } from './visitor';

export * from './ast';
export { decodeExpressionString, encodeExpressionString } from './strings';
export { printExpression } from './printer';

export interface ExpressionParseResult {
  /** Undefined only when the text holds no expression at all. */
  ast: Expression | undefined;
  diagnostics: SyntaxDiagnostic[];
}

export function parseExpression(text: string): ExpressionParseResult {
  try {
    const lexed = expressionLexer.tokenize(text);
    const diagnostics = lexerDiagnostics(text, lexed.errors);
    if (lexed.tokens.length === 0) {
      diagnostics.push({ start: 0, end: text.length, severity: 'error', code: 'empty-expression', message: 'The expression is empty' });
      return { ast: undefined, diagnostics };
    }
    const parser = expressionParser();
    parser.input = lexed.tokens;
    const cst = parser.expressionRoot();
    diagnostics.push(...parserDiagnostics(parser.errors, endOfLastToken(lexed.tokens)));
    const ast = new ExpressionVisitor(diagnostics).expression(firstNode(cst.children, 'expression'), 0);
    diagnostics.sort((a, b) => a.start - b.start);
    return { ast, diagnostics };
  } catch (error) {
    return { ast: undefined, diagnostics: [internalErrorDiagnostic(error)] };
  }
}
