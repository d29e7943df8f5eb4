/** The editor features' functions, as editor-features.ts calls them (loaded on first use through index.lazy.ts). */
export { codeActions } from './code-actions';
export { completion, resolveCompletion } from './completion';
export { documentSymbols } from './document-symbols';
export { foldingRanges } from './folding-ranges';
export { format, syntaxErrors } from './formatting';
export { hover, languageHover } from './hover';
export { inlayHints } from './inlay-hints';
export { documentHighlights, prepareRename, rename } from './references';
export { semanticTokens } from './semantic-tokens';
export { signatureHelp } from './signature-help';
