/** SelectUniqueValue: the whole expression, create-only, never matching, and only for Active Directory targets. */
import type { ExpressionRule } from '../context';

export const selectUniqueValueRule: ExpressionRule = {
  call({ call, signature }, site, { sink, usage }) {
    if (signature?.name !== 'SelectUniqueValue') return;
    if (site.parent !== undefined) {
      sink.report(
        'select-unique-value-nested',
        call.nameRange,
        'SelectUniqueValue must be the whole expression: it cannot be nested inside another function.',
      );
    }
    if (usage.kind !== 'mapping') return;
    const problems: string[] = [];
    if (usage.properties.matchingPriority > 0) problems.push('it cannot be used on a matching attribute');
    if (usage.properties.flowType !== 'ObjectAddOnly') problems.push("it should apply only on create ('on create')");
    if (usage.targetDirectory.id !== 'activeDirectory') {
      problems.push(
        `it is supported only for Workday, SuccessFactors and API-driven provisioning to on-premises Active Directory, not for ${usage.targetDirectory.displayName}`,
      );
    }
    if (problems.length) sink.report('select-unique-value-usage', call.nameRange, `SelectUniqueValue: ${problems.join('; ')}.`);
  },
};
