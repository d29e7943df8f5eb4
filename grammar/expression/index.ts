/** Public entry of the expression language: text → { ast, diagnostics }, never throwing. */
import { t } from '../common/l10n';
import { inputText } from '../common/input-text';
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { Expression } from './ast';
import { expressionLexer } from './lexer';
import { limitNesting } from '../common/nesting';
import { LParen, RParen } from './tokens';
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

export function parseExpression(input: string): ExpressionParseResult {
  const text = inputText(input);
  try {
    const lexed = expressionLexer.tokenize(text);
    const diagnostics = lexerDiagnostics(text, lexed.errors);
    if (lexed.tokens.length === 0) {
      // Starts at 0, so it goes first: diagnostics are sorted by start offset.
      diagnostics.unshift({
        start: 0,
        end: text.length,
        severity: 'error',
        code: 'empty-expression',
        message: t('The expression is empty'),
      });
      return { ast: undefined, diagnostics };
    }
    const tokens = limitNesting(lexed.tokens, LParen, RParen, () => false, diagnostics);
    const parser = expressionParser();
    parser.input = tokens;
    const cst = parser.expressionRoot();
    diagnostics.push(...parserDiagnostics(parser.errors, endOfLastToken(tokens)));
    const ast = new ExpressionVisitor(diagnostics).expression(firstNode(cst.children, 'expression'), 0);
    diagnostics.sort((a, b) => a.start - b.start);
    // Two reports of one spot (a cut-off expression also ends early): keep the first.
    const seen = new Set<number>();
    return { ast, diagnostics: diagnostics.filter((d) => d.code !== 'syntax-error' || (!seen.has(d.start) && !!seen.add(d.start))) };
  } catch (error) {
    return { ast: undefined, diagnostics: [internalErrorDiagnostic(error)] };
  }
}
