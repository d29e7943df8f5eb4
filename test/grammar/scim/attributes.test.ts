/**
 * collectFilterAttributes (fixtures/attributes.txt).
 */
import { describe, expect, it } from 'vitest';
import { collectFilterAttributes, parseScimFilter, type ScimFilter } from '../../../grammar/scim/index';
import { readArrowFixture } from './fixture-support';

describe('collectFilterAttributes', () => {
  for (const c of readArrowFixture('attributes.txt')) {
    it(`line ${c.line}: ${c.input}`, () => {
      const { ast } = parseScimFilter(c.input);
      expect(collectFilterAttributes(ast!)).toEqual(c.expected.split(', '));
    });
  }

  it('skips error nodes and still reports the rest', () => {
    const { ast } = parseScimFilter('userName == "x" and externalId eq "y"');
    expect(collectFilterAttributes(ast!)).toEqual(['externalId']);
  });

  it('does not recurse (deep hand-built trees)', () => {
    let node: ScimFilter = {
      kind: 'attributeExpression',
      path: { kind: 'attributePath', name: 'a', text: 'a', start: 0, end: 1 },
      operator: 'pr',
      operatorToken: { text: 'pr', start: 2, end: 4 },
      start: 0,
      end: 4,
    };
    for (let i = 0; i < 100_000; i++) node = { kind: 'not', operand: node, start: 0, end: 4 };
    expect(collectFilterAttributes(node)).toEqual(['a']);
  });
});
