/** The service stores at most 10,000 characters per mapping expression. */
import type { ExpressionRule } from '../context';

const MAX_EXPRESSION_LENGTH = 10_000;

export const lengthRule: ExpressionRule = {
  root(expression, { sink }) {
    const length = expression.end - expression.start;
    if (length <= MAX_EXPRESSION_LENGTH) return;
    sink.report(
      'expression-too-long',
      expression,
      `This expression has ${length.toLocaleString('en-US')} characters; the service accepts at most ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')}.`,
    );
  },
};
