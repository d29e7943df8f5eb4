/**
 * The language server's schema-file reader (server/node/schema-file-reader.ts): it answers at once,
 * reads in the background with the CLI's bounds, and tells the server when a result changes.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackgroundSchemaReader } from '../../server/node/schema-file-reader';
import { runCommand } from '../support/cli-process';

const folder = mkdtempSync(join(tmpdir(), 'aadmap-background-reader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const documentUri = pathToFileURL(join(folder, 'users.aadmap')).href;

describe('the background schema reader', () => {
  it('answers pending, reads, then answers what was read; a change on disk is seen after invalidate', async () => {
    writeFileSync(join(folder, 'a.json'), '{"v":1}');
    const reader = createBackgroundSchemaReader();
    let changes = 0;
    reader.onDidChange(() => changes++);
    expect(reader.readJson('a.json', documentUri)).toEqual({ pending: true });
    expect(reader.busy(documentUri)).toBe(true);
    expect(await reader.settled(documentUri, 5_000)).toBe(true);
    expect(changes).toBe(1);
    const first = reader.readJson('a.json', documentUri);
    expect(first).toEqual({ json: { v: 1 } });
    // Checked again only after invalidate (or a while): the same object, which keeps the checker's caches.
    expect(reader.readJson('a.json', documentUri)).toBe(first);
    expect(reader.busy(documentUri)).toBe(false);

    reader.invalidate();
    expect(reader.readJson('a.json', documentUri)).toBe(first);
    await reader.settled(documentUri, 5_000);
    expect(changes).toBe(1);
    expect(reader.readJson('a.json', documentUri)).toBe(first);

    writeFileSync(join(folder, 'a.json'), '{"v":22}');
    utimesSync(join(folder, 'a.json'), new Date(), new Date(Date.now() + 5_000));
    reader.invalidate();
    // The last result until the new one is read.
    expect(reader.readJson('a.json', documentUri)).toBe(first);
    await reader.settled(documentUri, 5_000);
    expect(changes).toBe(2);
    expect(reader.readJson('a.json', documentUri)).toEqual({ json: { v: 22 } });
  });

  it('refuses what the CLI refuses: a FIFO, a missing file, invalid JSON (with a position, not the text)', async () => {
    await runCommand('mkfifo', [join(folder, 'fifo.json')]);
    writeFileSync(join(folder, 'bad.json'), '{"secret": nope}');
    const reader = createBackgroundSchemaReader();
    for (const name of ['fifo.json', 'missing.json', 'bad.json']) reader.readJson(name, documentUri);
    expect(await reader.settled(documentUri, 5_000)).toBe(true);
    expect(reader.readJson('fifo.json', documentUri)).toEqual({
      error: `${join(folder, 'fifo.json')} is a named pipe; aadmap reads only regular files`,
    });
    expect(reader.readJson('missing.json', documentUri)).toEqual({ error: `no such file (${join(folder, 'missing.json')})` });
    expect(reader.readJson('bad.json', documentUri)).toEqual({ error: 'invalid JSON at 1:12' });
  });
});
