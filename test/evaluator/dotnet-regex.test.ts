/** .NET regular expressions on JavaScript: what matches, what replacements produce, what is refused. */
import { describe, expect, it } from 'vitest';
import {
  allMatches,
  regexReplace,
  regexReplaceGroup,
  RegexTranslationError,
  translateDotNetRegex,
} from '../../server/evaluator/dotnet-regex';

describe('translated patterns match what .NET matches', () => {
  // [.NET pattern, input, expected matches]
  const cases: [string, string, string[]][] = [
    [String.raw`\d+`, 'a12 ٣٤ b', ['12', '٣٤']],
    [String.raw`\w+`, 'Zoë_1 naïve-x', ['Zoë_1', 'naïve', 'x']],
    [String.raw`\s`, 'a\u0085b\u00a0c\ufeffd', ['\u0085', '\u00a0']],
    [String.raw`\bé\w*`, 'café élan', ['élan']],
    ['.', 'a\r\n', ['a', '\r']],
    ['(?s).', 'a\n', ['a', '\n']],
    ['^a', 'a\na', ['a']],
    ['(?m)^a', 'a\na', ['a', 'a']],
    ['a$', 'a\na\n', ['a']],
    ['(?m)a$', 'a\na\n', ['a', 'a']],
    [String.raw`\Aa`, 'aa', ['a']],
    [String.raw`a\z`, 'aa\n', []],
    [String.raw`a\Z`, 'aa\n', ['a']],
    ['(?i)straße', 'STRASSE Straße', ['Straße']],
    ['(?x) a b # comment', 'ab', ['ab']],
    ['[a-z-[aeiou]]+', 'education', ['d', 'c', 't', 'n']],
    ['[]a]+', 'a]b', ['a]']],
    ['[^]a]', 'a]b', ['b']],
    [String.raw`[\d-]+`, 'x12-3y', ['12-3']],
    [String.raw`a{2}|{x}`, 'aa {x}', ['aa', '{x}']],
    [String.raw`\+\.\@`, '+.@', ['+.@']],
    ["(?'word'o)", 'foo', ['o', 'o']],
    [String.raw`(a)\1`, 'aa ab', ['aa']],
    // (b) is group 1 and x group 2 in .NET, so \2 repeats the a.
    [String.raw`(?<x>a)(b)\2`, 'abb aba', ['aba']],
    [String.raw`(?<q>["'])\w+\k<q>`, `"ab" 'c" 'd'`, ['"ab"', "'d'"]],
    [String.raw`\x41\u0042\103\0`, 'ABC\0', ['ABC\0']],
    [String.raw`\p{Lu}\P{Lu}`, 'aBcD', ['Bc']],
    ['(?#a comment)x', 'x', ['x']],
    ['(?n)(a)(?<b>b)', 'ab', ['ab']],
  ];
  it.each(cases)('%j on %j', (pattern, input, expected) => {
    const translated = translateDotNetRegex(pattern);
    expect(allMatches(translated, input).map((m) => m.groups[0])).toEqual(expected);
  });

  it('numbers groups as .NET does: unnamed first, then named', () => {
    const t = translateDotNetRegex('(?<first>a)(b)(?<second>c)(d)');
    expect([1, 2, 3, 4].map((n) => t.numberToIndex.get(n))).toEqual([2, 4, 1, 3]);
    expect(t.nameToIndex.get('first')).toBe(1);
    expect(t.nameToIndex.get('3')).toBe(1);
  });
});

describe('.NET substitutions', () => {
  const cases: [string, string, string, string][] = [
    ['(?<x>a)(b)', 'ab', '$1-$2-${x}-${2}', 'b-a-a-a'],
    ['b', 'abc', "[$`|$&|$']", 'a[a|b|c]c'],
    ['b', 'abc', '$$', 'a$c'],
    ['b', 'abc', '$_', 'aabcc'],
    ['(a)(b)?', 'a', '[$2]', '[]'],
    ['(a)(b)', 'ab', '$+', 'b'],
    ['(a)', 'a', '$9', '$9'],
    ['(a)', 'a', '${nope}', '${nope}'],
    ['(a)', 'a', '$10', 'a0'],
    ['x*', 'abc', '-', '-a-b-c-'],
  ];
  it.each(cases)('Regex.Replace(%j, %j → %j)', (pattern, input, replacement, expected) => {
    expect(regexReplace(translateDotNetRegex(pattern), input, replacement)).toBe(expected);
  });

  it('replaces only a named group', () => {
    const t = translateDotNetRegex(String.raw`(?<n>\d+)-(?<m>\d+)`);
    expect(regexReplaceGroup(t, '1-2 3-4', 'm', 'X')).toBe('1-X 3-X');
    expect(() => regexReplaceGroup(t, '1-2', 'z', 'X')).toThrow(RegexTranslationError);
  });
});

describe('constructs JavaScript cannot honour are refused, with a position', () => {
  const cases: [string, string, number][] = [
    ['(?>a+)b', 'Atomic groups', 0],
    ['x(?(a)b|c)', 'Conditional groups', 1],
    ['(?<open>a)(?<close-open>b)', 'Balancing groups', 10],
    ['a(?i)b', 'Inline options inside the pattern', 1],
    ['a(?i:b)', 'Inline options inside the pattern', 1],
    [String.raw`\Gx`, '\\G', 0],
    [String.raw`\p{IsGreek}`, 'named blocks', 0],
    ['(?<a>x)(?<a>y)', 'used twice', 7],
    ['(?<1>x)', 'is a number', 0],
    [String.raw`\q`, 'Unrecognized escape', 0],
    [String.raw`(a)\2`, 'undefined group number', 3],
    ['[z-a]', 'reverse order', 1],
    ['(a', 'Missing closing parenthesis', 0],
  ];
  it.each(cases)('%j', (pattern, message, index) => {
    let error: unknown;
    try {
      translateDotNetRegex(pattern);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegexTranslationError);
    expect((error as Error).message).toContain(message);
    expect((error as RegexTranslationError).index).toBe(index);
  });
});
