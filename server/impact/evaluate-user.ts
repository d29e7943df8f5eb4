/**
 * One user under one version: in scope or not, and the values the version sends to the target —
 * the same evaluation as the provisioning preview (server/preview), reduced to what comparing two
 * versions needs. Values are kept as comparison keys (strings compared as the target compares them:
 * ignoring case unless the attribute is caseExact), so equal values are equal strings.
 */
import { t } from '../../grammar/common/l10n';
import type { EvaluationEnvironment } from '../evaluator/evaluate';
import { evaluateExpression } from '../evaluator/index';
import type { OutputJson } from '../evaluator/json';
import { isNullOrEmpty, type Value } from '../evaluator/values';
import { scopeDecision } from '../preview/scope';
import { comparisonKey, wireValue } from '../preview/scim-resource';
import type { ImpactVersion, VersionLine } from './version';

export interface SentValue {
  /** The JSON value written to the target (Booleans as JSON Booleans). */
  wire: OutputJson;
  /** Equal keys ⇔ the target holds them as the same value. */
  key: string;
}

export type UserState =
  | { kind: 'out' }
  /** In scope, but the service cannot export the user (a function error, no matching value). */
  | { kind: 'failed'; message: string }
  | {
      kind: 'in';
      /** Target attribute → the value sent on update; absent: nothing is sent (null, empty, on create only, not flowing). */
      values: Map<string, SentValue>;
      /** The matching values in lookup order, as one comparison key. */
      matchKey: string;
    };

/**
 * The user's state: in scope of any enabled user block (several blocks: the first in scope wins,
 * as each is a separate object mapping and a user is exported once per target object).
 */
export function evaluateUser(version: ImpactVersion, env: EvaluationEnvironment): UserState {
  for (const block of version.blocks) {
    const scope = block.scopes.length ? scopeDecision(block.scopes, env) : undefined;
    if (scope?.error) return { kind: 'failed', message: t('The scoping filter cannot be evaluated: {0}', scope.error) };
    if (scope && !scope.inScope) continue;
    const values = new Map<string, SentValue>();
    const evaluated = new Map<VersionLine, Value>();
    for (const line of block.lines) {
      const source = line.checked.mapping.source;
      if (source.kind === 'none') {
        evaluated.set(line, { kind: 'null' });
        continue;
      }
      if (source.kind === 'missing') return { kind: 'failed', message: t('The mapping of {0} has no source expression', line.target) };
      const outcome = evaluateExpression(source, env);
      if (outcome.kind === 'error') return { kind: 'failed', message: `${line.target}: ${outcome.error.message}` };
      if (outcome.kind === 'ignored') continue;
      evaluated.set(line, outcome.value);
      if (line.createOnly || isNullOrEmpty(outcome.value)) continue;
      const wire = wireValue(outcome.value, line.checked.targetAttribute);
      if (wire === undefined) continue;
      values.set(line.target, { wire, key: comparisonKey(wire, line.caseExact) });
    }
    if (block.matching.length === 0)
      return { kind: 'failed', message: t('No attribute is marked as a matching attribute, so the service cannot look the user up') };
    const keys: string[] = [];
    for (const line of block.matching) {
      const value = evaluated.get(line);
      if (value === undefined || isNullOrEmpty(value)) continue;
      const wire = wireValue(value, line.checked.targetAttribute);
      if (wire !== undefined) keys.push(`${line.target.toLowerCase()}=${comparisonKey(wire, line.caseExact)}`);
    }
    if (keys.length === 0) return { kind: 'failed', message: t('Every matching attribute is null or empty for this user') };
    return { kind: 'in', values, matchKey: keys.join('\u0001') };
  }
  return { kind: 'out' };
}

/**
 * The matching values a version would look a user up with, whatever the scope (for a user out of
 * scope before and in scope after: did an old account match by another value?). Undefined when the
 * version has no matching value for the user.
 */
export function matchKeyIgnoringScope(version: ImpactVersion, env: EvaluationEnvironment): string | undefined {
  const block = version.blocks.find((b) => b.matching.length > 0);
  if (!block) return undefined;
  const keys: string[] = [];
  for (const line of block.matching) {
    const source = line.checked.mapping.source;
    if (source.kind === 'none' || source.kind === 'missing') continue;
    const outcome = evaluateExpression(source, env);
    if (outcome.kind !== 'value' || isNullOrEmpty(outcome.value)) continue;
    const wire = wireValue(outcome.value, line.checked.targetAttribute);
    if (wire !== undefined) keys.push(`${line.target.toLowerCase()}=${comparisonKey(wire, line.caseExact)}`);
  }
  return keys.length ? keys.join('\u0001') : undefined;
}
