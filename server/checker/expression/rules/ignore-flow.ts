/** IgnoreFlowIfNullOrEmpty decides whether the attribute flows at all: it wraps the whole expression. */
import { t } from '../../../../grammar/common/l10n';
import type { ExpressionRule } from '../context';

export const ignoreFlowRule: ExpressionRule = {
  call({ call, signature }, site, { sink }) {
    if (signature?.name !== 'IgnoreFlowIfNullOrEmpty') return;
    if (site.parent?.signature?.name === 'IIF' && site.index === 0) {
      sink.report(
        'ignore-flow-placement',
        call.nameRange,
        t('IgnoreFlowIfNullOrEmpty is not a condition: wrap the whole IIF instead, e.g. IgnoreFlowIfNullOrEmpty(IIF(…)).'),
      );
    } else if (site.parent !== undefined) {
      sink.report(
        'ignore-flow-placement',
        call.nameRange,
        t('IgnoreFlowIfNullOrEmpty is documented only as the outermost function of a mapping; nested, its effect is not specified.'),
        { severity: 'warning' },
      );
    }
  },
};
