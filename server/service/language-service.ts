/**
 * The language-service facade: plain functions over documents, returning LSP types. The LSP
 * adapter, the CLI and the tests use only this. It holds no editor state (only a bounded cache of
 * derived results, for incremental diagnostics) and does no I/O (schema
 * files come through the injected reader).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CheckDiagnostic } from '../checker/diagnostic';
import { analyzeMappingBlocks, type DocumentAnalysis, type MappingBlocksAnalysis } from './analysis';
import { afterEdits, bounds, unchanged } from './changed-region';
import type { TextDocumentInput, TextReplacement } from './document';
import { createEditorFeatures, type EditorFeatures } from './editor-features';
import type { SampleUserFeatures } from './sample-user-features';
import { loadSampleUserFeatures } from './sample-user-features.lazy';
import { toLspDiagnostics } from './lsp-conversion';
import { IncrementalMappingDiagnostics } from './incremental-diagnostics';
import type { SampleFileAccess } from './sample-users';
import { noSchemaFiles, type SchemaFileReader } from './schema-resolver';
import { type DocumentRef, DocumentSnapshot } from './snapshot';

/** Documents whose incremental-diagnostics state is kept. */
const INCREMENTAL_DOCUMENTS = 16;

export interface LanguageServiceOptions {
  schemaFiles?: SchemaFileReader;
  /**
   * The sample users next to a document (`*.user.json`): with them, the service evaluates mappings
   * (code lenses, the hover's value and trace, the preview); without them, those features are off.
   */
  sampleFiles?: SampleFileAccess;
  /**
   * The URI of the diagnostics reference (docs/diagnostics.md, shipped beside the server bundle);
   * each LSP diagnostic links to `#code` there. Without it, diagnostics carry no link.
   */
  diagnosticsReference?: string;
}

export { completionItemData, RenameError, semanticTokensLegend } from './editor-features';
export type { CompletionItemData, CompletionOptions, HoverOptions, InlayHintSettings, ParameterNameHints } from './editor-features';
export type { SampleUserFeatures } from './sample-user-features';
export { DocumentSnapshot } from './snapshot';

export type { DocumentAnalysis } from './analysis';
export type { TextReplacement } from './document';

/**
 * How a document's new version came from an earlier snapshot of it: the editor's content changes
 * since that snapshot, in order, as offsets. Diagnostics then know what changed without comparing
 * the texts. The edits must be exact (the LSP adapter records them as it applies them); edits that
 * do not start from the text last diagnosed, or do not add up to the new text's length, are
 * dropped, and the texts are compared.
 */
export interface DocumentChanges {
  previous: DocumentSnapshot;
  edits: readonly TextReplacement[];
}

/** Every function takes a document, or a snapshot of one the caller keeps to share work between calls. */
export interface LanguageService extends EditorFeatures, SampleUserFeatures {
  /** The checked model of a document, or undefined for a language aadmap does not handle. */
  analyze(document: DocumentRef): DocumentAnalysis | undefined;
  /**
   * The checked blocks around `offset` of an `.aadmap` document, with the document's diagnostics:
   * the whole analysis when this version has it, else only the piece holding `offset` (read and
   * checked as the whole analysis would), so a feature about one line of a large file that was just
   * edited does not wait for the whole file's check. Undefined for other languages.
   */
  analysisAround(document: DocumentRef, offset: number): MappingBlocksAnalysis | undefined;
  /** Offset-based diagnostics (the CLI's input). */
  diagnostics(document: DocumentRef): CheckDiagnostic[];
  /** LSP diagnostics (the editor's input). */
  validate(document: DocumentRef): Diagnostic[];
  /**
   * One version of a document: its parse, analysis and tokens are computed lazily, once. Keep it
   * while the document does not change and pass it instead of the document (the LSP adapter does).
   * `changes`: how this version came from an earlier snapshot, when the caller knows (an editor's
   * incremental changes); the diagnostics of a large document then cost less per edit.
   */
  snapshot(document: TextDocumentInput, version?: number, changes?: DocumentChanges): DocumentSnapshot;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const schemaFiles = options.schemaFiles ?? noSchemaFiles;
  const snapshotOf = (document: DocumentRef) =>
    document instanceof DocumentSnapshot ? document : DocumentSnapshot.of(document, schemaFiles);

  const analyze = (document: DocumentRef): DocumentAnalysis | undefined => snapshotOf(document).analysis;

  // Diagnostics of .aadmap documents reuse the previous version's work (incremental-diagnostics.ts),
  // so an edit of a large file never waits for its full analysis; the state of the last few
  // documents is kept, least recently used first out.
  const incremental = new Map<string, IncrementalMappingDiagnostics>();
  function incrementalFor(uri: string): IncrementalMappingDiagnostics {
    let state = incremental.get(uri);
    if (state) incremental.delete(uri);
    else state = new IncrementalMappingDiagnostics();
    incremental.set(uri, state);
    if (incremental.size > INCREMENTAL_DOCUMENTS) incremental.delete(incremental.keys().next().value!);
    return state;
  }

  function snapshot(document: TextDocumentInput, version?: number, changes?: DocumentChanges): DocumentSnapshot {
    const created = DocumentSnapshot.of(document, schemaFiles, version);
    if (changes && changes.previous.uri === created.uri) {
      const before = changes.previous.text.length;
      const region = afterEdits(unchanged(before), before, changes.edits, created.text.length);
      if (region) {
        const { prefix, suffix } = bounds(region, before, created.text.length);
        created.deriveFrom(changes.previous, prefix, suffix);
      }
      if (created.languageId === 'aadmap') incrementalFor(created.uri).noteEdits(changes.previous.text, changes.edits, created.text);
    }
    return created;
  }

  function diagnostics(document: DocumentRef): CheckDiagnostic[] {
    const current = snapshotOf(document);
    if (current.languageId === 'aadmap')
      return current.diagnosticsOnce(() => incrementalFor(current.uri).diagnostics(current.text, current.uri, schemaFiles));
    return current.analysis?.diagnostics ?? [];
  }

  function analysisAround(document: DocumentRef, offset: number): MappingBlocksAnalysis | undefined {
    const current = snapshotOf(document);
    if (current.languageId !== 'aadmap') return undefined;
    if (!current.hasAnalysis) {
      const found = diagnostics(current); // incremental: this also tells where the pieces are
      const piece = incrementalFor(current.uri).pieceAround(current.text, offset);
      const local = piece && analyzeMappingBlocks(current.text, piece.start, piece.end, piece.schemas, found);
      if (local) return local;
    }
    const whole = current.analysis;
    return whole?.language === 'aadmap' ? whole : undefined;
  }

  // Only a service with sample users evaluates: the evaluator is loaded then (sample-user-features.lazy.ts).
  const evaluation =
    options.sampleFiles && loadSampleUserFeatures().createSampleUserFeatures(options.sampleFiles, snapshotOf, analysisAround);

  return {
    analyze,
    analysisAround,
    diagnostics,
    validate: (document) => {
      const current = snapshotOf(document);
      const found = diagnostics(current);
      // Lines are only needed for what is reported (a clean 600 KB file skips the line table).
      return found.length === 0 ? [] : toLspDiagnostics(found, current.lines, options.diagnosticsReference);
    },
    snapshot,
    codeLenses: (document, settings) => evaluation?.codeLenses(document, settings) ?? [],
    preview: (document, settings, format) =>
      evaluation?.preview(document, settings, format) ?? { content: '# aadmap provisioning preview: no sample users here\n' },
    ...createEditorFeatures(snapshotOf, evaluation ? [evaluation.hover] : []),
  };
}
