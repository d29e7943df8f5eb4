import type { ILexingResult, IToken } from 'chevrotain';
import { lazyLexer } from '../common/lazy-lexer';
import { LParen, RParen } from '../expression/tokens';
import { mappingTokenVocabulary, Newline, statementStarters } from './tokens';

/** Built on first use: a well-formed file is read by the fast path (./fast-path.ts) without it. */
export const mappingLexer = lazyLexer(() => mappingTokenVocabulary);

export interface MappingLexResult {
  tokens: IToken[];
  comments: IToken[];
  errors: ILexingResult['errors'];
}

/**
 * Tokenizes a `.aadmap` file. An expression continues over lines while a parenthesis is open, so
 * line breaks inside parentheses are dropped — unless the next line starts a new statement (a
 * target path, `}`, `scope`, …), in which case the parenthesis was left open by mistake and the
 * line break is kept so the error stays on its own line.
 */
export function lexMappingFile(text: string): MappingLexResult {
  const lexed = mappingLexer.tokenize(text);
  return { tokens: joinContinuedLines(lexed.tokens), comments: lexed.groups['comments'] ?? [], errors: lexed.errors };
}

/**
 * The line-break rule of lexMappingFile, on a raw token stream. `openAtEnd`: a line break followed
 * by nothing keeps an open statement open (for text cut off after the cursor, where the statement
 * may go on below); by default the end of the text ends it.
 */
export function joinContinuedLines(all: readonly IToken[], openAtEnd = false): IToken[] {
  const tokens: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < all.length; i++) {
    const token = all[i]!;
    const type = token.tokenType;
    if (type === LParen) depth++;
    else if (type === RParen) depth = Math.max(0, depth - 1);
    else if (type === Newline && depth > 0) {
      let next = i + 1;
      while (all[next]?.tokenType === Newline) next++;
      const following = all[next];
      if (following ? !statementStarters.has(following.tokenType) : openAtEnd) continue;
      // The parenthesis was left open: end the statement at its own line, not at a later blank line.
      depth = 0;
    }
    tokens.push(token);
  }
  return tokens;
}
