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

export interface MemoryRelease {
  /** A document's diagnostics were computed with its schema files read. */
  analysed(uri: string, length: number): void;
  closed(uri: string): void;
}

export function createMemoryRelease(collect = (globalThis as { gc?: () => void }).gc, idleMs = IDLE_MS): MemoryRelease {
  const released = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    analysed(uri, length) {
      if (!collect || length < LARGE_DOCUMENT_CHARS || released.has(uri)) return;
      released.add(uri);
      clearTimeout(timer);
      timer = setTimeout(collect, idleMs);
    },
    closed: (uri) => released.delete(uri),
  };
}
