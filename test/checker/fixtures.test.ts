/**
 * Runs every checker fixture (and the bundled examples) through the language service and compares
 * the diagnostics with the inline `#  ^^^ severity code "message"` expectations in the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { createLanguageService } from '../../server/service/language-service';
import { compareExpectations, readExpectations } from '../support/inline-expectations';

const root = join(__dirname, '..', '..');
const fixtureDirectories = [join(__dirname, 'fixtures'), join(root, 'examples')];
const service = createLanguageService({ schemaFiles: createFileSchemaReader() });

const fixtures = fixtureDirectories.flatMap((directory) =>
  readdirSync(directory)
    .filter((name) => /\.(aadmap|scimfilter)$/.test(name))
    .map((name) => join(directory, name)),
);

describe('checker fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const file of fixtures) {
    it(file.slice(root.length + 1), () => {
      const text = readFileSync(file, 'utf8');
      const diagnostics = service.diagnostics({ uri: pathToFileURL(file).href, text });
      expect(compareExpectations(text, diagnostics)).toEqual([]);
    });
  }

  it('the Chatwork example is clean and the mistakes example has a finding per mistake', () => {
    const clean = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
    expect(service.diagnostics({ uri: 'file:///chatwork.aadmap', text: clean })).toEqual([]);
    const mistakes = readFileSync(join(root, 'examples', 'mistakes.aadmap'), 'utf8');
    expect(readExpectations(mistakes).length).toBeGreaterThanOrEqual(6);
  });
});
