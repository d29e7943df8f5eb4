/**
 * The language-service facade: plain functions over documents, returning LSP types. The LSP
 * adapter, the CLI and the tests use only this. It holds no editor state and does no I/O (schema
 * files come through the injected reader).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import type { CheckDiagnostic } from '../checker/diagnostic';
import { analyzeMappingText, analyzeScimFilterText, type MappingAnalysis, type ScimFilterFileAnalysis } from './analysis';
import { languageOf, type TextDocumentInput } from './document';
import { toLspDiagnostics } from './lsp-conversion';
import { noSchemaFiles, type SchemaFileReader } from './schema-resolver';

export interface LanguageServiceOptions {
  schemaFiles?: SchemaFileReader;
}

export type DocumentAnalysis = MappingAnalysis | ScimFilterFileAnalysis;

export interface LanguageService {
  /** The checked model of a document, or undefined for a language aadmap does not handle. */
  analyze(document: TextDocumentInput): DocumentAnalysis | undefined;
  /** Offset-based diagnostics (the CLI's input). */
  diagnostics(document: TextDocumentInput): CheckDiagnostic[];
  /** LSP diagnostics (the editor's input). */
  validate(document: TextDocumentInput): Diagnostic[];
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const schemaFiles = options.schemaFiles ?? noSchemaFiles;

  function analyze(document: TextDocumentInput): DocumentAnalysis | undefined {
    switch (languageOf(document)) {
      case 'aadmap':
        return analyzeMappingText(document.text, document.uri, schemaFiles);
      case 'scimfilter':
        return analyzeScimFilterText(document.text);
      default:
        return undefined;
    }
  }

  function diagnostics(document: TextDocumentInput): CheckDiagnostic[] {
    return analyze(document)?.diagnostics ?? [];
  }

  return {
    analyze,
    diagnostics,
    validate: (document) => toLspDiagnostics(diagnostics(document), new LineIndex(document.text)),
  };
}
