/**
 * The E2E runners' token-leak scan (test/e2e/harness/secrets.ts) runs while the browser may still be
 * deleting its cache files: a file that disappears between the folder listing and its read is skipped,
 * not a crash of the run; any other error still stops the scan.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** Paths whose next read fails as the test says: deleted meanwhile (ENOENT), or unreadable (EACCES). */
const failing = new Map<string, string>();
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (path: unknown) => {
    const code = failing.get(String(path));
    if (code) throw Object.assign(new Error(`${code}: ${String(path)}`), { code });
  };
  return {
    ...fs,
    lstatSync: ((path: string, ...rest: unknown[]) => (fail(path), (fs.lstatSync as any)(path, ...rest))) as typeof fs.lstatSync,
    readdirSync: ((path: string, ...rest: unknown[]) => (fail(path), (fs.readdirSync as any)(path, ...rest))) as typeof fs.readdirSync,
  };
});
const { filesContaining } = await import('../e2e/harness/secrets');

const dir = mkdtempSync(join(tmpdir(), 'aadmap-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'aadmap-e2e-token-0123456789abcdef';

describe('filesContaining', () => {
  mkdirSync(join(dir, 'profile', 'Cache'), { recursive: true });
  writeFileSync(join(dir, 'settings.json'), '{}');
  writeFileSync(join(dir, 'profile', 'log.txt'), `Authorization: Bearer ${TOKEN}\n`);
  writeFileSync(join(dir, 'profile', 'Cache', 'entry_0'), TOKEN);
  writeFileSync(join(dir, 'profile', 'Cache', 'entry_1'), TOKEN);

  it('finds every file holding the token', () => {
    expect(filesContaining(dir, TOKEN).sort()).toEqual(
      [join(dir, 'profile', 'Cache', 'entry_0'), join(dir, 'profile', 'Cache', 'entry_1'), join(dir, 'profile', 'log.txt')].sort(),
    );
  });

  it('skips a file or a folder deleted during the scan', () => {
    failing.set(join(dir, 'profile', 'Cache', 'entry_0'), 'ENOENT');
    try {
      expect(filesContaining(dir, TOKEN).sort()).toEqual(
        [join(dir, 'profile', 'Cache', 'entry_1'), join(dir, 'profile', 'log.txt')].sort(),
      );
      failing.set(join(dir, 'profile', 'Cache'), 'ENOENT');
      expect(filesContaining(dir, TOKEN)).toEqual([join(dir, 'profile', 'log.txt')]);
    } finally {
      failing.clear();
    }
  });

  it('stops on any other error', () => {
    failing.set(join(dir, 'profile', 'log.txt'), 'EACCES');
    try {
      expect(() => filesContaining(dir, TOKEN)).toThrow(/EACCES/);
    } finally {
      failing.clear();
    }
  });
});
