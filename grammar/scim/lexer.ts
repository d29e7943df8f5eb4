/**
 * The singleton SCIM lexer. Built once at module load; `tokenize` is re-entrant.
 *
 * `positionTracking: 'onlyOffset'`: the grammar only needs offsets (diagnostics use document
 * offsets), which keeps tokens small. `ensureOptimizations` makes construction fail loudly (in the
 * test suite, not at run time for users) if a token ever defeats chevrotain's first-char
 * optimisation, which would make every token try every pattern.
 */
import { Lexer, type ILexingResult } from 'chevrotain';
import { SKIP_GRAMMAR_VALIDATIONS } from '../common/build-mode';
import { allTokens } from './tokens';

export const scimLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: SKIP_GRAMMAR_VALIDATIONS,
});

export function tokenizeScim(text: string): ILexingResult {
  return scimLexer.tokenize(text);
}
