/**
 * Robustness properties of the public parsers (grammar/index.ts): on random text, random token
 * sequences, mutated fixtures and pathological shapes they never throw, finish quickly, and return
 * well-formed diagnostics and ASTs (every range inside the text, children inside their parents).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectFilterAttributes,
  parseAttributePath,
  parseExpression,
  parseMappingFile,
  parsePatchPath,
  parseScimFilter,
  printExpression,
  printScimFilter,
  printScimPath,
  type ScimFilter,
  type ScimPath,
} from '../../grammar/index';
import { SCIM_DIAGNOSTIC_CODES } from '../../grammar/scim/index';
import { CHECKER_CODES } from '../../server/checker/codes';
import {
  expressionSoup,
  mappingSoup,
  mutatedExpression,
  mutatedMapping,
  mutatedScimLine,
  nearValidExpression,
  nearValidMapping,
  nearValidScimFilter,
  nearValidScimPath,
  pathologicalInputs,
  randomText,
  scimSoup,
  structuredMapping,
} from './arbitraries';
import {
  checkAstBounds,
  checkDiagnostics,
  checkExpressionNesting,
  checkMappingHeaderNesting,
  checkMappingNesting,
  checkPlaceholdersReported,
  checkRegisteredCodes,
  checkScimNesting,
  checkSorted,
  checkSourceSlices,
  runs,
  timed,
} from './invariants';
import { yieldingProperty } from '../support/event-loop';

interface Parser {
  name: string;
  /** Parses `text` and checks every invariant; throws on a violation. */
  check(text: string, options?: { internalErrors?: boolean }): void;
}

/** Codes the grammars may report: the SCIM ones and the checker registry (which lists the parsers' codes). */
const scimCodes = new Set(Object.keys(SCIM_DIAGNOSTIC_CODES));
const grammarCodes = new Set([...Object.keys(CHECKER_CODES), ...scimCodes]);

const expressionParser: Parser = {
  name: 'parseExpression',
  check(text, options) {
    const result = timed('parseExpression', () => parseExpression(text));
    // Sorting is checked on its own below (a known bug).
    checkDiagnostics(result.diagnostics, text.length, { ...options, sorted: false });
    checkRegisteredCodes(result.diagnostics, grammarCodes);
    if (result.ast === undefined) {
      // "Undefined only when the text holds no expression at all."
      if (!result.diagnostics.some((d) => d.code === 'empty-expression' || d.code === 'internal-error')) {
        throw new Error('parseExpression returned no AST for text that has tokens');
      }
      return;
    }
    checkAstBounds(result.ast, text.length);
    checkExpressionNesting(result.ast);
    checkSourceSlices(result.ast, text);
    checkPlaceholdersReported(result.ast, result.diagnostics, 'parseExpression');
    timed('printExpression', () => printExpression(result.ast!));
  },
};

const mappingParser: Parser = {
  name: 'parseMappingFile',
  check(text, options) {
    const result = timed('parseMappingFile', () => parseMappingFile(text));
    checkDiagnostics(result.diagnostics, text.length, options);
    checkRegisteredCodes(result.diagnostics, grammarCodes);
    checkAstBounds(result.ast, text.length);
    checkMappingNesting(result.ast, text.length);
    checkSourceSlices(result.ast, text);
    checkPlaceholdersReported(result.ast, result.diagnostics, 'parseMappingFile');
  },
};

/** Diagnostics of one SCIM parse are capped (index.ts MAX_DIAGNOSTICS). */
const MAX_SCIM_DIAGNOSTICS = 100;

function scimParser(name: string, parse: typeof parseScimFilter | typeof parseAttributePath): Parser {
  return {
    name,
    check(text, options) {
      const result = timed(name, () => parse(text));
      checkDiagnostics(result.diagnostics, text.length, options);
      checkRegisteredCodes(result.diagnostics, scimCodes);
      if (result.diagnostics.length > MAX_SCIM_DIAGNOSTICS) throw new Error(`${name} returned ${result.diagnostics.length} diagnostics`);
      if (result.ast === undefined) {
        if (!result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`${name} returned no AST and no error`);
        // A filter is undefined only for empty input, too-deep nesting or an internal error.
        if (
          name === 'parseScimFilter' &&
          !result.diagnostics.some((d) => /^scim-(empty-filter|nesting-too-deep|internal-error)$/.test(d.code))
        ) {
          throw new Error('parseScimFilter returned no AST for a non-empty filter');
        }
        return;
      }
      checkAstBounds(result.ast, text.length);
      checkScimNesting(result.ast);
      checkSourceSlices(result.ast, text);
      checkPlaceholdersReported(result.ast, result.diagnostics, name);
      if (result.ast.kind === 'path') timed('printScimPath', () => printScimPath(result.ast as ScimPath));
      else {
        timed('printScimFilter', () => printScimFilter(result.ast as ScimFilter));
        const attributes = timed('collectFilterAttributes', () => collectFilterAttributes(result.ast as ScimFilter));
        if (!Array.isArray(attributes) || attributes.some((a) => typeof a !== 'string'))
          throw new Error('collectFilterAttributes did not return strings');
      }
    },
  };
}

const filterParser = scimParser('parseScimFilter', parseScimFilter);
const attributePathParser = scimParser('parseAttributePath', parseAttributePath);
const patchPathParser = scimParser('parsePatchPath', parsePatchPath);

/** Runs a property; fast-check prints the seed and the shrunk counter-example on failure. */
async function property(input: fc.Arbitrary<string>, parser: Parser, numRuns: number): Promise<void> {
  await fc.assert(
    yieldingProperty(input, (text) => {
      parser.check(text);
    }),
    { numRuns: runs(numRuns) },
  );
}

describe('parsers never throw and return well-formed results', () => {
  const inputs: { name: string; arbitrary: fc.Arbitrary<string>; parsers: Parser[]; numRuns: number }[] = [
    {
      name: 'random text',
      arbitrary: randomText,
      parsers: [expressionParser, mappingParser, filterParser, attributePathParser, patchPathParser],
      numRuns: 400,
    },
    { name: 'expression token sequences', arbitrary: expressionSoup, parsers: [expressionParser, mappingParser], numRuns: 400 },
    { name: 'mutated fixture expressions', arbitrary: mutatedExpression, parsers: [expressionParser], numRuns: 500 },
    { name: '.aadmap token sequences', arbitrary: mappingSoup, parsers: [mappingParser, expressionParser], numRuns: 400 },
    { name: 'structured .aadmap text', arbitrary: structuredMapping, parsers: [mappingParser], numRuns: 200 },
    { name: 'mutated .aadmap fixtures', arbitrary: mutatedMapping, parsers: [mappingParser], numRuns: 250 },
    { name: 'SCIM token sequences', arbitrary: scimSoup, parsers: [filterParser, attributePathParser, patchPathParser], numRuns: 500 },
    {
      name: 'mutated SCIM fixtures',
      arbitrary: mutatedScimLine,
      parsers: [filterParser, attributePathParser, patchPathParser],
      numRuns: 400,
    },
    { name: 'almost valid filters', arbitrary: nearValidScimFilter, parsers: [filterParser, patchPathParser], numRuns: 400 },
    { name: 'almost valid paths', arbitrary: nearValidScimPath, parsers: [attributePathParser, filterParser], numRuns: 400 },
    { name: 'almost valid expressions', arbitrary: nearValidExpression, parsers: [expressionParser], numRuns: 400 },
    { name: 'almost valid mapping files', arbitrary: nearValidMapping, parsers: [mappingParser], numRuns: 300 },
  ];
  for (const input of inputs) {
    for (const parser of input.parsers) {
      it(`${parser.name}: ${input.name}`, () => property(input.arbitrary, parser, input.numRuns));
    }
  }
});

describe('parseExpression sorts its diagnostics by offset (as the other parsers do)', () => {
  it('on random text and token sequences', async () => {
    await fc.assert(
      yieldingProperty(fc.oneof(randomText, expressionSoup, mutatedExpression), (text) => {
        checkSorted(parseExpression(text).diagnostics);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('parsers called from JavaScript with a non-string never throw (dist/grammar.js "never throws")', () => {
  const callFromJavaScript = (parse: (text: string) => unknown) => (value: unknown) => {
    parse(value as string);
  };
  /** undefined, null, numbers, booleans, arrays, plain objects: what a JavaScript caller might pass by mistake. */
  const plainValue = fc.anything({ withNullPrototype: false, key: fc.string().filter((key) => key !== 'toString' && key !== 'valueOf') });
  for (const [name, parse] of Object.entries({ parseExpression, parseScimFilter, parseAttributePath, parsePatchPath })) {
    it(name, async () => {
      await fc.assert(yieldingProperty(plainValue, callFromJavaScript(parse)), { numRuns: runs(100) });
    });
  }
  it('parseMappingFile', async () => {
    await fc.assert(yieldingProperty(plainValue, callFromJavaScript(parseMappingFile)), { numRuns: runs(100) });
  });
  it('SCIM parsers on values String() cannot convert', async () => {
    const exotic = fc.oneof(
      fc.constant(Object.create(null) as unknown),
      fc.anything().map((value) => ({ toString: value })),
    );
    for (const parse of [parseScimFilter, parseAttributePath, parsePatchPath]) {
      await fc.assert(yieldingProperty(exotic, callFromJavaScript(parse)), { numRuns: runs(50) });
    }
  });
});

describe('mapping block and scope headers lie within their block', () => {
  it('on structured and mutated .aadmap text', async () => {
    await fc.assert(
      yieldingProperty(fc.oneof(structuredMapping, mutatedMapping, mappingSoup), (text) => {
        checkMappingHeaderNesting(parseMappingFile(text).ast);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('parsers are pure: a parse does not depend on the parses before it', () => {
  const anyText = fc.oneof(randomText, expressionSoup, mappingSoup, scimSoup, mutatedMapping, mutatedScimLine);
  const parsers = { parseExpression, parseMappingFile, parseScimFilter, parseAttributePath, parsePatchPath };
  for (const [name, parse] of Object.entries(parsers)) {
    it(name, async () => {
      await fc.assert(
        yieldingProperty(anyText, anyText, (a, b) => {
          const first = (parse as (t: string) => unknown)(a);
          (parse as (t: string) => unknown)(b);
          expect((parse as (t: string) => unknown)(a)).toEqual(first);
        }),
        { numRuns: runs(150) },
      );
    });
  }
});

describe('SCIM baseOffset shifts every range and nothing else', () => {
  for (const [name, parse] of [
    ['parseScimFilter', parseScimFilter],
    ['parseAttributePath', parseAttributePath],
    ['parsePatchPath', parsePatchPath],
  ] as const) {
    it(name, async () => {
      await fc.assert(
        yieldingProperty(fc.oneof(scimSoup, mutatedScimLine, randomText), fc.integer({ min: 1, max: 100_000 }), (text, base) => {
          const plain = parse(text);
          const shifted = parse(text, { baseOffset: base });
          checkDiagnostics(shifted.diagnostics, text.length, { base });
          if (shifted.ast !== undefined) checkAstBounds(shifted.ast, text.length, base);
          expect(unshift(shifted, base)).toEqual(plain);
        }),
        { numRuns: runs(200) },
      );
    });
  }
});

/** A deep copy with `base` subtracted from every `start`/`end` (messages stay as they are). */
function unshift<T>(value: T, base: number): T {
  return JSON.parse(JSON.stringify(value), (key, v) => ((key === 'start' || key === 'end') && typeof v === 'number' ? v - base : v)) as T;
}

describe('pathological inputs finish quickly with well-formed results', () => {
  const parsersFor = {
    expression: [expressionParser],
    aadmap: [mappingParser],
    scim: [filterParser, attributePathParser, patchPathParser],
  };
  for (const { name, languages, text } of pathologicalInputs()) {
    it(name, () => {
      for (const parser of languages.flatMap((language) => parsersFor[language])) {
        parser.check(text);
      }
    });
  }
});
