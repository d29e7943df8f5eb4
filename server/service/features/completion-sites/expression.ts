/**
 * Completion sites of a mapping line's source (the tokens after `<-`): an operand (function,
 * attribute, enum value), a string argument, and the modifiers after a complete source with their
 * values. Works on partly typed input: an unclosed call, an attribute without `]`.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  Comma,
  ComparisonOperator,
  LParen,
  RParen,
  UnterminatedAttributeRef,
  UnterminatedString,
} from '../../../../grammar/expression/tokens';
import { keywordTokens } from '../../../../grammar/mapping/tokens';
import { type BlockHeader, is, isWord, tokenEnd, typeOf } from '../../../../grammar/mapping/statement-view';
import { MODIFIERS } from '../../../../grammar/mapping/vocabulary';
import { argumentIndexAt, callAt, callSites } from '../calls';
import {
  at,
  ATTRIBUTES,
  type CompletionSite,
  type EnclosingCall,
  insideDelimited,
  type ModifierKeyword,
  range,
  STRINGS,
  touching,
} from './sites';

/** A modifier's first keyword → the modifier (`on` → `onCreate`). */
const MODIFIER_KEYWORDS: ReadonlyMap<TokenType | undefined, ModifierKeyword> = new Map(
  MODIFIERS.map((m) => [keywordTokens[m.words[0]], m.kind] as const),
);

/** Inside `[…]` (a mapping's source or a scope clause): the attribute name. */
export function attributeSite(token: IToken, offset: number, header: BlockHeader | undefined, inScope: boolean): CompletionSite {
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
export function sourceSite(
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
