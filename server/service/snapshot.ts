/**
 * One version of one document, with everything the editor features read from it computed lazily
 * and at most once: line index, token stream, syntax tree, checked analysis, schemas. The LSP
 * adapter keeps one snapshot per open document version, so a burst of requests (completion, hover,
 * signature help, diagnostics) shares one parse and one check instead of redoing them.
 *
 * The cheap features (completion, hover, signature help, inlay hints) never force the full parse or
 * the check: they read the statement around the cursor (grammar/mapping/statement-view.ts), so they stay
 * fast on a freshly edited 5,000-mapping file whose full analysis takes seconds.
 */
import type { IToken } from 'chevrotain';
import { LineIndex } from '../../grammar/common/line-index';
import { type MappingFileParseResult, parseMappingFile } from '../../grammar/mapping/index';
import { loadMappingLexer } from '../../grammar/mapping/lexer.lazy';
import { type CheckDiagnostic, DiagnosticSink } from '../checker/diagnostic';
import type { ResolvedSchemas } from '../checker/mapping/context';
import { isDirectoryExtensionAttribute } from '../schema/azure-ad';
import { BUILTIN_SOURCE } from '../schema/index';
import { analyzeMappingText, analyzeScimFilterText, type DocumentAnalysis } from './analysis';
import { languageOf, type LanguageId, type TextDocumentInput } from './document';
import { DEFAULT_TARGET, resolveSchemas, type SchemaFileReader } from './schema-resolver';

/** The raw token stream of a `.aadmap` file: every token including line breaks, plus comments. */
export interface FileTokens {
  tokens: IToken[];
  comments: IToken[];
  /** Offsets of characters the lexer could not read (their lines are never reformatted). */
  errorOffsets: number[];
}

export class DocumentSnapshot {
  readonly languageId: LanguageId | undefined;
  private lineIndex?: LineIndex;
  /** An earlier version's index and what did not change since (deriveLinesFrom). */
  private linesFrom?: { previous: LineIndex; prefix: number; suffix: number };
  private parse?: MappingFileParseResult;
  private checked?: DocumentAnalysis | null;
  private resolved?: ResolvedSchemas;
  private lexed?: FileTokens;
  private extensions?: string[];
  private braceList?: number[];
  private diagnosticList?: CheckDiagnostic[];

  constructor(
    readonly uri: string,
    readonly text: string,
    languageId: string | undefined,
    private readonly schemaFiles: SchemaFileReader,
    /** The editor's version number, when there is one (informational). */
    readonly version?: number,
  ) {
    this.languageId = languageOf({ uri, text, languageId });
  }

  static of(document: TextDocumentInput, schemaFiles: SchemaFileReader, version?: number): DocumentSnapshot {
    return new DocumentSnapshot(document.uri, document.text, document.languageId, schemaFiles, version);
  }

  get lines(): LineIndex {
    if (!this.lineIndex) {
      const from = this.linesFrom;
      this.linesFrom = undefined;
      this.lineIndex = from ? LineIndex.edited(from.previous, this.text, from.prefix, from.suffix) : new LineIndex(this.text);
    }
    return this.lineIndex;
  }

  /**
   * Makes this version's line index, when first needed, from `previous`'s (if it has one): this
   * text equals `previous.text` in its first `prefix` and last `suffix` characters (not overlapping).
   */
  deriveLinesFrom(previous: DocumentSnapshot, prefix: number, suffix: number): void {
    if (previous.lineIndex && !this.lineIndex) this.linesFrom = { previous: previous.lineIndex, prefix, suffix };
  }

  /** This version's diagnostics, computed by `compute` on first use (the facade computes them incrementally). */
  diagnosticsOnce(compute: () => CheckDiagnostic[]): CheckDiagnostic[] {
    return (this.diagnosticList ??= compute());
  }

  /** The syntax tree of a `.aadmap` file (shared with the analysis). */
  get parsed(): MappingFileParseResult {
    return (this.parse ??= parseMappingFile(this.text));
  }

  /** Whether the checked model has been computed for this version (reading `analysis` computes it). */
  get hasAnalysis(): boolean {
    return this.checked !== undefined;
  }

  /** The checked model; undefined for a language aadmap does not handle. */
  get analysis(): DocumentAnalysis | undefined {
    if (this.checked === undefined) {
      switch (this.languageId) {
        case 'aadmap': {
          const analysis = analyzeMappingText(this.text, this.uri, this.schemaFiles, this.parsed);
          this.resolved ??= analysis.schemas;
          this.checked = analysis;
          break;
        }
        case 'scimfilter':
          this.checked = analyzeScimFilterText(this.text);
          break;
        default:
          this.checked = null;
      }
    }
    return this.checked ?? undefined;
  }

  /**
   * The source and target schemas of a `.aadmap` file. Without the analysis at hand, only the
   * `target` statement is read (one short line), not the whole file.
   */
  get schemas(): ResolvedSchemas {
    if (this.resolved) return this.resolved;
    if (this.checked && this.checked.language === 'aadmap') return (this.resolved = this.checked.schemas);
    if (this.languageId === 'scimfilter') return (this.resolved = { source: BUILTIN_SOURCE, target: DEFAULT_TARGET });
    const statement = /^[ \t]*target\b[^\r\n]*/m.exec(this.text);
    const file = parseMappingFile(statement ? statement[0] : '').ast;
    this.resolved = resolveSchemas(file, this.uri, this.schemaFiles, new DiagnosticSink());
    return this.resolved;
  }

  /** Every token of a `.aadmap` file, line breaks included (lexed once, on first use). */
  get tokens(): FileTokens {
    if (!this.lexed) {
      const lexed = loadMappingLexer().mappingLexer.tokenize(this.text);
      this.lexed = { tokens: lexed.tokens, comments: lexed.groups['comments'] ?? [], errorOffsets: lexed.errors.map((e) => e.offset) };
    }
    return this.lexed;
  }

  /** Offsets of every `{` and `}` character (strings and comments included; callers filter). */
  get braces(): number[] {
    if (!this.braceList) {
      // Two indexOf walks merged: half the time of a /[{}]/g scan over a large document.
      const list: number[] = [];
      const text = this.text;
      let open = text.indexOf('{');
      let close = text.indexOf('}');
      while (open >= 0 || close >= 0) {
        if (close < 0 || (open >= 0 && open < close)) {
          list.push(open);
          open = text.indexOf('{', open + 1);
        } else {
          list.push(close);
          close = text.indexOf('}', close + 1);
        }
      }
      this.braceList = list;
    }
    return this.braceList;
  }

  /**
   * Directory extension attributes (`extension_<appId>_<name>`) the file already uses, each in its
   * most frequent spelling (they are case-sensitive and cannot be checked offline).
   */
  get extensionAttributes(): string[] {
    if (!this.extensions) {
      const counts = new Map<string, Map<string, number>>();
      for (const match of this.text.matchAll(/\[(extension_[^\]\r\n]*)\]/g)) {
        const name = match[1]!;
        if (!isDirectoryExtensionAttribute(name)) continue;
        const key = name.toLowerCase();
        const spellings = counts.get(key) ?? new Map<string, number>();
        spellings.set(name, (spellings.get(name) ?? 0) + 1);
        counts.set(key, spellings);
      }
      this.extensions = [...counts.values()].map(
        (spellings) => [...spellings.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0],
      );
    }
    return this.extensions;
  }
}

/** What the facade's functions accept: a document, or a snapshot the caller keeps. */
export type DocumentRef = TextDocumentInput | DocumentSnapshot;
