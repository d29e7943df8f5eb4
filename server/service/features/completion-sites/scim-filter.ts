/**
 * Completion sites of a `.scimfilter` line: an attribute path (also after `not (` and inside
 * `[…]`), a comparison operator, a value, `and`/`or`. The line's SCIM tokens are walked as the
 * filter grammar reads them (RFC 7644, section 3.4.2.2).
 */
import type { IToken } from 'chevrotain';
import { scimLexer } from '../../../../grammar/scim/lexer';
import * as Scim from '../../../../grammar/scim/tokens';
import { tokenEnd, typeOf } from '../../../../grammar/mapping/statement-view';
import type { DocumentSnapshot } from '../../snapshot';
import { at, type CompletionSite, range } from './sites';

export function scimCompletionSite(snapshot: DocumentSnapshot, offset: number): CompletionSite {
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
