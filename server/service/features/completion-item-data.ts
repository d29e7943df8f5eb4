/**
 * What a schema attribute's completion item carries instead of its documentation, which the server
 * adds on `completionItem/resolve` (completion.ts). Apart from completion.ts so the LSP adapter can
 * read it without loading the editor features (they load on first use: index.lazy.ts).
 */
import type { CompletionItem } from 'vscode-languageserver-types';

/** What a deferred item carries for `resolveCompletion`: the document and the schema attribute it names. */
export interface CompletionItemData {
  uri: string;
  side: 'source' | 'target';
  /** The schema object's name (as the schema spells it). */
  object: string;
  attribute: string;
}

/** The data of an item this service deferred, or undefined (the client sends it back as it got it, or not at all). */
export function completionItemData(item: CompletionItem): CompletionItemData | undefined {
  const data = item.data as Partial<CompletionItemData> | null | undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  const { uri, side, object, attribute } = data;
  if (typeof uri !== 'string' || (side !== 'source' && side !== 'target')) return undefined;
  return typeof object === 'string' && typeof attribute === 'string' ? { uri, side, object, attribute } : undefined;
}
