/**
 * The SCIM fast path (grammar/scim/fast-path.ts) must be invisible: for every input, the public
 * parse functions (fast path first) return exactly what the reference (chevrotain) parser returns —
 * the same tree with the same ranges and key order, and the same diagnostics. Checked on fixed
 * edge cases, on generated valid filters and paths, on mutations of them and on token soup; the
 * fast path must also really be taken on the valid ones (or this test would prove nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseFilter, fastParsePath } from '../../../grammar/scim/fast-path';
import {
  parseAttributePath,
  parseAttributePathReference,
  parsePatchPath,
  parsePatchPathReference,
  parseScimFilter,
  parseScimFilterReference,
} from '../../../grammar/scim/index';
import { applyMutation, mutatedScimLine, mutation, scimSoup, scimToken, validScimFilter, validScimPath } from '../../property/arbitraries';

const NUM_RUNS = 1500;
const baseOffset = fc.oneof(fc.constant(0), fc.nat({ max: 100_000 }));

/** Same result, compared structurally and as JSON (which also compares key order). */
function expectSameAsReference(fast: unknown, reference: unknown): void {
  expect(fast).toStrictEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

function checkFilter(text: string, base: number): boolean {
  expectSameAsReference(parseScimFilter(text, { baseOffset: base }), parseScimFilterReference(text, { baseOffset: base }));
  return fastParseFilter(text, base) !== undefined;
}

function checkPaths(text: string, base: number): boolean {
  expectSameAsReference(parseAttributePath(text, { baseOffset: base }), parseAttributePathReference(text, { baseOffset: base }));
  expectSameAsReference(parsePatchPath(text, { baseOffset: base }), parsePatchPathReference(text, { baseOffset: base }));
  return fastParsePath(text, base) !== undefined;
}

describe('fixed cases: what the fast path takes and what it leaves to the reference parser', () => {
  const taken = [
    'userName eq "bjensen"',
    'USERNAME EQ "x"',
    '  title pr  ',
    'title\tpr\nand\r\nuserType eq "Employee"',
    '(title pr)',
    '((title pr))',
    'not (title pr)',
    'NOT(title pr)',
    '(a pr or b pr) or c pr',
    'a pr and (b pr and c pr) and (d pr or e pr)',
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    'emails[ type eq "w" ]',
    'emails[(type eq "w")] and not (x pr)',
    'a eq "x\\"y" and b eq "\\u00e9\\n" and c eq -1.5e3 and d eq true and e ne null and f gt 0',
    'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co "O\'Malley"',
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
  ];
  const declined = [
    '',
    '   ',
    'a eq"x"',
    'a pr and(b pr)',
    '(a pr)and b pr',
    'emails [type eq "x"]',
    'emails[type eq "x"].value eq "y"',
    'emails[type eq "x"] pr',
    'emails[types[value pr]]',
    'and eq 1',
    'pr pr',
    'not a pr',
    'not not (a pr)',
    "a eq 'x'",
    'a eq x',
    'a eq 01',
    'a eq True',
    'a eq "x',
    'a eq "\\q"',
    'a.b.c pr',
    '1a pr',
    '$ref pr',
    'a\u00a0pr',
    'a == "x"',
    'a lte 1',
    'a pr b pr',
    'a pr "x"',
    '(a pr',
    'a pr)',
    '()',
    `${'('.repeat(40)}a pr${')'.repeat(40)}`,
  ];
  it.each(taken)('takes %j', (text) => {
    expect(checkFilter(text, 0)).toBe(true);
    expect(checkFilter(text, 1234)).toBe(true);
  });
  it.each(declined)('declines %j', (text) => {
    expect(checkFilter(text, 0)).toBe(false);
    expect(checkFilter(text, 77)).toBe(false);
  });
  it.each(['userName', ' name.givenName ', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'])(
    'takes the path %j',
    (text) => {
      expect(checkPaths(text, 10)).toBe(true);
    },
  );
  it.each(['', 'emails[type eq "work"].value', 'a.b.c', 'eq', 'urn:x', 'a b', 'a:'])('declines the path %j', (text) => {
    expect(checkPaths(text, 10)).toBe(false);
  });
});

describe('properties: the fast path equals the reference parser', () => {
  it('on generated valid filters, taking every one the reference parser has nothing to say about', () => {
    fc.assert(
      fc.property(validScimFilter, baseOffset, (filter, base) => {
        const fast = checkFilter(filter.text, base);
        expect(fast).toBe(parseScimFilterReference(filter.text).diagnostics.length === 0);
        // The generator's only warning is the Entra form: everything else must take the fast path
        // (a guarantee of the generator, not a count of how many random cases happened to qualify).
        if (!filter.entra) expect(fast).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on mutations of generated valid filters', () => {
    fc.assert(
      fc.property(
        validScimFilter,
        fc.array(mutation(fc.oneof(scimToken, fc.constantFrom(' ', '(', ')', '[', ']', '"', '\\', '\u00a0', 'and', 'not'))), {
          minLength: 1,
          maxLength: 3,
        }),
        baseOffset,
        (filter, mutations, base) => {
          checkFilter(mutations.reduce(applyMutation, filter.text), base);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('on mutated fixture lines and SCIM token soup', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedScimLine, scimSoup), baseOffset, (text, base) => {
        checkFilter(text, base);
        checkPaths(text, base);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on generated valid paths, taking every plain one', () => {
    fc.assert(
      fc.property(validScimPath, baseOffset, (path, base) => {
        expect(checkPaths(path, base)).toBe(!path.includes('['));
      }),
      { numRuns: 500 },
    );
  });
});
