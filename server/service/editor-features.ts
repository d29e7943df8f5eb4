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
import { codeActions } from './features/code-actions';
import { completion, type CompletionOptions, resolveCompletion } from './features/completion';
import { documentSymbols } from './features/document-symbols';
import { foldingRanges } from './features/folding-ranges';
import { format, type FormatBlocker, syntaxErrors } from './features/formatting';
import { hover, type HoverContributor, type HoverOptions, languageHover } from './features/hover';
import { inlayHints, type InlayHintSettings } from './features/inlay-hints';
import { documentHighlights, prepareRename, rename } from './features/references';
import { semanticTokens } from './features/semantic-tokens';
import { signatureHelp } from './features/signature-help';
import type { DocumentRef, DocumentSnapshot } from './snapshot';

export type { CompletionItemData, CompletionOptions } from './features/completion';
export { completionItemData } from './features/completion';
export type { FormatBlocker } from './features/formatting';
export type { HoverOptions } from './features/hover';
export type { InlayHintSettings, ParameterNameHints } from './features/inlay-hints';
export { semanticTokensLegend } from './features/semantic-tokens';
export { RenameError } from './features/references';

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
  // The value for the sample user first (what the engineer hovers for), then what the token is.
  const hoverContributors = [...moreHover, languageHover];
  return {
    completion: (document, position, options) => completion(snapshotOf(document), position, options),
    resolveCompletion: (document, item) => resolveCompletion(snapshotOf(document), item),
    hover: (document, position, options) => hover(snapshotOf(document), position, hoverContributors, options),
    signatureHelp: (document, position) => signatureHelp(snapshotOf(document), position),
    inlayHints: (document, range, settings) => inlayHints(snapshotOf(document), range, settings),
    codeActions: (document, range, context) => codeActions(snapshotOf(document), range, context),
    format: (document, options, range) => format(snapshotOf(document), options, range),
    formatBlockers: (document) => syntaxErrors(snapshotOf(document)),
    documentSymbols: (document) => documentSymbols(snapshotOf(document)),
    foldingRanges: (document) => foldingRanges(snapshotOf(document)),
    semanticTokens: (document, range) => semanticTokens(snapshotOf(document), range),
    documentHighlights: (document, position) => documentHighlights(snapshotOf(document), position),
    prepareRename: (document, position) => prepareRename(snapshotOf(document), position),
    rename: (document, position, newName) => rename(snapshotOf(document), position, newName),
  };
}
