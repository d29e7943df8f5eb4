/**
 * The counts of an impact run, mergeable (each worker thread keeps its own, the main thread adds
 * them up), with a bounded, deterministic set of example users per category: the N users with the
 * smallest hash of their name (ties: the earlier line). The same users come out whatever the order
 * or the split of the input, and the examples are spread over the directory rather than its first lines.
 */
import type { OutputJson } from '../evaluator/json';
import { type AttributeChange, CATEGORIES, type Category } from './classify';

export interface ImpactSample {
  /** userPrincipalName, else objectId, else `line N`. */
  user: string;
  changes: AttributeChange[];
  /** errors: why the user cannot be exported. */
  error?: string;
  /** Only with matchChanged samples: the matching values before and after. */
  match?: { before: OutputJson; after: OutputJson };
}

interface Ranked {
  hash: number;
  line: number;
  sample: ImpactSample;
}

export interface ImpactTally {
  users: number;
  counts: Record<Category, number>;
  matchChanged: number;
  /** Target attribute → number of update users whose value of it differs. */
  attributes: Record<string, number>;
  samples: Record<Category, Ranked[]>;
  matchChangedSamples: Ranked[];
}

export function emptyTally(): ImpactTally {
  return {
    users: 0,
    counts: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    matchChanged: 0,
    attributes: {},
    samples: Object.fromEntries(CATEGORIES.map((c) => [c, []])) as unknown as Record<Category, Ranked[]>,
    matchChangedSamples: [],
  };
}

/** FNV-1a, 32 bits: cheap, stable across runs and platforms. */
export function sampleHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const before = (a: Ranked, b: Ranked) => a.hash - b.hash || a.line - b.line;

/** Whether a user with this rank would enter a sample list of `limit` (to build the sample only then). */
export function wouldSample(list: readonly Ranked[], limit: number, hash: number, line: number): boolean {
  if (list.length < limit) return true;
  const last = list[list.length - 1]!;
  return hash < last.hash || (hash === last.hash && line < last.line);
}

export function addSample(list: Ranked[], limit: number, entry: Ranked): void {
  if (!wouldSample(list, limit, entry.hash, entry.line)) return;
  let i = list.length;
  while (i > 0 && before(entry, list[i - 1]!) < 0) i--;
  list.splice(i, 0, entry);
  if (list.length > limit) list.pop();
}
