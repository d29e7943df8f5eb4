import { lazyLexer } from '../common/lazy-lexer';
import { expressionTokens, Whitespace } from './tokens';

export const expressionTokenVocabulary = [Whitespace, ...expressionTokens];

/** One lexer for every standalone expression (building one is costly: built on first use). */
export const expressionLexer = lazyLexer(() => expressionTokenVocabulary);
