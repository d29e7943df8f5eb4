/**
 * While a file is evaluated for the lenses, the lenses made so far go out in chunks (the evaluation
 * thread keeps them, and shows them if the file is stopped at its budget). The chunks must be the
 * answer's lenses in order, and each chunk's `next` must be where the next value goes.
 * The clock is replaced so that a chunk is due every few lines, the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { createSampleUserJobs } from '../../server/lsp/sample-user-jobs';
import { createLanguageService } from '../../server/service/language-service';
import type { LensChunk } from '../../server/service/sample-user-features';
import type { SampleFileAccess } from '../../server/service/sample-users';
import { generateMappingFile } from '../support/generate';

const alice = readFileSync(join(__dirname, '..', '..', 'examples', 'alice.user.json'), 'utf8');
const sampleFiles: SampleFileAccess = {
  listSampleUsers: () => ['file:///w/alice.user.json'],
  existingTargetFor: () => undefined,
  readText: (uri) => (uri === 'file:///w/alice.user.json' ? { text: alice } : { error: `no ${uri}` }),
};

afterEach(() => vi.restoreAllMocks());

/** The lenses of `text` and the chunks sent on the way, with a clock that moves `step` ms a reading. */
function lensesWithChunks(text: string, step: number) {
  let now = 1_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += step));
  const jobs = createSampleUserJobs(createLanguageService({ sampleFiles }), sampleFiles);
  const chunks: LensChunk[] = [];
  const document = { uri: 'file:///w/big.aadmap', languageId: 'aadmap', version: 1, text };
  const lenses = jobs.run({ kind: 'lenses', document, settings: {} }, (chunk) => chunks.push(structuredClone(chunk)));
  return { lenses: lenses as CodeLens[], chunks };
}

const files: [string, string][] = [
  ['one block of 40 mappings', generateMappingFile(40)],
  ['many blocks (300 mappings)', generateMappingFile(300)],
  // A line with an error has no value lens: `next` still points at it, where its value would go.
  [
    'a line with an error',
    `${generateMappingFile(12)}\nmapping "B" User -> User {\n  title <- Swtich([jobTitle], , "a", "b")\n  displayName <- [displayName]\n}\n`,
  ],
];

describe('the lenses sent while a file is evaluated', () => {
  it.each(files)('are the answer in order, and each says where the next value goes: %s', (_name, text) => {
    for (const step of [1, 37, 120, 250]) {
      const { lenses, chunks } = lensesWithChunks(text, step);
      // The first chunk goes before any line is evaluated: the blocks' own lenses, at least.
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks[0]!.lenses.length).toBeGreaterThan(0);
      const sent = chunks.flatMap((chunk) => chunk.lenses);
      expect(lenses.slice(0, sent.length)).toEqual(sent);
      const targetLines = text.split('\n').flatMap((line, i) => (line.includes(' <- ') ? [i] : []));
      let count = 0;
      let lastNext = -1;
      for (const chunk of chunks) {
        count += chunk.lenses.length;
        const next = chunk.next?.start.line;
        if (next === undefined) {
          // Only after the last line: everything was sent.
          expect(count).toBe(lenses.length);
          continue;
        }
        // A mapping line not evaluated yet, and later than any before it; nothing sent is on or after it.
        expect(targetLines).toContain(next);
        expect(next).toBeGreaterThan(lastNext);
        lastNext = next;
        expect(sent.slice(0, count).filter((lens) => lens.command?.command === '' && lens.range.start.line >= next)).toEqual([]);
      }
      // With a chunk due at every reading of the clock, there is one before every line.
      if (step >= 200) expect(chunks.filter((chunk) => chunk.next)).toHaveLength(targetLines.length);
    }
  });
});
