/**
 * Chevrotain validates a grammar each time a lexer or parser is built (ambiguities, left recursion,
 * unreachable tokens …): most of the start-up cost of the language server. The grammars are
 * constant, so the checks only need to run where the grammars are developed: in the tests and the
 * development bundles. The production bundles (esbuild --production defines __AADMAP_PRODUCTION__)
 * skip them.
 */
declare const __AADMAP_PRODUCTION__: boolean | undefined;

export const SKIP_GRAMMAR_VALIDATIONS: boolean = typeof __AADMAP_PRODUCTION__ === 'boolean' && __AADMAP_PRODUCTION__;
