/**
 * Robustness properties of the whole language service (parse + check + LSP conversion) for both
 * languages: `diagnostics()` and `validate()` never throw, finish quickly, report no internal
 * error, and return well-formed offset and LSP diagnostics that agree with each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import { createLanguageService } from '../../server/service/language-service';
import {
  expressionSoup,
  mappingSoup,
  mutatedMapping,
  mutatedScimFilterFile,
  mutatedScimLine,
  pathologicalInputs,
  randomText,
  scimSoup,
  structuredMapping,
} from './arbitraries';
import { checkDiagnostics, checkLspDiagnostics, runs, timed } from './invariants';

const service = createLanguageService();

type Language = 'aadmap' | 'scimfilter';

function checkService(text: string, languageId: Language, options: { internalErrors?: boolean } = {}): void {
  const document = { uri: `file:///property.${languageId}`, text, languageId };
  const diagnostics = timed(`diagnostics(${languageId})`, () => service.diagnostics(document));
  checkDiagnostics(diagnostics, text.length, options);
  const lsp = timed(`validate(${languageId})`, () => service.validate(document));
  checkLspDiagnostics(lsp, text, options);
  // validate() is diagnostics() converted: same count, same codes, positions of the same offsets.
  expect(lsp.length).toBe(diagnostics.length);
  const index = new LineIndex(text);
  diagnostics.forEach((d, i) => {
    expect(lsp[i]!.code).toBe(d.code);
    expect(lsp[i]!.range.start).toEqual(index.positionAt(d.start));
  });
}

/** Several random filter lines, with comments and blank lines, as a `.scimfilter` file. */
const scimFilterFile = fc
  .array(fc.oneof(scimSoup, mutatedScimLine, fc.constantFrom('', '# comment', '   ')), { maxLength: 6 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

describe('language service never throws and returns well-formed diagnostics', () => {
  const properties: { name: string; arbitrary: fc.Arbitrary<string>; languageId: Language; numRuns: number }[] = [
    { name: 'random text', arbitrary: randomText, languageId: 'aadmap', numRuns: 400 },
    { name: 'random text', arbitrary: randomText, languageId: 'scimfilter', numRuns: 400 },
    { name: '.aadmap token sequences', arbitrary: mappingSoup, languageId: 'aadmap', numRuns: 400 },
    { name: 'expression token sequences', arbitrary: expressionSoup, languageId: 'aadmap', numRuns: 200 },
    { name: 'structured .aadmap text', arbitrary: structuredMapping, languageId: 'aadmap', numRuns: 400 },
    { name: 'mutated .aadmap fixtures', arbitrary: mutatedMapping, languageId: 'aadmap', numRuns: 400 },
    { name: 'SCIM filter files of token sequences', arbitrary: scimFilterFile, languageId: 'scimfilter', numRuns: 400 },
    { name: 'mutated .scimfilter fixtures', arbitrary: mutatedScimFilterFile, languageId: 'scimfilter', numRuns: 300 },
    // The other language's text: a mapping file read as filters and the reverse.
    { name: '.aadmap text', arbitrary: fc.oneof(mutatedMapping, structuredMapping), languageId: 'scimfilter', numRuns: 150 },
    { name: 'SCIM text', arbitrary: fc.oneof(scimFilterFile, mutatedScimFilterFile), languageId: 'aadmap', numRuns: 150 },
  ];
  for (const { name, arbitrary, languageId, numRuns } of properties) {
    it(`${languageId}: ${name}`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => checkService(text, languageId)),
        { numRuns: runs(numRuns) },
      );
    });
  }
});

describe('language service on pathological inputs', () => {
  for (const { name, text } of pathologicalInputs()) {
    it(name, () => {
      checkService(text, 'aadmap', { internalErrors: true });
      checkService(text, 'scimfilter', { internalErrors: true });
    });
  }
});
