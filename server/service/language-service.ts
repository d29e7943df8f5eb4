/**
 * The language-service facade: plain functions over documents, returning LSP types. The LSP
 * adapter, the CLI and the tests use only this. It holds no editor state (only a bounded cache of
 * derived results, for incremental diagnostics) and does no I/O (schema
 * files come through the injected reader).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import type { CheckDiagnostic } from '../checker/diagnostic';
import { analyzeMappingText, analyzeScimFilterText, type MappingAnalysis, type ScimFilterFileAnalysis } from './analysis';
import { languageOf, type TextDocumentInput } from './document';
import { toLspDiagnostics } from './lsp-conversion';
import { IncrementalMappingDiagnostics } from './incremental-diagnostics';
import { noSchemaFiles, type SchemaFileReader } from './schema-resolver';

/** Documents whose incremental-diagnostics state is kept. */
const INCREMENTAL_DOCUMENTS = 16;

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

  // Diagnostics of .aadmap documents reuse the previous version's work (incremental-diagnostics.ts);
  // the state of the last few documents is kept, least recently used first out.
  const incremental = new Map<string, IncrementalMappingDiagnostics>();
  function incrementalFor(uri: string): IncrementalMappingDiagnostics {
    let state = incremental.get(uri);
    if (state) incremental.delete(uri);
    else state = new IncrementalMappingDiagnostics();
    incremental.set(uri, state);
    if (incremental.size > INCREMENTAL_DOCUMENTS) incremental.delete(incremental.keys().next().value!);
    return state;
  }

  function diagnostics(document: TextDocumentInput): CheckDiagnostic[] {
    if (languageOf(document) === 'aadmap') return incrementalFor(document.uri).diagnostics(document.text, document.uri, schemaFiles);
    return analyze(document)?.diagnostics ?? [];
  }

  return {
    analyze,
    diagnostics,
    validate: (document) => {
      const found = diagnostics(document);
      // Lines are only needed for what is reported (a clean 600 KB file skips the line table).
      return found.length === 0 ? [] : toLspDiagnostics(found, new LineIndex(document.text));
    },
  };
}
