/**
 * The expression grammar, data-driven: fixtures/valid.txt (INPUT => TREE, then print → re-parse
 * gives the same tree) and fixtures/invalid.txt (carets under the expected diagnostics). Every
 * documented example of the function catalogue must parse without errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression } from '../../../grammar/expression/index';
import { FUNCTIONS } from '../../../server/catalogue/index';
import { dumpExpression } from '../../support/dump-expression';
import { compareExpectations } from '../../support/inline-expectations';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const SEPARATOR = ' => ';

const validCases = fixture('valid.txt')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const at = line.lastIndexOf(SEPARATOR);
    return { input: line.slice(0, at), tree: line.slice(at + SEPARATOR.length) };
  });

describe('valid expressions', () => {
  for (const { input, tree } of validCases) {
    it(input, () => {
      const { ast, diagnostics } = parseExpression(input);
      expect(diagnostics).toEqual([]);
      expect(dumpExpression(ast)).toBe(tree);
      const printed = printExpression(ast!);
      const reparsed = parseExpression(printed);
      expect(reparsed.diagnostics).toEqual([]);
      expect(dumpExpression(reparsed.ast)).toBe(tree);
    });
  }

  it('keeps exact ranges: the call, its name, its arguments and the empty positions', () => {
    const text = 'Switch([IsSoftDeleted], , "False")';
    const { ast } = parseExpression(text);
    if (ast?.kind !== 'call') throw new Error('expected a call');
    expect([ast.start, ast.end, ast.nameRange, ast.openParen, ast.closeParen]).toEqual([
      0,
      text.length,
      { start: 0, end: 6 },
      6,
      text.length - 1,
    ]);
    expect(ast.args.map((a) => [a.kind, text.slice(a.start, a.end)])).toEqual([
      ['attribute', '[IsSoftDeleted]'],
      ['empty', ' '],
      ['string', '"False"'],
    ]);
  });

  it('accepts whitespace and newlines anywhere between tokens', () => {
    const text = 'Join(\n  ",",\r\n  [givenName] ,\n\t[surname]\n)\n';
    const { ast, diagnostics } = parseExpression(text);
    expect(diagnostics).toEqual([]);
    expect(dumpExpression(ast)).toBe('Join(",", [givenName], [surname])');
  });

  it('parses every documented example of the function catalogue', () => {
    const examples = FUNCTIONS.flatMap((f) => f.examples.map((e) => e.expression));
    expect(examples.length).toBeGreaterThan(60);
    for (const expression of examples) {
      expect({ expression, errors: parseExpression(expression).diagnostics.filter((d) => d.severity === 'error') }).toEqual({
        expression,
        errors: [],
      });
    }
  });
});

describe('invalid expressions', () => {
  // Each case line is followed by its expectation lines; cases are parsed one line at a time.
  const lines = fixture('invalid.txt').split('\n');
  const cases: { input: string; block: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#') || /^\s*\^/.test(line)) continue;
    const expectations: string[] = [];
    while (i + 1 < lines.length && /^\s*\^/.test(lines[i + 1]!)) expectations.push(lines[++i]!);
    cases.push({ input: line, block: [line, ...expectations].join('\n') });
  }

  it('has cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const { input, block } of cases) {
    it(input, () => {
      const { diagnostics } = parseExpression(input);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(compareExpectations(block, diagnostics, { comment: '' })).toEqual([]);
    });
  }
});

it('keeps diagnostics sorted when the text holds only whitespace and unknown characters', () => {
  for (const input of [' &', '\t\u0000', '{  &']) {
    const starts = parseExpression(input).diagnostics.map((d) => d.start);
    expect(starts, JSON.stringify(input)).toEqual([...starts].sort((a, b) => a - b));
  }
});
