/**
 * Matching attributes: the provisioning service looks users up with `GET /Users?filter=<attr> eq …`,
 * so a matching attribute must be filterable by the target (Chatwork: only userName); precedences are
 * whole numbers from 1, distinct within a block; an enabled block needs at least one.
 */
import { orList } from '../../diagnostic';
import { t } from '../../../../grammar/common/l10n';
import type { BlockRule } from '../context';

export const matchingRule: BlockRule = ({ block, mappings, targetObject, schemas, sink }) => {
  const byPriority = new Map<number, string>();
  let matchingCount = 0;
  for (const { mapping, targetAttribute, properties } of mappings) {
    const modifier = mapping.modifiers.find((m) => m.kind === 'match');
    if (modifier?.kind !== 'match' || !modifier.value) continue;
    const raw = modifier.value.raw;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 2147483647) {
      sink.report(
        'invalid-matching-priority',
        modifier.value,
        raw === '0'
          ? t("'match 0' means 'not a matching attribute': remove the modifier instead.")
          : t("'match' takes a whole number from 1 up, not {0}.", raw),
      );
      continue;
    }
    matchingCount++;
    const priority = properties.matchingPriority;
    const previous = byPriority.get(priority);
    if (previous !== undefined) {
      sink.report(
        'duplicate-matching-priority',
        modifier.value,
        t("Matching precedence {0} is already used by '{1}'; give each matching attribute its own number.", priority, previous),
      );
    } else byPriority.set(priority, mapping.target.text);
    if (targetAttribute && schemas.target?.filterabilityKnown && targetAttribute.filterable !== true) {
      const filterable = targetObject?.attributes.filter((a) => a.filterable === true).map((a) => a.name) ?? [];
      sink.report(
        'non-filterable-matching-attribute',
        mapping.target,
        filterable.length
          ? t(
              "{0} cannot filter on '{1}', so it cannot be a matching attribute; match on {2} instead.",
              schemas.target.displayName,
              targetAttribute.name,
              orList(filterable.map((n) => `'${n}'`)),
            )
          : t("{0} cannot filter on '{1}', so it cannot be a matching attribute.", schemas.target.displayName, targetAttribute.name),
        { suggestions: filterable },
      );
    }
  }
  const enabled = !block.items.some((item) => item.kind === 'enabled' && !item.value);
  if (enabled && matchingCount === 0 && mappings.length > 0) {
    sink.report(
      'no-matching-attribute',
      block.name ?? block.keyword,
      t("No mapping of this block has 'match 1': the service then cannot find users that already exist in the target."),
    );
  }
};
