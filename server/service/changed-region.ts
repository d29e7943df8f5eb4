/**
 * What is known to be unchanged between an earlier text and a later one, from the edits that led
 * from one to the other — the editor's content changes — instead of comparing the two texts (one
 * pass over 600 KB per keystroke on a 5,000-mapping file).
 */
import type { TextReplacement } from './document';

/**
 * The later text equals the earlier one in its first `prefix` and its last `suffix` characters.
 * Each bound holds on its own (they may overlap while the texts are still equal); `bounds` gives the
 * pair that does not overlap.
 */
export interface ChangedRegion {
  prefix: number;
  suffix: number;
}

/** The region of a text compared with itself: equal everywhere. */
export function unchanged(length: number): ChangedRegion {
  return { prefix: length, suffix: length };
}

/**
 * The region after `edits`, applied in order to a text of `length` characters whose region (against
 * the earlier text) was `region`; undefined when an edit does not fit the text it claims to apply
 * to, or the result is not `expectedLength` long (the caller then compares the texts).
 */
export function afterEdits(
  region: ChangedRegion,
  length: number,
  edits: readonly TextReplacement[],
  expectedLength: number,
): ChangedRegion | undefined {
  let { prefix, suffix } = region;
  for (const edit of edits) {
    const { start, end } = edit;
    if (!(Number.isInteger(start) && Number.isInteger(end) && Number.isInteger(edit.length))) return undefined;
    if (start < 0 || end < start || end > length || edit.length < 0) return undefined;
    prefix = Math.min(prefix, start); // text[0, start) is untouched
    suffix = Math.min(suffix, length - end); // and so is text[end, length), now at the end of the new text
    length += edit.length - (end - start);
  }
  return length === expectedLength ? { prefix, suffix } : undefined;
}

/** Non-overlapping bounds for an earlier text of `before` and a later one of `after` characters. */
export function bounds(region: ChangedRegion, before: number, after: number): ChangedRegion {
  const prefix = Math.min(region.prefix, before, after);
  return { prefix, suffix: Math.max(0, Math.min(region.suffix, Math.min(before, after) - prefix)) };
}
