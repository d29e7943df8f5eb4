/** The input of every language-service function: a document's identity and text. */
export interface TextDocumentInput {
  /** A URI (`file:///…/a.aadmap`) or a display name for text that is not a file (`<expr>`). */
  uri: string;
  text: string;
  /** `aadmap` or `scimfilter`; derived from the URI's extension when absent. */
  languageId?: string;
}

export type LanguageId = 'aadmap' | 'scimfilter';

export function languageOf(document: TextDocumentInput): LanguageId | undefined {
  if (document.languageId === 'aadmap' || document.languageId === 'scimfilter') return document.languageId;
  const path = document.uri.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.aadmap')) return 'aadmap';
  if (path.endsWith('.scimfilter')) return 'scimfilter';
  return undefined;
}

/**
 * One replacement, in offsets of the text it was applied to: text[start, end) became `length`
 * characters (an editor's incremental content change, converted by the LSP adapter).
 */
export interface TextReplacement {
  start: number;
  end: number;
  length: number;
}
