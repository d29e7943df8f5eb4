import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  argumentCountProblem,
  damerauLevenshtein,
  damerauLevenshteinWithin,
  formatSignature,
  functionArity,
  lookupFunction,
  lookupFunctionIgnoreCase,
  parameterForArgument,
  suggestNames,
  withoutCommonAffixes,
} from '../../server/catalogue/index';
import { AZURE_AD } from '../../server/schema/index';
import type { FunctionSignature } from '../../server/catalogue/types';

function fn(name: string): FunctionSignature {
  const sig = lookupFunction(name);
  if (!sig) throw new Error(`missing ${name}`);
  return sig;
}

describe('lookup', () => {
  it('is exact-case', () => {
    expect(lookupFunction('Switch')?.name).toBe('Switch');
    expect(lookupFunction('switch')).toBeUndefined();
    expect(lookupFunction('IIF')?.name).toBe('IIF');
    expect(lookupFunction('Iif')).toBeUndefined();
    expect(lookupFunction('toString')).toBeUndefined();
    expect(lookupFunction('__proto__')).toBeUndefined();
  });

  it('ignore-case lookup finds the real spelling', () => {
    expect(lookupFunctionIgnoreCase('switch')?.name).toBe('Switch');
    expect(lookupFunctionIgnoreCase('CONVERTTOUTF8HEX')?.name).toBe('ConvertToUTF8Hex');
    expect(lookupFunctionIgnoreCase('iif')?.name).toBe('IIF');
    expect(lookupFunctionIgnoreCase('nope')).toBeUndefined();
  });

  it('finds every catalogue entry both ways', () => {
    for (const f of FUNCTIONS) {
      expect(lookupFunction(f.name)).toBe(f);
      expect(lookupFunctionIgnoreCase(f.name.toUpperCase())).toBe(f);
    }
  });
});

describe('functionArity', () => {
  it.each([
    ['DefaultDomain', 0, 0],
    ['Guid', 0, 0],
    ['Now', 0, 0],
    ['Not', 1, 1],
    ['Append', 2, 2],
    ['Mid', 3, 3],
    ['InStr', 2, 4],
    ['PCase', 1, 2],
    ['ToLower', 1, 2],
    ['RandomString', 5, 6],
    ['Replace', 1, 7],
    ['FormatDateTime', 4, 4],
    ['Join', 2, Infinity],
    ['Coalesce', 1, Infinity],
    ['Switch', 4, Infinity],
    ['SelectUniqueValue', 2, Infinity],
  ] as const)('%s takes %d..%d', (name, min, max) => {
    expect(functionArity(fn(name))).toEqual({ min, max });
  });

  it('never has min > max and max is Infinity exactly for repeating groups', () => {
    for (const f of FUNCTIONS) {
      const { min, max } = functionArity(f);
      expect(min).toBeLessThanOrEqual(max);
      expect(max === Infinity).toBe(f.parameters.some((p) => p.repeating));
    }
  });
});

describe('argumentCountProblem', () => {
  const cases: [string, number, string | undefined][] = [
    ['Switch', 0, 'Switch takes a source, a default value and key/value pairs (at least 4 arguments), but none were given.'],
    ['Switch', 1, 'Switch takes a source, a default value and key/value pairs (at least 4 arguments), but 1 was given.'],
    ['Switch', 2, 'Switch takes a source, a default value and key/value pairs (at least 4 arguments), but 2 were given.'],
    ['Switch', 3, 'Switch takes a source, a default value and key/value pairs: 3 arguments leave a key without a value.'],
    ['Switch', 4, undefined],
    ['Switch', 5, 'Switch takes a source, a default value and key/value pairs: 5 arguments leave a key without a value.'],
    ['Switch', 6, undefined],
    ['Switch', 7, 'Switch takes a source, a default value and key/value pairs: 7 arguments leave a key without a value.'],
    ['Switch', 8, undefined],
    ['Join', 0, 'Join takes a separator and one or more sources (at least 2 arguments), but none were given.'],
    ['Join', 1, 'Join takes a separator and one or more sources (at least 2 arguments), but 1 was given.'],
    ['Join', 2, undefined],
    ['Join', 17, undefined],
    ['Coalesce', 0, 'Coalesce takes one or more sources (at least 1 argument), but none were given.'],
    ['Coalesce', 1, undefined],
    ['Coalesce', 3, undefined],
    ['SelectUniqueValue', 1, 'SelectUniqueValue takes two or more unique value rules (at least 2 arguments), but 1 was given.'],
    ['SelectUniqueValue', 2, undefined],
    ['Replace', 7, undefined],
    ['Replace', 1, undefined],
    [
      'Replace',
      8,
      'Replace takes at most 7 arguments (source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?), but 8 were given.',
    ],
    [
      'Replace',
      0,
      'Replace takes at least 1 argument (source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?), but none were given.',
    ],
    ['DefaultDomain', 0, undefined],
    ['DefaultDomain', 1, 'DefaultDomain takes no arguments, but 1 was given.'],
    ['Mid', 2, 'Mid takes exactly 3 arguments (source, start, length), but 2 were given.'],
    ['Mid', 3, undefined],
    ['Not', 2, 'Not takes exactly 1 argument (source), but 2 were given.'],
    ['InStr', 5, 'InStr takes at most 4 arguments (value1, value2, start?, compareType?), but 5 were given.'],
    [
      'FormatDateTime',
      3,
      'FormatDateTime takes exactly 4 arguments (source, dateTimeStyles?, inputFormat, outputFormat), but 3 were given.',
    ],
  ];
  it.each(cases)('%s with %d arguments', (name, count, expected) => {
    expect(argumentCountProblem(fn(name), count)).toBe(expected);
  });

  it('agrees with functionArity for every function (no message inside the range, except incomplete groups)', () => {
    for (const f of FUNCTIONS) {
      const { min, max } = functionArity(f);
      for (let n = 0; n <= 10; n++) {
        const problem = argumentCountProblem(f, n);
        if (n < min || n > max) expect(problem, `${f.name} ${n}`).toBeTypeOf('string');
        else if (f.name !== 'Switch') expect(problem, `${f.name} ${n}`).toBeUndefined();
      }
    }
  });
});

describe('parameterForArgument', () => {
  const cases: [string, number, string | undefined][] = [
    ['Switch', 0, 'source'],
    ['Switch', 1, 'defaultValue'],
    ['Switch', 2, 'key'],
    ['Switch', 3, 'value'],
    ['Switch', 4, 'key'],
    ['Switch', 5, 'value'],
    ['Switch', 6, 'key'],
    ['Switch', 7, 'value'],
    ['Join', 0, 'separator'],
    ['Join', 1, 'source'],
    ['Join', 5, 'source'],
    ['Coalesce', 0, 'source'],
    ['Coalesce', 4, 'source'],
    ['SelectUniqueValue', 3, 'uniqueValueRule'],
    ['Replace', 0, 'source'],
    ['Replace', 1, 'oldValue'],
    ['Replace', 4, 'replacementValue'],
    ['Replace', 6, 'template'],
    ['Replace', 7, undefined],
    ['DefaultDomain', 0, undefined],
    ['Mid', -1, undefined],
    ['Mid', 1.5, undefined],
  ];
  it.each(cases)('%s argument %d → %s', (name, index, expected) => {
    expect(parameterForArgument(fn(name), index)?.name).toBe(expected);
  });

  it('returns the Graph key switchValue for Switch pairs', () => {
    expect(parameterForArgument(fn('Switch'), 2)?.key).toBe('switchValue');
    expect(parameterForArgument(fn('Switch'), 3)?.key).toBe('switchValue');
    expect(parameterForArgument(fn('Replace'), 1)?.key).toBe('Find');
  });
});

describe('formatSignature', () => {
  it.each([
    ['Replace', 'Replace(source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?)'],
    ['Join', 'Join(separator, source, …)'],
    ['Switch', 'Switch(source, defaultValue?, key, value, …)'],
    ['Coalesce', 'Coalesce(source, …)'],
    ['SelectUniqueValue', 'SelectUniqueValue(uniqueValueRule, uniqueValueRule, …)'],
    ['DefaultDomain', 'DefaultDomain()'],
    ['InStr', 'InStr(value1, value2, start?, compareType?)'],
  ])('%s', (name, expected) => {
    expect(formatSignature(fn(name))).toBe(expected);
  });

  it('can append the return type', () => {
    expect(formatSignature(fn('Mid'), { withReturnType: true })).toBe('Mid(source, start, length) → String');
    expect(formatSignature(fn('Split'), { withReturnType: true })).toBe('Split(source, delimiter) → String[]');
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['ca', 'abc', 2],
    ['kitten', 'sitting', 3],
    ['swtich', 'switch', 1],
    ['userprinciplename', 'userprincipalname', 2],
  ] as const)('%s ↔ %s = %d', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
    expect(damerauLevenshtein(b, a)).toBe(d);
  });
});

describe('damerauLevenshteinWithin', () => {
  it('is min(damerauLevenshtein, limit + 1): random strings of a small alphabet, every limit (seeded)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'é'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.nat({ max: 12 }), (a, b, limit) => {
        expect(damerauLevenshteinWithin(a, b, limit)).toBe(Math.min(damerauLevenshtein(a, b), limit + 1));
      }),
      { numRuns: 20_000 },
    );
  });

  it('the table kept between calls leaves nothing behind: a long pair, then short ones', () => {
    const long = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User:field02503';
    expect(damerauLevenshteinWithin(long, `u  ${long}`, 17)).toBe(3);
    for (const [a, b] of [
      ['ab', 'ba'],
      ['kitten', 'sitting'],
      ['', 'abc'],
      ['ca', 'abc'],
    ] as const)
      expect(damerauLevenshteinWithin(a, b, 5)).toBe(damerauLevenshtein(a, b));
  });
});

describe('withoutCommonAffixes', () => {
  it('keeps the distance: random strings of a small alphabet around a shared prefix and suffix (seeded)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ab', 'ba'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, word, word, (prefix, a, b, suffix) => {
        const [x, y] = [prefix + a + suffix, prefix + b + suffix];
        const [sx, sy] = withoutCommonAffixes(x, y);
        expect(sx.length).toBeLessThanOrEqual(a.length + prefix.length + suffix.length);
        expect(damerauLevenshtein(sx, sy)).toBe(damerauLevenshtein(x, y));
      }),
      { numRuns: 3000 },
    );
  });

  it('strips what both strings share at their ends, never more', () => {
    expect(withoutCommonAffixes('urn:x:User:field1', 'urn:x:User:feild1')).toEqual(['ie', 'ei']);
    expect(withoutCommonAffixes('aaa', 'aa')).toEqual(['a', '']);
    expect(withoutCommonAffixes('abc', 'xyz')).toEqual(['abc', 'xyz']);
  });
});

/** suggestNames as first written: every candidate compared in full (the reference the bounded one must equal). */
function suggestNamesInFull(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (max <= 0 || name.length === 0) return [];
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor((name.length + 1) / 4));
  const seen = new Set<string>();
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = damerauLevenshtein(lower, candidate.toLowerCase());
    if (distance > limit || distance >= Math.max(candidate.length, 2)) continue;
    scored.push({ candidate, distance });
  }
  scored.sort(
    (x, y) =>
      x.distance - y.distance ||
      Math.abs(x.candidate.length - name.length) - Math.abs(y.candidate.length - name.length) ||
      (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0),
  );
  return scored.slice(0, max).map((s) => s.candidate);
}

describe('suggestNames equals the comparison in full', () => {
  it('on random names and candidate lists of a small alphabet, with shared prefixes (seeded)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'ab', 'ba', ':x:'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (name, candidates, max) => {
        const expected = suggestNamesInFull(name, candidates, max);
        expect(suggestNames(name, candidates, max)).toEqual(expected);
        // A frozen list (a schema's names) is prepared once and kept: the same answers, asked twice.
        const frozen = Object.freeze([...candidates]);
        expect(suggestNames(name, frozen, max)).toEqual(expected);
        expect(suggestNames(name, frozen, max)).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('suggestNames', () => {
  const functionNames = FUNCTIONS.map((f) => f.name);
  const userAttributes = AZURE_AD.objects.find((o) => o.name === 'User')!.attributes.map((a) => a.name);

  it.each([
    ['Swtich', 'Switch'],
    ['Repalce', 'Replace'],
    ['joni', 'Join'],
    ['switch', 'Switch'],
    ['Iif', 'IIF'],
    ['ToLowr', 'ToLower'],
    ['Coalese', 'Coalesce'],
    ['NormaliseDiacritics', 'NormalizeDiacritics'],
  ])('%s → %s (functions)', (typo, best) => {
    expect(suggestNames(typo, functionNames)[0]).toBe(best);
  });

  it.each([
    ['userPrincipleName', 'userPrincipalName'],
    ['givenname', 'givenName'],
    ['isSoftDeleted', 'IsSoftDeleted'],
    ['departmnet', 'department'],
    ['mailNickName', 'mailNickname'],
  ])('%s → %s (Azure AD attributes)', (typo, best) => {
    expect(suggestNames(typo, userAttributes)[0]).toBe(best);
  });

  it('returns nothing for unrelated names and never the name itself', () => {
    expect(suggestNames('Frobnicate', functionNames)).toEqual([]);
    expect(suggestNames('Switch', functionNames)).not.toContain('Switch');
    expect(suggestNames('', functionNames)).toEqual([]);
  });

  it('respects max and orders best first', () => {
    const r = suggestNames('IsNul', functionNames, 2);
    expect(r.length).toBeLessThanOrEqual(2);
    expect(r[0]).toBe('IsNull');
    expect(suggestNames('IsNul', functionNames, 0)).toEqual([]);
  });
});

describe('suggestNames: thresholds', () => {
  const functionNames = FUNCTIONS.map((f) => f.name);
  it.each([
    ['Substring', []],
    ['Concat', []],
    ['Trim', []],
    ['If', ['IIF']],
    ['Mdi', ['Mid']],
    ['Lenn', ['Len']],
  ] as const)('%s → %j', (typo, expected) => {
    expect(suggestNames(typo, functionNames)).toEqual(expected);
  });
});
