/**
 * The function catalogue plus pure helpers over it: lookup, arity, argument → parameter binding,
 * signature formatting and did-you-mean suggestions.
 */
import { localized, t } from '../../grammar/common/l10n';
import { FUNCTIONS } from './functions';
import type { FunctionSignature, ParameterSpec } from './types';

export { FUNCTIONS, DATE_INTERVALS } from './functions';
export type { FunctionSignature, ParameterSpec, ValueType } from './types';

const BY_NAME: ReadonlyMap<string, FunctionSignature> = new Map(FUNCTIONS.map((f) => [f.name, f]));
const BY_LOWER_NAME: ReadonlyMap<string, FunctionSignature> = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

/** The function with exactly this name (the service is case-sensitive). */
export function lookupFunction(name: string): FunctionSignature | undefined {
  return BY_NAME.get(name);
}

/** The function whose name matches ignoring case (for "did you mean `Switch`?" on `switch`). */
export function lookupFunctionIgnoreCase(name: string): FunctionSignature | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

// ───────────────────────────────────────────────────────────── arity

/** The non-repeating parameters (always the leading ones) and the trailing repeating group. */
export function splitParameters(sig: FunctionSignature): { fixed: readonly ParameterSpec[]; group: readonly ParameterSpec[] } {
  // Asked for every argument of every call the checker visits: computed once per signature.
  let split = splits.get(sig);
  if (split === undefined) {
    const fixed: ParameterSpec[] = [];
    const group: ParameterSpec[] = [];
    for (const p of sig.parameters) (p.repeating ? group : fixed).push(p);
    split = { fixed, group };
    splits.set(sig, split);
  }
  return split;
}

const splits = new WeakMap<FunctionSignature, { fixed: readonly ParameterSpec[]; group: readonly ParameterSpec[] }>();

/**
 * Minimum and maximum number of arguments. An optional parameter still occupies its position when a
 * later argument is present (`Switch([x], , "a", "b")`), so `min` counts every position up to the last
 * required one; with a repeating group that must occur, every fixed position counts.
 */
export function functionArity(sig: FunctionSignature): { min: number; max: number } {
  // Asked for every call the checker visits: computed once per signature, like splitParameters.
  let arity = arities.get(sig);
  if (arity === undefined) {
    const { fixed, group } = splitParameters(sig);
    let min = 0;
    fixed.forEach((p, i) => {
      if (!p.optional) min = i + 1;
    });
    if (group.length > 0 && sig.minRepeats > 0) min = fixed.length + sig.minRepeats * group.length;
    const max = group.length > 0 ? Infinity : fixed.length;
    arity = Object.freeze({ min, max });
    arities.set(sig, arity);
  }
  return arity;
}

const arities = new WeakMap<FunctionSignature, { readonly min: number; readonly max: number }>();

/** The parameter a 0-based argument position binds to (through the repeating group), if any. */
export function parameterForArgument(sig: FunctionSignature, argIndex: number): ParameterSpec | undefined {
  if (!Number.isInteger(argIndex) || argIndex < 0) return undefined;
  const { fixed, group } = splitParameters(sig);
  if (argIndex < fixed.length) return fixed[argIndex];
  if (group.length === 0) return undefined;
  return group[(argIndex - fixed.length) % group.length];
}

/**
 * The parameter an argument binds to in a call of `argumentCount` arguments: a form the service runs
 * with that many arguments (FormatDateTime's three) binds by its own list, any other call as
 * parameterForArgument does.
 */
export function parameterForCallArgument(sig: FunctionSignature, argIndex: number, argumentCount: number): ParameterSpec | undefined {
  const form = sig.serviceForms?.find((f) => f.argumentCount === argumentCount);
  return form ? form.parameters[argIndex] : parameterForArgument(sig, argIndex);
}

/**
 * For an argument inside the repeating group: which repetition (0-based) it belongs to.
 * `undefined` for fixed parameters or positions beyond the last parameter.
 */
export function repetitionForArgument(sig: FunctionSignature, argIndex: number): number | undefined {
  const { fixed, group } = splitParameters(sig);
  if (group.length === 0 || argIndex < fixed.length) return undefined;
  return Math.floor((argIndex - fixed.length) / group.length);
}

function words(identifier: string): string {
  // camelCase / PascalCase → lower-case words; keep digit suffixes attached (value1).
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function plural(phrase: string): string {
  return /s$/.test(phrase) ? phrase : `${phrase}s`;
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The English noun phrases of a function with a repeating group that its argument-count messages
 * name: its shape ("a source, a default value and key/value pairs") and, for a group of several
 * parameters, the first and last of the group with their article ("a key", "a value"). They are data
 * texts, shown through localized() (test/l10n/data-messages.ts lists them for the translations test).
 */
export function groupPhrases(sig: FunctionSignature): { shape: string; first: string; last: string } | undefined {
  const { fixed, group } = splitParameters(sig);
  if (group.length === 0) return undefined;
  const groupPhrase =
    group.length === 1
      ? `${sig.minRepeats >= 2 ? 'two or more' : 'one or more'} ${plural(words(group[0]!.name))}`
      : `${group.map((p) => words(p.name)).join('/')} pairs`;
  return {
    shape: listPhrase([...fixed.map((p) => withArticle(words(p.name))), groupPhrase]),
    first: withArticle(words(group[0]!.name)),
    last: withArticle(words(group[group.length - 1]!.name)),
  };
}

/**
 * A user-facing sentence explaining why `count` arguments do not fit the function, or `undefined`
 * when the count is fine. Empty argument positions count as arguments. Each case is a whole sentence
 * of its own, English plural included, so that every language can word it (docs/localization.md).
 */
export function argumentCountProblem(sig: FunctionSignature, count: number): string | undefined {
  const { min, max } = functionArity(sig);
  const { fixed, group } = splitParameters(sig);
  const name = sig.name;

  if (group.length > 0) {
    const extra = count - fixed.length;
    const unpaired = group.length > 1 && extra > 0 && extra % group.length !== 0;
    if (!unpaired && count >= min) return undefined;
    // The phrases are only built when there is a problem (this runs for every call checked).
    const phrases = groupPhrases(sig)!;
    const shape = localized(phrases.shape);
    if (unpaired)
      return t(
        '{0} takes {1}: {2} arguments leave {3} without {4}.',
        name,
        shape,
        count,
        localized(phrases.first),
        localized(phrases.last),
      );
    if (min === 1) return t('{0} takes {1} (at least 1 argument), but none were given.', name, shape);
    if (count === 0) return t('{0} takes {1} (at least {2} arguments), but none were given.', name, shape, min);
    if (count === 1) return t('{0} takes {1} (at least {2} arguments), but 1 was given.', name, shape, min);
    return t('{0} takes {1} (at least {2} arguments), but {3} were given.', name, shape, min, count);
  }

  if (count >= min && count <= max) return undefined;
  if (max === 0)
    return count === 1
      ? t('{0} takes no arguments, but 1 was given.', name)
      : t('{0} takes no arguments, but {1} were given.', name, count);
  const names = sig.parameters.map((p) => (p.optional ? `${p.name}?` : p.name)).join(', ');
  if (min === max) {
    if (min === 1)
      return count === 0
        ? t('{0} takes exactly 1 argument ({1}), but none were given.', name, names)
        : t('{0} takes exactly 1 argument ({1}), but {2} were given.', name, names, count);
    if (count === 0) return t('{0} takes exactly {1} arguments ({2}), but none were given.', name, min, names);
    if (count === 1) return t('{0} takes exactly {1} arguments ({2}), but 1 was given.', name, min, names);
    return t('{0} takes exactly {1} arguments ({2}), but {3} were given.', name, min, names, count);
  }
  if (count > max) {
    // More than max ≥ 1 (max > min ≥ 0), so at least 2 were given.
    return max === 1
      ? t('{0} takes at most 1 argument ({1}), but {2} were given.', name, names, count)
      : t('{0} takes at most {1} arguments ({2}), but {3} were given.', name, max, names, count);
  }
  // Fewer than min.
  if (min === 1) return t('{0} takes at least 1 argument ({1}), but none were given.', name, names);
  if (count === 0) return t('{0} takes at least {1} arguments ({2}), but none were given.', name, min, names);
  if (count === 1) return t('{0} takes at least {1} arguments ({2}), but 1 was given.', name, min, names);
  return t('{0} takes at least {1} arguments ({2}), but {3} were given.', name, min, names, count);
}

// ───────────────────────────────────────────────────────────── formatting

/**
 * A readable signature. Conventions: an optional parameter ends with `?`; the repeating group is
 * written `max(minRepeats, 1)` times followed by `…`.
 *   Replace(source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?)
 *   Join(separator, source, …)          Switch(source, defaultValue?, key, value, …)
 *   SelectUniqueValue(uniqueValueRule, uniqueValueRule, …)
 * With `withReturnType`, ` → String` (or ` → String[]` when multi-valued) is appended.
 */
export function formatSignature(sig: FunctionSignature, options: { withReturnType?: boolean } = {}): string {
  const { fixed, group } = splitParameters(sig);
  const parts = fixed.map((p) => (p.optional ? `${p.name}?` : p.name));
  if (group.length > 0) {
    const reps = Math.max(sig.minRepeats, 1);
    for (let i = 0; i < reps; i++) for (const p of group) parts.push(p.optional ? `${p.name}?` : p.name);
    parts.push('…');
  }
  const text = `${sig.name}(${parts.join(', ')})`;
  if (!options.withReturnType) return text;
  return `${text} → ${sig.returns}${sig.returnsMultiValued ? '[]' : ''}`;
}

// ───────────────────────────────────────────────────────────── did you mean

/**
 * Damerau-Levenshtein distance (unrestricted: adjacent transpositions may overlap later edits).
 * Compares UTF-16 code units as given — callers lower-case first for a case-insensitive distance.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const INF = n + m;
  const lastRow = new Map<string, number>();
  // d has (n + 2) × (m + 2) cells; row/column 0 hold INF, row/column 1 the base case.
  const w = m + 2;
  const d = new Array<number>((n + 2) * w).fill(0);
  d[0] = INF;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * w] = INF;
    d[(i + 1) * w + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = INF;
    d[w + j + 1] = j;
  }
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const i1 = lastRow.get(b[j - 1]) ?? 0;
      const j1 = lastMatchCol;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * w + j + 1] = Math.min(
        d[i * w + j] + cost, // substitution / match
        d[(i + 1) * w + j] + 1, // insertion
        d[i * w + j + 1] + 1, // deletion
        d[i1 * w + j1] + (i - i1 - 1) + 1 + (j - j1 - 1), // transposition
      );
    }
    lastRow.set(a[i - 1], i);
  }
  return d[(n + 1) * w + m + 1];
}

/**
 * The two strings without the prefix and the suffix they share: the distance of what is left is
 * theirs (an edit never needs to touch characters both strings keep in place at their ends), and
 * it costs (n − shared) × (m − shared) instead of n × m. A schema's target attributes often share a
 * long URN (`urn:ietf:params:scim:schemas:extension:…:User:`), so a did-you-mean over thousands of
 * them compares the short tails. test/catalogue/helpers.test.ts checks the equality on random
 * strings of a small alphabet (where transpositions and repeats are frequent).
 */
export function withoutCommonAffixes(a: string, b: string): [string, string] {
  const [prefix, suffix] = commonAffixLengths(a, b);
  return prefix === 0 && suffix === 0 ? [a, b] : [a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)];
}

/** The lengths of the prefix and the suffix `a` and `b` share (not overlapping in either). */
function commonAffixLengths(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return [prefix, suffix];
}

/**
 * damerauLevenshtein(a, b) when it is at most `limit`, else `limit + 1`: the same table, but only
 * its band |i − j| ≤ limit (a cell off the band is at least |i − j| > limit, so it can be read as
 * `limit + 1` without changing any value ≤ limit), stopping at a row whose band is all over the limit
 * (a row's smallest value never decreases further down: a transposition term adds at least the rows
 * it skips), and not started when the characters' counts alone differ by more than the limit. Why: a did-you-mean over a schema of thousands of attributes compared every one in full
 * (about 400 ms for one unknown name against 5,000 URN attributes, on every keystroke that leaves it
 * unknown: docs/performance.md). Typed arrays replace the Map of last rows and the table, kept between
 * calls. test/catalogue/helpers.test.ts proves it equal to min(damerauLevenshtein, limit + 1).
 */
export function damerauLevenshteinWithin(a: string, b: string, limit: number): number {
  // What both share at their ends changes no distance (withoutCommonAffixes): read between, by offsets.
  const [p, suffix] = commonAffixLengths(a, b);
  const n = a.length - p - suffix;
  const m = b.length - p - suffix;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.min(n + m, limit + 1);
  const over = limit + 1;
  // A bound first: an edit changes the count of at most one character of each string (a transposition
  // none), so the distance is at least the larger of what `a` has more of and what `b` has more of.
  for (let i = 0; i < n; i++) counts[a.charCodeAt(p + i)]!++;
  for (let j = 0; j < m; j++) counts[b.charCodeAt(p + j)]!--;
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(p + i);
    if (counts[c]! > 0) more += counts[c]!;
    counts[c] = 0;
  }
  for (let j = 0; j < m; j++) {
    const c = b.charCodeAt(p + j);
    if (counts[c]! < 0) fewer -= counts[c]!;
    counts[c] = 0;
  }
  if (more > limit || fewer > limit) return over;
  const w = m + 2;
  const size = (n + 2) * w;
  if (table.length < size) table = new Int32Array(Math.max(size, 2 * table.length));
  const d = table;
  // Row and column 0 hold the "infinity" of the full algorithm; row and column 1 the base case, capped.
  d[0] = over + n + m;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * w] = over + n + m;
    d[(i + 1) * w + 1] = Math.min(i, over);
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = over + n + m;
    d[w + j + 1] = Math.min(j, over);
  }
  let result = over;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(p + i - 1);
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    const row = (i + 1) * w;
    // The cells beside the band read by this row and the next: over the limit (the table is reused).
    if (from > 1) d[row + from] = over;
    if (to < m) d[row + to + 2] = over;
    // A match left of the band is not tracked: its transposition would cost more than the limit anyway.
    let lastMatchCol = 0;
    // The row's column 0 (the base case, i) belongs to it too.
    let rowMin = Math.min(i, over);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(p + j - 1);
      const i1 = lastRowOf[bj]!;
      const j1 = lastMatchCol;
      const cost = ai === bj ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      let value = d[i * w + j]! + cost;
      const insertion = d[row + j]! + 1;
      if (insertion < value) value = insertion;
      const deletion = d[i * w + j + 1]! + 1;
      if (deletion < value) value = deletion;
      // A cell off its row's band was never written in this call: over the limit, as is the term through it.
      if (i1 === 0 || j1 === 0 || Math.abs(i1 - j1) <= limit) {
        const transposition = d[i1 * w + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1);
        if (transposition < value) value = transposition;
      }
      if (value > over) value = over;
      d[row + j + 1] = value;
      if (value < rowMin) rowMin = value;
    }
    lastRowOf[ai] = i;
    if (rowMin > limit) break;
    if (i === n) result = d[row + m + 1]!;
  }
  for (let i = 0; i < n; i++) lastRowOf[a.charCodeAt(p + i)] = 0;
  return result > limit ? over : result;
}

/** damerauLevenshteinWithin's table, kept between calls (grown as needed). */
let table = new Int32Array(4096);
/** The last row (1-based) of `a` holding each UTF-16 code unit; reset to 0 after each call. */
const lastRowOf = new Int32Array(65536);
/** Per UTF-16 code unit: its count in `a` less its count in `b` (the bound); reset to 0 after each use. */
const counts = new Int32Array(65536);

/** Candidates without repeats (the first kept) and lower-cased, made once per array (a schema's names: schema/lookup.ts attributeNames). */
interface PreparedCandidates {
  names: readonly string[];
  lowerNames: readonly string[];
}
const prepared = new WeakMap<readonly string[], PreparedCandidates>();

function preparedCandidates(candidates: Iterable<string>): PreparedCandidates {
  const array = Array.isArray(candidates) ? (candidates as readonly string[]) : undefined;
  const kept = array && prepared.get(array);
  if (kept) return kept;
  const names = [...new Set(candidates)];
  const made = { names, lowerNames: names.map((n) => n.toLowerCase()) };
  // Only a frozen array is sure to be the same list next time.
  if (array && Object.isFrozen(array)) prepared.set(array, made);
  return made;
}

/** Largest distance still worth suggesting for a name of this length. */
function suggestionThreshold(length: number): number {
  return Math.max(1, Math.floor((length + 1) / 4));
}

/**
 * Up to `max` candidates that look like a misspelling of `name`, best first: case-insensitive
 * Damerau-Levenshtein distance within a length-relative threshold (1 edit for up to 6 characters,
 * 2 up to 10, 3 up to 14, …). A candidate identical to `name` is never suggested; one that differs
 * only in case always is (distance 0). Ties: smaller length difference, then alphabetical.
 * Once `max` candidates are found, a later one needs a distance no larger than theirs to be kept
 * (ties are kept: the order above decides), so it is compared only that far.
 */
export function suggestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (max <= 0 || name.length === 0) return [];
  const lower = name.toLowerCase();
  let limit = suggestionThreshold(name.length);
  /** The `max` smallest distances kept so far, ascending. */
  const best: number[] = [];
  const { names, lowerNames } = preparedCandidates(candidates);
  const scored: { candidate: string; distance: number }[] = [];
  for (let i = 0; i < names.length; i++) {
    const candidate = names[i]!;
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const distance = damerauLevenshteinWithin(lower, lowerNames[i]!, limit);
    // Never suggest a candidate that had to be rewritten almost completely.
    if (distance > limit || distance >= Math.max(candidate.length, 2)) continue;
    scored.push({ candidate, distance });
    let at = best.length;
    while (at > 0 && best[at - 1]! > distance) at--;
    best.splice(at, 0, distance);
    if (best.length > max) best.pop();
    if (best.length === max) limit = Math.min(limit, best[max - 1]!);
  }
  scored.sort(
    (x, y) =>
      x.distance - y.distance ||
      Math.abs(x.candidate.length - name.length) - Math.abs(y.candidate.length - name.length) ||
      (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0),
  );
  return scored.slice(0, max).map((s) => s.candidate);
}

export { BUILTIN_CATALOGUE, catalogueWithFunctionList, functionListPathFor, readFunctionList } from './tenant';
export type { FunctionCatalogue, FunctionListReadResult } from './tenant';
