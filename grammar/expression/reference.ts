/**
 * The expression parser (chevrotain lexer, parser and visitor). index.ts loads it on first use
 * through general.lazy.ts, so a start-up that never parses a lone expression (a mapping file's
 * expressions are read by its fast path) never initialises chevrotain (docs/performance.md).
 */
import { t } from '../common/l10n';
import { endOfLastToken, internalErrorDiagnostic, lexerDiagnostics, parserDiagnostics } from '../common/chevrotain-diagnostics';
import { expressionLexer } from './lexer';
import { limitNesting } from '../common/nesting';
import type { ExpressionParseResult } from './parse-result';
import { LParen, RParen } from './tokens';
import { expressionParser } from './parser';
import { ExpressionVisitor, firstNode } from './visitor';

export function parseExpressionText(text: string): ExpressionParseResult {
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
