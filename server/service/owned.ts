/**
 * Copies that own their text. Why: V8 makes a slice of a long string (13 characters or more) a view
 * into it, so a name, a target or a message part read from a document and kept past the version it
 * came from keeps that whole version alive. The incremental diagnostics keep such things from one
 * version to the next; before they were copied, each edit kept one more version of the document
 * (+0.6 MB of live heap per edit of a 5,000-line file: docs/performance.md).
 */
export function owned<T>(value: T): T {
  // A string concatenated with another is flattened into a new one when sliced: the slice's parent is that copy.
  if (typeof value === 'string') return (value.length < 13 ? value : (' ' + value).slice(1)) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(owned) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = owned(field);
  return copy as T;
}
