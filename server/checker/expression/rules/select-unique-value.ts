/** SelectUniqueValue: the whole expression, create-only, never matching, and only for Active Directory targets. */
import { t } from '../../../../grammar/common/l10n';
import type { ExpressionRule } from '../context';

export const selectUniqueValueRule: ExpressionRule = {
  call({ call, signature }, site, { sink, usage }) {
    if (signature?.name !== 'SelectUniqueValue') return;
    if (site.parent !== undefined) {
      sink.report(
        'select-unique-value-nested',
        call.nameRange,
        t('SelectUniqueValue must be the whole expression: it cannot be nested inside another function.'),
      );
    }
    if (usage.kind !== 'mapping') return;
    const problems: string[] = [];
    if (usage.properties.matchingPriority > 0) problems.push(t('it cannot be used on a matching attribute'));
    if (usage.properties.flowType !== 'ObjectAddOnly') problems.push(t("it should apply only on create ('on create')"));
    if (usage.targetDirectory.id !== 'activeDirectory') {
      problems.push(
        t(
          'it is supported only for Workday, SuccessFactors and API-driven provisioning to on-premises Active Directory, not for {0}',
          usage.targetDirectory.displayName,
        ),
      );
    }
    if (problems.length) sink.report('select-unique-value-usage', call.nameRange, t('SelectUniqueValue: {0}.', problems.join('; ')));
  },
};
