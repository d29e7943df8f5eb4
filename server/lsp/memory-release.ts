/**
 * Gives back the memory the first full analysis of a large document allocated. Reading a file of
 * 5,000 lines grows V8's heap to about three times what stays live (the trees and the schema's JSON
 * are garbage once the per-statement summaries are kept), and V8 keeps the pages it grew into: its
 * memory reducer waits for a quiet period an editor seldom gives. One full collection, once the
 * server has been idle a moment after that analysis, returns them: about 107 → 79 MB of resident
 * memory with the 5,000-line file open (docs/performance.md, "Edits inside one big block").
 *
 * The collection is V8's `gc`, present when the server runs with `--expose-gc` (SERVER_NODE_OPTIONS);
 * started without it (any other LSP client), nothing happens.
 */
/** Smaller documents leave too little garbage to be worth a full collection's pause. */
const LARGE_DOCUMENT_CHARS = 200_000;
/** A moment without analysis, so the collection does not delay the requests that follow an open. */
const IDLE_MS = 500;
/**
 * After edits: a pause in typing. Each edit's analysis leaves its garbage (a new 650 KB version of the
 * text, its line table, the statements read again), and the heap grows back to V8's limit above the
 * live set (93–97 MB after 20 edits of the 5,000-line block: docs/performance.md); one collection in
 * the pause gives it back. Longer than after the open: a keystroke seldom waits that long for the next.
 */
const IDLE_AFTER_EDITS_MS = 1_500;

export interface MemoryRelease {
  /** A document's diagnostics were computed (for `version` of it) with its schema files read. */
  analysed(uri: string, length: number, version: number): void;
  closed(uri: string): void;
}

/**
 * One collection once the server has been idle a moment after the first analysis of a large document,
 * and one after each burst of its edits; every analysis pushes the pending collection back, and a
 * version analysed again (a pull with no edit) starts none.
 */
export function createMemoryRelease(
  collect = (globalThis as { gc?: () => void }).gc,
  idleMs = IDLE_MS,
  idleAfterEditsMs = IDLE_AFTER_EDITS_MS,
): MemoryRelease {
  /** Each large document's version the last collection (or the one pending) follows. */
  const collectedAt = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = idleMs;
  return {
    analysed(uri, length, version) {
      if (!collect || length < LARGE_DOCUMENT_CHARS) return;
      const before = collectedAt.get(uri);
      if (before === version && timer === undefined) return;
      // A new version, or any analysis while a collection waits: it waits from now (after the open: the shorter moment).
      if (before !== version) delay = before === undefined ? idleMs : idleAfterEditsMs;
      collectedAt.set(uri, version);
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        collect();
      }, delay);
    },
    closed: (uri) => void collectedAt.delete(uri),
  };
}
