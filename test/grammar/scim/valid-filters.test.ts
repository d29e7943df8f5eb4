/**
 * Valid filters: the 17 RFC 7644 examples and more canonical-form cases (fixtures/*.txt).
 * Each must parse with no diagnostic at all, print canonically, and re-parse to the same tree.
 */
import { describe, expect, it } from 'vitest';
import { parseScimFilter, printScimFilter } from '../../../grammar/scim/index';
import { readArrowFixture, renderDiagnostics, sexpr } from './fixture-support';

function checkCanonical(input: string, canonical: string): void {
  const { ast, diagnostics } = parseScimFilter(input);
  expect(renderDiagnostics(diagnostics)).toEqual([]);
  expect(ast).toBeDefined();
  const printed = printScimFilter(ast!);
  expect(printed).toBe(canonical);
  // Idempotence and tree preservation.
  const again = parseScimFilter(printed);
  expect(again.diagnostics).toEqual([]);
  expect(printScimFilter(again.ast!)).toBe(printed);
  expect(sexpr(again.ast!)).toBe(sexpr(ast!));
}

describe('RFC 7644 Figure 2 example filters', () => {
  const cases = readArrowFixture('rfc-examples.txt');
  it('has all 17 examples', () => expect(cases).toHaveLength(17));
  for (const c of cases) {
    it(`line ${c.line}: ${c.input}`, () => checkCanonical(c.input, c.expected));
  }
});

describe('canonical printing', () => {
  for (const c of readArrowFixture('canonical.txt')) {
    it(`line ${c.line}: ${JSON.stringify(c.input)}`, () => checkCanonical(c.input, c.expected));
  }
});

describe('tree shapes (precedence, flattening, not, value paths)', () => {
  for (const c of readArrowFixture('trees.txt')) {
    it(`line ${c.line}: ${c.input}`, () => {
      const { ast, diagnostics } = parseScimFilter(c.input);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(sexpr(ast!)).toBe(c.expected);
      // Printing preserves the tree.
      expect(sexpr(parseScimFilter(printScimFilter(ast!)).ast!)).toBe(c.expected);
    });
  }
});
