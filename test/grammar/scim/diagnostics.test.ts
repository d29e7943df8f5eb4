/**
 * Diagnostics: every code, with the exact range (fixtures/diagnostics.txt, caret notation), plus
 * the cases that do not fit in a fixture line (empty input, whitespace-only input).
 */
import { describe, expect, it } from 'vitest';
import {
  parseAttributePath,
  parsePatchPath,
  parseScimFilter,
  printScimFilter,
  printScimPath,
  SCIM_DIAGNOSTIC_CODES,
  SCIM_DIAGNOSTIC_SEVERITIES,
  type ScimFilter,
  type ScimPath,
} from '../../../grammar/scim/index';
import { parseIn, readDiagnosticFixture, renderDiagnostics } from './fixture-support';

const cases = readDiagnosticFixture('diagnostics.txt');

describe('diagnostics fixture', () => {
  for (const c of cases) {
    it(`line ${c.line} (${c.mode}): ${c.input}`, () => {
      const { ast, diagnostics } = parseIn(c.mode, c.input);
      expect([c.input, ...renderDiagnostics(diagnostics)].join('\n')).toBe([c.input, ...renderDiagnostics(c.expected)].join('\n'));
      c.expected.forEach((expected, index) => {
        if (expected.messageIncludes !== undefined) expect(diagnostics[index]!.message).toContain(expected.messageIncludes);
      });
      for (const d of diagnostics) {
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.severity).toBe(SCIM_DIAGNOSTIC_SEVERITIES[d.code as keyof typeof SCIM_DIAGNOSTIC_SEVERITIES]);
      }
      if (c.canonical !== undefined) {
        expect(ast).toBeDefined();
        const printed = c.mode === 'filter' ? printScimFilter(ast as ScimFilter) : printScimPath(ast as ScimPath);
        expect(printed).toBe(c.canonical);
      }
    });
  }
});

describe('diagnostic codes', () => {
  it('every emitted code is documented, and every documented code is tested', () => {
    const documented = new Set(Object.keys(SCIM_DIAGNOSTIC_CODES));
    const tested = new Set(cases.flatMap((c) => c.expected.map((e) => e.code)));
    for (const code of tested) expect(documented).toContain(code);
    // Codes that cannot be written on one fixture line are covered by the tests named here.
    const elsewhere = ['scim-empty-filter', 'scim-empty-path', 'scim-nesting-too-deep', 'scim-internal-error'];
    for (const code of documented) {
      if (!elsewhere.includes(code)) expect(tested, `fixture coverage of ${code}`).toContain(code);
    }
  });

  it('codes are stable kebab-case with one-line descriptions', () => {
    for (const [code, description] of Object.entries(SCIM_DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^(syntax-error|scim-[a-z]+(-[a-z]+)*)$/);
      expect(description).not.toContain('\n');
      expect(SCIM_DIAGNOSTIC_SEVERITIES[code as keyof typeof SCIM_DIAGNOSTIC_SEVERITIES]).toMatch(/^(error|warning)$/);
    }
  });
});

describe('empty input', () => {
  it.each([
    ['', 0, 0],
    ['   ', 0, 3],
    ['\t\n', 0, 2],
  ])('filter %j', (text, start, end) => {
    const { ast, diagnostics } = parseScimFilter(text);
    expect(ast).toBeUndefined();
    expect(diagnostics).toEqual([{ start, end, severity: 'error', code: 'scim-empty-filter', message: 'The filter is empty' }]);
  });

  it('attribute path and PATCH path', () => {
    expect(parseAttributePath('').diagnostics.map((d) => d.code)).toEqual(['scim-empty-path']);
    expect(parsePatchPath('  ').diagnostics.map((d) => [d.code, d.start, d.end, d.message])).toEqual([
      ['scim-empty-path', 0, 2, 'The PATCH path is empty'],
    ]);
  });

  it('with a base offset', () => {
    expect(parseScimFilter('', { baseOffset: 42 }).diagnostics.map((d) => [d.start, d.end])).toEqual([[42, 42]]);
  });
});
