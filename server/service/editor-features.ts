/**
 * The editor features of the language-service facade: plain functions over a document (or a
 * snapshot the caller keeps), returning LSP types. Each lives in its own file under features/;
 * this file only binds them to the service's snapshots and options.
 */
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Position,
  Range,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { CompletionOptions } from './features/completion';
import type { FormatBlocker } from './features/formatting';
import type { HoverContributor, HoverOptions } from './features/hover';
import type { InlayHintSettings } from './features/inlay-hints';
import { loadFeatures } from './features/index.lazy';
import type { DocumentRef, DocumentSnapshot } from './snapshot';

export type { CompletionOptions } from './features/completion';
export { completionItemData, type CompletionItemData } from './features/completion-item-data';
export type { FormatBlocker } from './features/formatting';
export type { HoverOptions } from './features/hover';
export type { InlayHintSettings, ParameterNameHints } from './features/inlay-hints';
export { semanticTokensLegend } from './features/semantic-token-legend';
export { RenameError } from './features/rename-error';

export interface EditorFeatures {
  completion(document: DocumentRef, position: Position, options?: CompletionOptions): CompletionList | null;
  /** An item of a `completion` list made with `resolve: true`, with the documentation it deferred (`completionItemData(item).uri` names the document). */
  resolveCompletion(document: DocumentRef, item: CompletionItem): CompletionItem;
  /** What is under the cursor, then (with sample files and a sample user) its value and evaluation trace. */
  hover(document: DocumentRef, position: Position, options?: HoverOptions): Hover | null;
  signatureHelp(document: DocumentRef, position: Position): SignatureHelp | null;
  inlayHints(document: DocumentRef, range: Range, settings?: InlayHintSettings): InlayHint[];
  codeActions(document: DocumentRef, range: Range, context: CodeActionContext): CodeAction[];
  /** Whole-document formatting, or the lines of `range`. */
  format(document: DocumentRef, options: FormattingOptions, range?: Range): TextEdit[];
  /** The syntax errors whose statements or lines `format` keeps as written (empty: it formats everything). */
  formatBlockers(document: DocumentRef): FormatBlocker[];
  documentSymbols(document: DocumentRef): DocumentSymbol[];
  foldingRanges(document: DocumentRef): FoldingRange[];
  semanticTokens(document: DocumentRef, range?: Range): SemanticTokens;
  documentHighlights(document: DocumentRef, position: Position): DocumentHighlight[];
  prepareRename(document: DocumentRef, position: Position): { range: Range; placeholder: string } | null;
  /** Throws RenameError for a name that cannot be an attribute name. */
  rename(document: DocumentRef, position: Position, newName: string): WorkspaceEdit | null;
}

export function createEditorFeatures(
  snapshotOf: (document: DocumentRef) => DocumentSnapshot,
  /** Hover sections after the built-in one (the evaluation section, when the service has sample files). */
  moreHover: readonly HoverContributor[] = [],
): EditorFeatures {
  // The features (and the lexers they read) are loaded on first use (features/index.lazy.ts), so a
  // server answers `initialize`, and `aadmap check` runs, without initialising them (docs/performance.md).
  const f = loadFeatures;
  // The value for the sample user first (what the engineer hovers for), then what the token is.
  let hoverContributors: readonly HoverContributor[] | undefined;
  return {
    completion: (document, position, options) => f().completion(snapshotOf(document), position, options),
    resolveCompletion: (document, item) => f().resolveCompletion(snapshotOf(document), item),
    hover: (document, position, options) =>
      f().hover(snapshotOf(document), position, (hoverContributors ??= [...moreHover, f().languageHover]), options),
    signatureHelp: (document, position) => f().signatureHelp(snapshotOf(document), position),
    inlayHints: (document, range, settings) => f().inlayHints(snapshotOf(document), range, settings),
    codeActions: (document, range, context) => f().codeActions(snapshotOf(document), range, context),
    format: (document, options, range) => f().format(snapshotOf(document), options, range),
    formatBlockers: (document) => f().syntaxErrors(snapshotOf(document)),
    documentSymbols: (document) => f().documentSymbols(snapshotOf(document)),
    foldingRanges: (document) => f().foldingRanges(snapshotOf(document)),
    semanticTokens: (document, range) => f().semanticTokens(snapshotOf(document), range),
    documentHighlights: (document, position) => f().documentHighlights(snapshotOf(document), position),
    prepareRename: (document, position) => f().prepareRename(snapshotOf(document), position),
    rename: (document, position, newName) => f().rename(snapshotOf(document), position, newName),
  };
}
