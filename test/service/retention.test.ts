/**
 * Edits do not keep earlier versions of the document alive (server/service/owned.ts): a slice of a
 * long string is a view into it in V8, so anything the incremental diagnostics keep from one version
 * to the next must own its text. Measured as V8 measures it: the live heap after full collections,
 * 10 edits in, and again 30 edits later; each kept version of these files would add 0.4–0.65 MB.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { generateMappingFile } from '../support/generate';
import { generateBigBlockFile, generateBigBlockSchema } from '../support/generate-big-block';
import { IncrementalMappingDiagnostics } from '../../server/service/incremental-diagnostics';
import type { SchemaFileReader } from '../../server/service/schema-resolver';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function liveHeapMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

it.each([
  { shape: 'one block of 5,000 lines against a schema file', text: () => generateBigBlockFile(5000), attributes: 5000 },
  { shape: '5,000 mappings in blocks of five', text: () => generateMappingFile(5000), attributes: 0 },
])('$shape: 30 edits keep no version of the document', ({ text: make, attributes }) => {
  const schema = generateBigBlockSchema(Math.max(attributes, 10));
  const reader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json: schema } : { error: 'no such file' }) };
  const uri = 'file:///work/retention.aadmap';
  const incremental = new IncrementalMappingDiagnostics();
  let text = make();
  const sites: number[] = [];
  for (let at = text.indexOf('"n/a"'); at >= 0; at = text.indexOf('"n/a"', at + 1)) sites.push(at + 3);
  incremental.diagnostics(text, uri, reader);
  let before = 0;
  for (let i = 0; i < 40; i++) {
    // A one-character edit in a string constant, spread over the file, as an editor notes it.
    const at = sites[(i * 37) % sites.length]!;
    const next = text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
    incremental.noteEdits(text, [{ start: at, end: at + 1, length: 1 }], next);
    text = next;
    incremental.diagnostics(text, uri, reader);
    if (i === 9) before = liveHeapMb();
  }
  const growth = liveHeapMb() - before;
  // 30 kept versions would be 12–20 MB; what the edits legitimately change is well under 1 MB.
  expect(growth, `live heap grew ${growth.toFixed(1)} MB over 30 edits of a ${(text.length / 1e6).toFixed(2)} MB text`).toBeLessThan(4);
});
