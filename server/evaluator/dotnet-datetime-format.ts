/**
 * .NET custom (and invariant standard) date and time format strings, for FormatDateTime:
 * `DateTime.ParseExact(source, inputFormat, InvariantCulture, styles)` then
 * `ToString(outputFormat, InvariantCulture)`.
 *
 * The service runs in UTC, so "local time" is UTC: a parsed offset converts the value to UTC
 * (what .NET does with RoundtripKind, the default styles, for a non-`Z` offset), and `zzz` renders
 * `+00:00` for values that carry a time zone. A literal `Z` in a format is the UTC designator, as in .NET.
 */
import { t } from '../../grammar/common/l10n';
import { checkTicks, DateTimeRangeError, daysInMonth, dayOfWeek, partsFromTicks, TICKS_PER_MINUTE, ticksFromParts } from './datetime';

export class DateFormatError extends Error {}

/** DateTimeKind: `utc` after `Z`/`K`, `local` after an offset, else `unspecified`. */
export type DateKind = 'utc' | 'local' | 'unspecified';

export interface ParsedDate {
  ticks: bigint;
  kind: DateKind;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** InvariantCulture standard formats (one character) → their custom pattern. */
const STANDARD: Record<string, string> = {
  d: 'MM/dd/yyyy',
  D: 'dddd, dd MMMM yyyy',
  f: 'dddd, dd MMMM yyyy HH:mm',
  F: 'dddd, dd MMMM yyyy HH:mm:ss',
  g: 'MM/dd/yyyy HH:mm',
  G: 'MM/dd/yyyy HH:mm:ss',
  m: 'MMMM dd',
  M: 'MMMM dd',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'HH:mm',
  T: 'HH:mm:ss',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  y: 'yyyy MMMM',
  Y: 'yyyy MMMM',
};

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const FIELD_LETTERS = new Set(['d', 'f', 'F', 'g', 'h', 'H', 'K', 'm', 'M', 's', 't', 'y', 'z']);

/** Splits a format into fields and literals; a single-character format is a standard format. */
function tokenizeFormat(format: string): Token[] {
  if (format.length === 0) throw new DateFormatError(t('The format string is empty'));
  if (format.length === 1) {
    const standard = STANDARD[format];
    if (!standard)
      throw new DateFormatError(t('\'{0}\' is not a standard .NET date and time format (write a custom one, e.g. "yyyy-MM-dd")', format));
    format = standard;
  }
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  for (let i = 0; i < format.length; ) {
    const ch = format[i]!;
    if (ch === "'" || ch === '"') {
      const close = format.indexOf(ch, i + 1);
      if (close === -1) throw new DateFormatError(t('Unterminated quoted text in the format "{0}"', format));
      literal(format.slice(i + 1, close));
      i = close + 1;
    } else if (ch === '\\') {
      if (i + 1 >= format.length) throw new DateFormatError(t('The format "{0}" ends with a backslash', format));
      literal(format[i + 1]!);
      i += 2;
    } else if (ch === '%') {
      const next = format[i + 1];
      if (next === undefined || !FIELD_LETTERS.has(next))
        throw new DateFormatError(t('\'%\' must be followed by one format specifier in "{0}"', format));
      tokens.push({ kind: 'field', letter: next, count: 1 });
      i += 2;
    } else if (FIELD_LETTERS.has(ch)) {
      let count = 1;
      while (format[i + count] === ch) count++;
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
    } else {
      literal(ch); // ':' and '/' are the invariant separators; everything else is literal
      i++;
    }
  }
  return tokens;
}

// ───────────────────────────────────────────────────────────── formatting

export function formatDateTime(value: ParsedDate, format: string): string {
  const p = partsFromTicks(value.ticks);
  let out = '';
  for (const token of tokenizeFormat(format)) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const { letter, count } = token;
    switch (letter) {
      case 'd':
        out +=
          count === 1
            ? String(p.day)
            : count === 2
              ? pad(p.day, 2)
              : count === 3
                ? DAY_NAMES[dayOfWeek(value.ticks)]!.slice(0, 3)
                : DAY_NAMES[dayOfWeek(value.ticks)]!;
        break;
      case 'M':
        out +=
          count === 1
            ? String(p.month)
            : count === 2
              ? pad(p.month, 2)
              : count === 3
                ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
                : MONTH_NAMES[p.month - 1]!;
        break;
      case 'y':
        out += count === 1 ? String(p.year % 100) : count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, Math.min(count, 2));
        break;
      case 'H':
        out += pad(p.hour, Math.min(count, 2));
        break;
      case 'm':
        out += pad(p.minute, Math.min(count, 2));
        break;
      case 's':
        out += pad(p.second, Math.min(count, 2));
        break;
      case 'f':
      case 'F': {
        if (count > 7) throw new DateFormatError(t("'{0}': at most 7 fraction digits", letter.repeat(count)));
        const digits = pad(p.fraction, 7).slice(0, count);
        if (letter === 'f') out += digits;
        else {
          const trimmed = digits.replace(/0+$/, '');
          // .NET drops a '.' right before an empty F field.
          if (trimmed === '' && out.endsWith('.')) out = out.slice(0, -1);
          out += trimmed;
        }
        break;
      }
      case 't':
        out += count === 1 ? (p.hour < 12 ? 'A' : 'P') : p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        // Local time is UTC on the service.
        out += count === 1 ? '+0' : count === 2 ? '+00' : '+00:00';
        break;
      case 'K':
        out += value.kind === 'utc' ? 'Z' : value.kind === 'local' ? '+00:00' : '';
        break;
      case 'g':
        out += 'A.D.';
        break;
    }
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ───────────────────────────────────────────────────────────── parsing (ParseExact)

/** DateTimeStyles names accepted in FormatDateTime's second argument. */
const STYLE_NAMES = new Map(
  [
    'None',
    'AllowLeadingWhite',
    'AllowTrailingWhite',
    'AllowInnerWhite',
    'AllowWhiteSpaces',
    'NoCurrentDateDefault',
    'AdjustToUniversal',
    'AssumeLocal',
    'AssumeUniversal',
    'RoundtripKind',
  ].map((name) => [name.toLowerCase(), name]),
);

export interface DateTimeStyles {
  leadingWhite: boolean;
  trailingWhite: boolean;
  innerWhite: boolean;
  noCurrentDateDefault: boolean;
  adjustToUniversal: boolean;
  assumeUniversal: boolean;
}

/** The service's default when dateTimeStyles is empty: RoundtripKind, AllowLeadingWhite, AllowTrailingWhite. */
export const DEFAULT_STYLES: DateTimeStyles = {
  leadingWhite: true,
  trailingWhite: true,
  innerWhite: false,
  noCurrentDateDefault: false,
  adjustToUniversal: false,
  assumeUniversal: false,
};

/** Parses `"AdjustToUniversal, AllowWhiteSpaces"` (names case-insensitive, separated by commas or `|`). */
export function parseStyles(text: string): DateTimeStyles {
  const styles: DateTimeStyles = { ...DEFAULT_STYLES, leadingWhite: false, trailingWhite: false };
  for (const raw of text.split(/[,|]/)) {
    const name = STYLE_NAMES.get(raw.trim().toLowerCase());
    if (!name) throw new DateFormatError(t("'{0}' is not a DateTimeStyles name ({1})", raw.trim(), [...STYLE_NAMES.values()].join(', ')));
    if (name === 'AllowLeadingWhite' || name === 'AllowWhiteSpaces') styles.leadingWhite = true;
    if (name === 'AllowTrailingWhite' || name === 'AllowWhiteSpaces') styles.trailingWhite = true;
    if (name === 'AllowInnerWhite' || name === 'AllowWhiteSpaces') styles.innerWhite = true;
    if (name === 'NoCurrentDateDefault') styles.noCurrentDateDefault = true;
    if (name === 'AdjustToUniversal') styles.adjustToUniversal = true;
    if (name === 'AssumeUniversal') styles.assumeUniversal = true;
  }
  return styles;
}

const isWhite = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * DateTime.ParseExact with InvariantCulture. `today` supplies the date when the format has no date
 * fields (unless NoCurrentDateDefault). Throws DateFormatError saying where the input stopped matching.
 */
export function parseExact(input: string, format: string, styles: DateTimeStyles, today: bigint): ParsedDate {
  const tokens = tokenizeFormat(format);
  let i = 0;
  if (styles.leadingWhite) while (isWhite(input[i])) i++;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let weekday: number | undefined;
  let hour = 0;
  let hour12: number | undefined;
  let pm: boolean | undefined;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let offset: number | undefined;
  let utc = false;

  const fail = (what: string): never => {
    throw new DateFormatError(t('"{0}" does not match the format "{1}": expected {2} at position {3}', input, format, what, i + 1));
  };
  const digits = (min: number, max: number, what: string): number => {
    let end = i;
    while (end < input.length && end - i < max && /[0-9]/.test(input[end]!)) end++;
    if (end - i < min) fail(what);
    const value = Number(input.slice(i, end));
    i = end;
    return value;
  };
  const name = (names: readonly string[], abbreviated: boolean, what: string): number => {
    const lower = input.slice(i).toLowerCase();
    // Longest first, so "June" wins over "Jun".
    const candidates = names
      .map((n, index) => ({ text: (abbreviated ? n.slice(0, 3) : n).toLowerCase(), index }))
      .sort((a, b) => b.text.length - a.text.length);
    const found = candidates.find((c) => lower.startsWith(c.text));
    if (!found) fail(what);
    i += found!.text.length;
    return found!.index;
  };
  const skipInnerWhite = () => {
    if (styles.innerWhite) while (isWhite(input[i])) i++;
  };

  for (const token of tokens) {
    skipInnerWhite();
    if (token.kind === 'literal') {
      for (const ch of token.text) {
        if (ch === 'Z' && input[i] === 'Z') {
          // A literal Z is the UTC designator in .NET's ParseExact.
          utc = true;
          offset = 0;
          i++;
        } else if (isWhite(ch)) {
          if (!isWhite(input[i])) fail(`a space`);
          while (isWhite(input[i])) i++;
        } else if (input[i] === ch) i++;
        else fail(`'${ch}'`);
      }
      continue;
    }
    const { letter, count } = token;
    switch (letter) {
      case 'y':
        year = count <= 2 ? twoDigitYear(digits(count === 1 ? 1 : 2, 2, 'a year')) : digits(count, count === 4 ? 4 : count, 'a year');
        break;
      case 'M':
        month = count <= 2 ? digits(count, 2, 'a month') : name(MONTH_NAMES, count === 3, 'a month name') + 1;
        break;
      case 'd':
        if (count <= 2) day = digits(count, 2, 'a day');
        else weekday = name(DAY_NAMES, count === 3, 'a day name');
        break;
      case 'h':
        hour12 = digits(Math.min(count, 2), 2, 'an hour');
        break;
      case 'H':
        hour = digits(Math.min(count, 2), 2, 'an hour');
        break;
      case 'm':
        minute = digits(Math.min(count, 2), 2, 'minutes');
        break;
      case 's':
        second = digits(Math.min(count, 2), 2, 'seconds');
        break;
      case 'f':
      case 'F': {
        if (count > 7) throw new DateFormatError(t("'{0}': at most 7 fraction digits", letter.repeat(count)));
        const start = i;
        digits(letter === 'f' ? count : 0, count, `${count} fraction digit${count > 1 ? 's' : ''}`);
        fraction = Number(input.slice(start, i).padEnd(7, '0') || '0');
        break;
      }
      case 't': {
        const text = input.slice(i, i + (count === 1 ? 1 : 2)).toUpperCase();
        if (count === 1 ? text !== 'A' && text !== 'P' : text !== 'AM' && text !== 'PM') fail(count === 1 ? "'A' or 'P'" : "'AM' or 'PM'");
        pm = text.startsWith('P');
        i += text.length;
        break;
      }
      case 'z':
      case 'K': {
        if (letter === 'K' && input[i] === 'Z') {
          utc = true;
          offset = 0;
          i++;
          break;
        }
        const m = /^([+-])(\d{1,2})(?::?(\d{2}))?/.exec(input.slice(i));
        if (!m) {
          if (letter === 'K') break; // K matches nothing for an unspecified time
          fail('a UTC offset such as +09:00');
        }
        const hours = Number(m![2]);
        const minutes = m![3] ? Number(m![3]) : 0;
        if (hours > 14 || minutes > 59) fail('a UTC offset between -14:00 and +14:00');
        offset = (m![1] === '-' ? -1 : 1) * (hours * 60 + minutes);
        i += m![0].length;
        break;
      }
      case 'g':
        if (input.slice(i, i + 4).toUpperCase() === 'A.D.') i += 4;
        else if (input.slice(i, i + 2).toUpperCase() === 'AD') i += 2;
        else fail("'A.D.'");
        break;
    }
  }
  if (styles.trailingWhite) while (isWhite(input[i])) i++;
  if (i < input.length) fail('the end of the text');

  if (hour12 !== undefined) {
    if (hour12 < 1 || hour12 > 12) throw new DateFormatError(t('Hour {0} is not a 12-hour clock hour', hour12));
    hour = (hour12 % 12) + (pm ? 12 : 0);
  } else if (pm !== undefined) {
    if (hour > 12 && !pm) throw new DateFormatError(t('Hour {0} contradicts AM', hour));
    if (pm && hour < 12) hour += 12;
  }
  if (year === undefined && month === undefined && day === undefined) {
    if (styles.noCurrentDateDefault) {
      year = 1;
      month = 1;
      day = 1;
    } else {
      const now = partsFromTicks(today);
      year = now.year;
      month = now.month;
      day = now.day;
    }
  }
  year ??= 1;
  month ??= 1;
  day ??= 1;
  if (day > daysInMonth(year, month)) throw new DateFormatError(t('{0} has no day {1}', `${year}-${pad(month, 2)}`, day));
  let ticks: bigint;
  try {
    ticks = ticksFromParts({ year, month, day, hour, minute, second, fraction });
  } catch (error) {
    throw new DateFormatError((error as Error).message);
  }
  if (weekday !== undefined && dayOfWeek(ticks) !== weekday)
    throw new DateFormatError(t('{0} does not match the date {1}', DAY_NAMES[weekday]!, `${year}-${pad(month, 2)}-${pad(day, 2)}`));

  let kind: DateKind = 'unspecified';
  if (offset !== undefined) {
    ticks -= BigInt(offset) * TICKS_PER_MINUTE;
    kind = utc || styles.adjustToUniversal ? 'utc' : 'local';
  } else if (styles.assumeUniversal) kind = styles.adjustToUniversal ? 'utc' : 'local';
  try {
    return { ticks: checkTicks(ticks), kind };
  } catch (error) {
    throw new DateFormatError(error instanceof DateTimeRangeError ? error.message : String(error));
  }
}

/** Invariant culture's TwoDigitYearMax is 2049. */
function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}
