/**
 * One implementation per catalogue function (server/catalogue/functions.ts), keyed by the
 * catalogue's name and reading arguments by the catalogue's parameter names. Semantics follow
 * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data; where it leaves a case open the choice is written next to the code
 * and listed in docs/evaluation.md ("Evaluation rules").
 *
 * Null handling, unless a function documents otherwise: a null required input gives a null
 * result. Documented exceptions: Left/Word (null → ""), Len (null → 0), Join (skips null and
 * empty values), Coalesce, Switch (null source matches the key ""), Not (null → True), the Is* tests.
 */
import { t } from '../../grammar/common/l10n';
import type { CallFrame, FunctionImplementation } from './call-frame';
import {
  dateIntervalFromString,
  DateTimeRangeError,
  FILETIME_EPOCH_TICKS,
  parseDateTime,
  TICKS_LIMIT,
  vbDateAdd,
  vbDateDiff,
} from './datetime';
import { normalizeDiacritics } from './diacritics';
import { DateFormatError, DEFAULT_STYLES, formatDateTime, parseExact, parseStyles } from './dotnet-datetime-format';
import {
  firstMatch,
  regexReplace,
  regexReplaceGroup,
  RegexTranslationError,
  type TranslatedRegex,
  translateDotNetRegex,
} from './dotnet-regex';
import { FlowIgnored } from './errors';
import { RegexTimeoutError } from './regex-guard';
import type { JsonObject } from './json';
import { newGuid, randomString } from './random';
import { inStr, pcase, toCultureCase, word } from './text';
import { bool, date, displayValue, int, isNullOrEmpty, multi, NULL, type SingleValue, str, textOf, type Value } from './values';

/** The values of a possibly multi-valued argument (a single value is a list of one). */
function valuesOf(value: Value): SingleValue[] {
  if (value.kind === 'null') return [];
  if (value.kind === 'multi') return value.values;
  return [value];
}

/** Translates a .NET pattern, reporting what JavaScript cannot honour as this call's error. */
function regexFor(f: CallFrame, pattern: string): TranslatedRegex {
  try {
    return translateDotNetRegex(pattern);
  } catch (error) {
    if (error instanceof RegexTranslationError) return f.fail(t('regexPattern {0}: {1}', JSON.stringify(pattern), error.message));
    throw error;
  }
}

/** Runs a match of `pattern`; a match past the deadline becomes this call's error, as .NET's match timeout would. */
function bounded<T>(f: CallFrame, pattern: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RegexTimeoutError) return f.fail(t('regexPattern {0}: {1}', JSON.stringify(pattern), error.message));
    throw error;
  }
}

/** The role name of an app role assignment (a string, or an object with value/displayName). */
function roleName(assignment: SingleValue): string | undefined {
  if (assignment.kind === 'complex') {
    const v = assignment.value;
    for (const key of ['value', 'displayName', 'appRoleValue', 'roleName']) {
      const found = v[key];
      if (typeof found === 'string' && found !== '') return found;
    }
    return undefined;
  }
  return textOf(assignment);
}

function roleObjects(f: CallFrame): Value {
  const assignments = valuesOf(f.value('appRoleAssignments'));
  const roles: SingleValue[] = [];
  for (const assignment of assignments) {
    const name = roleName(assignment);
    if (name === undefined) f.fail(t('an app role assignment has no role value: {0}', displayValue(assignment)));
    const role: JsonObject = { primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: name!, value: name! };
    if (assignment.kind === 'complex' && typeof assignment.value['id'] === 'string') role['id'] = assignment.value['id'];
    roles.push({ kind: 'complex', value: role });
  }
  return multi(roles);
}

function dateFunction<T>(f: CallFrame, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DateTimeRangeError || error instanceof DateFormatError) return f.fail(error.message);
    throw error;
  }
}

/**
 * The form of Graph's old function list that schemas the service runs use (docs/real-schemas.md):
 * FormatDateTime(source, inputFormat, outputFormat). With an empty inputFormat the source must
 * already be a DateTime (`FormatDateTime(DateFromNum([pwdLastSet]), , "yyyyMMddHHmmss.0Z")`).
 */
function formatDateTimeThreeArguments(f: CallFrame): Value {
  const outputFormat = f.text(2);
  if (outputFormat === null) return f.fail(t('outputFormat is required'));
  const source = f.value(0);
  if (source.kind === 'null') return NULL;
  const inputFormat = f.text(1);
  return dateFunction(f, () => {
    if (inputFormat === null || inputFormat === '') {
      if (source.kind !== 'dateTime')
        return f.fail(t('without an inputFormat the source must be a DateTime (e.g. DateFromNum(…) or CDate(…))'));
      return str(formatDateTime({ ticks: source.ticks, kind: 'utc' }, outputFormat));
    }
    const text = f.text(0);
    if (text === null) return NULL;
    return str(formatDateTime(parseExact(text, inputFormat, DEFAULT_STYLES, f.env.now), outputFormat));
  });
}

function interval(f: CallFrame) {
  const text = f.text('interval');
  if (text === null) return null;
  const found = dateIntervalFromString(text);
  if (!found) f.fail(t('{0} is not an interval (yyyy, q, m, y, d, w, ww, h, n, s)', JSON.stringify(text)));
  return found!;
}

const nullable = <T>(value: T | null, make: (v: T) => Value): Value => (value === null ? NULL : make(value));

const IMPLEMENTATIONS: Record<string, FunctionImplementation> = {
  Append(f) {
    const source = f.text('source');
    const suffix = f.text('suffix');
    // Undocumented: a null part reads as "" (the result is null only when both are null).
    if (source === null && suffix === null) return NULL;
    return str((source ?? '') + (suffix ?? ''));
  },

  AppRoleAssignmentsComplex: roleObjects,
  AssertiveAppRoleAssignmentsComplex: roleObjects,

  BitAnd(f) {
    const a = f.integer('value1');
    const b = f.integer('value2');
    if (a === null || b === null) return NULL;
    return int(a & b);
  },

  CBool(f) {
    return bool(f.boolean('expression') ?? false);
  },

  CDate(f) {
    return nullable(f.dateTime('expression'), date);
  },

  Coalesce(f) {
    for (const [position] of f.repetitions()) {
      const value = f.value(position!);
      // An empty string is not null, so it is selected (undocumented; the function tests for null only).
      if (value.kind !== 'null') {
        f.note(t('argument {0} is the first that is not null', position! + 1));
        return value;
      }
    }
    f.note(t('every argument is null'));
    return NULL;
  },

  ConvertToBase64(f) {
    return nullable(f.text('source'), (text) => str(Buffer.from(text, 'utf16le').toString('base64')));
  },

  ConvertToUTF8Hex(f) {
    return nullable(f.text('source'), (text) => str(Buffer.from(text, 'utf8').toString('hex').toUpperCase()));
  },

  Count(f) {
    return int(valuesOf(f.value('attribute')).length);
  },

  CStr(f) {
    return nullable(f.text('value'), str);
  },

  DateAdd(f) {
    const unit = interval(f);
    const amount = f.number('value');
    const start = f.dateTime('dateTime');
    if (unit === null || amount === null || start === null) return NULL;
    return date(dateFunction(f, () => vbDateAdd(unit, amount, start)));
  },

  DateDiff(f) {
    const unit = interval(f);
    const date1 = f.dateTime('date1');
    const date2 = f.dateTime('date2');
    if (unit === null || date1 === null || date2 === null) return NULL;
    return int(vbDateDiff(unit, date1, date2));
  },

  DateFromNum(f) {
    const value = f.integer('value');
    if (value === null) return NULL;
    const ticks = value + FILETIME_EPOCH_TICKS;
    if (value < 0n || ticks >= TICKS_LIMIT) {
      f.fail(t('{0} is not a date (AD uses 0 and 9223372036854775807 for "never" in accountExpires)', String(value)));
    }
    return date(ticks);
  },

  DefaultDomain(f) {
    const domain = f.env.defaultDomain;
    if (!domain)
      return f.fail(
        t('the tenant has no default verified domain (give one with --default-domain or the aadmap.preview.defaultDomain setting)'),
      );
    return str(domain);
  },

  FormatDateTime(f) {
    if (f.argumentCount === 3) return formatDateTimeThreeArguments(f);
    const source = f.text('source');
    const styles = f.text('dateTimeStyles');
    const inputFormat = f.text('inputFormat');
    const outputFormat = f.text('outputFormat');
    if (inputFormat === null || outputFormat === null) return f.fail(t('inputFormat and outputFormat are required'));
    if (source === null) return NULL;
    return dateFunction(f, () => {
      const parsed = parseExact(
        source,
        inputFormat,
        styles === null || styles.trim() === '' ? DEFAULT_STYLES : parseStyles(styles),
        f.env.now,
      );
      return str(formatDateTime(parsed, outputFormat));
    });
  },

  Guid(f) {
    return str(newGuid(f.env.random));
  },

  IgnoreFlowIfNullOrEmpty(f) {
    const value = f.value('expression');
    if (isNullOrEmpty(value)) {
      f.note(
        value.kind === 'null' ? t('the value is null: the attribute does not flow') : t('the value is empty: the attribute does not flow'),
      );
      throw new FlowIgnored({ start: f.call.start, end: f.call.end });
    }
    return value;
  },

  IIF(f) {
    const condition = f.condition('condition');
    f.note(condition ? t('condition is True → valueIfTrue') : t('condition is False → valueIfFalse'));
    return f.value(condition ? 'valueIfTrue' : 'valueIfFalse');
  },

  InStr(f) {
    const haystack = f.text('value1');
    const needle = f.text('value2') ?? '';
    const start = f.smallInteger('start') ?? 1;
    if (start < 1) f.fail(t('start must be 1 or more (positions are 1-based); got {0}', start));
    let textCompare = false;
    const compare = f.node('compareType');
    if (compare) {
      const name = compare.kind === 'identifier' ? compare.name : f.text('compareType');
      if (name === 'vbTextCompare' || name === '1') textCompare = true;
      else if (name !== 'vbBinaryCompare' && name !== '0')
        f.fail(t('compareType must be vbBinaryCompare or vbTextCompare; got {0}', String(name)));
    }
    if (haystack === null) return int(0);
    return int(inStr(haystack, needle, start, textCompare));
  },

  IsNull(f) {
    return bool(f.value('expression').kind === 'null');
  },

  IsNullOrEmpty(f) {
    return bool(isNullOrEmpty(f.value('expression')));
  },

  IsPresent(f) {
    return bool(!isNullOrEmpty(f.value('expression')));
  },

  IsString(f) {
    const value = f.value('expression');
    return bool(value.kind !== 'null' && value.kind !== 'multi' && value.kind !== 'complex');
  },

  Item(f) {
    const values = valuesOf(f.value('attribute'));
    const index = f.smallInteger('index');
    if (index === null) return NULL;
    if (index < 1) f.fail(t('index is 1-based (1 is the first value); got {0}', index));
    if (index > values.length) {
      // Undocumented: past the last value gives null.
      f.note(
        values.length === 1
          ? t('there is 1 value: index {0} gives null', index)
          : t('there are {0} values: index {1} gives null', values.length, index),
      );
      return NULL;
    }
    return values[index - 1]!;
  },

  Join(f) {
    const separator = f.text('separator') ?? '';
    const parts: string[] = [];
    for (const [position] of f.repetitions()) {
      for (const value of valuesOf(f.value(position!))) {
        const text = textOf(value);
        // Documented by example: empty values are skipped (no doubled separators).
        if (text !== '') parts.push(text);
      }
    }
    return str(parts.join(separator));
  },

  Left(f) {
    const text = f.text('String');
    const count = f.smallInteger('NumChars');
    if (text === null) return str('');
    if (count === null) return NULL;
    if (count === 0) return str('');
    if (count < 0) return str(text);
    return str(text.slice(0, count));
  },

  Len(f) {
    return int((f.text('String') ?? '').length);
  },

  Mid(f) {
    const text = f.text('source');
    const start = f.smallInteger('start');
    const length = f.smallInteger('length');
    if (text === null || start === null || length === null) return NULL;
    // Undocumented: like VB's Mid, positions start at 1 and a negative length is an error.
    if (start < 1) f.fail(t('start is 1-based (1 is the first character); got {0}', start));
    if (length < 0) f.fail(t('length cannot be negative; got {0}', length));
    return str(text.substr(start - 1, length));
  },

  NormalizeDiacritics(f) {
    return nullable(f.text('source'), (text) => str(normalizeDiacritics(text)));
  },

  Not(f) {
    const value = f.value('source');
    // Documented: True gives False, anything else (False, other text, null) gives True.
    const isTrue = (value.kind === 'boolean' && value.value) || (value.kind === 'string' && /^\s*true\s*$/i.test(value.value));
    return bool(!isTrue);
  },

  Now(f) {
    return date(f.env.now);
  },

  NumFromDate(f) {
    const value = f.single('value');
    if (value === undefined) return NULL;
    const ticks = value.kind === 'dateTime' ? value.ticks : parseDateTime(textOf(value));
    if (ticks === undefined)
      f.fail(t('{0} is not an ISO 8601 date and time (convert other formats with FormatDateTime first)', displayValue(value)));
    return int(ticks! - FILETIME_EPOCH_TICKS);
  },

  PCase(f) {
    const text = f.text('source');
    if (text === null) return NULL;
    return str(pcase(text, f.given('wordSeparators') ? (f.text('wordSeparators') ?? undefined) : undefined));
  },

  RandomString(f) {
    const read = (name: string) => {
      const n = f.smallInteger(name);
      if (n === null) f.fail(t('{0} is required', name));
      return n!;
    };
    const request = {
      length: read('Length'),
      minimumNumbers: read('MinimumNumbers'),
      minimumSpecial: read('MinimumSpecialCharacters'),
      minimumCapital: read('MinimumCapital'),
      minimumLowerCase: read('MinimumLowerCase'),
      avoid: f.text('CharactersToAvoid') ?? '',
    };
    try {
      return str(randomString(request, f.env.random));
    } catch (error) {
      return f.fail((error as Error).message);
    }
  },

  Redact(f) {
    f.note(t('the target receives this value; the provisioning logs show [Redact]'));
    return f.value('attributeOrValue');
  },

  RemoveDuplicates(f) {
    const value = f.value('attribute');
    if (value.kind !== 'multi') return value;
    // Undocumented: ordinal (case-sensitive) comparison, first occurrence kept, order kept.
    const seen = new Set<string>();
    return multi(value.values.filter((item) => !seen.has(`${item.kind}:${textOf(item)}`) && !!seen.add(`${item.kind}:${textOf(item)}`)));
  },

  Replace(f) {
    const source = f.text('source');
    if (f.given('regexPattern')) {
      const pattern = f.text('regexPattern') ?? '';
      const regex = regexFor(f, pattern);
      const groupName = f.given('regexGroupName') ? f.text('regexGroupName') : null;
      if (f.given('replacementAttributeName')) {
        // Mode 5: the source if it has a value, else the named group of the replacement attribute.
        if (source !== null && source !== '') {
          f.note(t('source has a value: it is returned as is'));
          return str(source);
        }
        if (groupName === null) return f.fail(t('regexGroupName is required with replacementAttributeName'));
        const node = f.node('replacementAttributeName')!;
        // A string names the attribute; an attribute reference gives its value.
        const other = node.kind === 'string' ? f.env.attribute(node.value) : f.value('replacementAttributeName');
        if (other.kind === 'null') return NULL;
        if (other.kind === 'multi') return f.fail(t('replacementAttributeName is multi-valued'));
        const match = bounded(f, pattern, () => firstMatch(regex, textOf(other)));
        const index = regex.nameToIndex.get(groupName);
        if (index === undefined) return f.fail(t("the pattern has no group named '{0}'", groupName));
        const captured = match?.groups[index];
        f.note(
          captured === undefined
            ? t('the pattern does not match the replacement attribute')
            : t('group {0} of the replacement attribute: {1}', groupName, JSON.stringify(captured)),
        );
        return captured === undefined ? NULL : str(captured);
      }
      if (source === null) return NULL;
      const replacement = f.text('replacementValue') ?? '';
      if (groupName !== null) {
        if (!regex.nameToIndex.has(groupName)) return f.fail(t("the pattern has no group named '{0}'", groupName));
        return str(bounded(f, pattern, () => regexReplaceGroup(regex, source, groupName, replacement)));
      }
      return str(bounded(f, pattern, () => regexReplace(regex, source, replacement)));
    }
    if (f.given('oldValue')) {
      const oldValue = f.text('oldValue');
      if (oldValue === '') f.fail(t('oldValue cannot be empty'));
      if (f.given('template')) {
        // Mode 2: the source value fills the placeholder in the template.
        const template = f.text('template');
        if (template === null || source === null) return NULL;
        return str(oldValue === null ? template : template.split(oldValue).join(source));
      }
      if (source === null) return NULL;
      if (oldValue === null) return str(source);
      return str(source.split(oldValue).join(f.text('replacementValue') ?? ''));
    }
    return f.fail(t('give oldValue (2nd argument) or regexPattern (3rd argument)'));
  },

  SelectUniqueValue(f) {
    for (const [position] of f.repetitions()) {
      const candidate = f.text(position!);
      if (candidate === null || candidate === '') {
        f.note(t('rule {0} gives no value', position! + 1));
        continue;
      }
      if (f.env.isTaken(candidate)) {
        f.note(t('{0} is taken', JSON.stringify(candidate)));
        continue;
      }
      f.note(t('{0} is free (rule {1})', JSON.stringify(candidate), position! + 1));
      return str(candidate);
    }
    return f.fail(t('every rule gives a value that is already taken; the service escrows the object and logs the error'));
  },

  SingleAppRoleAssignment(f) {
    const assignments = valuesOf(f.value('appRoleAssignments'));
    if (assignments.length === 0) return NULL;
    if (assignments.length > 1)
      f.note(t('{0} role assignments: the service does not guarantee which one it returns (the first is shown)', assignments.length));
    const name = roleName(assignments[0]!);
    return name === undefined ? NULL : str(name);
  },

  Split(f) {
    const text = f.text('source');
    const delimiter = f.text('delimiter');
    if (text === null) return NULL;
    // Values are not trimmed: "a, b" split on "," gives "a" and " b" (the reference's example omits the space).
    if (delimiter === null || delimiter === '') return multi([{ kind: 'string', value: text }]);
    return multi(text.split(delimiter).map((part): SingleValue => ({ kind: 'string', value: part })));
  },

  StripSpaces(f) {
    return nullable(f.text('source'), (text) => str(text.replaceAll(' ', '')));
  },

  Switch(f) {
    const source = f.single('source');
    const key = source === undefined ? '' : textOf(source);
    for (const [keyPosition, valuePosition] of f.repetitions()) {
      if (valuePosition === undefined) return f.fail(t('the key at argument {0} has no value', keyPosition! + 1));
      const candidate = f.text(keyPosition!) ?? '';
      if (candidate === key) {
        f.note(t('key {0} matched (pair {1}) → its value', JSON.stringify(candidate), (keyPosition! - 2) / 2 + 1));
        return f.value(valuePosition);
      }
    }
    if (!f.given('defaultValue')) {
      f.note(t('no key matched {0} and there is no defaultValue → null', JSON.stringify(key)));
      return NULL;
    }
    f.note(t('no key matched {0} → defaultValue', JSON.stringify(key)));
    return f.value('defaultValue');
  },

  ToLower(f) {
    return caseFunction(f, false);
  },

  ToUpper(f) {
    return caseFunction(f, true);
  },

  Word(f) {
    const text = f.text('String');
    const n = f.smallInteger('WordNumber');
    const delimiters = f.text('Delimiters') ?? '';
    if (text === null || n === null) return str('');
    return str(word(text, n, delimiters));
  },

  // ─────────────────────────────────── in schemas the service runs, in no public reference

  Trim(f) {
    // Leading and trailing white space, as .NET's String.Trim; inner spaces stay.
    return nullable(f.text('source'), (text) => str(text.trim()));
  },

  Error(f) {
    // The service stops the object's flow and reports the message; a preview can only say so.
    return f.fail(t('the flow stops with the message {0}', JSON.stringify(f.text('message') ?? '')));
  },

  // ─────────────────────────────────── legacy names (Graph's old function list)

  AppRoleAssignments(f) {
    return f.fail(t('a legacy function whose result is not documented; use SingleAppRoleAssignment or AssertiveAppRoleAssignmentsComplex'));
  },

  IsNothing(f) {
    // VB's IsNothing: true for a null value.
    return bool(f.value('source').kind === 'null');
  },

  Prepend(f) {
    const prefix = f.text('prefix');
    const source = f.text('source');
    if (prefix === null && source === null) return NULL;
    return str((prefix ?? '') + (source ?? ''));
  },
};

function caseFunction(f: CallFrame, upper: boolean): Value {
  const text = f.text('source');
  const culture = f.given('culture') ? f.text('culture') : null;
  if (text === null) return NULL;
  try {
    return str(toCultureCase(text, culture ?? undefined, upper));
  } catch {
    return f.fail(t('culture {0} is not a culture name such as "en-US"', JSON.stringify(culture)));
  }
}

export const FUNCTION_IMPLEMENTATIONS: ReadonlyMap<string, FunctionImplementation> = new Map(Object.entries(IMPLEMENTATIONS));
