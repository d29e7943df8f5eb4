/** Loads the `.aadmap` lexer (and with it chevrotain) on first call in the bundles: see scripts/lazy-modules.mjs. */
import * as lexer from './lexer';
export const loadMappingLexer = (): typeof lexer => lexer;
