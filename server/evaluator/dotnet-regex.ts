/**
 * .NET regular expressions (the flavour Replace and the REGEX MATCH scoping operators use) on
 * JavaScript's engine. The pattern is translated construct by construct to a `v`-flag RegExp that
 * matches what .NET matches:
 * - `\d`, `\w`, `\s`, `\b` are Unicode-aware in .NET and become the same Unicode classes;
 * - `.` excludes only `\n`; `$` also matches before a final `\n`; `\A`, `\z`, `\Z` become lookarounds;
 * - `(?<name>…)` and `(?'name'…)` groups; .NET numbers unnamed groups before named ones, so
 *   numbered backreferences and `$1` substitutions are renumbered;
 * - class subtraction `[a-z-[aeiou]]` becomes `[[a-z]--[aeiou]]`;
 * - inline options `(?imnsx)` at the very start of the pattern become flags.
 * Constructs JavaScript cannot honour (balancing groups, atomic groups, conditionals, `\G`,
 * Unicode block names, options scoped to part of a pattern, duplicate group names) raise
 * RegexTranslationError instead of silently matching something else.
 *
 * Matching is bounded in time (regex-guard.ts): a pattern that backtracks too long is an error, never a hang.
 *
 * Replacement strings use .NET substitutions (`$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`).
 */

import { currentL10nBundle, t } from '../../grammar/common/l10n';
import { boundedMatches } from './regex-guard';

export class RegexTranslationError extends Error {
  constructor(
    message: string,
    /** 0-based position in the .NET pattern. */
    readonly index: number,
  ) {
    super(message);
  }
}

export interface TranslatedRegex {
  /** The .NET pattern as given. */
  pattern: string;
  /** The JavaScript source and flags (no `g`; use `globalRegex` for scanning). */
  source: string;
  flags: string;
  regex: RegExp;
  /** .NET group number → JavaScript group index (0 → 0). */
  numberToIndex: ReadonlyMap<number, number>;
  /** .NET group name (and the decimal form of every number) → JavaScript group index. */
  nameToIndex: ReadonlyMap<string, number>;
  /** Highest .NET group number. */
  maxNumber: number;
}

export interface RegexOptions {
  ignoreCase?: boolean;
}

const WORD = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const SPACE = '\\f\\n\\r\\t\\v\\x85\\p{Z}';
const CLASS_ESCAPES: Record<string, { inner: string; negated: boolean }> = {
  d: { inner: '\\p{Nd}', negated: false },
  D: { inner: '\\p{Nd}', negated: true },
  w: { inner: WORD, negated: false },
  W: { inner: WORD, negated: true },
  s: { inner: SPACE, negated: false },
  S: { inner: SPACE, negated: true },
};
const SIMPLE_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, e: 0x1b, a: 7 };
const GENERAL_CATEGORIES = new Set([
  'L',
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'M',
  'Mn',
  'Mc',
  'Me',
  'N',
  'Nd',
  'Nl',
  'No',
  'P',
  'Pc',
  'Pd',
  'Ps',
  'Pe',
  'Pi',
  'Pf',
  'Po',
  'S',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'Z',
  'Zs',
  'Zl',
  'Zp',
  'C',
  'Cc',
  'Cf',
  'Cs',
  'Co',
  'Cn',
]);
/** Characters that need a backslash in a `v`-flag pattern: outside a class, and (more) inside one. */
const SYNTAX_OUTSIDE = new Set('^$\\.*+?()[]{}|/'.split(''));
const SYNTAX_INSIDE = new Set([...SYNTAX_OUTSIDE, ...'&-!#%,:;<=>@`~'.split('')]);

/** A code point as a pattern literal that means exactly that character. */
function literal(cp: number, inClass = false): string {
  const ch = String.fromCodePoint(cp);
  if ((inClass ? SYNTAX_INSIDE : SYNTAX_OUTSIDE).has(ch)) return `\\${ch}`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0xd800 && cp <= 0xdfff) || /\s/.test(ch)) return `\\u{${cp.toString(16)}}`;
  return ch;
}

interface GroupInfo {
  /** Position of `(` in the .NET pattern. */
  at: number;
  name?: string;
  /** False for groups made non-capturing by ExplicitCapture. */
  capturing: boolean;
}

interface Flags {
  ignoreCase: boolean;
  multiline: boolean;
  singleline: boolean;
  explicitCapture: boolean;
  ignoreWhitespace: boolean;
}

const CACHE_LIMIT = 256;
const cache = new Map<string, TranslatedRegex | RegexTranslationError>();
/** The message bundle the cached errors were worded with: another language empties the cache. */
let cachedLanguage = currentL10nBundle();

/**
 * Translates a .NET pattern; throws RegexTranslationError. Results are cached (the same mapping
 * is evaluated for every user and on every keystroke in the editor).
 */
export function translateDotNetRegex(pattern: string, options: RegexOptions = {}): TranslatedRegex {
  const key = `${options.ignoreCase ? 'i' : '-'}${pattern}`;
  if (currentL10nBundle() !== cachedLanguage) {
    cache.clear();
    cachedLanguage = currentL10nBundle();
  }
  let result = cache.get(key);
  if (result === undefined) {
    try {
      result = translateUncached(pattern, options);
    } catch (error) {
      if (!(error instanceof RegexTranslationError)) throw error;
      result = error;
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  if (result instanceof RegexTranslationError) throw result;
  return result;
}

function translateUncached(pattern: string, options: RegexOptions): TranslatedRegex {
  const flags: Flags = {
    ignoreCase: !!options.ignoreCase,
    multiline: false,
    singleline: false,
    explicitCapture: false,
    ignoreWhitespace: false,
  };
  let start = 0;
  // Leading inline options apply to the whole pattern: they become flags.
  for (;;) {
    const m = /^\(\?([imnsx]*)(?:-([imnsx]*))?\)/.exec(pattern.slice(start));
    if (!m || (m[1] === '' && m[2] === undefined)) break;
    applyOptions(flags, m[1] ?? '', true);
    applyOptions(flags, m[2] ?? '', false);
    start += m[0].length;
  }
  const body = pattern.slice(start);
  const groups = scanGroups(body, flags, start);
  const numbering = numberGroups(groups, start);
  const emitter = new Emitter(body, start, flags, groups, numbering);
  const source = emitter.emitAll();
  const jsFlags = `v${flags.ignoreCase ? 'i' : ''}`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, jsFlags);
  } catch (error) {
    throw new RegexTranslationError(
      t('Invalid regular expression: {0}', (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')),
      0,
    );
  }
  return {
    pattern,
    source,
    flags: jsFlags,
    regex,
    numberToIndex: numbering.numberToIndex,
    nameToIndex: numbering.nameToIndex,
    maxNumber: numbering.maxNumber,
  };
}

function applyOptions(flags: Flags, letters: string, on: boolean): void {
  for (const letter of letters) {
    if (letter === 'i') flags.ignoreCase = on;
    if (letter === 'm') flags.multiline = on;
    if (letter === 's') flags.singleline = on;
    if (letter === 'n') flags.explicitCapture = on;
    if (letter === 'x') flags.ignoreWhitespace = on;
  }
}

/** Finds every group opening `(` (outside classes and escapes) in order. */
function scanGroups(body: string, flags: Flags, offset: number): Map<number, GroupInfo> {
  const groups = new Map<number, GroupInfo>();
  let inClass = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === '[') inClass++;
      else if (ch === ']' && body[i - 1] !== '[' && !(body[i - 1] === '^' && body[i - 2] === '[')) inClass--;
      continue;
    }
    if (ch === '[') {
      inClass = 1;
      continue;
    }
    if (flags.ignoreWhitespace && ch === '#') {
      while (i < body.length && body[i] !== '\n') i++;
      continue;
    }
    if (ch !== '(') continue;
    if (body[i + 1] !== '?') {
      groups.set(i, { at: offset + i, capturing: !flags.explicitCapture });
      continue;
    }
    const named = /^\(\?(?:<([^>=!-]*)>|'([^'-]*)')/.exec(body.slice(i));
    if (named) groups.set(i, { at: offset + i, name: named[1] ?? named[2], capturing: true });
  }
  return groups;
}

interface Numbering {
  numberToIndex: Map<number, number>;
  nameToIndex: Map<string, number>;
  maxNumber: number;
  /** .NET number of each capturing group, by position in the body. */
  numberAt: Map<number, number>;
}

/** .NET numbering: unnamed groups 1…k left to right, then named groups (numeric names keep their number). */
function numberGroups(groups: Map<number, GroupInfo>, offset: number): Numbering {
  const numberToIndex = new Map<number, number>([[0, 0]]);
  const nameToIndex = new Map<string, number>([['0', 0]]);
  const numberAt = new Map<number, number>();
  let jsIndex = 0;
  const jsIndexAt = new Map<number, number>();
  for (const [position, group] of groups) if (group.capturing) jsIndexAt.set(position, ++jsIndex);
  let next = 1;
  for (const [position, group] of groups) {
    if (!group.capturing || group.name !== undefined) continue;
    numberAt.set(position, next);
    numberToIndex.set(next, jsIndexAt.get(position)!);
    nameToIndex.set(String(next), jsIndexAt.get(position)!);
    next++;
  }
  for (const [position, group] of groups) {
    if (group.name === undefined) continue;
    const name = group.name;
    if (!/^[\p{L}\p{Mn}\p{Nd}\p{Pc}]+$/u.test(name)) throw new RegexTranslationError(t("Invalid group name '{0}'", name), group.at);
    if (/^\d+$/.test(name)) {
      throw new RegexTranslationError(t("The group name '{0}' is a number; JavaScript group names cannot be numbers", name), group.at);
    }
    if (!/^[\p{L}_$][\p{L}\p{Mn}\p{Nd}\p{Pc}$]*$/u.test(name)) {
      throw new RegexTranslationError(t("The group name '{0}' is not a JavaScript identifier", name), group.at);
    }
    if (nameToIndex.has(name))
      throw new RegexTranslationError(t("The group name '{0}' is used twice; JavaScript needs unique group names", name), group.at);
    numberAt.set(position, next);
    numberToIndex.set(next, jsIndexAt.get(position)!);
    nameToIndex.set(name, jsIndexAt.get(position)!);
    nameToIndex.set(String(next), jsIndexAt.get(position)!);
    next++;
  }
  void offset;
  return { numberToIndex, nameToIndex, maxNumber: next - 1, numberAt };
}

class Emitter {
  private i = 0;

  constructor(
    private readonly body: string,
    private readonly offset: number,
    private readonly flags: Flags,
    private readonly groups: Map<number, GroupInfo>,
    private readonly numbering: Numbering,
  ) {}

  private fail(message: string, at = this.i): never {
    throw new RegexTranslationError(message, this.offset + at);
  }

  emitAll(): string {
    let out = '';
    while (this.i < this.body.length) out += this.emitOne();
    return out;
  }

  private emitOne(): string {
    const { body } = this;
    const ch = body[this.i]!;
    if (this.flags.ignoreWhitespace) {
      if (/\s/.test(ch)) {
        this.i++;
        return '';
      }
      if (ch === '#') {
        while (this.i < body.length && body[this.i] !== '\n') this.i++;
        return '';
      }
    }
    switch (ch) {
      case '\\':
        return this.escape(false);
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case ')':
      case '|':
      case '*':
      case '+':
      case '?':
        this.i++;
        return ch;
      case '.':
        this.i++;
        return this.flags.singleline ? '[\\s\\S]' : '[^\\n]';
      case '^':
        this.i++;
        return this.flags.multiline ? '(?<![^\\n])' : '(?<![\\s\\S])';
      case '$':
        this.i++;
        return this.flags.multiline ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
      case '{': {
        const quantifier = /^\{\d+(?:,\d*)?\}/.exec(body.slice(this.i));
        if (quantifier) {
          this.i += quantifier[0].length;
          return quantifier[0];
        }
        this.i++;
        return '\\{';
      }
      default: {
        const cp = body.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        return literal(cp);
      }
    }
  }

  private group(): string {
    const { body } = this;
    const at = this.i;
    const info = this.groups.get(at);
    const rest = body.slice(at);
    let open: string;
    if (rest.startsWith('(?#')) {
      const close = body.indexOf(')', at);
      if (close === -1) this.fail(t('Unterminated (?#…) comment'));
      this.i = close + 1;
      return '';
    } else if (info?.name !== undefined) {
      const header = /^\(\?(?:<[^>]*>|'[^']*')/.exec(rest)![0];
      this.i += header.length;
      open = `(?<${info.name}>`;
    } else if (rest[1] !== '?') {
      this.i++;
      open = info?.capturing ? '(' : '(?:';
    } else if (/^\(\?(?:[:=!]|<[=!])/.test(rest)) {
      const header = /^\(\?(?:[:=!]|<[=!])/.exec(rest)![0];
      this.i += header.length;
      open = header;
    } else if (rest.startsWith('(?>')) {
      return this.fail(t('Atomic groups (?>…) have no JavaScript equivalent'));
    } else if (rest.startsWith('(?(')) {
      return this.fail(t('Conditional groups (?(…)…) have no JavaScript equivalent'));
    } else if (/^\(\?<[^>]*-[^>]*>/.test(rest) || /^\(\?'[^']*-[^']*'/.test(rest)) {
      return this.fail(t('Balancing groups (?<a-b>…) have no JavaScript equivalent'));
    } else if (/^\(\?[imnsx-]+[:)]/.test(rest)) {
      return this.fail(
        t(
          'Inline options inside the pattern (e.g. (?i) after the start, or (?i:…)) cannot be honoured in JavaScript; put them at the very start of the pattern',
        ),
      );
    } else {
      return this.fail(t('Unrecognized group construct'));
    }
    let inner = '';
    while (this.i < body.length && body[this.i] !== ')') inner += this.emitOne();
    if (this.i >= body.length) this.fail(t('Missing closing parenthesis'), at);
    this.i++;
    return `${open}${inner})`;
  }

  /** An escape at this.i (the backslash); `inClass` changes the meaning of `\b`. */
  private escape(inClass: boolean): string {
    const { body } = this;
    const at = this.i;
    const next = body[at + 1];
    if (next === undefined) this.fail(t('The pattern ends with a backslash'));
    this.i += 2;
    const cls = CLASS_ESCAPES[next!];
    if (cls) {
      if (inClass) return cls.negated ? `[^${cls.inner}]` : cls.inner;
      return `[${cls.negated ? '^' : ''}${cls.inner}]`;
    }
    if (next! in SIMPLE_ESCAPES) return literal(SIMPLE_ESCAPES[next!]!, inClass);
    switch (next) {
      case 'b':
        return inClass ? literal(8, inClass) : `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
      case 'B':
        if (inClass) this.fail(t('\\B is not allowed in a character class'), at);
        return `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
      case 'A':
        if (inClass) this.fail(t('\\A is not allowed in a character class'), at);
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) this.fail(t('\\z is not allowed in a character class'), at);
        return '(?![\\s\\S])';
      case 'Z':
        if (inClass) this.fail(t('\\Z is not allowed in a character class'), at);
        return '(?=\\n?(?![\\s\\S]))';
      case 'G':
        return this.fail(t('\\G (contiguous match) has no JavaScript equivalent'), at);
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(body.slice(this.i));
        if (!hex) this.fail(t('\\x needs two hexadecimal digits'), at);
        this.i += 2;
        return literal(parseInt(hex![0], 16), inClass);
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(body.slice(this.i));
        if (!hex) this.fail(t('\\u needs four hexadecimal digits'), at);
        this.i += 4;
        return literal(parseInt(hex![0], 16), inClass);
      }
      case 'c': {
        const letter = body[this.i];
        if (!letter || !/[a-zA-Z]/.test(letter)) this.fail(t('\\c needs a letter'), at);
        this.i++;
        return literal(letter!.toUpperCase().charCodeAt(0) - 64, inClass);
      }
      case 'p':
      case 'P': {
        const m = /^\{([^}]*)\}/.exec(body.slice(this.i));
        if (!m) this.fail(t('\\{0} needs a category in braces, e.g. \\{0}{Lu}', next), at);
        this.i += m![0].length;
        if (!GENERAL_CATEGORIES.has(m![1]!)) {
          this.fail(
            t("\\{0}{{1}}: JavaScript knows Unicode general categories (L, Lu, Nd, …) but not .NET's named blocks", next, m![1]!),
            at,
          );
        }
        return `\\${next}{${m![1]}}`;
      }
      case 'k': {
        if (inClass) this.fail(t('\\k is not allowed in a character class'), at);
        const m = /^(?:<([^>]*)>|'([^']*)')/.exec(body.slice(this.i));
        if (!m) this.fail(t('\\k needs a group name: \\k<name>'), at);
        this.i += m![0].length;
        return this.backreference(m![1] ?? m![2]!, at);
      }
    }
    if (/[0-9]/.test(next!)) {
      if (inClass) {
        // Octal escape inside a class: \0, \012 …
        return literal(this.octal(at), inClass);
      }
      if (next === '0') return literal(this.octal(at), inClass);
      const digits = /^\d+/.exec(body.slice(at + 1))![0];
      // The longest prefix that names a group is the backreference (then the rest are literal digits).
      for (let length = digits.length; length >= 1; length--) {
        const number = Number(digits.slice(0, length));
        if (this.numbering.numberToIndex.has(number) && number > 0) {
          this.i = at + 1 + length;
          return this.backreference(String(number), at);
        }
      }
      if (/^[0-7]{2,3}/.test(digits)) return literal(this.octal(at), inClass);
      return this.fail(t('Reference to undefined group number {0}', digits), at);
    }
    if (/[\p{L}\p{Nd}_]/u.test(next!)) return this.fail(t('Unrecognized escape sequence \\{0}', next!), at);
    // Any other escaped character stands for itself.
    const cp = body.codePointAt(at + 1)!;
    this.i = at + 1 + (cp > 0xffff ? 2 : 1);
    return literal(cp, inClass);
  }

  private octal(at: number): number {
    const m = /^[0-7]{1,3}/.exec(this.body.slice(at + 1))!;
    this.i = at + 1 + m[0].length;
    return parseInt(m[0], 8) & 0xff;
  }

  private backreference(name: string, at: number): string {
    const index = this.numbering.nameToIndex.get(name);
    if (index === undefined)
      this.fail(
        /^\d+$/.test(name) ? t('Reference to undefined group number {0}', name) : t('Reference to undefined group name {0}', name),
        at,
      );
    return `\\${index}(?:)`;
  }

  /** `[…]`, including .NET subtraction `[base-[excluded]]`. */
  private characterClass(): string {
    const { body } = this;
    const at = this.i;
    this.i++;
    let negated = false;
    if (body[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let items = '';
    let first = true;
    let subtraction: string | undefined;
    for (;;) {
      if (this.i >= body.length) this.fail(t('Unterminated [] set'), at);
      const ch = body[this.i]!;
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      if (ch === '-' && body[this.i + 1] === '[' && !first) {
        this.i++;
        subtraction = this.characterClass();
        if (body[this.i] !== ']') this.fail(t('A subtracted class must be the last element of the set'), this.i);
        this.i++;
        break;
      }
      first = false;
      const lowStart = this.i;
      const low = this.classAtom();
      // A range `a-z` (but `-` before `]` or a class escape is literal).
      if (body[this.i] === '-' && body[this.i + 1] !== ']' && body[this.i + 1] !== '[' && this.i + 1 < body.length) {
        if (low.codePoint === undefined) this.fail(t('A range cannot start with a character class'), lowStart);
        this.i++;
        const highStart = this.i;
        const high = this.classAtom();
        if (high.codePoint === undefined) this.fail(t('A range cannot end with a character class'), highStart);
        if (high.codePoint! < low.codePoint!) this.fail(t('[x-y] range in reverse order'), lowStart);
        items += `${low.text}-${high.text}`;
      } else items += low.text;
    }
    const base = `[${negated ? '^' : ''}${items}]`;
    return subtraction ? `[${base}--${subtraction}]` : base;
  }

  private classAtom(): { text: string; codePoint?: number } {
    const { body } = this;
    if (body[this.i] === '\\') {
      const at = this.i;
      const next = body[at + 1];
      const text = this.escape(true);
      if (next && (CLASS_ESCAPES[next] || next === 'p' || next === 'P')) return { text };
      return { text, codePoint: decodeLiteral(text) };
    }
    const cp = body.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { text: literal(cp, true), codePoint: cp };
  }
}

function decodeLiteral(text: string): number {
  if (text.startsWith('\\u{')) return parseInt(text.slice(3, -1), 16);
  if (text.startsWith('\\')) return text.codePointAt(1)!;
  return text.codePointAt(0)!;
}

// ───────────────────────────────────────────────────────────── matching and replacing

export interface RegexMatch {
  index: number;
  /** JavaScript groups (0 = the whole match), undefined for groups that did not participate. */
  groups: (string | undefined)[];
  /** [start, end) of each participating group. */
  indices: ([number, number] | undefined)[];
}

/**
 * Every match, scanning like .NET's Regex.Matches (an empty match advances by one character).
 * Bounded: throws RegexTimeoutError when the pattern backtracks too long (regex-guard.ts).
 */
export function allMatches(translated: TranslatedRegex, input: string): RegexMatch[] {
  return boundedMatches(translated, input, true);
}

/** The first match, or undefined; bounded like allMatches. */
export function firstMatch(translated: TranslatedRegex, input: string): RegexMatch | undefined {
  return boundedMatches(translated, input, false)[0];
}

/** Expands .NET substitutions in `replacement` for one match of `input`. */
function expandReplacement(translated: TranslatedRegex, replacement: string, match: RegexMatch, input: string): string {
  const group = (index: number | undefined) => (index === undefined ? '' : (match.groups[index] ?? ''));
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch !== '$' || i + 1 >= replacement.length) {
      out += ch;
      continue;
    }
    const next = replacement[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += match.groups[0] ?? '';
      i++;
    } else if (next === '`') {
      out += input.slice(0, match.index);
      i++;
    } else if (next === "'") {
      out += input.slice(match.index + (match.groups[0] ?? '').length);
      i++;
    } else if (next === '_') {
      out += input;
      i++;
    } else if (next === '+') {
      out += translated.maxNumber > 0 ? group(translated.numberToIndex.get(translated.maxNumber)) : '';
      i++;
    } else if (next === '{') {
      const close = replacement.indexOf('}', i + 2);
      const name = close === -1 ? undefined : replacement.slice(i + 2, close);
      const index = name === undefined ? undefined : translated.nameToIndex.get(/^\d+$/.test(name) ? String(Number(name)) : name);
      if (index === undefined) out += '$';
      else {
        out += group(index);
        i = close;
      }
    } else if (/[0-9]/.test(next)) {
      // The longest run of digits that is a group number.
      const digits = /^\d+/.exec(replacement.slice(i + 1))![0];
      let used = 0;
      for (let length = digits.length; length >= 1; length--) {
        if (translated.numberToIndex.has(Number(digits.slice(0, length)))) {
          used = length;
          break;
        }
      }
      if (used === 0) out += '$';
      else {
        out += group(translated.numberToIndex.get(Number(digits.slice(0, used))));
        i += used;
      }
    } else out += '$';
  }
  return out;
}

/** Regex.Replace(input, pattern, replacement). */
export function regexReplace(translated: TranslatedRegex, input: string, replacement: string): string {
  let out = '';
  let last = 0;
  for (const match of allMatches(translated, input)) {
    out += input.slice(last, match.index) + expandReplacement(translated, replacement, match, input);
    last = match.index + (match.groups[0] ?? '').length;
  }
  return out + input.slice(last);
}

/** Replaces, in every match, only the text the named group captured. */
export function regexReplaceGroup(translated: TranslatedRegex, input: string, groupName: string, replacement: string): string {
  const index = translated.nameToIndex.get(groupName);
  if (index === undefined) throw new RegexTranslationError(t("The pattern has no group named '{0}'", groupName), 0);
  let out = '';
  let last = 0;
  for (const match of allMatches(translated, input)) {
    const span = match.indices[index];
    if (!span || span[0] < last) continue;
    out += input.slice(last, span[0]) + expandReplacement(translated, replacement, match, input);
    last = span[1];
  }
  return out + input.slice(last);
}
