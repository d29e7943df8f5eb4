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
import {
  parseAttributePath,
  parseExpression,
  parseMappingFile,
  parsePatchPath,
  parseScimFilter,
  printExpression,
  printScimFilter,
  printScimPath,
} from '../../grammar/index';
import {
  expressionSoup,
  mutatedExpression,
  mutatedScimLine,
  nearValidExpression,
  nearValidScimFilter,
  scimLineFixtures,
  scimSoup,
  usesReservedWord,
  validExpression,
  validScimFilter,
  validScimPath,
} from './arbitraries';
import { checkAstBounds, runs, shapeOf } from './invariants';
import { yieldingProperty } from '../support/event-loop';

const errorsOf = (diagnostics: readonly { severity: string }[]) => diagnostics.filter((d) => d.severity === 'error');

describe('SCIM filters', () => {
  it('generated valid filters parse without error diagnostics (without any diagnostic unless in the Entra form)', async () => {
    await fc.assert(
      yieldingProperty(validScimFilter, ({ text, entra }) => {
        const result = parseScimFilter(text);
        expect(errorsOf(result.diagnostics)).toEqual([]);
        if (!entra) expect(result.diagnostics).toEqual([]);
        expect(result.ast).toBeDefined();
        checkAstBounds(result.ast, text.length);
      }),
      { numRuns: runs(400) },
    );
  });

  it('printing a generated valid filter is idempotent and keeps its tree', async () => {
    await fc.assert(
      yieldingProperty(validScimFilter, ({ text }) => {
        const ast = parseScimFilter(text).ast!;
        const printed = printScimFilter(ast);
        const reparsed = parseScimFilter(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(printScimFilter(reparsed.ast!)).toBe(printed);
        expect(shapeOf(reparsed.ast, true)).toEqual(shapeOf(ast, true));
      }),
      { numRuns: runs(400) },
    );
  });

  it('printing is idempotent on every filter (token soups, mutated fixtures, almost valid filters) that parses without errors', async () => {
    // Random inputs that happen to parse are not counted (how many do depends on the seed): the
    // generated valid filters among them are error-free by construction, so the property always
    // checks some.
    await fc.assert(
      yieldingProperty(
        fc.oneof(
          scimSoup,
          mutatedScimLine,
          fc.constantFrom(...scimLineFixtures),
          nearValidScimFilter,
          nearValidScimFilter,
          validScimFilter.map(({ text }) => text),
        ),
        (text) => {
          const parsed = parseScimFilter(text);
          if (parsed.ast === undefined || errorsOf(parsed.diagnostics).length > 0) return;
          const printed = printScimFilter(parsed.ast);
          const reparsed = parseScimFilter(printed);
          expect(errorsOf(reparsed.diagnostics)).toEqual([]);
          expect(printScimFilter(reparsed.ast!)).toBe(printed);
          expect(shapeOf(reparsed.ast, true)).toEqual(shapeOf(parsed.ast, true));
          // The canonical text keeps the warnings about the tree and loses those about whitespace.
          const codes = (diagnostics: readonly { code: string }[]) => diagnostics.map((d) => d.code).sort();
          expect(codes(reparsed.diagnostics)).toEqual(codes(parsed.diagnostics.filter((d) => d.code !== 'scim-whitespace')));
        },
      ),
      { numRuns: runs(700) },
    );
  });

  for (const [name, parse] of [
    ['parseAttributePath', parseAttributePath],
    ['parsePatchPath', parsePatchPath],
  ] as const) {
    it(`${name}: generated valid paths parse without errors and print idempotently`, async () => {
      await fc.assert(
        yieldingProperty(validScimPath, (text) => {
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
  it('generated valid expressions parse without any diagnostic to the generated tree', async () => {
    await fc.assert(
      yieldingProperty(validExpression, ({ shape, text }) => {
        const result = parseExpression(text);
        expect(result.diagnostics).toEqual([]);
        expect(shapeOf(result.ast)).toEqual(shape);
      }),
      { numRuns: runs(400) },
    );
  });

  it('printExpression(parse(x)) re-parses to the same shape for generated valid expressions', async () => {
    await fc.assert(
      yieldingProperty(validExpression, ({ text }) => {
        const ast = parseExpression(text).ast!;
        const printed = printExpression(ast);
        const reparsed = parseExpression(printed);
        expect(errorsOf(reparsed.diagnostics)).toEqual([]);
        expect(shapeOf(reparsed.ast)).toEqual(shapeOf(ast));
        expect(printExpression(reparsed.ast!)).toBe(printed);
      }),
      { numRuns: runs(400) },
    );
  });

  it('printExpression is idempotent on every expression (token soups, mutated fixtures, almost valid expressions) that parses without errors', async () => {
    // As above: the generated valid expressions guarantee error-free cases; the others are not counted.
    await fc.assert(
      yieldingProperty(
        fc.oneof(
          expressionSoup,
          mutatedExpression,
          nearValidExpression,
          validExpression.map(({ text }) => text),
        ),
        (text) => {
          const parsed = parseExpression(text);
          if (parsed.ast === undefined || errorsOf(parsed.diagnostics).length > 0) return;
          const printed = printExpression(parsed.ast);
          const reparsed = parseExpression(printed);
          expect(errorsOf(reparsed.diagnostics)).toEqual([]);
          expect(shapeOf(reparsed.ast)).toEqual(shapeOf(parsed.ast));
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

describe('mapping lines', () => {
  /** A deep copy with `delta` added to every offset (`start`, `end`, `openParen`, `closeParen`). */
  function shift<T>(value: T, delta: number): T {
    const offsetKeys = new Set(['start', 'end', 'openParen', 'closeParen']);
    return JSON.parse(JSON.stringify(value), (key, v) => (offsetKeys.has(key) && typeof v === 'number' ? v + delta : v)) as T;
  }

  it('parse their target with parseAttributePath and their source with parseExpression, at the right offsets', async () => {
    const input = fc.tuple(
      validScimPath,
      validExpression.filter(({ shape }) => !usesReservedWord(shape)),
      fc.constantFrom(' ', '  ', '\t'),
      fc.constantFrom('\n', '\r\n'),
    );
    await fc.assert(
      yieldingProperty(input, ([path, { text: expressionText }, indent, eol]) => {
        // A mapping line is one line: the expression's own line breaks become spaces.
        const expression = expressionText.replace(/\r\n|\n/g, ' ');
        const header = `mapping "M" User -> User {${eol}${indent}`;
        const line = `${path} <- `;
        const text = `${header}${line}${expression}${eol}}${eol}`;
        const parsed = parseMappingFile(text);
        expect(errorsOf(parsed.diagnostics)).toEqual([]);
        const item = parsed.ast.mappings[0]!.items[0]!;
        expect(item.kind).toBe('attributeMapping');
        if (item.kind !== 'attributeMapping') return;
        expect(item.target.text).toBe(path);
        expect(item.target.path).toEqual(parseAttributePath(path, { baseOffset: header.length }).ast);
        expect(item.source).toEqual(shift(parseExpression(expression).ast, header.length + line.length));
      }),
      { numRuns: runs(300) },
    );
  });
});
