/**
 * The language-service facade: plain functions over documents, returning LSP types. The LSP
 * adapter, the CLI and the tests use only this. It holds no editor state and does no I/O (schema
 * files come through the injected reader).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CheckDiagnostic } from '../checker/diagnostic';
import type { MappingAnalysis, ScimFilterFileAnalysis } from './analysis';
import type { TextDocumentInput } from './document';
import { createEditorFeatures, type EditorFeatures, type HoverContributor } from './editor-features';
import { toLspDiagnostics } from './lsp-conversion';
import { noSchemaFiles, type SchemaFileReader } from './schema-resolver';
import { type DocumentRef, DocumentSnapshot } from './snapshot';

export interface LanguageServiceOptions {
  schemaFiles?: SchemaFileReader;
  /** Hover sections shown after the built-in one (each feature adds its own contributor). */
  hoverContributors?: readonly HoverContributor[];
}

export { RenameError, semanticTokensLegend } from './editor-features';
export type { CompletionOptions, HoverContributor, HoverSection, InlayHintSettings, ParameterNameHints } from './editor-features';
export { DocumentSnapshot } from './snapshot';

export type DocumentAnalysis = MappingAnalysis | ScimFilterFileAnalysis;

/** Every function takes a document, or a snapshot of one the caller keeps to share work between calls. */
export interface LanguageService extends EditorFeatures {
  /** The checked model of a document, or undefined for a language aadmap does not handle. */
  analyze(document: DocumentRef): DocumentAnalysis | undefined;
  /** Offset-based diagnostics (the CLI's input). */
  diagnostics(document: DocumentRef): CheckDiagnostic[];
  /** LSP diagnostics (the editor's input). */
  validate(document: DocumentRef): Diagnostic[];
  /**
   * One version of a document: its parse, analysis and tokens are computed lazily, once. Keep it
   * while the document does not change and pass it instead of the document (the LSP adapter does).
   */
  snapshot(document: TextDocumentInput, version?: number): DocumentSnapshot;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const schemaFiles = options.schemaFiles ?? noSchemaFiles;
  const snapshot = (document: TextDocumentInput, version?: number) => DocumentSnapshot.of(document, schemaFiles, version);
  const snapshotOf = (document: DocumentRef) => (document instanceof DocumentSnapshot ? document : snapshot(document));

  const analyze = (document: DocumentRef): DocumentAnalysis | undefined => snapshotOf(document).analysis;
  const diagnostics = (document: DocumentRef): CheckDiagnostic[] => analyze(document)?.diagnostics ?? [];

  return {
    analyze,
    diagnostics,
    validate: (document) => {
      const current = snapshotOf(document);
      return toLspDiagnostics(diagnostics(current), current.lines);
    },
    snapshot,
    ...createEditorFeatures(snapshotOf, options.hoverContributors),
  };
}
