/**
 * Incremental diagnostics (server/service/incremental-diagnostics.ts) must equal a full analysis:
 * after every edit of a random sequence, the same diagnostics in the same order as
 * analyzeMappingText — with edits that change blocks, move them, break and repair braces, and
 * switch the target between the built-in schema, a schema file and nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMappingFile } from '../../bench/lib/generate';
import { analyzeMappingText } from '../../server/service/analysis';
import { IncrementalMappingDiagnostics } from '../../server/service/incremental-diagnostics';
import { createLanguageService } from '../../server/service/language-service';
import type { SchemaFileReader } from '../../server/service/schema-resolver';
import { applyMutation, mappingFixtures, mappingToken, mutation, structuredMapping } from '../property/arbitraries';

const URI = 'file:///work/incremental.aadmap';
const schemaJson = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));
/** `schema.json` reads as the sample schema (the same object every time, as the Node reader's cache gives). */
const reader: SchemaFileReader = {
  readJson: (path) => (path === 'schema.json' ? { json: schemaJson } : { error: 'no such file' }),
};

const edits = fc.constantFrom(
  '\nmapping "Extra" User -> User {\n  title <- [jobTitle]\n}\n',
  '\nmapping "Synchronize Azure Active Directory Users to Chatwork (1)" User -> User {\n}\n',
  '\n}\n',
  '}',
  '{',
  '\ntarget chatwork\n',
  '\ntarget "schema.json"\n',
  'target "missing.json"\n',
  '\n  userName <- [mail]  match 1\n',
  '\n  displayName <- Join(" ", [givenName], [surname])\n',
  'Join(',
  '(',
  ')',
  '"',
  'Swtich',
  'x',
  '\n',
);
const insertable = fc.oneof(mappingToken, edits);

function expectEqualSequence(base: string, mutations: Parameters<typeof applyMutation>[1][]): void {
  const incremental = new IncrementalMappingDiagnostics();
  let text = base;
  const check = () => {
    const expected = analyzeMappingText(text, URI, reader).diagnostics;
    const actual = incremental.diagnostics(text, URI, reader);
    expect(actual).toStrictEqual(expected);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  };
  check();
  for (const m of mutations) {
    text = applyMutation(text, m);
    check();
  }
  // Back to the start: everything comes from the kept pieces again.
  text = base;
  check();
}

describe('incremental diagnostics equal a full analysis', () => {
  it('on sequences of edits of generated files', () => {
    const bases = [10, 25, 40].map(generateMappingFile);
    fc.assert(fc.property(fc.constantFrom(...bases), fc.array(mutation(insertable), { minLength: 1, maxLength: 8 }), expectEqualSequence), {
      numRuns: 60,
    });
  });

  it('on sequences of edits of fixtures and structured text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...mappingFixtures), structuredMapping),
        fc.array(mutation(insertable), { minLength: 1, maxLength: 8 }),
        expectEqualSequence,
      ),
      { numRuns: 120 },
    );
  });

  it('reuses pieces: an edit reads only the pieces it changed again', () => {
    const text = generateMappingFile(500);
    const incremental = new IncrementalMappingDiagnostics();
    incremental.diagnostics(text, URI, reader);
    expect(incremental.lastCall).toEqual({ pieces: 102, read: 102 }); // comment line, target line, 100 blocks
    // One character changed in one block, and a line added before all blocks (every block moves).
    const edited = text.replace('"n/a"', '"n/b"').replace('target chatwork', 'target chatwork\n');
    expect(incremental.diagnostics(edited, URI, reader)).toStrictEqual(analyzeMappingText(edited, URI, reader).diagnostics);
    expect(incremental.lastCall).toEqual({ pieces: 102, read: 2 });
    // A break in one block (a missing '}') reads it together with the next one.
    const broken = edited.replace(/\n}\n/, '\n\n');
    expect(incremental.diagnostics(broken, URI, reader)).toStrictEqual(analyzeMappingText(broken, URI, reader).diagnostics);
    expect(incremental.lastCall.read).toBeLessThanOrEqual(3);
  });

  it('the benchmark files (bench/lib/generate.ts) check clean', () => {
    for (const size of [5, 50, 500]) expect(analyzeMappingText(generateMappingFile(size), URI, reader).diagnostics).toEqual([]);
  });

  it('is what the language service reports for .aadmap documents', () => {
    const service = createLanguageService({ schemaFiles: reader });
    const text = `${generateMappingFile(10)}\nmapping "Broken" User -> User {\n  title <- Swtich([jobTitle], , "a", "b")\n`;
    expect(service.diagnostics({ uri: URI, languageId: 'aadmap', text })).toStrictEqual(analyzeMappingText(text, URI, reader).diagnostics);
    const edited = text.replace('Swtich', 'Switch');
    expect(service.diagnostics({ uri: URI, languageId: 'aadmap', text: edited })).toStrictEqual(
      analyzeMappingText(edited, URI, reader).diagnostics,
    );
  });
});
