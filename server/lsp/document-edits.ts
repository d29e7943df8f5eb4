/**
 * The open documents' incremental content changes, recorded as offsets while TextDocuments applies
 * them, so that a new snapshot can tell the language service what changed since the previous one
 * (DocumentChanges) instead of the service comparing two 600 KB texts on every keystroke.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextReplacement } from '../service/language-service';

/** Past this many edits without a snapshot, a document's log stops recording (the texts get compared). */
const MAX_EDITS = 10_000;

interface EditLog {
  /** The document version the edits start from. */
  from: number;
  /** Undefined once a change could not be recorded (a full-text change, too many edits). */
  edits: TextReplacement[] | undefined;
}

export class DocumentEdits {
  private readonly logs = new Map<string, EditLog>();

  /** A TextDocuments configuration that applies changes as TextDocument does, recording each. */
  readonly configuration: TextDocumentsConfiguration<TextDocument> = {
    create: TextDocument.create,
    update: (document, changes, version) => {
      let log = this.logs.get(document.uri);
      if (!log) this.logs.set(document.uri, (log = { from: document.version, edits: [] }));
      // One change at a time: each range is in the text the changes before it produced.
      for (const change of changes) {
        log.edits = this.recorded(document, change, log.edits);
        TextDocument.update(document, [change], version);
      }
      if (changes.length === 0) TextDocument.update(document, [], version);
      return document;
    },
  };

  private recorded(document: TextDocument, change: TextDocumentContentChangeEvent, edits: TextReplacement[] | undefined) {
    if (!edits || !('range' in change) || !change.range || edits.length >= MAX_EDITS) return undefined;
    // TextDocument swaps a range given end first; offsets are monotonic in positions, so min/max do the same.
    const a = document.offsetAt(change.range.start);
    const b = document.offsetAt(change.range.end);
    edits.push({ start: Math.min(a, b), end: Math.max(a, b), length: change.text.length });
    return edits;
  }

  /**
   * The edits that made the document's current text from its version `from`, or undefined when they
   * are not all known. The log then starts afresh at the current version.
   */
  take(uri: string, from: number | undefined): TextReplacement[] | undefined {
    const log = this.logs.get(uri);
    this.logs.delete(uri);
    return log && from !== undefined && log.from === from ? log.edits : undefined;
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }
}
