/**
 * Runs every checker fixture (and the bundled examples) through the language service and compares
 * the diagnostics with the inline `#  ^^^ severity code "message"` expectations in the file.
 *
 * `examples/` shows only what a user writes: an example with findings keeps its expectations in
 * `examples/` of this folder (the example with the expectation lines added); the example must be
 * that file without them, and gets exactly those diagnostics on its own lines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { createLanguageService } from '../../server/service/language-service';
import { compareExpectations, exampleExpectations, readExpectations, withoutExpectationLines } from '../support/inline-expectations';

const root = join(__dirname, '..', '..');
const examples = join(root, 'examples');
const exampleFixtures = join(__dirname, 'examples');
const service = createLanguageService({ schemaFiles: createFileSchemaReader() });

const languageFiles = (directory: string) =>
  readdirSync(directory)
    .filter((name) => /\.(aadmap|scimfilter)$/.test(name))
    .map((name) => join(directory, name));
const fixtures = [...languageFiles(join(__dirname, 'fixtures')), ...languageFiles(exampleFixtures), ...languageFiles(examples)];

describe('checker fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const file of fixtures) {
    it(file.slice(root.length + 1), () => {
      const text = readFileSync(file, 'utf8');
      const diagnostics = service.diagnostics({ uri: pathToFileURL(file).href, text });
      const expectationsFile = file.startsWith(examples) ? join(exampleFixtures, file.slice(examples.length + 1)) : undefined;
      if (expectationsFile && existsSync(expectationsFile)) {
        const fixture = readFileSync(expectationsFile, 'utf8');
        expect(withoutExpectationLines(fixture)).toBe(text);
        expect(compareExpectations(text, diagnostics, undefined, exampleExpectations(fixture))).toEqual([]);
      } else expect(compareExpectations(text, diagnostics)).toEqual([]);
    });
  }

  it('the examples hold no expectation lines; the mistakes example has a finding per mistake', () => {
    for (const file of languageFiles(examples)) expect(readExpectations(readFileSync(file, 'utf8')), file).toEqual([]);
    const clean = readFileSync(join(examples, 'chatwork.aadmap'), 'utf8');
    expect(service.diagnostics({ uri: 'file:///chatwork.aadmap', text: clean })).toEqual([]);
    const mistakes = readFileSync(join(exampleFixtures, 'mistakes.aadmap'), 'utf8');
    expect(exampleExpectations(mistakes).length).toBeGreaterThanOrEqual(6);
  });
});
