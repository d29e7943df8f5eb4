/**
 * Where the cursor is, for completion — classified from the tokens of the statement around it and
 * the block it is in (Bicep's BicepCompletionContext split: this module says *where*, completion.ts
 * says *what* fits there). Works on partly typed, broken input: an unclosed call, an attribute
 * without `]`, a target path without `<-` yet.
 */
import type { IToken, TokenType } from 'chevrotain';
import { MODIFIERS, STATEMENT_KEYWORDS, type ModifierKind } from '../../../grammar/mapping/vocabulary';
import type { TextRange } from '../../../grammar/common/text-range';
import { scimLexer } from '../../../grammar/scim/lexer';
import type { DocumentSnapshot } from '../snapshot';
import { argumentIndexAt, callAt, callSites } from './calls';
import {
  AttributeRef,
  Comma,
  ComparisonOperator,
  Identifier,
  LParen,
  RParen,
  SingleQuotedString,
  StringLiteral,
  UnterminatedAttributeRef,
  UnterminatedString,
} from '../../../grammar/expression/tokens';
import { Arrow, LeftArrow, RBrace, ScopeOperator, TargetPath, keywordTokens } from '../../../grammar/mapping/tokens';
import * as Scim from '../../../grammar/scim/tokens';
import {
  type BlockHeader,
  is,
  isKeyword,
  isWord,
  type LocalStatement,
  statementAt,
  type StatementContainer,
  tokenEnd,
  typeOf,
} from '../../../grammar/mapping/statement-view';

/** The call an operand position belongs to. */
export interface EnclosingCall {
  name: string;
  argIndex: number;
}

export type ModifierKeyword = ModifierKind;

export type CompletionSite =
  | { kind: 'none' }
  /** Start of a line outside any block. */
  | { kind: 'topLevel'; replace: TextRange }
  /** Start of a line in a mapping block: a target path (possibly partly typed) or a block keyword. */
  | { kind: 'blockItem'; replace: TextRange; header: BlockHeader; hasArrow: boolean; hasMatch: boolean; keywords: boolean }
  /** Start of a line in a scope block: a clause. */
  | { kind: 'scopeClause'; replace: TextRange; header?: BlockHeader }
  /** After a clause's attribute: the operator. */
  | { kind: 'scopeOperator'; replace: TextRange }
  /** Inside `[…]`: a source attribute name. */
  | { kind: 'sourceAttribute'; replace: TextRange; closeBracket: boolean; header?: BlockHeader; inScope: boolean }
  /** Where an expression term goes. */
  | { kind: 'operand'; replace: TextRange; sourceStart: boolean; call?: EnclosingCall; header?: BlockHeader; beforeParen: boolean }
  /** Inside a string argument. */
  | { kind: 'stringArgument'; replace: TextRange; call: EnclosingCall; closeQuote: boolean }
  /** After a complete source: modifiers. */
  | { kind: 'modifier'; replace: TextRange; used: Set<ModifierKeyword>; target?: string; header?: BlockHeader }
  | { kind: 'modifierValue'; keyword: 'onCreate' | 'flowType' | 'flowBehavior' | 'match'; replace: TextRange; header?: BlockHeader }
  | { kind: 'targetValue'; replace: TextRange }
  | { kind: 'objectName'; side: 'source' | 'target'; replace: TextRange }
  | { kind: 'enabledValue'; replace: TextRange }
  | { kind: 'flowTypesValue'; replace: TextRange; used: string[] }
  /** `.scimfilter`: where an attribute path goes (also `not (`). */
  | { kind: 'scimAttribute'; replace: TextRange; inBrackets: boolean }
  | { kind: 'scimOperator'; replace: TextRange; attribute: string }
  | { kind: 'scimValue'; replace: TextRange; attribute: string }
  | { kind: 'scimLogical'; replace: TextRange };

const STRINGS: ReadonlySet<TokenType | undefined> = new Set([StringLiteral, UnterminatedString, SingleQuotedString]);
const ATTRIBUTES: ReadonlySet<TokenType | undefined> = new Set([AttributeRef, UnterminatedAttributeRef]);
/** Tokens that start a block-level statement: the statement keywords and `}`. */
const BLOCK_STARTERS: ReadonlySet<TokenType | undefined> = new Set([...STATEMENT_KEYWORDS.map((word) => keywordTokens[word]), RBrace]);
/** A modifier's first keyword → the modifier (`on` → `onCreate`). */
const MODIFIER_KEYWORDS: ReadonlyMap<TokenType | undefined, ModifierKeyword> = new Map(
  MODIFIERS.map((m) => [keywordTokens[m.words[0]], m.kind] as const),
);

const range = (start: number, end: number): TextRange => ({ start, end });
const at = (offset: number): TextRange => ({ start: offset, end: offset });

/** The token the cursor touches: inside it, or at its end. */
function touching(tokens: readonly IToken[], offset: number): IToken | undefined {
  let found: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset < offset && offset <= tokenEnd(token)) found = token;
    if (token.startOffset >= offset) break;
  }
  return found;
}

/** Whether the cursor is inside a string or `[…]` token (after a closing quote/bracket it is not). */
function insideDelimited(token: IToken, offset: number): boolean {
  const type = typeOf(token);
  if (type === UnterminatedString || type === UnterminatedAttributeRef) return true;
  return offset < tokenEnd(token);
}

export function completionSite(snapshot: DocumentSnapshot, offset: number): CompletionSite {
  if (snapshot.languageId === 'scimfilter') return scimCompletionSite(snapshot, offset);
  if (snapshot.languageId !== 'aadmap') return { kind: 'none' };
  const statement = statementAt(snapshot, offset);
  if (statement.comments.some((c) => c.startOffset < offset && offset <= tokenEnd(c))) return { kind: 'none' };
  return mappingSite(statement, offset, snapshot.text);
}

function headerOf(container: StatementContainer): BlockHeader | undefined {
  return container.kind === 'file' ? undefined : container.header;
}

function mappingSite(statement: LocalStatement, offset: number, text: string): CompletionSite {
  const tokens = statement.tokens;
  const container = statement.container;
  const header = headerOf(container);
  const touched = touching(tokens, offset);
  const first = tokens[0];
  const arrowIndex = tokens.findIndex((t) => is(t, LeftArrow));
  const arrow = tokens[arrowIndex];

  // A mapping line: the target path before `<-`, the source after.
  if (arrow && container.kind === 'mapping') {
    if (offset <= arrow.startOffset) {
      if (touched && is(touched, TargetPath) && offset <= tokenEnd(touched)) {
        return {
          kind: 'blockItem',
          replace: range(touched.startOffset, tokenEnd(touched)),
          header: container.header,
          hasArrow: true,
          hasMatch: hasMatch(tokens),
          keywords: false,
        };
      }
      if (!first || offset <= first.startOffset) {
        return {
          kind: 'blockItem',
          replace: at(offset),
          header: container.header,
          hasArrow: true,
          hasMatch: hasMatch(tokens),
          keywords: false,
        };
      }
      return { kind: 'none' };
    }
    if (offset < tokenEnd(arrow)) return { kind: 'none' };
    return sourceSite(tokens.slice(arrowIndex + 1), offset, header, first && is(first, TargetPath) ? first.image : undefined);
  }

  // The word at the cursor, and what comes before it.
  const prefix = touched && isWord(touched) ? touched : undefined;
  const before = tokens.filter((t) => tokenEnd(t) <= (prefix ? prefix.startOffset : offset) && t.startOffset < offset);
  const replace = prefix ? range(prefix.startOffset, tokenEnd(prefix)) : at(offset);

  if (container.kind === 'mapping' && (!first || !BLOCK_STARTERS.has(typeOf(first)) || (first === prefix && before.length === 0))) {
    // A line start, or a target path being typed (no `<-` yet: `emails[ty`, `urn:…:User:dep`).
    if (!first || offset <= first.startOffset) {
      // An empty target before an arrow (`  <|> <- [x]`): without a target the arrow is no token.
      const rest = text.slice(offset, Math.max(offset, statement.end));
      const hasArrow = /^[ \t]*<-/.test(rest);
      return {
        kind: 'blockItem',
        replace: at(offset),
        header: container.header,
        hasArrow,
        hasMatch: hasMatch(tokens),
        keywords: rest.trim() === '',
      };
    }
    const typed = text.slice(first.startOffset, offset);
    if (/[\r\n]/.test(typed)) return { kind: 'none' };
    const keywords = first === prefix && before.length === 0;
    return {
      kind: 'blockItem',
      replace: range(first.startOffset, offset),
      header: container.header,
      hasArrow: false,
      hasMatch: hasMatch(tokens),
      keywords,
    };
  }

  if (container.kind === 'file' && before.length === 0) return { kind: 'topLevel', replace };

  if (container.kind === 'scope') {
    if (touched && ATTRIBUTES.has(typeOf(touched)) && touched === first && insideDelimited(touched, offset)) {
      return attributeSite(touched, offset, header, true);
    }
    if (!first || offset <= first.startOffset || (prefix === first && before.length === 0)) return { kind: 'scopeClause', replace, header };
    if (ATTRIBUTES.has(typeOf(first)) && offset >= tokenEnd(first)) {
      // After the attribute: the operator, possibly partly typed (`NOT E`), unless one is complete.
      const rest = tokens.filter((t) => t.startOffset >= tokenEnd(first) && t.startOffset < offset);
      if (rest.some((t) => is(t, ScopeOperator) || isKeyword(t, 'operator'))) return { kind: 'none' };
      if (rest.every((t) => isWord(t)))
        return { kind: 'scopeOperator', replace: rest.length ? range(rest[0]!.startOffset, offset) : at(offset) };
    }
    return { kind: 'none' };
  }

  switch (typeOf(first)) {
    case keywordTokens.target:
      return before.length === 1 ? { kind: 'targetValue', replace } : { kind: 'none' };
    case keywordTokens.mapping: {
      const arrowBefore = before.findIndex((t) => is(t, Arrow));
      if (arrowBefore !== -1) return before.length === arrowBefore + 1 ? { kind: 'objectName', side: 'target', replace } : { kind: 'none' };
      const name = before[1];
      return before.length === 2 && STRINGS.has(typeOf(name)) ? { kind: 'objectName', side: 'source', replace } : { kind: 'none' };
    }
    case keywordTokens.enabled:
      return before.length === 1 ? { kind: 'enabledValue', replace } : { kind: 'none' };
    case keywordTokens.flowTypes: {
      const last = before[before.length - 1];
      if (before.length > 1 && !is(last, Comma)) return { kind: 'none' };
      return { kind: 'flowTypesValue', replace, used: before.filter((t) => is(t, Identifier)).map((t) => t.image) };
    }
    default:
      return { kind: 'none' };
  }
}

function hasMatch(tokens: readonly IToken[]): boolean {
  return tokens.some((t) => isKeyword(t, 'match'));
}

function attributeSite(token: IToken, offset: number, header: BlockHeader | undefined, inScope: boolean): CompletionSite {
  const unterminated = is(token, UnterminatedAttributeRef);
  const nameStart = token.startOffset + 1;
  const nameEnd = unterminated ? tokenEnd(token) : tokenEnd(token) - 1;
  return {
    kind: 'sourceAttribute',
    replace: range(nameStart, Math.max(nameStart, nameEnd, offset)),
    closeBracket: unterminated,
    header,
    inScope,
  };
}

/** The source side of a mapping line (tokens after `<-`). */
function sourceSite(
  tokens: readonly IToken[],
  offset: number,
  header: BlockHeader | undefined,
  target: string | undefined,
): CompletionSite {
  const touched = touching(tokens, offset);
  const calls = callSites(tokens);
  const enclosing = (): EnclosingCall | undefined => {
    const call = callAt(calls, offset);
    return call && call.name ? { name: call.name, argIndex: argumentIndexAt(call, offset) } : undefined;
  };
  if (touched && STRINGS.has(typeOf(touched)) && insideDelimited(touched, offset)) {
    const call = enclosing();
    if (!call) return { kind: 'none' };
    const unterminated = is(touched, UnterminatedString);
    const contentEnd = unterminated ? tokenEnd(touched) : tokenEnd(touched) - 1;
    return {
      kind: 'stringArgument',
      replace: range(touched.startOffset + 1, Math.max(offset, contentEnd)),
      call,
      closeQuote: unterminated,
    };
  }
  if (touched && ATTRIBUTES.has(typeOf(touched)) && insideDelimited(touched, offset)) return attributeSite(touched, offset, header, false);
  if (touched && !isWord(touched) && !is(touched, RParen) && !is(touched, LParen) && !is(touched, Comma)) {
    // Typing a number, or right after a closed string or attribute.
    if (!STRINGS.has(typeOf(touched)) && !ATTRIBUTES.has(typeOf(touched))) return { kind: 'none' };
  }
  const prefix = touched && isWord(touched) ? touched : undefined;
  const replace = prefix ? range(prefix.startOffset, tokenEnd(prefix)) : at(offset);
  const before = tokens.filter((t) => t.startOffset < (prefix ? prefix.startOffset : offset));
  const next = tokens.find((t) => t.startOffset >= (prefix ? tokenEnd(prefix) : offset));

  // Walk the source: operand expected or not, and the modifiers after it.
  let depth = 0;
  let needOperand = true;
  let inModifiers = false;
  let pending: ModifierKeyword | undefined;
  const used = new Set<ModifierKeyword>();
  for (const token of before) {
    const type = typeOf(token);
    const modifier = MODIFIER_KEYWORDS.get(type);
    if (depth === 0 && modifier && (inModifiers || !needOperand)) {
      inModifiers = true;
      used.add(modifier);
      pending = modifier === 'exportMissingReferences' ? undefined : modifier;
      continue;
    }
    if (inModifiers) {
      pending = undefined;
      continue;
    }
    switch (type) {
      case LParen:
        depth++;
        needOperand = true;
        break;
      case RParen:
        depth = Math.max(0, depth - 1);
        needOperand = false;
        break;
      case Comma:
      case ComparisonOperator:
        needOperand = true;
        break;
      default:
        needOperand = false;
    }
  }
  if (pending) {
    if (pending === 'default' || pending === 'exportMissingReferences') return { kind: 'none' };
    return { kind: 'modifierValue', keyword: pending, replace, header };
  }
  if (inModifiers || (depth === 0 && !needOperand)) {
    // A modifier needs a space after the source: `[x]match` would be one broken word.
    if (!prefix && touched && tokenEnd(touched) === offset) return { kind: 'none' };
    return { kind: 'modifier', replace, used, target, header };
  }
  if (!needOperand) return { kind: 'none' };
  return {
    kind: 'operand',
    replace,
    sourceStart: depth === 0 && before.length === 0,
    call: enclosing(),
    header,
    beforeParen: is(next, LParen),
  };
}

// ───────────────────────────────────────────── .scimfilter

function scimCompletionSite(snapshot: DocumentSnapshot, offset: number): CompletionSite {
  const lines = snapshot.lines;
  const line = lines.positionAt(offset).line;
  const start = lines.lineStart(line);
  const lineText = snapshot.text.slice(start, offset);
  if (lineText.trimStart().startsWith('#')) return { kind: 'none' };
  const tokens = scimLexer.tokenize(lineText).tokens;
  const last = tokens[tokens.length - 1];
  const typing = last && tokenEnd(last) === lineText.length ? last : undefined;
  if (typing && (typeOf(typing) === Scim.DoubleQuoted || typeOf(typing) === Scim.SingleQuoted)) {
    const closed = typing.image.length > 1 && typing.image.endsWith(typing.image[0]!);
    if (!closed) return { kind: 'none' };
  }
  const prefix = typing && isScimWord(typing) ? typing : undefined;
  const before = prefix ? tokens.slice(0, -1) : tokens;
  const replace = prefix ? range(start + prefix.startOffset, offset) : at(offset);

  type State = 'attribute' | 'operator' | 'value' | 'logical' | 'notParen';
  let state: State = 'attribute';
  let attribute = '';
  let brackets = 0;
  for (let i = 0; i < before.length; i++) {
    const token = before[i]!;
    const type = typeOf(token);
    switch (state) {
      case 'attribute':
        if (type === Scim.Not && typeOf(before[i + 1]) !== Scim.Eq) state = 'notParen';
        else if (type === Scim.LParen) state = 'attribute';
        else if (isScimWord(token)) {
          attribute = token.image;
          state = 'operator';
        }
        break;
      case 'notParen':
        // `not (` opens a group; anything else is reported by the parser and read as a new start.
        state = 'attribute';
        break;
      case 'operator':
        if (type === Scim.LBracket) {
          brackets++;
          state = 'attribute';
        } else if (type === Scim.Pr) state = 'logical';
        else state = 'value';
        break;
      case 'value':
        state = 'logical';
        break;
      case 'logical':
        if (type === Scim.And || type === Scim.Or) state = 'attribute';
        else if (type === Scim.RBracket) {
          brackets = Math.max(0, brackets - 1);
          // Entra form: `emails[…].value eq "x"`.
          if (typeOf(before[i + 1]) === Scim.DotWord) {
            attribute = `${attribute}${before[i + 1]!.image}`;
            i++;
            state = 'operator';
          }
        }
        break;
    }
  }
  // A word right after a complete comparison reads as the start of `and`/`or`.
  switch (state) {
    case 'attribute':
      return { kind: 'scimAttribute', replace, inBrackets: brackets > 0 };
    case 'operator':
      return { kind: 'scimOperator', replace, attribute };
    case 'value':
      return prefix || lineText.endsWith(' ') ? { kind: 'scimValue', replace, attribute } : { kind: 'none' };
    case 'logical':
      return lineText.endsWith(' ') || prefix ? { kind: 'scimLogical', replace } : { kind: 'none' };
    case 'notParen':
      return { kind: 'none' };
  }
}

/** A word or a SCIM keyword (`and`, `eq`, …): what completion replaces while it is typed. */
function isScimWord(token: IToken): boolean {
  return token.tokenType === Scim.Word || Scim.keywordTokens.has(token.tokenType);
}
