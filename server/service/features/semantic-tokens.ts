/**
 * Semantic tokens: functions, attributes, target paths, strings, numbers, operators, keywords and
 * comments, with known names marked `defaultLibrary` (catalogue functions, schema attributes) and
 * unknown ones `unresolved`, so a theme can tell `Switch` from `Swtich` before the diagnostics come.
 * Whole documents and line ranges (editors ask for the visible range of a large file first).
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Range, SemanticTokens } from 'vscode-languageserver-types';
import { mappingLexer } from '../../../grammar/mapping/lexer';
import { scimLexer } from '../../../grammar/scim/lexer';
import { isDirectoryExtensionAttribute } from '../../schema/azure-ad';
import { findAttribute, findObject, findTargetAttribute } from '../../schema/lookup';
import type { ObjectSchema } from '../../schema/types';
import type { DocumentSnapshot } from '../snapshot';
import { functionsOf } from './calls';
import { VB_COMPARE_NAMES } from './descriptions';
import {
  AttributeRef,
  ComparisonOperator,
  HexLiteral,
  Identifier,
  LParen,
  NumberLiteral,
  SingleQuotedString,
  StringLiteral,
  UnterminatedAttributeRef,
  UnterminatedString,
} from '../../../grammar/expression/tokens';
import { Arrow, keywordOf, LBrace, LeftArrow, Newline, RBrace, ScopeOperator, TargetPath } from '../../../grammar/mapping/tokens';
import * as Scim from '../../../grammar/scim/tokens';
import { containerAt, is, isKeyword } from '../../../grammar/mapping/statement-view';
import {
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type SemanticTokenModifier,
  type SemanticTokenType,
} from './semantic-token-legend';

export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokensLegend } from './semantic-token-legend';
export type { SemanticTokenModifier, SemanticTokenType } from './semantic-token-legend';

export interface ClassifiedToken {
  start: number;
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

export function semanticTokens(snapshot: DocumentSnapshot, range?: Range): SemanticTokens {
  return { data: encode(snapshot, classifyTokens(snapshot, range)) };
}

/** The classified tokens (for tests and for `semanticTokens`), in document order. */
function classifyTokens(snapshot: DocumentSnapshot, range?: Range): ClassifiedToken[] {
  if (snapshot.languageId === 'aadmap') return classifyMapping(snapshot, range);
  if (snapshot.languageId === 'scimfilter') return classifyScim(snapshot, range);
  return [];
}

function encode(snapshot: DocumentSnapshot, tokens: ClassifiedToken[]): number[] {
  const data: number[] = [];
  const lines = snapshot.lines;
  let line = 0;
  let character = 0;
  // Tokens come in document order: walk the line starts instead of searching for each token.
  let current = 0;
  let nextLineStart = lines.lineCount > 1 ? lines.lineStart(1) : Infinity;
  for (const token of tokens) {
    if (token.start >= nextLineStart) {
      current = lines.positionAt(token.start).line;
      nextLineStart = current + 1 < lines.lineCount ? lines.lineStart(current + 1) : Infinity;
    }
    const position = { line: current, character: token.start - lines.lineStart(current) };
    const deltaLine = position.line - line;
    const deltaStart = deltaLine === 0 ? position.character - character : position.character;
    let modifiers = 0;
    for (const m of token.modifiers) modifiers |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
    data.push(deltaLine, deltaStart, token.length, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    line = position.line;
    character = position.character;
  }
  return data;
}

// ───────────────────────────────────────────── .aadmap

interface Block {
  kind: 'mapping' | 'scope' | 'other';
  source?: ObjectSchema;
  target?: ObjectSchema;
}

function lineRange(snapshot: DocumentSnapshot, range: Range | undefined): { start: number; end: number } {
  if (!range) return { start: 0, end: snapshot.text.length };
  const lines = snapshot.lines;
  const start = lines.lineStart(range.start.line);
  const end = range.end.line + 1 < lines.lineCount ? lines.lineStart(range.end.line + 1) : snapshot.text.length;
  return { start, end };
}

function classifyMapping(snapshot: DocumentSnapshot, range: Range | undefined): ClassifiedToken[] {
  const { start, end } = lineRange(snapshot, range);
  const functions = functionsOf(snapshot);
  let tokens: IToken[];
  let comments: IToken[];
  if (range) {
    const lexed = mappingLexer.tokenize(snapshot.text.slice(start, end));
    const shift = (t: IToken): IToken => ({ ...t, startOffset: t.startOffset + start });
    tokens = lexed.tokens.map(shift);
    comments = (lexed.groups['comments'] ?? []).map(shift);
  } else {
    tokens = snapshot.tokens.tokens;
    comments = snapshot.tokens.comments;
  }
  const objects = (source?: string, target?: string): Pick<Block, 'source' | 'target'> => ({
    source: findObject(snapshot.schemas.source, source ?? 'User'),
    target: snapshot.schemas.target ? findObject(snapshot.schemas.target, target ?? 'User') : undefined,
  });
  // The blocks open at the first line (a range may start inside one).
  const stack: Block[] = [];
  if (range) {
    const container = containerAt(snapshot, start);
    if (container.kind !== 'file') {
      const header = container.header;
      stack.push({ kind: 'mapping', ...objects(header?.sourceObject, header?.targetObject) });
      if (container.kind === 'scope') stack.push({ kind: 'scope' });
    }
  }

  const result: ClassifiedToken[] = [];
  const push = (
    token: IToken,
    type: SemanticTokenType,
    first?: SemanticTokenModifier,
    second?: SemanticTokenModifier,
    third?: SemanticTokenModifier,
  ) => {
    const modifiers: SemanticTokenModifier[] = [];
    if (first) modifiers.push(first);
    if (second) modifiers.push(second);
    if (third) modifiers.push(third);
    result.push({ start: token.startOffset, length: token.image.length, type, modifiers });
  };

  let line: IToken[] = [];
  const lines: IToken[][] = [];
  for (const token of tokens) {
    if (is(token, Newline)) {
      lines.push(line);
      line = [];
    } else line.push(token);
  }
  lines.push(line);

  for (const lineTokens of lines) {
    const first = lineTokens[0];
    const arrow = lineTokens.findIndex((t) => is(t, Arrow));
    lineTokens.forEach((token, i) => {
      const type = token.tokenType;
      const block = stack[stack.length - 1];
      const mapping = block?.kind === 'mapping' ? block : stack[stack.length - 2]?.kind === 'mapping' ? stack[stack.length - 2] : undefined;
      const previous = lineTokens[i - 1];
      switch (type) {
        case LBrace: {
          const kind = isKeyword(first, 'mapping') ? 'mapping' : isKeyword(first, 'scope') ? 'scope' : 'other';
          const names = (t: IToken | undefined) =>
            t && (is(t, Identifier) || is(t, StringLiteral)) ? t.image.replace(/^"|"$/g, '') : undefined;
          stack.push(
            kind === 'mapping' && arrow > 0 ? { kind, ...objects(names(lineTokens[arrow - 1]), names(lineTokens[arrow + 1])) } : { kind },
          );
          break;
        }
        case RBrace:
          stack.pop();
          break;
        case Identifier: {
          const next = lineTokens[i + 1];
          if (is(next, LParen)) {
            const sig = functions.lookup(token.image);
            if (!sig) push(token, 'function', 'unresolved');
            else if (sig.status === 'legacy') push(token, 'function', 'defaultLibrary', 'deprecated');
            else push(token, 'function', 'defaultLibrary');
          } else if (isKeyword(first, 'mapping')) push(token, 'type');
          else if (isKeyword(previous, 'target')) push(token, 'namespace');
          else if (isKeyword(previous, 'flowType') || isKeyword(previous, 'flowBehavior') || isKeyword(first, 'flowTypes'))
            push(token, 'enumMember');
          else if (VB_COMPARE_NAMES.has(token.image)) push(token, 'enumMember', 'defaultLibrary');
          else push(token, 'variable', 'unresolved');
          break;
        }
        case AttributeRef:
        case UnterminatedAttributeRef: {
          const attributeName = token.image.replace(/^\[/, '').replace(/\]$/, '');
          const found = mapping?.source && findAttribute(mapping.source, attributeName);
          if (found?.exactCase) push(token, 'property', 'defaultLibrary');
          else if (isDirectoryExtensionAttribute(attributeName)) push(token, 'property');
          else push(token, 'property', 'unresolved');
          break;
        }
        case TargetPath: {
          const found = block?.kind === 'mapping' && block.target ? findTargetAttribute(block.target, token.image) : undefined;
          if (found) push(token, 'property', 'declaration', 'defaultLibrary');
          else push(token, 'property', 'declaration', 'unresolved');
          break;
        }
        case StringLiteral:
        case UnterminatedString:
        case SingleQuotedString:
          push(token, 'string');
          break;
        case NumberLiteral:
        case HexLiteral:
          push(token, 'number');
          break;
        case ComparisonOperator:
        case LeftArrow:
        case Arrow:
        case ScopeOperator:
          push(token, 'operator');
          break;
        default:
          if (keywordOf(type) !== undefined) push(token, 'keyword');
      }
    });
  }
  // Both lists are in document order: merge them.
  const merged: ClassifiedToken[] = [];
  let c = 0;
  for (const token of result) {
    while (c < comments.length && comments[c]!.startOffset < token.start) merged.push(commentToken(comments[c++]!));
    merged.push(token);
  }
  while (c < comments.length) merged.push(commentToken(comments[c++]!));
  return merged.filter((t) => t.start >= start && t.start < end);
}

function commentToken(comment: IToken): ClassifiedToken {
  return { start: comment.startOffset, length: comment.image.length, type: 'comment', modifiers: [] };
}

// ───────────────────────────────────────────── .scimfilter

/** The operators after an attribute path: the comparisons and `pr`. */
const SCIM_OPERATORS: ReadonlySet<TokenType | undefined> = new Set([...Scim.compareOperators, Scim.Pr]);
const SCIM_LOGICAL: ReadonlySet<TokenType | undefined> = new Set([Scim.And, Scim.Or, Scim.Not]);

function classifyScim(snapshot: DocumentSnapshot, range: Range | undefined): ClassifiedToken[] {
  const lines = snapshot.lines;
  const first = range ? range.start.line : 0;
  const last = range ? Math.min(range.end.line, lines.lineCount - 1) : lines.lineCount - 1;
  const target = snapshot.schemas.target;
  const user = target && findObject(target, 'User');
  const result: ClassifiedToken[] = [];
  for (let line = first; line <= last; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : snapshot.text.length;
    const text = snapshot.text.slice(start, end).replace(/[\r\n]+$/, '');
    const trimmed = text.trimStart();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      result.push({ start: start + text.length - trimmed.length, length: trimmed.length, type: 'comment', modifiers: [] });
      continue;
    }
    const tokens = scimLexer.tokenize(text).tokens;
    tokens.forEach((token, i) => {
      const at = start + token.startOffset;
      const length = token.image.length;
      const type = token.tokenType;
      const next = tokens[i + 1]?.tokenType;
      const previous = tokens[i - 1]?.tokenType;
      const isValue = SCIM_OPERATORS.has(previous) && previous !== Scim.Pr;
      if (type === Scim.DoubleQuoted || type === Scim.SingleQuoted) result.push({ start: at, length, type: 'string', modifiers: [] });
      else if (isValue && /^-?\d/.test(token.image)) result.push({ start: at, length, type: 'number', modifiers: [] });
      else if (isValue) result.push({ start: at, length, type: 'keyword', modifiers: [] });
      else if ((SCIM_OPERATORS.has(type) || SCIM_LOGICAL.has(type)) && !(SCIM_OPERATORS.has(next) || next === Scim.LBracket)) {
        result.push({ start: at, length, type: SCIM_OPERATORS.has(type) ? 'operator' : 'keyword', modifiers: [] });
      } else if (type === Scim.Word || type === Scim.DotWord || SCIM_OPERATORS.has(next) || next === Scim.LBracket) {
        const known = user && type !== Scim.DotWord && findTargetAttribute(user, token.image);
        result.push({
          start: at,
          length,
          type: 'property',
          modifiers: known ? ['defaultLibrary'] : type === Scim.DotWord ? [] : ['unresolved'],
        });
      }
    });
  }
  return result;
}
