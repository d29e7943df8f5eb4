import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { Expression } from './ast';

export interface ExpressionParseResult {
  /** Undefined only when the text holds no expression at all. */
  ast: Expression | undefined;
  diagnostics: SyntaxDiagnostic[];
}
