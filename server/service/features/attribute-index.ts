/**
 * The attributes of a large schema object, sorted once for completion (completion.ts). A Graph
 * schema of an application may hold thousands of attributes and a list shows at most
 * ATTRIBUTE_ITEM_LIMIT of them: those whose name holds the typed word's letters in order, names
 * starting with the word first, each group in sort-text order (a category character, then the
 * name). Making one candidate per attribute on every keystroke to keep 200 cost more than the rest
 * of a completion in a 5,000-line block; here the names are sorted once per schema object (kept
 * while the schema object lives), the names starting with the word are found by binary search, and
 * the walk in sort-text order stops once the list is full.
 *
 * The contract: `rankedAttributes` keeps the candidates completion's plain path keeps
 * (`chooseAttributes` over one candidate per attribute), in the same order;
 * test/service/completion-index.test.ts proves it on random schemas, words and mapped sets.
 */
import type { AttributeDefinition, ObjectSchema } from '../../schema/types';

/** One candidate: an attribute, or (target side) the value path of a multi-valued one. */
export interface IndexEntry {
  attribute: AttributeDefinition;
  /** The attribute's name: the candidate's filter text and, after its category character, its sort text. */
  name: string;
  lower: string;
  valuePath: boolean;
}

/** Which attributes of the object a list offers (completion's sites differ). */
export type IndexVariant = 'target' | 'filterable target' | 'source' | 'scope source' | 'scim';

/** An object's candidates for one variant, sorted. */
export interface AttributeIndex {
  /** How many candidates the plain path makes (attributes and value paths). */
  count: number;
  /** The candidates in the plain path's order (the object's order, a value path after its attribute). */
  listed: IndexEntry[];
  /** The attributes (no value paths) by name, in code-unit order (sort-text order within a category). */
  byName: IndexEntry[];
  /** Positions in `byName`, ordered by lower-cased name: the names starting with a word are a run here. */
  byLower: number[];
  /** Positions in `byName` of required attributes, ascending. */
  required: number[];
  /** The value paths by name. */
  valuePaths: IndexEntry[];
}

const indexes = new WeakMap<ObjectSchema, Map<IndexVariant, AttributeIndex | null>>();

/**
 * The index of `object`'s candidates for `variant`, made on first use and kept with the object;
 * undefined when a name is not ASCII (lower-casing may then change lengths or depend on context,
 * and the prefix search below relies on neither): the caller takes the plain path.
 */
export function attributeIndex(
  object: ObjectSchema,
  variant: IndexVariant,
  offered: (attribute: AttributeDefinition) => boolean,
  withValuePaths: boolean,
): AttributeIndex | undefined {
  let byVariant = indexes.get(object);
  if (!byVariant) indexes.set(object, (byVariant = new Map()));
  let index = byVariant.get(variant);
  if (index === undefined) {
    index = buildIndex(object, offered, withValuePaths);
    byVariant.set(variant, index);
  }
  return index ?? undefined;
}

function buildIndex(
  object: ObjectSchema,
  offered: (attribute: AttributeDefinition) => boolean,
  withValuePaths: boolean,
): AttributeIndex | null {
  const listed: IndexEntry[] = [];
  const attributes: IndexEntry[] = [];
  const valuePaths: IndexEntry[] = [];
  for (const attribute of object.attributes) {
    if (!offered(attribute)) continue;
    const name = attribute.name;
    // eslint-disable-next-line no-control-regex
    if (!/^[\x00-\x7f]*$/.test(name)) return null;
    const entry: IndexEntry = { attribute, name, lower: name.toLowerCase(), valuePath: false };
    listed.push(entry);
    attributes.push(entry);
    if (withValuePaths && attribute.multivalued && !name.includes('[')) {
      const path: IndexEntry = { ...entry, valuePath: true };
      listed.push(path);
      valuePaths.push(path);
    }
  }
  // Array.prototype.sort is stable: equal names keep the object's order, as the plain path's sort does.
  const byName = [...attributes].sort((a, b) => compare(a.name, b.name));
  const byLower = byName.map((_, i) => i).sort((a, b) => compare(byName[a]!.lower, byName[b]!.lower) || a - b);
  const required = byName.flatMap((entry, i) => (entry.attribute.required ? [i] : []));
  valuePaths.sort((a, b) => compare(a.name, b.name));
  return { count: listed.length, listed, byName, byLower, required, valuePaths };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The category character of an entry's sort text: target attributes `0` (required, not mapped yet),
 * `1`, `8` (mapped already), value paths `2`; a source or SCIM list has one category.
 */
export type Categorize = (entry: IndexEntry) => string;

/**
 * The categories a list may hold, in sort-text order, each with the entries that may fall in it:
 * the required attributes, the value paths, or any attribute.
 */
export type Categories = readonly { category: string; over: 'required' | 'valuePaths' | 'names' }[];

/** The first `limit` candidates of `index` in the plain path's ranking for the typed `word`. */
export function rankedAttributes(
  index: AttributeIndex,
  word: string,
  limit: number,
  categories: Categories,
  categorize: Categorize,
): IndexEntry[] {
  const lower = word.toLowerCase();
  const kept: IndexEntry[] = [];
  const starting = startingWith(index, lower);
  walk(index, starting, (entry) => entry.lower.startsWith(lower), categories, categorize, kept, limit);
  if (kept.length < limit && lower !== '') {
    // Names holding the word's letters in order, not at their start: after every name that starts with it.
    const all = { from: 0, to: index.byName.length };
    const accepts = (entry: IndexEntry) => !entry.lower.startsWith(lower) && inOrder(lower, entry.lower);
    walk(index, all, accepts, categories, categorize, kept, limit);
  }
  return kept;
}

/** Positions in byName: a run [from, to), or a list in ascending order. */
type Positions = { from: number; to: number } | number[];

/** The positions of the names that start with `lower`, ascending (in name order). */
function startingWith(index: AttributeIndex, lower: string): Positions {
  const { byName, byLower } = index;
  const first = lowerBound(byLower.length, (i) => byName[byLower[i]!]!.lower < lower);
  const last = lowerBound(byLower.length, (i) => {
    const name = byName[byLower[i]!]!.lower;
    return name < lower || name.startsWith(lower);
  });
  if (first === last) return [];
  // The names starting with the word as one of them spells it are a run of byName; when every name
  // that starts with the word spells it so (one spelling, the usual case), the run is the answer.
  const spelled = byName[byLower[first]!]!.name.slice(0, lower.length);
  const from = lowerBound(byName.length, (i) => byName[i]!.name < spelled);
  const to = lowerBound(byName.length, (i) => {
    const name = byName[i]!.name;
    return name < spelled || name.startsWith(spelled);
  });
  if (to - from === last - first) return { from, to };
  return byLower.slice(first, last).sort((a, b) => a - b);
}

/** The first index in [0, length) where `before` is false (`before` holds for a prefix of the range). */
function lowerBound(length: number, before: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Adds to `kept`, up to `limit`, the entries that `accepts`, in sort-text order: category by
 * category, each in name order; attributes are looked for at `positions` (which hold every
 * attribute `accepts`).
 */
function walk(
  index: AttributeIndex,
  positions: Positions,
  accepts: (entry: IndexEntry) => boolean,
  categories: Categories,
  categorize: Categorize,
  kept: IndexEntry[],
  limit: number,
): void {
  for (const { category, over } of categories) {
    const take = (entry: IndexEntry) => {
      if (categorize(entry) === category && accepts(entry)) kept.push(entry);
      return kept.length < limit;
    };
    if (kept.length >= limit) return;
    if (over === 'valuePaths') {
      for (const entry of index.valuePaths) if (!take(entry)) return;
    } else if (over === 'required') {
      for (const i of index.required) if (!take(index.byName[i]!)) return;
    } else if (Array.isArray(positions)) {
      for (const i of positions) if (!take(index.byName[i]!)) return;
    } else {
      for (let i = positions.from; i < positions.to; i++) if (!take(index.byName[i]!)) return;
    }
  }
}

/** Whether every character of `word` occurs in `text`, in order. */
export function inOrder(word: string, text: string): boolean {
  let at = 0;
  for (const char of word) {
    at = text.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
