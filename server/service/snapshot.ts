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
import { type BlockLines, editedBlockLines, readBlockLines } from './block-lines';

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
  /** The version before this one and what did not change since (deriveFrom), until what is derived from it is made. */
  private from?: { previous: DocumentSnapshot; prefix: number; suffix: number };
  private parse?: MappingFileParseResult;
  private checked?: DocumentAnalysis | null;
  private resolved?: ResolvedSchemas;
  private lexed?: FileTokens;
  private extensions?: string[];
  private braceList?: number[];
  /** Summaries of blocks' lines, by the offset of the block's `{` (block-lines.ts). */
  private readonly blockLineList = new Map<number, BlockLines>();
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
      const from = this.from;
      const previous = from?.previous.lineIndex;
      this.lineIndex = from && previous ? LineIndex.edited(previous, this.text, from.prefix, from.suffix) : new LineIndex(this.text);
    }
    return this.lineIndex;
  }

  /**
   * Makes this version's line index, brace offsets and block summaries, when first needed, from
   * `previous`'s (those it has): this text equals `previous.text` in its first `prefix` and last
   * `suffix` characters (not overlapping). A keystroke in a large document then costs what changed,
   * not a read of the whole text, for each of them.
   */
  deriveFrom(previous: DocumentSnapshot, prefix: number, suffix: number): void {
    // What `previous` derives from its own previous version is made now: one version is kept, never a chain.
    previous.settle();
    this.from = { previous, prefix, suffix };
  }

  /** Makes what is derived from the previous version (deriveFrom) and lets that version go. */
  private settle(): void {
    const from = this.from;
    if (!from) return;
    const previous = from.previous;
    if (previous.lineIndex) void this.lines;
    if (previous.braceList) void this.braces;
    if (previous.extensions) void this.extensionAttributes;
    for (const openBrace of [...previous.blockLineList.keys()]) if (openBrace < from.prefix) this.derivedBlockLines(openBrace);
    this.from = undefined;
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
      const from = this.from;
      const previous = from?.previous.braceList;
      this.braceList =
        from && previous ? editedBraces(previous, from.previous.text, this.text, from.prefix, from.suffix) : bracesOf(this.text);
    }
    return this.braceList;
  }

  /** The lines of the block whose `{` is at `openBrace` (the previous version's summary, edited, when it has one). */
  blockLines(openBrace: number): BlockLines {
    return this.blockLineList.get(openBrace) ?? this.derivedBlockLines(openBrace) ?? this.keepBlockLines(readBlockLines(this, openBrace));
  }

  private derivedBlockLines(openBrace: number): BlockLines | undefined {
    const from = this.from;
    const previous = from?.previous.blockLineList.get(openBrace);
    if (!from || !previous) return undefined;
    // The summary changes hands: the previous version reads its block again if asked.
    from.previous.blockLineList.delete(openBrace);
    const edited = editedBlockLines(previous, from.previous.text, this, from.prefix, from.suffix);
    return edited && this.keepBlockLines(edited);
  }

  private keepBlockLines(lines: BlockLines): BlockLines {
    this.blockLineList.set(lines.openBrace, lines);
    return lines;
  }

  /**
   * Directory extension attributes (`extension_<appId>_<name>`) the file already uses, each in its
   * most frequent spelling (they are case-sensitive and cannot be checked offline).
   */
  get extensionAttributes(): string[] {
    if (!this.extensions) {
      const from = this.from;
      // An edit whose lines hold no extension name before or after leaves the list as it was.
      if (from?.previous.extensions && !editTouches(from.previous.text, this.text, from.prefix, from.suffix, 'extension_'))
        return (this.extensions = from.previous.extensions);
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

/** Offsets of every `{` and `}` of `text`: two indexOf walks merged, half the time of a /[{}]/g scan over a large document. */
function bracesOf(text: string): number[] {
  const list: number[] = [];
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
  return list;
}

/**
 * The brace offsets of `text`, which equals `previousText` in its first `prefix` and last `suffix`
 * characters, from `previous` (those of `previousText`): the ones before the change kept, the changed
 * characters read, the ones after moved. Equal to bracesOf(text).
 */
function editedBraces(previous: readonly number[], previousText: string, text: string, prefix: number, suffix: number): number[] {
  const list: number[] = [];
  let i = 0;
  while (i < previous.length && previous[i]! < prefix) list.push(previous[i++]!);
  const changeEnd = text.length - suffix;
  for (let at = prefix; at < changeEnd; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x7b || c === 0x7d) list.push(at);
  }
  const oldChangeEnd = previousText.length - suffix;
  const delta = text.length - previousText.length;
  while (i < previous.length && previous[i]! < oldChangeEnd) i++;
  for (; i < previous.length; i++) list.push(previous[i]! + delta);
  return list;
}

/**
 * Whether `word` (no line break in it) occurs on a line an edit touched, before or after it: the
 * lines around the changed characters of both texts (`text` equals `previousText` in its first
 * `prefix` and last `suffix` characters).
 */
function editTouches(previousText: string, text: string, prefix: number, suffix: number, word: string): boolean {
  const around = (of: string, changeEnd: number) => {
    const start = of.lastIndexOf('\n', prefix - 1) + 1;
    const end = of.indexOf('\n', changeEnd);
    return of.slice(start, end < 0 ? of.length : end).includes(word);
  };
  return around(previousText, previousText.length - suffix) || around(text, text.length - suffix);
}

/** What the facade's functions accept: a document, or a snapshot the caller keeps. */
export type DocumentRef = TextDocumentInput | DocumentSnapshot;
