/** Did-you-mean for SCIM comparison operators (the visitor's diagnostics and the quick fixes read it). */
import type { ScimCompareOperator } from './ast';

const OPERATOR_ALIASES: Record<string, ScimCompareOperator | 'pr'> = {
  '=': 'eq',
  '==': 'eq',
  '===': 'eq',
  equals: 'eq',
  equal: 'eq',
  is: 'eq',
  '!=': 'ne',
  '!==': 'ne',
  '<>': 'ne',
  neq: 'ne',
  '<': 'lt',
  '<=': 'le',
  '=<': 'le',
  lte: 'le',
  '>': 'gt',
  '>=': 'ge',
  '=>': 'ge',
  gte: 'ge',
  contains: 'co',
  like: 'co',
  startswith: 'sw',
  starts_with: 'sw',
  endswith: 'ew',
  ends_with: 'ew',
  present: 'pr',
  exists: 'pr',
};

const ALL_OPERATORS: readonly string[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr'];

/** Did-you-mean for an unknown operator: a known alias, or a one-letter typo of a 2-letter operator. */
export function suggestOperator(written: string): string | undefined {
  const lower = written.toLowerCase();
  const alias = OPERATOR_ALIASES[lower];
  if (alias !== undefined) return alias;
  if (lower.length === 2) {
    for (const op of ALL_OPERATORS) {
      if ((op[0] === lower[0]) !== (op[1] === lower[1])) return op;
    }
  }
  return undefined;
}
