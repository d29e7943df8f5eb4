/** Dates (.NET ticks, VB DateAdd/DateDiff, CDate forms, .NET format strings), text rules, lossless JSON. */
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  dateIntervalFromString,
  parseDateTime,
  renderServiceDateTime,
  vbDateAdd,
  vbDateDiff,
} from '../../server/evaluator/datetime';
import { diacriticInputs, normalizeDiacritics } from '../../server/evaluator/diacritics';
import { DEFAULT_STYLES, formatDateTime, parseExact, parseStyles } from '../../server/evaluator/dotnet-datetime-format';
import { JsonSyntaxError, parseJson, stringifyJson } from '../../server/evaluator/json';
import { foldForTextCompare, pcase, word } from '../../server/evaluator/text';

const at = (text: string) => {
  const ticks = parseDateTime(text);
  if (ticks === undefined) throw new Error(`not a date: ${text}`);
  return ticks;
};

describe('calendar', () => {
  it('maps days and civil dates both ways over the whole .NET range', () => {
    for (const days of [0, 1, 58, 59, 365, 146096, 146097, 719162, 738000, 3652058]) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
    expect(civilFromDays(0)).toEqual({ year: 1, month: 1, day: 1 });
    expect(civilFromDays(719162)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilFromDays(3652058)).toEqual({ year: 9999, month: 12, day: 31 });
  });
});

describe('CDate forms', () => {
  const cases: [string, string | undefined][] = [
    ['2020-03-16-07:00', '3/16/2020 7:00:00 AM'],
    ['2021-06-30+08:00', '6/29/2021 4:00:00 PM'],
    ['2009-06-15T01:45:30-07:00', '6/15/2009 8:45:30 AM'],
    ['2009-06-15T13:45:30.1234567Z', '6/15/2009 1:45:30 PM'],
    ['2025-12-31 23:59:59-08:00', '1/1/2026 7:59:59 AM'],
    ['8/25/2021 5:41:18 PM', '8/25/2021 5:41:18 PM'],
    ['12/31/2025 12:00:00 AM', '12/31/2025 12:00:00 AM'],
    ['1/2/2021 13:05', '1/2/2021 1:05:00 PM'],
    ['Tue, 16 Mar 2020 07:00:00 GMT', '3/16/2020 7:00:00 AM'],
    ['2021-02-29', undefined],
    ['2021-13-01', undefined],
    ['13:00 PM 1/1/2021', undefined],
    ['1/1/2021 13:00:00 PM', undefined],
    ['2021-01-01T00:00:00+15:00', undefined],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    const ticks = parseDateTime(input);
    expect(ticks === undefined ? undefined : renderServiceDateTime(ticks)).toBe(expected);
  });
});

describe('VB DateAdd / DateDiff', () => {
  it('reads interval codes case-insensitively, as VB does', () => {
    expect(dateIntervalFromString('WW')).toBe('WeekOfYear');
    expect(dateIntervalFromString('yyyy')).toBe('Year');
    expect(dateIntervalFromString('mm')).toBeUndefined();
  });
  const adds: [string, number, string, string][] = [
    ['yyyy', 1, '2020-02-29', '2/28/2021 12:00:00 AM'],
    ['q', 1, '2021-01-31', '4/30/2021 12:00:00 AM'],
    ['m', -1, '2021-03-31', '2/28/2021 12:00:00 AM'],
    ['w', 3, '2021-01-01', '1/4/2021 12:00:00 AM'],
    ['n', -90, '2021-01-01', '12/31/2020 10:30:00 PM'],
    ['s', 3661, '2021-01-01', '1/1/2021 1:01:01 AM'],
  ];
  it.each(adds)('DateAdd(%j, %d, %s)', (interval, n, start, expected) => {
    expect(renderServiceDateTime(vbDateAdd(dateIntervalFromString(interval)!, n, at(start)))).toBe(expected);
  });
  const diffs: [string, string, string, bigint][] = [
    ['d', '2021-08-25T17:41:18Z', '2012-03-16T07:00:00Z', -3449n],
    ['ww', '2021-08-25T17:41:18Z', '2012-03-16T07:00:00Z', -493n],
    ['w', '2021-08-25T17:41:18Z', '2012-03-16T07:00:00Z', -492n],
    ['ww', '2021-08-22T00:00:00Z', '2021-08-28T23:59:59Z', 0n],
    ['ww', '2021-08-28T00:00:00Z', '2021-08-29T00:00:00Z', 1n],
    // VB keeps the time of day: Saturday 23:59:59 → Sunday 00:00:00 is 6 days and 1 second after the shift, not a week.
    ['ww', '2021-08-28T23:59:59Z', '2021-08-29T00:00:00Z', 0n],
    ['q', '2021-03-31', '2021-04-01', 1n],
    ['h', '2021-08-24T00:00:00Z', '2021-08-24T00:59:59Z', 0n],
    ['h', '2021-08-24T00:59:59Z', '2021-08-24T00:00:00Z', 0n],
    ['d', '2021-08-24T12:00:00Z', '2021-08-22T13:00:00Z', -1n],
  ];
  it.each(diffs)('DateDiff(%j, %s, %s) = %d', (interval, a, b, expected) => {
    expect(vbDateDiff(dateIntervalFromString(interval)!, at(a), at(b))).toBe(expected);
  });
});

describe('.NET custom date and time formats', () => {
  const today = at('2021-08-25T00:00:00Z');
  const cases: [string, string, string, string][] = [
    ['20150123105347.1Z', 'yyyyMMddHHmmss.fZ', 'yyyy-MM-dd HH:mm:ss.fff K', '2015-01-23 10:53:47.100 Z'],
    ['2025-12-31-08:00', 'yyyy-MM-ddzzz', 'yyyy-MM-ddTHH:mm:sszzz', '2025-12-31T08:00:00+00:00'],
    ['12/31/2025 11:59:59 PM', 'M/d/yyyy hh:mm:ss tt', 'dd.MM.yy h:m:s t', '31.12.25 11:59:59 P'],
    ['Wednesday, 25 August 2021', 'dddd, d MMMM yyyy', 'ddd d MMM', 'Wed 25 Aug'],
    ['  2021-08-25  ', 'yyyy-MM-dd', "'Day' d 'of' M", 'Day 25 of 8'],
    ['07:05', 'HH:mm', 'yyyy-MM-dd HH:mm', '2021-08-25 07:05'],
    ['2021-08-25T10:00:00.5000000', 'o', 'HH:mm:ss.FFF', '10:00:00.5'],
    ['2021-08-25T10:00:00.0000000', 'o', 'HH:mm:ss.FFF', '10:00:00'],
    ['2021-08-25', 'yyyy-MM-dd', 'u', '2021-08-25 00:00:00Z'],
    ['2021-08-25', 'yyyy-MM-dd', 'R', 'Wed, 25 Aug 2021 00:00:00 GMT'],
    ['25/08/21', 'dd/MM/yy', '%d', '25'],
    ['2021-08-25', 'yyyy-MM-dd', '\\y\\e\\a\\r yyyy', 'year 2021'],
  ];
  it.each(cases)('%j parsed with %j, rendered with %j', (input, inputFormat, outputFormat, expected) => {
    expect(formatDateTime(parseExact(input, inputFormat, DEFAULT_STYLES, today), outputFormat)).toBe(expected);
  });

  const failures: [string, string, string][] = [
    ['2021-08-25', 'yyyyMMdd', 'expected a month at position 5'],
    ['2021-08-25', 'yyyy/MM/dd', "expected '/' at position 5"],
    ['Tuesday, 25 August 2021', 'dddd, d MMMM yyyy', 'does not match the date'],
    ['2021-02-30', 'yyyy-MM-dd', 'has no day 30'],
    ['2021-08-25', 'x', 'not a standard .NET date and time format'],
    ['2021-08-25', "yyyy-MM-dd 'x", 'Unterminated quoted text'],
  ];
  it.each(failures)('%j with %j fails: %s', (input, format, message) => {
    expect(() => parseExact(input, format, DEFAULT_STYLES, today)).toThrow(message);
  });

  it('reads DateTimeStyles names', () => {
    expect(parseStyles('AllowWhiteSpaces, AdjustToUniversal')).toMatchObject({
      leadingWhite: true,
      innerWhite: true,
      adjustToUniversal: true,
    });
    expect(() => parseStyles('Lenient')).toThrow("'Lenient' is not a DateTimeStyles name");
    expect(() => parseExact(' 2021-08-25', 'yyyy-MM-dd', parseStyles('None'), today)).toThrow();
  });
});

describe('NormalizeDiacritics covers the documented table', () => {
  it.each(diacriticInputs().map((e) => [e.input, e.replacement]))('%s → %s (precomposed and decomposed)', (input, replacement) => {
    expect(normalizeDiacritics(input)).toBe(replacement);
    expect(normalizeDiacritics(input.normalize('NFD'))).toBe(replacement);
    expect(normalizeDiacritics(`x${input}y`)).toBe(`x${replacement}y`);
  });
  it('leaves other characters alone', () => {
    expect(normalizeDiacritics('œ đ þ ǿ 日本 Ω')).toBe('œ đ þ ǿ 日本 Ω');
  });
});

describe('text rules', () => {
  it.each([
    ['PABLO GONSALVES (SECOND)', undefined, 'Pablo Gonsalves (Second)'],
    ["o'NEIL", undefined, "O'neil"],
    ['ÉMILE ZOLA', undefined, 'Émile Zola'],
    ['jean-luc_picard', undefined, 'Jean-Luc_Picard'],
    ["PINTO-DE'SILVA", " '-", "Pinto-De'Silva"],
    ['a.b c', '.', 'A.B c'],
  ] as const)('PCase(%j, %j) = %j', (input, separators, expected) => {
    expect(pcase(input, separators)).toBe(expected);
  });
  it('folds case, width and kana type for vbTextCompare, one unit for one', () => {
    expect(foldForTextCompare('ＡｂＣ')).toBe('abc');
    expect(foldForTextCompare('ひらがな')).toBe(foldForTextCompare('ヒラガナ'));
    expect(foldForTextCompare('ｶﾀｶﾅ')).toBe(foldForTextCompare('カタカナ'));
    for (const text of ['Straße', 'İstanbul', 'ＡｂＣ', 'ｶﾞ']) expect(foldForTextCompare(text)).toHaveLength(text.length);
  });
  it('splits words on any delimiter, skipping empty ones', () => {
    expect(word('a,,b;c', 2, ',;')).toBe('b');
    expect(word('a,,b;c', 4, ',;')).toBe('');
  });
});

describe('lossless JSON', () => {
  it('keeps big integers exact both ways', () => {
    const parsed = parseJson('{"n": 134117171990000001, "d": 1.50, "a": [true, null, "x"]}');
    expect(stringifyJson(parsed as never, 0)).toBe('{"n":134117171990000001,"d":1.50,"a":[true,null,"x"]}');
    expect(stringifyJson({ v: 2n ** 64n }, 0)).toBe('{"v":18446744073709551616}');
  });
  it('reports the position of syntax errors', () => {
    const error = (() => {
      try {
        parseJson('{\n  "a": 1,\n  "b": tru\n}');
      } catch (e) {
        return e as JsonSyntaxError;
      }
    })();
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect([error!.line, error!.column]).toEqual([3, 8]);
    expect(() => parseJson('{"a": 1} x')).toThrow('after the JSON value');
    expect(() => parseJson('"\\x"')).toThrow('Invalid escape');
  });
  it('keeps "__proto__" as an ordinary key', () => {
    const parsed = parseJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
