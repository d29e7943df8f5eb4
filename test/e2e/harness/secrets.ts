/**
 * The test Graph token: a fresh random value per run, given to code-server's environment only (never a
 * setting, never a file), and afterwards searched for in everything the run wrote — settings, logs
 * (the "aadmap Graph" output channel's among them), the workspace, backups, the browser profile.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function testGraphToken(): string {
  return `aadmap-e2e-token-${randomBytes(16).toString('hex')}`;
}

/**
 * Regular files under `dir` whose bytes contain `secret` (symbolic links, sockets and the like skipped).
 * The browser may still be writing its profile: a file or folder that disappears during the scan
 * (its cache entries do) is skipped, since what no longer exists cannot leak.
 */
export function filesContaining(dir: string, secret: string): string[] {
  const needle = Buffer.from(secret);
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of unlessDeleted(() => readdirSync(folder, { withFileTypes: true })) ?? []) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && unlessDeleted(() => lstatSync(path).size >= needle.length && readFileSync(path).includes(needle)))
        found.push(path);
    }
  };
  visit(dir);
  return found;
}

/** `read()`, or undefined when what it reads was deleted meanwhile (ENOENT); any other error is thrown. */
function unlessDeleted<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
