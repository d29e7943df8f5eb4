/**
 * Text functions with .NET semantics: invariant (simple, length-preserving) case mapping,
 * PCase (TextInfo.ToTitleCase word rules), VB's InStr with vbTextCompare, Word.
 */

/** Per-code-point simple case mapping, as .NET's invariant culture does: `ß` stays `ß` in upper case. */
function mapCodePoints(text: string, map: (ch: string) => string): string {
  let out = '';
  for (const ch of text) {
    const mapped = map(ch);
    out += [...mapped].length === 1 ? mapped : ch;
  }
  return out;
}

function toUpperInvariant(text: string): string {
  return mapCodePoints(text, (ch) => ch.toUpperCase());
}

export function toLowerInvariant(text: string): string {
  // İ lower-cases to i + combining dot in full case mapping; the simple mapping is plain i.
  return mapCodePoints(text, (ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase()));
}

/** Culture-specific case (`tr-TR` turns `i` into `İ`); undefined culture = invariant. Throws RangeError on a bad tag. */
export function toCultureCase(text: string, culture: string | undefined, upper: boolean): string {
  if (culture === undefined || culture === '') return upper ? toUpperInvariant(text) : toLowerInvariant(text);
  const [canonical] = Intl.getCanonicalLocales(culture);
  return upper ? text.toLocaleUpperCase(canonical) : text.toLocaleLowerCase(canonical);
}

const LETTER = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}]$/u;
/** .NET TextInfo.IsWordSeparator: spaces, controls, punctuation and symbols. */
const WORD_SEPARATOR = /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{Sm}\p{Sc}\p{Sk}\p{So}]$/u;

/**
 * PCase: every letter lower-cased, then the first letter of each word upper-cased. Without
 * separators, words follow .NET ToTitleCase: a word starts at a letter and runs over letters,
 * digits, marks and apostrophes until a separator (space, punctuation, symbol). With separators,
 * only those characters separate words.
 */
export function pcase(text: string, separators?: string): string {
  const lower = toLowerInvariant(text);
  if (separators !== undefined && separators !== '') {
    const set = new Set([...separators]);
    let out = '';
    let atWordStart = true;
    for (const ch of lower) {
      if (set.has(ch)) {
        out += ch;
        atWordStart = true;
      } else {
        out += atWordStart ? toUpperInvariant(ch) : ch;
        atWordStart = false;
      }
    }
    return out;
  }
  const chars = [...lower];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (!LETTER.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    out += toUpperInvariant(ch);
    i++;
    // The rest of the word: letters, apostrophes and other non-separators.
    while (i < chars.length && (LETTER.test(chars[i]!) || chars[i] === "'" || !WORD_SEPARATOR.test(chars[i]!))) out += chars[i++];
  }
  return out;
}

/**
 * vbTextCompare: case-insensitive, and (as VB's Text comparison ignores width and kana type)
 * full-width ASCII equals ASCII and hiragana equals katakana. One UTF-16 unit maps to one, so
 * positions in the folded text are positions in the original.
 */
export function foldForTextCompare(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e)
      code -= 0xfee0; // full-width ASCII
    else if (code === 0x3000)
      code = 0x20; // ideographic space
    else if (code >= 0x3041 && code <= 0x3096)
      code += 0x60; // hiragana → katakana
    else if (code >= 0xff61 && code <= 0xff9f) {
      const wide = String.fromCharCode(code).normalize('NFKC');
      if (wide.length === 1) code = wide.charCodeAt(0);
    }
    const ch = String.fromCharCode(code);
    const upper = ch.toUpperCase();
    const folded = upper.length === 1 ? upper.toLowerCase() : ch.toLowerCase();
    out += folded.length === 1 ? folded : ch;
  }
  return out;
}

/** VB InStr(start, string1, string2, compare): 1-based position, 0 when not found. */
export function inStr(haystack: string, needle: string, start: number, textCompare: boolean): number {
  if (start > haystack.length) return needle === '' ? start : 0;
  if (needle === '') return start;
  const h = textCompare ? foldForTextCompare(haystack) : haystack;
  const n = textCompare ? foldForTextCompare(needle) : needle;
  return h.indexOf(n, start - 1) + 1;
}

/** Word: the n-th (1-based) non-empty run of characters between any of the delimiter characters. */
export function word(text: string, n: number, delimiters: string): string {
  if (n < 1) return '';
  const set = new Set([...delimiters]);
  const words: string[] = [];
  let current = '';
  for (const ch of text) {
    if (set.has(ch)) {
      if (current !== '') words.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') words.push(current);
  return words[n - 1] ?? '';
}
