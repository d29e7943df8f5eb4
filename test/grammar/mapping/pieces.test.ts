/**
 * parseMappingFile reads a file in pieces (cut before `mapping` / `target` lines), each by the fast
 * path (fast-path.ts) when it is well-formed, else by chevrotain; it must return exactly what one
 * reference parse of the whole text returns — tree, ranges, key order and diagnostics — on every
 * input: fixtures, generated Chatwork files, structured and random `.aadmap` text, and mutations
 * of all of them (unclosed blocks, stray braces, duplicated and swapped lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParsePiece } from '../../../grammar/mapping/fast-path';
import {
  parseMappingFile,
  parseMappingFileWhole,
  parseMappingPieceReference,
  parseMappingPieces,
  pieceStarts,
  updatePieceStarts,
} from '../../../grammar/mapping/index';
import { generateMappingFile } from '../../support/generate';
import {
  applyMutation,
  mappingFixtures,
  mappingSoup,
  mappingToken,
  mutatedMapping,
  mutation,
  structuredMapping,
} from '../../property/arbitraries';

function expectSameAsWhole(text: string): void {
  const pieces = parseMappingFile(text);
  const whole = parseMappingFileWhole(text);
  expect(pieces).toStrictEqual(whole);
  expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
}

/** Lines that make pieces interesting: new blocks, stray and missing braces, open parentheses. */
const blockLines = fc.constantFrom(
  '\nmapping "Extra" User -> User {\n',
  '\nmapping "Extra" User -> User {\n  title <- [jobTitle]\n}\n',
  '\n}\n',
  '}',
  '\ntarget chatwork\n',
  '\n  mapping "Indented" User -> User {\n',
  'Join(',
  '(',
  '\nmapping\n',
  '\ntarget\n',
  '\n  scope "S" {\n',
);
const insertable = fc.oneof(mappingToken, blockLines);

describe('pieces equal the whole-file parse', () => {
  it.each(mappingFixtures.map((text, i) => [i, text] as const))('fixture %i', (_i, text) => expectSameAsWhole(text));

  it('generated Chatwork files are really read in pieces, each by the fast path', () => {
    const text = generateMappingFile(50);
    const starts = pieceStarts(text);
    expect(parseMappingPieces(text).length).toBe(12); // the comment line, the target line and ten blocks
    starts.forEach((start, i) => expect(fastParsePiece(text, start, starts[i + 1] ?? text.length), `piece ${i}`).toBeDefined());
    expectSameAsWhole(text);
  });

  it.each(mappingFixtures.map((text, i) => [i, text] as const))(
    'fixture %i: the fast path equals the reference parser on every piece it takes',
    (_i, text) => {
      const starts = pieceStarts(text);
      starts.forEach((start, i) => {
        const end = starts[i + 1] ?? text.length;
        const fast = fastParsePiece(text, start, end);
        const reference = parseMappingPieceReference(text, start, end);
        if (fast !== undefined) {
          expect(reference.diagnostics).toEqual([]);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference.ast));
        }
      });
    },
  );

  // The fast path scans numbers by hand and shares strings between texts (fast-path.ts `interned`):
  // each line, in a block of its own, after the same names in other texts and lengths.
  it.each([
    ['Mid([jobTitle], 1.5, 2)', true],
    ['Mid([jobTitle], -3, 10)', true],
    ['Mid([jobTitle], &H1F, &Hff)', true],
    ['Mid([jobTitle], 12345678901234567890123, 1)', true],
    ['Mid([jobTitle], &h1F, 1)', false],
    ['Mid([jobTitle], &H, 1)', false],
    ['Mid([jobTitle], 1., 1)', false],
    ['Mid([jobTitle], 1a, 1)', false],
    ['Mid([jobTitle], 1.a, 1)', false],
    ['Mid([jobTitle], -, 1)', false],
    ['Mid([jobTitle], - 1, 1)', false],
    ['[jobTitle]  match 1', true],
    ['[jobTitle]  match 1.5', true],
    ['[jobTitle]  match &H1', false],
    ['Join(" ", [jobTitl], [jobTitle], [jobTitles], [JobTitle], "jobTitle", "jobTitl")', true],
    ['Joi([userPrincipalName], [userPrincipalNam], [userPrincipalNames])', true],
    ['Join("", [a], "abcdefghijklm", "abcdefghijklmn", "abcdefghijkl", "x\\"y")', true],
  ])('numbers and shared names: `%s` (fast path takes it: %s)', (source, taken) => {
    for (const target of ['title', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'titl', 'titles']) {
      const text = `# one block\nmapping "M" User -> User {\n  ${target} <- ${source}\n}\n`;
      const start = text.indexOf('mapping');
      const fast = fastParsePiece(text, start, text.length);
      const reference = parseMappingPieceReference(text, start, text.length);
      expect(fast !== undefined, 'taken by the fast path').toBe(taken);
      if (fast !== undefined) {
        expect(reference.diagnostics).toEqual([]);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference.ast));
      }
      expectSameAsWhole(text);
    }
  });

  it('on mutated generated files', () => {
    const bases = [5, 12, 25].map(generateMappingFile);
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation(insertable), { minLength: 1, maxLength: 6 }), (base, mutations) => {
        expectSameAsWhole(mutations.reduce(applyMutation, base));
      }),
      { numRuns: 250 },
    );
  });

  it('on mutated fixtures', () => {
    fc.assert(
      fc.property(mutatedMapping, (text) => expectSameAsWhole(text)),
      { numRuns: 600 },
    );
  });

  it('on structured .aadmap text, joined and mutated', () => {
    fc.assert(
      fc.property(
        fc.array(structuredMapping, { minLength: 1, maxLength: 3 }),
        fc.array(mutation(insertable), { maxLength: 3 }),
        (files, mutations) => {
          expectSameAsWhole(mutations.reduce(applyMutation, files.join('\n')));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('on .aadmap token soup', () => {
    fc.assert(
      fc.property(mappingSoup, (text) => expectSameAsWhole(text)),
      { numRuns: 400 },
    );
  });
});

describe('piece starts after an edit', () => {
  /** The common prefix and suffix of two texts, as the incremental diagnostics compute them. */
  function alignment(a: string, b: string): [number, number] {
    let prefix = 0;
    while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < Math.min(a.length, b.length) - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    return [prefix, suffix];
  }

  it('updatePieceStarts equals pieceStarts of the new text', () => {
    const lineBreaks = fc.constantFrom(
      '\n',
      '\r\n',
      '\r',
      '\nmapping "M" User -> User {\n',
      '\ntarget x\n',
      'mapping',
      'target',
      ' ',
      '\t',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(generateMappingFile(10)), structuredMapping),
        mutation(fc.oneof(insertable, lineBreaks)),
        (base, m) => {
          const text = applyMutation(base, m);
          const [prefix, suffix] = alignment(base, text);
          expect(updatePieceStarts(base, pieceStarts(base), text, prefix, suffix)).toEqual(pieceStarts(text));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
