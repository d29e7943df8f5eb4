import { Lexer } from 'chevrotain';
import { SKIP_GRAMMAR_VALIDATIONS } from '../common/build-mode';
import { expressionTokens, Whitespace } from './tokens';

export const expressionTokenVocabulary = [Whitespace, ...expressionTokens];

/** One lexer for every standalone expression (building one is costly). */
export const expressionLexer = new Lexer(expressionTokenVocabulary, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: SKIP_GRAMMAR_VALIDATIONS,
});
