/**
 * Where the cursor is, for completion: the kinds of site, and the helpers the three languages'
 * classifiers share (the `.aadmap` statement level: statement.ts, the expression of a mapping
 * line's source: expression.ts, SCIM filters: scim-filter.ts). Tokens are matched by type.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { TextRange } from '../../../../grammar/common/text-range';
import {
  AttributeRef,
  SingleQuotedString,
  StringLiteral,
  UnterminatedAttributeRef,
  UnterminatedString,
} from '../../../../grammar/expression/tokens';
import { type BlockHeader, tokenEnd, typeOf } from '../../../../grammar/mapping/statement-view';
import type { ModifierKind } from '../../../../grammar/mapping/vocabulary';

/** The call an operand position belongs to. */
export interface EnclosingCall {
  name: string;
  argIndex: number;
}

export type ModifierKeyword = ModifierKind;
/** The modifiers whose value completion offers (`on` → `create`, `flowType` → a flow type, …). */
export type ValuedModifier = Exclude<ModifierKeyword, 'default' | 'exportMissingReferences'>;

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
  | { kind: 'modifierValue'; keyword: ValuedModifier; replace: TextRange; header?: BlockHeader }
  | { kind: 'targetValue'; replace: TextRange }
  | { kind: 'objectName'; side: 'source' | 'target'; replace: TextRange }
  | { kind: 'enabledValue'; replace: TextRange }
  | { kind: 'flowTypesValue'; replace: TextRange; used: string[] }
  /** `.scimfilter`: where an attribute path goes (also `not (`). */
  | { kind: 'scimAttribute'; replace: TextRange; inBrackets: boolean }
  | { kind: 'scimOperator'; replace: TextRange; attribute: string }
  | { kind: 'scimValue'; replace: TextRange; attribute: string }
  | { kind: 'scimLogical'; replace: TextRange };

export const STRINGS: ReadonlySet<TokenType | undefined> = new Set([StringLiteral, UnterminatedString, SingleQuotedString]);
export const ATTRIBUTES: ReadonlySet<TokenType | undefined> = new Set([AttributeRef, UnterminatedAttributeRef]);

export const range = (start: number, end: number): TextRange => ({ start, end });
export const at = (offset: number): TextRange => ({ start: offset, end: offset });

/** The token the cursor touches: inside it, or at its end. */
export function touching(tokens: readonly IToken[], offset: number): IToken | undefined {
  let found: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset < offset && offset <= tokenEnd(token)) found = token;
    if (token.startOffset >= offset) break;
  }
  return found;
}

/** Whether the cursor is inside a string or `[…]` token (after a closing quote/bracket it is not). */
export function insideDelimited(token: IToken, offset: number): boolean {
  const type = typeOf(token);
  if (type === UnterminatedString || type === UnterminatedAttributeRef) return true;
  return offset < tokenEnd(token);
}
