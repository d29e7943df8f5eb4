import { t } from '../../grammar/common/l10n';
/**
 * DateTime as the provisioning service (.NET) has it: 100-nanosecond ticks since 0001-01-01 UTC,
 * kept as BigInt so FILETIME numbers (ticks since 1601) stay exact. Calendar arithmetic follows
 * .NET's DateTime and Microsoft.VisualBasic.DateAndTime (DateAdd, DateDiff); rendering follows the
 * service's `M/d/yyyy h:mm:ss tt` in UTC.
 */

const TICKS_PER_MILLISECOND = 10_000n;
const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
/** DateTime.MaxValue.Ticks + 1: 10000-01-01. */
export const TICKS_LIMIT = 3_652_059n * TICKS_PER_DAY;
/** Ticks of 1970-01-01 (the Unix epoch) and of 1601-01-01 (the FILETIME epoch). */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
export const FILETIME_EPOCH_TICKS = 504_911_232_000_000_000n;

export class DateTimeRangeError extends Error {}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Ticks within the second (0 … 9,999,999). */
  fraction: number;
}

/** Days from 0001-01-01 to the given proleptic Gregorian date (.NET's DateToTicks / TicksPerDay). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  // era/doe count from 0000-03-01; 0001-01-01 is day 306 of that count.
  return era * 146097 + doe - 306;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 306;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function checkTicks(ticks: bigint): bigint {
  if (ticks < 0n || ticks >= TICKS_LIMIT) throw new DateTimeRangeError(t('The date is outside the range .NET supports (years 1 to 9999)'));
  return ticks;
}

export function ticksFromParts(parts: DateParts): bigint {
  if (parts.year < 1 || parts.year > 9999) throw new DateTimeRangeError(t('Year {0} is outside 1 … 9999', parts.year));
  if (parts.month < 1 || parts.month > 12) throw new DateTimeRangeError(t('Month {0} does not exist', parts.month));
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    throw new DateTimeRangeError(t('Day {0} does not exist in {1}', parts.day, `${parts.year}-${String(parts.month).padStart(2, '0')}`));
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) throw new DateTimeRangeError(t('The time of day is out of range'));
  const days = BigInt(daysFromCivil(parts.year, parts.month, parts.day));
  return (
    days * TICKS_PER_DAY +
    BigInt(parts.hour) * TICKS_PER_HOUR +
    BigInt(parts.minute) * TICKS_PER_MINUTE +
    BigInt(parts.second) * TICKS_PER_SECOND +
    BigInt(parts.fraction)
  );
}

export function partsFromTicks(ticks: bigint): DateParts {
  const days = ticks / TICKS_PER_DAY;
  let rest = ticks - days * TICKS_PER_DAY;
  const hour = Number(rest / TICKS_PER_HOUR);
  rest -= BigInt(hour) * TICKS_PER_HOUR;
  const minute = Number(rest / TICKS_PER_MINUTE);
  rest -= BigInt(minute) * TICKS_PER_MINUTE;
  const second = Number(rest / TICKS_PER_SECOND);
  rest -= BigInt(second) * TICKS_PER_SECOND;
  return { ...civilFromDays(Number(days)), hour, minute, second, fraction: Number(rest) };
}

/** 0 = Sunday … 6 = Saturday (.NET DayOfWeek). 0001-01-01 was a Monday. */
export function dayOfWeek(ticks: bigint): number {
  return Number((ticks / TICKS_PER_DAY + 1n) % 7n);
}

export function ticksFromUnixMilliseconds(ms: number): bigint {
  return checkTicks(UNIX_EPOCH_TICKS + BigInt(Math.trunc(ms)) * TICKS_PER_MILLISECOND);
}

/** The service's rendering: `M/d/yyyy h:mm:ss tt` (en-US general format), always UTC. */
export function renderServiceDateTime(ticks: bigint): string {
  const p = partsFromTicks(ticks);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${p.month}/${p.day}/${String(p.year).padStart(4, '0')} ${hour12}:${pad2(p.minute)}:${pad2(p.second)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ───────────────────────────────────────────────────────────── parsing (CDate, NumFromDate, --now)

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Parses the date strings the service's CDate documents (and those it produces itself):
 * - ISO 8601 dates and date-times, `T` or a space between, optional fraction, optional `Z` or
 *   offset — including a date directly followed by an offset (`2020-03-16-07:00`);
 * - the service's own rendering `M/d/yyyy h:mm:ss tt` (and `M/d/yyyy`, 24-hour times);
 * - RFC 1123 (`Tue, 16 Mar 2020 07:00:00 GMT`).
 * A string without an offset is read as UTC (the service runs in UTC). Returns undefined when the
 * text is not a date in one of these forms.
 */
export function parseDateTime(text: string): bigint | undefined {
  const s = text.trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (iso) {
    return build(+iso[1]!, +iso[2]!, +iso[3]!, iso[4] ? +iso[4] : 0, iso[5] ? +iso[5] : 0, iso[6] ? +iso[6] : 0, iso[7], iso[8]);
  }
  const us =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*(AM|PM|A|P)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s,
    );
  if (us) {
    let hour = us[4] ? +us[4] : 0;
    const designator = us[8]?.toUpperCase();
    if (designator) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (designator.startsWith('P') ? 12 : 0);
    }
    return build(+us[3]!, +us[1]!, +us[2]!, hour, us[5] ? +us[5] : 0, us[6] ? +us[6] : 0, us[7], us[9]);
  }
  const rfc = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    const zone = rfc[7] && /^(GMT|UTC)$/i.test(rfc[7]) ? 'Z' : rfc[7];
    return build(+rfc[3]!, month, +rfc[1]!, +rfc[4]!, +rfc[5]!, rfc[6] ? +rfc[6] : 0, undefined, zone);
  }
  return undefined;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  zone: string | undefined,
): bigint | undefined {
  const offsetMinutes = parseOffset(zone);
  if (offsetMinutes === undefined) return undefined;
  let local: bigint;
  try {
    local = ticksFromParts({ year, month, day, hour, minute, second, fraction: fraction ? Number(fraction.padEnd(7, '0')) : 0 });
  } catch {
    return undefined;
  }
  const utc = local - BigInt(offsetMinutes) * TICKS_PER_MINUTE;
  return utc >= 0n && utc < TICKS_LIMIT ? utc : undefined;
}

/** `Z` → 0, `+08:00` / `+0800` / `+08` → minutes east of UTC; undefined zone → 0; malformed → undefined. */
function parseOffset(zone: string | undefined): number | undefined {
  if (!zone || /^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = +m[2]!;
  const minutes = m[3] ? +m[3] : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// ───────────────────────────────────────────────────────────── VB.NET DateAdd / DateDiff

/** VB's DateInterval, from the interval string (case-insensitive, as VB's DateIntervalFromString). */
export type DateInterval = 'Year' | 'Quarter' | 'Month' | 'DayOfYear' | 'Day' | 'Weekday' | 'WeekOfYear' | 'Hour' | 'Minute' | 'Second';

export function dateIntervalFromString(text: string): DateInterval | undefined {
  const byCode: Record<string, DateInterval> = {
    YYYY: 'Year',
    Q: 'Quarter',
    M: 'Month',
    Y: 'DayOfYear',
    D: 'Day',
    W: 'Weekday',
    WW: 'WeekOfYear',
    H: 'Hour',
    N: 'Minute',
    S: 'Second',
  };
  return byCode[text.toUpperCase()];
}

/** Calendar.AddMonths: the day is clamped to the length of the resulting month. */
function addMonths(ticks: bigint, months: number): bigint {
  const p = partsFromTicks(ticks);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) throw new DateTimeRangeError(t('The result is outside the range .NET supports (years 1 to 9999)'));
  const day = Math.min(p.day, daysInMonth(year, month));
  const timeOfDay = ticks % TICKS_PER_DAY;
  return BigInt(daysFromCivil(year, month, day)) * TICKS_PER_DAY + timeOfDay;
}

/**
 * Microsoft.VisualBasic.DateAndTime.DateAdd: the number is truncated to an integer first
 * (`(int)Number`), then added with DateTime/Calendar arithmetic.
 */
export function vbDateAdd(interval: DateInterval, number: number, ticks: bigint): bigint {
  const n = Math.trunc(number);
  if (!Number.isFinite(n) || Math.abs(n) > 2 ** 31 - 1) throw new DateTimeRangeError(t('The number to add is too large'));
  const big = BigInt(n);
  switch (interval) {
    case 'Year':
      return checkTicks(addMonths(ticks, n * 12));
    case 'Quarter':
      return checkTicks(addMonths(ticks, n * 3));
    case 'Month':
      return checkTicks(addMonths(ticks, n));
    case 'DayOfYear':
    case 'Day':
    case 'Weekday':
      return checkTicks(ticks + big * TICKS_PER_DAY);
    case 'WeekOfYear':
      return checkTicks(ticks + big * 7n * TICKS_PER_DAY);
    case 'Hour':
      return checkTicks(ticks + big * TICKS_PER_HOUR);
    case 'Minute':
      return checkTicks(ticks + big * TICKS_PER_MINUTE);
    case 'Second':
      return checkTicks(ticks + big * TICKS_PER_SECOND);
  }
}

/**
 * Microsoft.VisualBasic.DateAndTime.DateDiff (first day of week Sunday): whole days, hours,
 * minutes and seconds truncated toward zero; years, quarters and months count calendar
 * boundaries; "ww" moves both dates back to the start of their week first, then divides whole
 * days by 7; "w" divides whole days by 7.
 */
export function vbDateDiff(interval: DateInterval, date1: bigint, date2: bigint): bigint {
  const span = date2 - date1;
  const p1 = partsFromTicks(date1);
  const p2 = partsFromTicks(date2);
  switch (interval) {
    case 'Year':
      return BigInt(p2.year - p1.year);
    case 'Quarter':
      return BigInt((p2.year - p1.year) * 4 + Math.floor((p2.month - 1) / 3) - Math.floor((p1.month - 1) / 3));
    case 'Month':
      return BigInt((p2.year - p1.year) * 12 + p2.month - p1.month);
    case 'DayOfYear':
    case 'Day':
      return span / TICKS_PER_DAY;
    case 'Hour':
      return span / TICKS_PER_HOUR;
    case 'Minute':
      return span / TICKS_PER_MINUTE;
    case 'Second':
      return span / TICKS_PER_SECOND;
    case 'Weekday':
      return span / TICKS_PER_DAY / 7n;
    case 'WeekOfYear': {
      // VB moves each date back by GetDayOfWeek(date, Sunday) days (1 … 7); both move to a Saturday.
      const back = (ticks: bigint) => ticks - BigInt(((dayOfWeek(ticks) - 1 + 8) % 7) + 1) * TICKS_PER_DAY;
      return (back(date2) - back(date1)) / TICKS_PER_DAY / 7n;
    }
  }
}
