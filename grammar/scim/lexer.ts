/**
 * The singleton SCIM lexer. Built on first use (grammar/common/lazy-lexer.ts: most filters are read
 * by the fast path and never need it); `tokenize` is re-entrant.
 *
 * `positionTracking: 'onlyOffset'`: the grammar only needs offsets (diagnostics use document
 * offsets), which keeps tokens small. `ensureOptimizations` makes construction fail loudly (in the
 * test suite, not at run time for users) if a token ever defeats chevrotain's first-char
 * optimisation, which would make every token try every pattern.
 */
import type { ILexingResult } from 'chevrotain';
import { lazyLexer } from '../common/lazy-lexer';
import { allTokens } from './tokens';

export const scimLexer = lazyLexer(() => allTokens);

export function tokenizeScim(text: string): ILexingResult {
  return scimLexer.tokenize(text);
}
