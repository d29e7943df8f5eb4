/**
 * Completion sites of the `.aadmap` statement level: the start of a line (at top level, in a
 * mapping block, in a scope block), the words of a block header and of `target`, `enabled`,
 * `flowTypes`, and a scope clause's operator. The source side of a mapping line is expression.ts's.
 */
import type { IToken, TokenType } from 'chevrotain';
import { Comma, Identifier } from '../../../../grammar/expression/tokens';
import { Arrow, keywordTokens, LeftArrow, RBrace, ScopeOperator, TargetPath } from '../../../../grammar/mapping/tokens';
import {
  type BlockHeader,
  is,
  isKeyword,
  isWord,
  type LocalStatement,
  type StatementContainer,
  tokenEnd,
  typeOf,
} from '../../../../grammar/mapping/statement-view';
import { STATEMENT_KEYWORDS } from '../../../../grammar/mapping/vocabulary';
import { attributeSite, sourceSite } from './expression';
import { at, ATTRIBUTES, type CompletionSite, insideDelimited, range, STRINGS, touching } from './sites';

/** Tokens that start a block-level statement: the statement keywords and `}`. */
const BLOCK_STARTERS: ReadonlySet<TokenType | undefined> = new Set([...STATEMENT_KEYWORDS.map((word) => keywordTokens[word]), RBrace]);

function headerOf(container: StatementContainer): BlockHeader | undefined {
  return container.kind === 'file' ? undefined : container.header;
}

export function mappingSite(statement: LocalStatement, offset: number, text: string): CompletionSite {
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
      if (rest.every((t) => isWord(t))) {
        // What is typed so far is replaced: its words, and characters no token holds yet (the lexer
        // reads `!` only as part of `!&`, so a typed `!` is no token): from the first character that
        // is not blank after the attribute.
        const typedEnd = rest.length ? rest[0]!.startOffset : offset;
        const gap = text.slice(tokenEnd(first), typedEnd);
        const start = typedEnd - gap.trimStart().length;
        return { kind: 'scopeOperator', replace: range(start, offset) };
      }
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
