/**
 * Never throw, never hang, never overflow the stack: pathological inputs.
 */
import { describe, expect, it } from 'vitest';
import { tokenizeScim } from '../../../grammar/scim/lexer';
import { timed } from '../../property/invariants';
import { MAX_SCIM_NESTING, parseAttributePath, parsePatchPath, parseScimFilter, printScimFilter } from '../../../grammar/scim/index';

const parsers = [parseScimFilter, parseAttributePath, parsePatchPath] as const;

describe('deep nesting', () => {
  const deep: Array<[string, string]> = [
    ['10,000 (', '('.repeat(10_000)],
    ['10,000 ( around a filter', `${'('.repeat(10_000)}a pr${')'.repeat(10_000)}`],
    ['10,000 [', `emails${'['.repeat(10_000)}`],
    ['10,000 nested value paths', `${'emails['.repeat(10_000)}a pr${']'.repeat(10_000)}`],
    ['10,000 not (', `${'not ('.repeat(10_000)}a pr${')'.repeat(10_000)}`],
    ['10,000 not', `${'not '.repeat(10_000)}a pr`],
    ['10,000 not(', 'not('.repeat(10_000)],
    ['mixed ( and [', '([a pr and '.repeat(5_000)],
  ];
  for (const [name, text] of deep) {
    it(`reports "nesting too deep" for ${name}`, () => {
      for (const parse of parsers) {
        // Hang guards count CPU time, not wall time: a loaded machine must not fail them (test/property/invariants.ts).
        const result = timed(`${parse.name} on ${name}`, () => parse(text), 2_000);
        if (parse === parseScimFilter) {
          expect(result.ast).toBeUndefined();
          expect(result.diagnostics.map((d) => d.code)).toEqual(['scim-nesting-too-deep']);
          expect(result.diagnostics[0]!.message).toMatch(/Nesting too deep/);
        }
        for (const d of result.diagnostics) expect(d.code).not.toBe('scim-internal-error');
      }
    });
  }

  it(`parses ${MAX_SCIM_NESTING} levels of parentheses and of not (…)`, () => {
    const parens = `${'('.repeat(MAX_SCIM_NESTING)}a pr${')'.repeat(MAX_SCIM_NESTING)}`;
    expect(parseScimFilter(parens)).toMatchObject({ diagnostics: [], ast: { kind: 'attributeExpression', start: 0, end: parens.length } });
    const nots = `${'not ('.repeat(MAX_SCIM_NESTING)}a pr${')'.repeat(MAX_SCIM_NESTING)}`;
    const { ast, diagnostics } = parseScimFilter(nots);
    expect(diagnostics).toEqual([]);
    expect(printScimFilter(ast!)).toBe(`${'not ('.repeat(MAX_SCIM_NESTING)}a pr${')'.repeat(MAX_SCIM_NESTING)}`);
    const tooDeep = `${'('.repeat(MAX_SCIM_NESTING + 1)}a pr${')'.repeat(MAX_SCIM_NESTING + 1)}`;
    expect(parseScimFilter(tooDeep).diagnostics).toMatchObject([
      { code: 'scim-nesting-too-deep', start: MAX_SCIM_NESTING, end: MAX_SCIM_NESTING + 1 },
    ]);
  });

  it('parses nesting at the limit even when the caller is already deep in the stack', () => {
    const text = `${'('.repeat(MAX_SCIM_NESTING)}a pr${')'.repeat(MAX_SCIM_NESTING)}`;
    const recurse = (depth: number): ReturnType<typeof parseScimFilter> => (depth === 0 ? parseScimFilter(text) : recurse(depth - 1));
    expect(recurse(2_000).diagnostics).toEqual([]);
  });
});

describe('long input', () => {
  it('handles a 20,000-term chain in linear time', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `a${i} eq "${i}"`).join(' and ');
    const result = timed('a 20,000-term chain', () => parseScimFilter(text), 3_000);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast).toMatchObject({ kind: 'logical', operator: 'and' });
    expect((result.ast as { operands: unknown[] }).operands).toHaveLength(20_000);
    expect(printScimFilter(result.ast!)).toBe(text);
  });

  it('handles 200 KB of garbage and a 200 KB unterminated string', () => {
    let garbage = '';
    for (let i = 0; i < 200_000; i++) garbage += String.fromCharCode((i * 7919) % 0xffff);
    for (const text of [garbage, `a eq "${'x'.repeat(200_000)}`, ')'.repeat(200_000), '"'.repeat(200_001)]) {
      for (const parse of parsers) {
        const result = timed(`${parse.name} on 200 KB`, () => parse(text), 5_000);
        expect(result.diagnostics.length).toBeLessThanOrEqual(100);
        for (const d of result.diagnostics) {
          expect(d.code).not.toBe('scim-internal-error');
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }
    }
  });
});

describe('odd characters', () => {
  it('lexes every UTF-16 code unit without a lexer error (first-char optimisation is complete)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `${String.fromCharCode(code)}a${String.fromCharCode(code)}`;
      const { tokens, errors } = tokenizeScim(text);
      expect(errors, `U+${code.toString(16)}`).toEqual([]);
      const covered = tokens.reduce((sum, token) => sum + token.image.length, 0);
      // Whitespace is skipped; everything else belongs to a token.
      const skipped = /\s/.test(String.fromCharCode(code)) ? 2 : 0;
      expect(covered + skipped, `U+${code.toString(16)}`).toBe(3);
    }
  });

  it.each([
    ['lone high surrogate', 'a eq "\ud800"'],
    ['lone low surrogate in a name', 'a\udc00 pr'],
    ['NUL', '\u0000'],
    ['BOM', '\ufeffuserName eq "x"'],
    ['line separator', 'a pr\u2028and b pr'],
    ['CRLF', 'a pr\r\nand b pr'],
  ])('%s', (_name, text) => {
    for (const parse of parsers) {
      const { diagnostics } = parse(text);
      for (const d of diagnostics) {
        expect(d.code).not.toBe('scim-internal-error');
        expect(d.end).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('keeps a lone surrogate in a decoded string and re-encodes it', () => {
    const { ast, diagnostics } = parseScimFilter('a eq "\\ud800x"');
    expect(diagnostics).toEqual([]);
    expect(ast).toMatchObject({ value: { value: '\ud800x' } });
    expect(printScimFilter(ast!)).toBe('a eq "\\ud800x"');
  });

  it('turns a non-string argument into text instead of throwing', () => {
    expect(() => parseScimFilter(undefined as unknown as string)).not.toThrow();
    expect(() => parseScimFilter(42 as unknown as string)).not.toThrow();
  });
});
