/**
 * The evaluation table through the library (the CLI test runs the same rows through dist/cli.js),
 * and the table's coverage: every catalogue function, every catalogue example.
 */
import { describe, expect, it } from 'vitest';
import { walkExpression } from '../../grammar/expression/ast';
import { parseExpression } from '../../grammar/expression/index';
import { FUNCTIONS } from '../../server/catalogue/index';
import { fromPlainJson, parseDateTime, readSampleUser, stringifyJson, toOutputJson } from '../../server/evaluator/index';
import { evaluateExpressionText } from '../../server/service/sample-evaluation';
import { expectedJson } from '../support/expected-json';
import { EVALUATION_CASES, type EvaluationCase } from './function-table';

function evaluateCase(c: EvaluationCase) {
  const user = readSampleUser(fromPlainJson(c.input ?? {}));
  return evaluateExpressionText(c.expr, user, {
    now: c.now ? parseDateTime(c.now) : undefined,
    defaultDomain: c.defaultDomain,
    taken: c.taken,
    seed: c.seed,
  });
}

const label = (c: EvaluationCase) =>
  `${c.expr}  [${c.source}]${c.input ? ` ${JSON.stringify(c.input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}` : ''}`;

describe('evaluation table (library)', () => {
  it.each(EVALUATION_CASES.map((c) => [label(c), c] as const))('%s', (_name, c) => {
    const result = evaluateCase(c);
    const outcome = result.outcome;
    if (c.error !== undefined) {
      const message = result.blockingError?.message ?? (outcome?.kind === 'error' ? outcome.error.message : undefined);
      expect(message, `expected an error, got ${JSON.stringify(outcome)}`).toBeDefined();
      expect(`${message} ${result.blockingError?.code ?? ''}`).toContain(c.error);
      if (c.errorColumn !== undefined)
        expect((result.blockingError?.start ?? (outcome?.kind === 'error' ? outcome.error.start : -1)) + 1).toBe(c.errorColumn);
      return;
    }
    expect(result.blockingError, result.blockingError?.message).toBeUndefined();
    if (c.ignored) {
      expect(outcome?.kind).toBe('ignored');
      return;
    }
    expect(outcome?.kind, outcome?.kind === 'error' ? outcome.error.message : '').toBe('value');
    if (outcome?.kind !== 'value') return;
    const actual = stringifyJson(toOutputJson(outcome.value), 0);
    if (c.match) expect(JSON.parse(actual)).toMatch(c.match);
    else expect(actual).toBe(expectedJson(c.value));
  });
});

describe('evaluation table coverage', () => {
  const called = new Set<string>();
  for (const c of EVALUATION_CASES) {
    const ast = parseExpression(c.expr).ast;
    if (ast) walkExpression(ast, (node) => node.kind === 'call' && called.add(node.name));
  }
  const normalize = (expr: string) => expr.replace(/\s+/g, '');
  const tableExpressions = new Set(EVALUATION_CASES.map((c) => normalize(c.expr)));

  it.each(FUNCTIONS.map((f) => [f.name]))('%s is evaluated by at least one case', (name) => {
    expect(called).toContain(name);
  });

  it.each(FUNCTIONS.flatMap((f) => f.examples.map((e) => [f.name, e.expression] as const)))(
    '%s example %s is in the table',
    (_name, expression) => {
      expect(tableExpressions).toContain(normalize(expression));
    },
  );
});

describe('non-deterministic functions', () => {
  it('repeat with the same seed and differ across seeds', () => {
    const run = (seed: number) => {
      const outcome = evaluateCase({ expr: 'Join("|", Guid(), RandomString(12,2,2,2,2))', seed, source: 'test' }).outcome;
      return outcome?.kind === 'value' ? stringifyJson(toOutputJson(outcome.value)) : undefined;
    };
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });
});
