/**
 * Formatting never changes meaning and is idempotent: on every example and test file of the
 * repository, and on generated files (well-shaped, mutated and random), the formatted text parses
 * to the same syntax tree as the input — positions aside — with the same comments and the same
 * diagnostic codes, and formatting it again changes nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { parseScimFilter } from '../../grammar/scim/index';
import { createLanguageService } from '../../server/service/language-service';
import { applyEdits, readCases } from '../support/cases';
import { mappingSoup, mutatedMapping, mutatedScimFilterFile, randomText, repoRoot, scimSoup, structuredMapping } from './arbitraries';
import { runs, shapeOf } from './invariants';
import { yieldingProperty } from '../support/event-loop';

const service = createLanguageService();

type Language = 'aadmap' | 'scimfilter';

/** Keys that hold positions (or text that depends on them) rather than meaning. */
const POSITION_KEYS = new Set([
  'start',
  'end',
  'nameRange',
  'openParen',
  'closeParen',
  'operatorRange',
  'operatorToken',
  'arrow',
  'keyword',
  'closeBrace',
]);

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (POSITION_KEYS.has(key)) continue;
    // A comment keeps its text; trailing blanks inside it are not part of it.
    result[key] = (node as { kind?: string }).kind === 'comment' && key === 'text' ? String(value).trimEnd() : withoutPositions(value);
  }
  return result;
}

/** What a document means: its tree (and comments) without positions, and its diagnostic codes. */
function meaning(text: string, languageId: Language): unknown {
  if (languageId === 'aadmap') {
    const parsed = parseMappingFile(text);
    return { ast: withoutPositions(parsed.ast), codes: parsed.diagnostics.map((d) => d.code).sort() };
  }
  // `scim-whitespace` (a missing or unusual space) is what canonical printing fixes.
  const codes = (line: string) =>
    parseScimFilter(line)
      .diagnostics.map((d) => d.code)
      .filter((code) => code !== 'scim-whitespace')
      .sort();
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => (line.trim().startsWith('#') ? line.trimEnd() : { ast: shapeOf(parseScimFilter(line).ast, true), codes: codes(line) }));
}

function format(text: string, languageId: Language): string {
  return applyEdits(text, service.format({ uri: `file:///property.${languageId}`, languageId, text }, { tabSize: 2, insertSpaces: true }));
}

function checkFormatting(text: string, languageId: Language): void {
  const once = format(text, languageId);
  expect(meaning(once, languageId)).toEqual(meaning(text, languageId));
  expect(format(once, languageId)).toBe(once);
}

function filesUnder(directory: string, pattern: RegExp): string[] {
  const result: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) result.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) result.push(path);
  }
  return result;
}

const repositoryFiles = [
  ...filesUnder(join(repoRoot, 'examples'), /\.(aadmap|scimfilter)$/),
  ...filesUnder(join(repoRoot, 'test'), /\.(aadmap|scimfilter)$/),
];

/** The inputs of the editor-feature cases (test/service/cases/*.md). */
const caseInputs = filesUnder(join(repoRoot, 'test', 'service', 'cases'), /\.md$/).flatMap((file) =>
  readCases(file).map((c) => ({ name: `${relative(repoRoot, file)}: ${c.name}`, text: c.text, languageId: c.languageId as Language })),
);

describe('formatting keeps the meaning and is idempotent', () => {
  it('finds the example and test files', () => {
    expect(repositoryFiles.length).toBeGreaterThan(15);
    expect(caseInputs.length).toBeGreaterThan(100);
  });

  for (const file of repositoryFiles) {
    it(relative(repoRoot, file), () => {
      const text = readFileSync(file, 'utf8');
      checkFormatting(text, file.endsWith('.scimfilter') ? 'scimfilter' : 'aadmap');
    });
  }

  it('on the inputs of the editor-feature cases', () => {
    for (const { text, languageId } of caseInputs) checkFormatting(text, languageId);
  });

  const generated: { name: string; arbitrary: fc.Arbitrary<string>; languageId: Language; numRuns: number }[] = [
    { name: 'well-shaped .aadmap files', arbitrary: structuredMapping, languageId: 'aadmap', numRuns: 300 },
    { name: 'mutated fixtures', arbitrary: mutatedMapping, languageId: 'aadmap', numRuns: 300 },
    { name: '.aadmap token soups', arbitrary: mappingSoup, languageId: 'aadmap', numRuns: 200 },
    { name: 'random text as .aadmap', arbitrary: randomText, languageId: 'aadmap', numRuns: 200 },
    { name: 'mutated .scimfilter files', arbitrary: mutatedScimFilterFile, languageId: 'scimfilter', numRuns: 200 },
    {
      name: 'SCIM token soups',
      arbitrary: fc.array(scimSoup, { maxLength: 5 }).map((lines) => lines.join('\n')),
      languageId: 'scimfilter',
      numRuns: 200,
    },
  ];
  for (const { name, arbitrary, languageId, numRuns } of generated) {
    it(`on generated input: ${name}`, async () => {
      await fc.assert(
        yieldingProperty(arbitrary, (text) => checkFormatting(text, languageId)),
        { numRuns: runs(numRuns) },
      );
    });
  }
});
