/**
 * Round trips the code claims:
 *  - generated VALID SCIM filters and paths parse with no error diagnostics;
 *  - `printScimFilter` is idempotent (print → parse → print gives the same text) on every filter that
 *    parses without errors, and the printed text re-parses to the same tree (grammar/scim/printer.ts);
 *  - generated VALID expressions parse with no error to the generated tree, and
 *    `printExpression(parse(x))` re-parses to a tree of identical shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttributePath, parseExpression, parsePatchPath, parseScimFilter, printExpression, printScimFilter, printScimPath } from '../../grammar/index';
import { expressionSoup, mutatedExpression, mutatedScimLine, scimLineFixtures, scimSoup, validExpression, validScimFilter, validScimPath } from './arbitraries';
import { checkAstBounds, runs, shapeOf } from './invariants';

const errorsOf = (diagnostics: readonly { severity: string }[]) => diagnostics.filter((d) => d.severity === 'error');

describe('SCIM filters', () => {
  it('generated valid filters parse without error diagnostics', () => {
    fc.assert(
      fc.property(validScimFilter, ({ text }) => {
        const result = parseScimFilter(text);
        expect(errorsOf(result.diagnostics)).toEqual([]);
        expect(result.ast).toBeDefined();
        checkAstBounds(result.ast, text.length);
      }),
      { numRuns: runs(600) },
    );
  });

  it('printing a generated valid filter is idempotent and keeps its tree', () => {
    fc.assert(
      fc.property(validScimFilter, ({ text }) => {
        const ast = parseScimFilter(text).ast!;
        const printed = printScimFilter(ast);
        const reparsed = parseScimFilter(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(printScimFilter(reparsed.ast!)).toBe(printed);
        expect(shapeOf(reparsed.ast, true)).toEqual(shapeOf(ast, true));
      }),
      { numRuns: runs(600) },
    );
  });

  it('printing is idempotent on every filter (token soups, mutated fixtures) that parses without errors', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(scimSoup, mutatedScimLine, fc.constantFrom(...scimLineFixtures)), (text) => {
        const parsed = parseScimFilter(text);
        if (parsed.ast === undefined || errorsOf(parsed.diagnostics).length > 0) return;
        checked++;
        const printed = printScimFilter(parsed.ast);
        const reparsed = parseScimFilter(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(printScimFilter(reparsed.ast!)).toBe(printed);
        expect(shapeOf(reparsed.ast, true)).toEqual(shapeOf(parsed.ast, true));
      }),
      { numRuns: runs(1000) },
    );
    // The property is only meaningful if enough inputs were error-free.
    expect(checked).toBeGreaterThan(50);
  });

  for (const [name, parse] of [
    ['parseAttributePath', parseAttributePath],
    ['parsePatchPath', parsePatchPath],
  ] as const) {
    it(`${name}: generated valid paths parse without errors and print idempotently`, () => {
      fc.assert(
        fc.property(validScimPath, (text) => {
          const result = parse(text);
          expect(errorsOf(result.diagnostics)).toEqual([]);
          const printed = printScimPath(result.ast!);
          const reparsed = parse(printed);
          expect(errorsOf(reparsed.diagnostics)).toEqual([]);
          expect(printScimPath(reparsed.ast!)).toBe(printed);
          expect(shapeOf(reparsed.ast, true)).toEqual(shapeOf(result.ast, true));
        }),
        { numRuns: runs(300) },
      );
    });
  }
});

describe('expressions', () => {
  it('generated valid expressions parse without errors to the generated tree', () => {
    fc.assert(
      fc.property(validExpression, ({ shape, text }) => {
        const result = parseExpression(text);
        expect(errorsOf(result.diagnostics)).toEqual([]);
        expect(shapeOf(result.ast)).toEqual(shape);
      }),
      { numRuns: runs(600) },
    );
  });

  it('printExpression(parse(x)) re-parses to the same shape for generated valid expressions', () => {
    fc.assert(
      fc.property(validExpression, ({ text }) => {
        const ast = parseExpression(text).ast!;
        const printed = printExpression(ast);
        const reparsed = parseExpression(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(shapeOf(reparsed.ast)).toEqual(shapeOf(ast));
        expect(printExpression(reparsed.ast!)).toBe(printed);
      }),
      { numRuns: runs(600) },
    );
  });

  it('printExpression is idempotent on every expression (token soups, mutated fixtures) that parses without errors', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(expressionSoup, mutatedExpression), (text) => {
        const parsed = parseExpression(text);
        if (parsed.ast === undefined || errorsOf(parsed.diagnostics).length > 0) return;
        checked++;
        const printed = printExpression(parsed.ast);
        const reparsed = parseExpression(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(shapeOf(reparsed.ast)).toEqual(shapeOf(parsed.ast));
      }),
      { numRuns: runs(800) },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
