/** The service stores at most 10,000 characters per mapping expression. */
import { t } from '../../../../grammar/common/l10n';
import type { ExpressionRule } from '../context';

const MAX_EXPRESSION_LENGTH = 10_000;

export const lengthRule: ExpressionRule = {
  root(expression, { sink }) {
    const length = expression.end - expression.start;
    if (length <= MAX_EXPRESSION_LENGTH) return;
    sink.report(
      'expression-too-long',
      expression,
      t('This expression has {0} characters; the service accepts at most {1}.', length, MAX_EXPRESSION_LENGTH),
    );
  },
};
