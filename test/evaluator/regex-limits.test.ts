/**
 * Regular expressions are bounded: a catastrophic-backtracking pattern ends with an evaluation error
 * at the call's range ("the regular expression took too long", as .NET reports a match timeout)
 * instead of hanging the process; ordinary patterns keep their results.
 */
import { describe, expect, it } from 'vitest';
import { fromPlainJson, readSampleUser } from '../../server/evaluator/index';
import { allMatches, translateDotNetRegex } from '../../server/evaluator/dotnet-regex';
import { isLinearSafe, REGEX_TIMEOUT_MESSAGE } from '../../server/evaluator/regex-guard';
import { evaluateExpressionText } from '../../server/service/sample-evaluation';
import { timed } from '../property/invariants';

const hostileValue = `${'a'.repeat(40)}!`;

describe('bounded regular expressions', () => {
  it('Replace with a catastrophic pattern ends with a timeout error at the call', () => {
    const expr = 'Replace([mail], , "(a+)+$", , "x", , )';
    const user = readSampleUser(fromPlainJson({ mail: hostileValue }));
    // A hang guard in CPU time, which a loaded machine does not inflate as it does wall time.
    const result = timed('Replace with (a+)+$', () => evaluateExpressionText(expr, user, {}), 10_000);
    expect(result.outcome?.kind).toBe('error');
    if (result.outcome?.kind !== 'error') return;
    expect(result.outcome.error.message).toContain(REGEX_TIMEOUT_MESSAGE);
    expect(result.outcome.error.start).toBe(0);
    expect(result.outcome.error.end).toBe(expr.length);
  });

  it('the same pattern on a matching value still works (through the guarded path)', () => {
    const user = readSampleUser(fromPlainJson({ mail: 'aaaa' }));
    const result = evaluateExpressionText('Replace([mail], , "(a+)+$", , "x", , )', user, {});
    expect(result.outcome).toMatchObject({ kind: 'value' });
    if (result.outcome?.kind === 'value') expect(result.outcome.value).toMatchObject({ kind: 'string', value: 'x' });
  });

  it('classifies patterns: nested quantifiers and backreferences are never run unguarded', () => {
    const short = 'abc@example.com';
    expect(isLinearSafe(translateDotNetRegex('(a+)+$'), short)).toBe(false);
    expect(isLinearSafe(translateDotNetRegex('(a|aa)*b'), short)).toBe(false);
    expect(isLinearSafe(translateDotNetRegex('(\\w)\\1'), short)).toBe(false);
    expect(isLinearSafe(translateDotNetRegex('@.*$'), short)).toBe(true);
    expect(isLinearSafe(translateDotNetRegex('[^a-z]'), 'x'.repeat(100_000))).toBe(true);
    // Many sequential quantifiers on a long value: polynomial blow-up, guarded.
    expect(isLinearSafe(translateDotNetRegex('\\w*\\w*\\w*\\w*\\w*!'), 'x'.repeat(5_000))).toBe(false);
  });

  it('guarded and unguarded matching agree', () => {
    const regex = translateDotNetRegex('(?<user>[^@]+)@(?<domain>.+)$');
    const matches = allMatches(regex, 'john.smith@contoso.com');
    expect(matches).toHaveLength(1);
    expect(matches[0]!.groups).toEqual(['john.smith@contoso.com', 'john.smith', 'contoso.com']);
  });
});
