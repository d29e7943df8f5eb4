/**
 * Robustness properties of the whole language service (parse + check + LSP conversion) for both
 * languages: `diagnostics()` and `validate()` never throw, finish quickly, report no internal
 * error, and return well-formed offset and LSP diagnostics that agree with each other.
 */
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import { SCIM_DIAGNOSTIC_CODES } from '../../grammar/scim/index';
import { CHECKER_CODES } from '../../server/checker/codes';
import { createLanguageService } from '../../server/service/language-service';
import {
  expressionSoup,
  mappingSoup,
  mutatedMapping,
  mutatedScimFilterFile,
  mutatedScimLine,
  nearValidMapping,
  nearValidScimFilter,
  pathologicalInputs,
  randomText,
  scimSoup,
  structuredMapping,
  wellFormedMapping,
} from './arbitraries';
import { checkDiagnostics, checkLspDiagnostics, checkRegisteredCodes, lineLengths, runs, timed } from './invariants';
import { yieldingProperty } from '../support/event-loop';

const service = createLanguageService();
const registeredCodes = new Set([...Object.keys(CHECKER_CODES), ...Object.keys(SCIM_DIAGNOSTIC_CODES)]);

type Language = 'aadmap' | 'scimfilter';

function checkService(text: string, languageId: Language, options: { internalErrors?: boolean } = {}): void {
  const document = { uri: `file:///property.${languageId}`, text, languageId };
  const diagnostics = timed(`diagnostics(${languageId})`, () => service.diagnostics(document));
  checkDiagnostics(diagnostics, text.length, options);
  checkRegisteredCodes(diagnostics, registeredCodes);
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
    { name: 'random text', arbitrary: randomText, languageId: 'aadmap', numRuns: 300 },
    { name: 'random text', arbitrary: randomText, languageId: 'scimfilter', numRuns: 300 },
    { name: '.aadmap token sequences', arbitrary: mappingSoup, languageId: 'aadmap', numRuns: 300 },
    { name: 'expression token sequences', arbitrary: expressionSoup, languageId: 'aadmap', numRuns: 200 },
    { name: 'structured .aadmap text', arbitrary: structuredMapping, languageId: 'aadmap', numRuns: 150 },
    { name: 'mutated .aadmap fixtures', arbitrary: mutatedMapping, languageId: 'aadmap', numRuns: 150 },
    { name: 'SCIM filter files of token sequences', arbitrary: scimFilterFile, languageId: 'scimfilter', numRuns: 300 },
    { name: 'mutated .scimfilter fixtures', arbitrary: mutatedScimFilterFile, languageId: 'scimfilter', numRuns: 300 },
    // The other language's text: a mapping file read as filters and the reverse.
    { name: '.aadmap text', arbitrary: fc.oneof(mutatedMapping, structuredMapping), languageId: 'scimfilter', numRuns: 150 },
    { name: 'SCIM text', arbitrary: fc.oneof(scimFilterFile, mutatedScimFilterFile), languageId: 'aadmap', numRuns: 150 },
    { name: 'almost valid mapping files', arbitrary: nearValidMapping, languageId: 'aadmap', numRuns: 150 },
    {
      name: 'almost valid filters',
      arbitrary: fc.array(nearValidScimFilter, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
      languageId: 'scimfilter',
      numRuns: 150,
    },
  ];
  for (const { name, arbitrary, languageId, numRuns } of properties) {
    it(`${languageId}: ${name}`, async () => {
      await fc.assert(
        yieldingProperty(arbitrary, (text) => checkService(text, languageId)),
        { numRuns: runs(numRuns) },
      );
    });
  }
});

describe('well-formed mapping files', () => {
  /** Codes of the grammars: a well-formed file has none of them (the checker's findings are expected). */
  const syntaxCodes = /^(syntax-error|empty-expression|unterminated-string|unterminated-attribute|duplicate-modifier)$/;

  it('are checked without syntax errors, internal errors or malformed diagnostics', async () => {
    await fc.assert(
      yieldingProperty(wellFormedMapping, (text) => {
        checkService(text, 'aadmap');
        const syntax = service
          .diagnostics({ uri: 'file:///property.aadmap', text, languageId: 'aadmap' })
          .filter((d) => syntaxCodes.test(d.code) || (d.code.startsWith('scim-') && d.severity === 'error'));
        expect(syntax).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('language service is pure: results do not depend on the documents analysed before', () => {
  it('aadmap and scimfilter documents, interleaved', async () => {
    const document = fc.oneof(
      wellFormedMapping.map((text) => ({ text, languageId: 'aadmap' as const })),
      mutatedMapping.map((text) => ({ text, languageId: 'aadmap' as const })),
      scimFilterFile.map((text) => ({ text, languageId: 'scimfilter' as const })),
    );
    await fc.assert(
      yieldingProperty(document, fc.array(document, { maxLength: 3 }), (first, others) => {
        const input = { uri: `file:///first.${first.languageId}`, ...first };
        const before = service.diagnostics(input);
        for (const other of others) service.diagnostics({ uri: `file:///other.${other.languageId}`, ...other });
        expect(service.diagnostics(input)).toEqual(before);
        // A fresh service gives the same answer as a used one.
        expect(createLanguageService().diagnostics(input)).toEqual(before);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('LineIndex (offsets → LSP positions) agrees with vscode-languageserver-textdocument', () => {
  /** Text with every kind of line break, including CRLF pairs and lone CR / LF. */
  const textWithBreaks = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '\t', '\r', '\n', '\r\n', '\u2028', 'é', '\ud83d\ude00'),
    maxLength: 30,
  });
  const isInsideCrlf = (text: string, offset: number) => text[offset - 1] === '\r' && text[offset] === '\n';

  it('positionAt for every offset not inside a CRLF pair, and lineCount', async () => {
    await fc.assert(
      yieldingProperty(textWithBreaks, (text) => {
        const index = new LineIndex(text);
        const document = TextDocument.create('file:///x', 'aadmap', 0, text);
        expect(index.lineCount).toBe(document.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          if (!isInsideCrlf(text, offset)) expect(index.positionAt(offset)).toEqual(document.positionAt(offset));
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('offsetAt for every position within a line', async () => {
    await fc.assert(
      yieldingProperty(textWithBreaks, (text) => {
        const index = new LineIndex(text);
        const document = TextDocument.create('file:///x', 'aadmap', 0, text);
        lineLengths(text).forEach((length, line) => {
          for (let character = 0; character <= length; character++) {
            expect(index.offsetAt({ line, character })).toBe(document.offsetAt({ line, character }));
          }
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('positionAt and offsetAt at line ends (inside CRLF, characters past the line)', async () => {
    await fc.assert(
      yieldingProperty(textWithBreaks, fc.nat({ max: 40 }), (text, extra) => {
        const index = new LineIndex(text);
        const document = TextDocument.create('file:///x', 'aadmap', 0, text);
        for (let offset = 0; offset <= text.length; offset++) expect(index.positionAt(offset)).toEqual(document.positionAt(offset));
        lineLengths(text).forEach((length, line) => {
          expect(index.offsetAt({ line, character: length + extra })).toBe(document.offsetAt({ line, character: length + extra }));
        });
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('language service on pathological inputs', () => {
  for (const { name, languages, text } of pathologicalInputs()) {
    it(name, () => {
      if (languages.includes('aadmap') || languages.includes('expression')) checkService(text, 'aadmap');
      if (languages.includes('scim')) checkService(text, 'scimfilter');
    });
  }
});

describe('document snapshots', () => {
  it('a snapshot lists every brace offset, as a /[{}]/g scan does', async () => {
    await fc.assert(
      yieldingProperty(fc.string({ unit: fc.constantFrom('{', '}', 'a', '\n', '"'), maxLength: 40 }), (text) => {
        const snapshot = service.snapshot({ uri: 'file:///x.aadmap', languageId: 'aadmap', text });
        expect(snapshot.braces).toEqual([...text.matchAll(/[{}]/g)].map((m) => m.index));
      }),
      { numRuns: runs(300) },
    );
  });
});
