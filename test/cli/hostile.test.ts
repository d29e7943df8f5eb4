/** Hostile inputs through dist/cli.js in child processes: every one ends with a clear error, never a hang. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-hostile-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI with a hard 20 s limit: a hang shows as status null. */
function aadmap(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const alice = JSON.parse(readFileSync(join(root, 'examples', 'alice.user.json'), 'utf8')) as Record<string, unknown>;
const hostileValue = `${'a'.repeat(40)}!`;

describe('a catastrophic regular expression', () => {
  it('eval ends with the timeout as an evaluation error at the call', () => {
    writeFileSync(join(scratch, 'user.json'), JSON.stringify({ mail: hostileValue }));
    const { status, stdout, stderr } = aadmap('eval', '--expr', 'Replace([mail], , "(a+)+$", , "x", , )', '--input', 'user.json');
    expect(status).toBe(1);
    expect(stdout + stderr).toContain(
      '<expr>:1:1: error [evaluation-error] Replace: regexPattern "(a+)+$": the regular expression took too long',
    );
  });

  it('preview reports a REGEX MATCH scoping clause that took too long', () => {
    writeFileSync(
      join(scratch, 'scoped.aadmap'),
      chatwork.replace('[userPrincipalName] ENDS_WITH "@contoso.com"', '[mailNickname] REGEX MATCH "(a+)+$"'),
    );
    writeFileSync(join(scratch, 'alice.json'), JSON.stringify({ ...alice, mailNickname: hostileValue }));
    const { status, stdout } = aadmap('preview', 'scoped.aadmap', '--input', 'alice.json');
    expect(status).toBe(1);
    expect(stdout).toContain(
      'The scoping filter cannot be evaluated: [mailNickname] REGEX MATCH: regex "(a+)+$": the regular expression took too long',
    );
  });
});
