/** An IIF condition over a null or empty attribute "fails" (documented as unsupported). */
import { t } from '../../../../grammar/common/l10n';
import type { ExpressionRule } from '../context';

const NULL_TESTS = new Set(['IsPresent', 'IsNull', 'IsNullOrEmpty']);

export const iifConditionRule: ExpressionRule = {
  call({ call, signature }, _site, { sink }) {
    if (signature?.name !== 'IIF') return;
    const condition = call.args[0];
    if (!condition) return;
    const testsNull =
      (condition.kind === 'call' && NULL_TESTS.has(condition.name)) ||
      (condition.kind === 'comparison' && [condition.left, condition.right].some((side) => side.kind === 'string' && side.value === ''));
    if (testsNull) {
      sink.report(
        'iif-null-condition',
        condition,
        t(
          'IIF cannot test for null or empty: its condition fails when the attribute is null. Use Switch([x], [x], "", "fallback") instead.',
        ),
      );
    }
  },
};
