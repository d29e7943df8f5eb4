/**
 * Property tests (fast-check):
 *  - the three parse functions never throw, terminate quickly and keep every range (AST and
 *    diagnostics) inside the input, for random strings and for mutations of valid filters;
 *  - whenever a filter parses without errors, printing it is idempotent and preserves the tree;
 *  - random VALID filters (generated from the grammar) parse without diagnostics, and the
 *    printer is idempotent on them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseScimFilter,
  printScimFilter,
  printScimPath,
  SCIM_DIAGNOSTIC_SEVERITIES,
  type ScimDiagnosticCode,
  type ScimFilter,
  type ScimPath,
} from '../../../grammar/scim/index';
import { timed } from '../../property/invariants';
import { collectRanges, hasErrorNode, parseIn, readArrowFixture, renderDiagnostics, sexpr, type Mode } from './fixture-support';
import { yieldingProperty } from '../../support/event-loop';

const MODES: Mode[] = ['filter', 'path', 'patch'];
const NUM_RUNS = 400;

/** Pieces that exercise the grammar far better than uniformly random characters. */
const FRAGMENTS = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  "'",
  ' ',
  '  ',
  '\t',
  '\n',
  '.',
  ':',
  '-',
  '$',
  '=',
  '!',
  '<',
  '&&',
  'eq',
  'EQ',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'lt',
  'ge',
  'le',
  'pr',
  'Pr',
  'and',
  'AND',
  'or',
  'not',
  'NOT',
  'not(',
  'a',
  'userName',
  'name.givenName',
  'emails',
  'emails[',
  '].value',
  'urn:ietf:params:scim:schemas:core:2.0:User:',
  'urn:x',
  '"x"',
  '"',
  '"\\u00e9"',
  '\\u',
  '\\ud83d',
  '1',
  '0',
  '01',
  '-1',
  '1.5e3',
  '.5',
  'true',
  'True',
  'null',
  '$ref',
  '\u00a0',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '\u0000',
  '\u001f',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const fragment = fc.constantFrom(...FRAGMENTS);

const randomText = fc.oneof(
  fc.string({ unit: fragment, maxLength: 40 }),
  fc.string({ unit: fc.oneof(fragment, codeUnit), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
);

const validSamples: string[] = [
  ...readArrowFixture('rfc-examples.txt').map((c) => c.input),
  ...readArrowFixture('canonical.txt').map((c) => c.input),
  ...readArrowFixture('trees.txt').map((c) => c.input),
];

type Mutation = { kind: 'insert' | 'replace'; at: number; text: string } | { kind: 'delete'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fragment, codeUnit) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.oneof(fragment, codeUnit) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const at = result.length === 0 ? 0 : m.at % (result.length + 1);
    if (m.kind === 'insert') result = result.slice(0, at) + m.text + result.slice(at);
    else if (m.kind === 'replace') result = result.slice(0, at) + m.text + result.slice(at + 1);
    else result = result.slice(0, at) + result.slice(at + 1);
  }
  return result;
}

const mutatedText = fc
  .tuple(fc.constantFrom(...validSamples), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([text, mutations]) => mutate(text, mutations));

/** Everything that must hold for any input in any mode. */
function checkInvariants(text: string, base: number): void {
  for (const mode of MODES) {
    // Throws when the parser throws, and a hang guard in CPU time (speed is `npm run bench`'s).
    const result = timed(`${mode} on ${JSON.stringify(text)}`, () => parseIn(mode, text, base));
    const { ast, diagnostics } = result;
    for (const d of diagnostics) {
      expect(d.code, JSON.stringify(text)).not.toBe('scim-internal-error');
      expect(SCIM_DIAGNOSTIC_SEVERITIES[d.code as ScimDiagnosticCode]).toBe(d.severity);
      expect(Number.isInteger(d.start) && Number.isInteger(d.end)).toBe(true);
      expect(d.start).toBeGreaterThanOrEqual(base);
      expect(d.end).toBeGreaterThanOrEqual(d.start);
      expect(d.end).toBeLessThanOrEqual(base + text.length);
    }
    if (ast === undefined) {
      expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
      continue;
    }
    for (const range of collectRanges(ast)) {
      expect(Number.isInteger(range.start) && Number.isInteger(range.end), range.what).toBe(true);
      expect(range.start, `${range.what} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(base);
      expect(range.end, `${range.what} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(range.start);
      expect(range.end, `${range.what} in ${JSON.stringify(text)}`).toBeLessThanOrEqual(base + text.length);
    }
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (hasErrorNode(ast)) expect(errors.length).toBeGreaterThan(0);
    if (errors.length === 0) checkRoundTrip(mode, ast, text);
  }
}

/** For an error-free parse, printing is idempotent and re-parses to the same tree. */
function checkRoundTrip(mode: Mode, ast: ScimFilter | ScimPath, source: string): void {
  if (mode === 'filter') {
    const printed = printScimFilter(ast as ScimFilter);
    const again = parseScimFilter(printed);
    expect(renderDiagnostics(again.diagnostics.filter((d) => d.severity === 'error')), `${source} → ${printed}`).toEqual([]);
    expect(printScimFilter(again.ast!)).toBe(printed);
    expect(sexpr(again.ast!)).toBe(sexpr(ast as ScimFilter));
  } else {
    const printed = printScimPath(ast as ScimPath);
    const again = parseIn(mode, printed);
    expect(
      again.diagnostics.filter((d) => d.severity === 'error'),
      `${source} → ${printed}`,
    ).toEqual([]);
    expect(printScimPath(again.ast as ScimPath)).toBe(printed);
  }
}

describe('never throws, terminates, ranges inside the input', () => {
  it('random strings', async () => {
    await fc.assert(
      yieldingProperty(randomText, fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })), (text, base) => checkInvariants(text, base)),
      { numRuns: NUM_RUNS * 3 },
    );
  });

  it('mutations of valid filters', async () => {
    await fc.assert(
      yieldingProperty(mutatedText, fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })), (text, base) => checkInvariants(text, base)),
      { numRuns: NUM_RUNS * 3 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generator of valid filters (the grammar of RFC 7644 §3.4.2.2, Figure 1)
// ---------------------------------------------------------------------------------------------

const KEYWORDS = new Set(['and', 'or', 'not', 'pr', 'eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);

/** Random upper/lower case per character (keywords and operators are case-insensitive). */
function anyCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(''));
}

const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \t ');
const attrName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,7}$/).filter((name) => !KEYWORDS.has(name.toLowerCase()));
const schemaUri = fc.constantFrom(
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:example:my-ext:1.0',
  'https://example.com/scim/v2',
);
const attrPath = fc
  .tuple(fc.option(schemaUri, { nil: undefined }), attrName, fc.option(attrName, { nil: undefined }))
  .map(([uri, name, sub]) => `${uri ? `${uri}:` : ''}${name}${sub ? `.${sub}` : ''}`);

/** A JSON string literal: JSON.stringify of any string, with some characters re-escaped as \uXXXX. */
const jsonString = fc
  .tuple(
    fc.string({
      unit: fc.oneof(fc.constantFrom('"', '\\', '/', '\n', ')', ']', ' and '), codeUnit, fc.string({ maxLength: 1 })),
      maxLength: 12,
    }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([value, escapeAll, upperHex]) => {
    if (!escapeAll) return JSON.stringify(value);
    let out = '"';
    for (let i = 0; i < value.length; i++) {
      const hex = value.charCodeAt(i).toString(16).padStart(4, '0');
      out += `\\u${upperHex ? hex.toUpperCase() : hex}`;
    }
    return `${out}"`;
  });
const jsonNumber = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,20}$/)),
    fc.option(fc.stringMatching(/^[0-9]{1,5}$/), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{1,3}$/)), { nil: undefined }),
  )
  .map(([negative, int, frac, exp]) => `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}${exp ? exp.join('') : ''}`);
const compValue = fc.oneof(jsonString, jsonNumber, fc.constantFrom('true', 'false', 'null'));
const compareOp = fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le').chain(anyCase);

const attrExp = fc.oneof(
  fc.tuple(attrPath, space, anyCase('pr')).map((parts) => parts.join('')),
  fc.tuple(attrPath, space, compareOp, space, compValue).map((parts) => parts.join('')),
);

function joinWith(keyword: 'and' | 'or', parts: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .tuple(parts, fc.array(fc.tuple(space, anyCase(keyword), space), { minLength: 4, maxLength: 4 }))
    .map(([items, separators]) => items.reduce((acc, item, i) => `${acc}${separators[(i - 1) % 4]!.join('')}${item}`));
}

/** Filters; `bracketFilter` given → may contain value paths whose brackets hold such filters. */
function filterArbitrary(bracketFilter: fc.Arbitrary<string> | undefined): fc.Arbitrary<string> {
  const { filter } = fc.letrec<{ filter: string; term: string; and: string; or: string; not: string; group: string }>((tie) => ({
    filter: fc.oneof({ depthSize: 'small', maxDepth: 4, withCrossShrink: true }, tie('term'), tie('and'), tie('or')),
    term: fc.oneof(
      { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
      attrExp,
      ...(bracketFilter ? [fc.tuple(attrPath, bracketFilter).map(([path, inner]) => `${path}[${inner}]`)] : []),
      tie('not'),
      tie('group'),
    ),
    and: joinWith('and', fc.array(tie('term'), { minLength: 2, maxLength: 4 })),
    or: joinWith('or', fc.array(fc.oneof(tie('term'), tie('and')), { minLength: 2, maxLength: 4 })),
    not: fc.tuple(anyCase('not'), fc.constantFrom('', ' ', '  '), tie('filter')).map(([not, gap, inner]) => `${not}${gap}(${inner})`),
    group: tie('filter').map((inner) => `(${inner})`),
  }));
  return filter;
}

/** What may stand inside `[ ]`: any filter without a value path. */
const valFilter = filterArbitrary(undefined);
const validFilter = filterArbitrary(valFilter);

/** The Entra form: valid apart from its warning. */
const entraFilter = fc
  .tuple(attrPath, valFilter, attrName, space, compareOp, space, compValue)
  .map(([path, inner, sub, s1, op, s2, value]) => `${path}[${inner}].${sub}${s1}${op}${s2}${value}`);

describe('random valid filters', () => {
  it('parse without diagnostics; printing is idempotent and preserves the tree', async () => {
    await fc.assert(
      yieldingProperty(validFilter, (text) => {
        const { ast, diagnostics } = parseScimFilter(text);
        expect(renderDiagnostics(diagnostics), text).toEqual([]);
        const printed = printScimFilter(ast!);
        const again = parseScimFilter(printed);
        expect(again.diagnostics, printed).toEqual([]);
        expect(printScimFilter(again.ast!)).toBe(printed);
        expect(sexpr(again.ast!)).toBe(sexpr(ast!));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the Entra form gives exactly one warning and round-trips', async () => {
    await fc.assert(
      yieldingProperty(entraFilter, (text) => {
        const { ast, diagnostics } = parseScimFilter(text);
        expect(
          diagnostics.map((d) => d.code),
          text,
        ).toEqual(['scim-entra-value-path']);
        expect(diagnostics[0]).toMatchObject({ start: 0, end: text.length, severity: 'warning' });
        const printed = printScimFilter(ast!);
        expect(printScimFilter(parseScimFilter(printed).ast!)).toBe(printed);
        // The suggested RFC form is itself a valid, warning-free filter.
        const suggestion = /the RFC equivalent is ([\s\S]*)$/.exec(diagnostics[0]!.message)![1]!;
        expect(parseScimFilter(suggestion).diagnostics).toEqual([]);
      }),
      { numRuns: NUM_RUNS / 2 },
    );
  });

  it('valid filters inside brackets are valid attribute and PATCH paths', async () => {
    await fc.assert(
      yieldingProperty(attrPath, fc.option(valFilter, { nil: undefined }), fc.option(attrName, { nil: undefined }), (path, inner, sub) => {
        const text = inner === undefined ? path : `${path}[${inner}]${sub ? `.${sub}` : ''}`;
        for (const mode of ['path', 'patch'] as const) {
          const { ast, diagnostics } = parseIn(mode, text);
          expect(diagnostics, text).toEqual([]);
          const printed = printScimPath(ast as ScimPath);
          expect(printScimPath(parseIn(mode, printed).ast as ScimPath)).toBe(printed);
        }
      }),
      { numRuns: NUM_RUNS / 2 },
    );
  });
});
