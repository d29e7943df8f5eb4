/**
 * Ranges: absolute offsets, parentheses covered, baseOffset shifting, operator/value ranges.
 */
import { describe, expect, it } from 'vitest';
import { parseAttributePath, parsePatchPath, parseScimFilter, type ScimFilter } from '../../../grammar/scim/index';
import { collectRanges, parseIn, readArrowFixture, readDiagnosticFixture, type Mode } from './fixture-support';

function shift<T>(value: T, by: number): T {
  if (Array.isArray(value)) return value.map((v) => shift(v, by)) as T;
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      result[key] = (key === 'start' || key === 'end') && typeof v === 'number' ? v + by : shift(v, by);
    }
    return result as T;
  }
  return value;
}

describe('ranges', () => {
  it('covers tokens exactly', () => {
    const text = 'userName Eq "bjensen"';
    const { ast } = parseScimFilter(text);
    expect(ast).toMatchObject({
      kind: 'attributeExpression',
      start: 0,
      end: 21,
      path: { start: 0, end: 8, text: 'userName', name: 'userName' },
      operator: 'eq',
      operatorToken: { text: 'Eq', start: 9, end: 11 },
      value: { kind: 'string', value: 'bjensen', raw: '"bjensen"', start: 12, end: 21 },
    });
  });

  it('includes the parentheses a node was written in', () => {
    const text = 'a pr and ((b pr))';
    const ast = parseScimFilter(text).ast as Extract<ScimFilter, { kind: 'logical' }>;
    expect(ast.operands[1]).toMatchObject({ kind: 'attributeExpression', start: 9, end: 17 });
    expect(ast).toMatchObject({ start: 0, end: 17 });
    const not = parseScimFilter('not ( a pr )').ast!;
    expect(not).toMatchObject({ kind: 'not', start: 0, end: 12, operand: { start: 4, end: 12 } });
  });

  it('gives the Entra form its parts', () => {
    const text = 'emails[type eq "work"].value eq "x"';
    const { ast } = parseScimFilter(text);
    expect(ast).toMatchObject({
      kind: 'valuePath',
      start: 0,
      end: 35,
      subAttribute: { name: 'value', start: 23, end: 28 },
      operator: 'eq',
      operatorToken: { text: 'eq', start: 29, end: 31 },
      value: { kind: 'string', value: 'x', start: 32, end: 35 },
    });
  });

  it('keeps numbers as written', () => {
    const { ast } = parseScimFilter('a eq 12345678901234567890.5e-3');
    expect(ast).toMatchObject({ value: { kind: 'number', raw: '12345678901234567890.5e-3' } });
  });
});

describe('baseOffset', () => {
  const inputs: Array<{ mode: Mode; input: string }> = [
    ...readArrowFixture('rfc-examples.txt'),
    ...readArrowFixture('canonical.txt'),
    ...readArrowFixture('paths.txt').map((c) => ({ ...c, mode: 'path' as Mode })),
    ...readDiagnosticFixture('diagnostics.txt'),
  ];
  it.each([1, 1000, 123_456])('shifts every AST range and diagnostic by %i', (base) => {
    for (const { mode, input } of inputs) {
      const plain = parseIn(mode, input);
      const shifted = parseIn(mode, input, base);
      expect(shifted).toEqual(shift(plain, base));
      for (const range of shifted.ast ? collectRanges(shifted.ast) : []) {
        expect(range.start).toBeGreaterThanOrEqual(base);
        expect(range.end).toBeLessThanOrEqual(base + input.length);
      }
    }
  });

  it('applies to the three entry points', () => {
    expect(parseAttributePath('name.givenName', { baseOffset: 10 }).ast).toMatchObject({
      start: 10,
      end: 24,
      attribute: { start: 10, end: 24 },
    });
    expect(parsePatchPath('members[value eq "1"]', { baseOffset: 5 }).ast!.filter).toMatchObject({ start: 13, end: 25 });
    expect(parseScimFilter('a eq', { baseOffset: 7 }).diagnostics).toMatchObject([{ code: 'scim-missing-value', start: 11, end: 11 }]);
  });

  it('tolerates a nonsensical baseOffset', () => {
    expect(parseScimFilter('a pr', { baseOffset: Number.NaN }).ast).toMatchObject({ start: 0, end: 4 });
  });
});
