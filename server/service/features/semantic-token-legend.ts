/**
 * The semantic-token legend the server announces in its capabilities (apart from semantic-tokens.ts,
 * which needs the lexers: the legend is read before the server answers `initialize`).
 */
import type { SemanticTokensLegend } from 'vscode-languageserver-types';

export const SEMANTIC_TOKEN_TYPES = [
  'function',
  'property',
  'variable',
  'string',
  'number',
  'operator',
  'keyword',
  'comment',
  'enumMember',
  'type',
  'namespace',
] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'deprecated', 'unresolved'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};
