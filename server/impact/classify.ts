/**
 * Before and after states of one user → its category, the attributes whose value changes and
 * whether its matching value changes (docs/impact.md, "Categories").
 */
import type { OutputJson } from '../evaluator/json';
import type { UserState } from './evaluate-user';

export const CATEGORIES = ['create', 'update', 'disable', 'unchanged', 'outOfScope', 'errors'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface AttributeChange {
  attribute: string;
  /** The value sent before; null when nothing is sent. */
  before: OutputJson;
  after: OutputJson;
}

export interface Classified {
  category: Category;
  /** update: exactly the attributes that differ; create: every value the after version sends. */
  changes: AttributeChange[];
  error?: string;
}

/**
 * - the after version fails for the user: errors;
 * - out of scope after: disable when the user was in scope before, else outOfScope (a user the
 *   before version cannot export does not exist in the target, so nothing is disabled);
 * - in scope after: create when the user was out of scope (or failed) before, else update or unchanged.
 */
export function classify(before: UserState, after: UserState): Classified {
  if (after.kind === 'failed') return { category: 'errors', changes: [], error: after.message };
  if (after.kind === 'out') return { category: before.kind === 'in' ? 'disable' : 'outOfScope', changes: [] };
  if (before.kind !== 'in')
    return { category: 'create', changes: [...after.values].map(([attribute, v]) => ({ attribute, before: null, after: v.wire })) };
  const changes: AttributeChange[] = [];
  for (const [attribute, v] of after.values) {
    const old = before.values.get(attribute);
    if (old?.key !== v.key) changes.push({ attribute, before: old?.wire ?? null, after: v.wire });
  }
  for (const [attribute, old] of before.values)
    if (!after.values.has(attribute)) changes.push({ attribute, before: old.wire, after: null });
  return { category: changes.length ? 'update' : 'unchanged', changes };
}
