/**
 * The comparison operators the editor features read (grammar/scim/tokens.ts `compareOperators`) are
 * exactly RFC 7644's nine (section 3.4.2.2), whatever case they are written in, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { ScimCompareOperator } from '../../../grammar/scim/ast';
import { tokenizeScim } from '../../../grammar/scim/lexer';
import { compareOperators } from '../../../grammar/scim/tokens';

const RFC_7644: readonly ScimCompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'];

const typeOf = (word: string) => {
  const { tokens } = tokenizeScim(word);
  expect(tokens).toHaveLength(1);
  return tokens[0]!.tokenType;
};

describe('compareOperators', () => {
  it('holds one token type per RFC 7644 comparison operator', () => {
    expect(compareOperators).toHaveLength(RFC_7644.length);
    for (const operator of RFC_7644) {
      expect(compareOperators, operator).toContain(typeOf(operator));
      expect(compareOperators, operator.toUpperCase()).toContain(typeOf(operator.toUpperCase()));
    }
  });

  it('leaves out pr, the logical operators and attribute names', () => {
    for (const word of ['pr', 'and', 'or', 'not', 'userName', 'equals']) expect(compareOperators, word).not.toContain(typeOf(word));
  });
});
