/** Public entry of the expression language: text → { ast, diagnostics }, never throwing. */
import { inputText } from '../common/input-text';
import { loadExpressionParser } from './reference.lazy';
import type { ExpressionParseResult } from './parse-result';

export * from './ast';
export { decodeExpressionString, encodeExpressionString } from './strings';
export { printExpression } from './printer';
export type { ExpressionParseResult } from './parse-result';

export function parseExpression(input: string): ExpressionParseResult {
  return loadExpressionParser().parseExpressionText(inputText(input));
}
