/**
 * Matching attributes: the provisioning service looks users up with `GET /Users?filter=<attr> eq …`,
 * so a matching attribute must be filterable by the target (Chatwork: only userName); precedences are
 * whole numbers from 1, distinct within a block; an enabled block needs at least one.
 */
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
          ? "'match 0' means 'not a matching attribute': remove the modifier instead."
          : `'match' takes a whole number from 1 up, not ${raw}.`,
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
        `Matching precedence ${priority} is already used by '${previous}'; give each matching attribute its own number.`,
      );
    } else byPriority.set(priority, mapping.target.text);
    if (targetAttribute && schemas.target?.filterabilityKnown && targetAttribute.filterable !== true) {
      const filterable = targetObject?.attributes.filter((a) => a.filterable === true).map((a) => a.name) ?? [];
      sink.report(
        'non-filterable-matching-attribute',
        mapping.target,
        `${schemas.target.displayName} cannot filter on '${targetAttribute.name}', so it cannot be a matching attribute${filterable.length ? `; match on ${filterable.map((n) => `'${n}'`).join(' or ')} instead` : ''}.`,
        { suggestions: filterable },
      );
    }
  }
  const enabled = !block.items.some((item) => item.kind === 'enabled' && !item.value);
  if (enabled && matchingCount === 0 && mappings.length > 0) {
    sink.report(
      'no-matching-attribute',
      block.name ?? block.keyword,
      "No mapping of this block has 'match 1': the service then cannot find users that already exist in the target.",
    );
  }
};
