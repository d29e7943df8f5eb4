/** Hostile inputs through dist/cli.js in child processes: every one ends with a clear error, never a hang. */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli, runCommand } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-hostile-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI with a hard 20 s limit: a hang shows as status null. */
function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: scratch, timeout: 20_000 });
}

const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const alice = JSON.parse(readFileSync(join(root, 'examples', 'alice.user.json'), 'utf8')) as Record<string, unknown>;
const hostileValue = `${'a'.repeat(40)}!`;

describe('a catastrophic regular expression', () => {
  it('eval ends with the timeout as an evaluation error at the call', async () => {
    writeFileSync(join(scratch, 'user.json'), JSON.stringify({ mail: hostileValue }));
    const { status, stdout, stderr } = await aadmap('eval', '--expr', 'Replace([mail], , "(a+)+$", , "x", , )', '--input', 'user.json');
    expect(status).toBe(1);
    expect(stdout + stderr).toContain(
      '<expr>:1:1: error [evaluation-error] Replace: regexPattern "(a+)+$": the regular expression took too long',
    );
  });

  it('preview reports a REGEX MATCH scoping clause that took too long', async () => {
    writeFileSync(
      join(scratch, 'scoped.aadmap'),
      chatwork.replace('[userPrincipalName] ENDS_WITH "@contoso.com"', '[mailNickname] REGEX MATCH "(a+)+$"'),
    );
    writeFileSync(join(scratch, 'alice.json'), JSON.stringify({ ...alice, mailNickname: hostileValue }));
    const { status, stdout } = await aadmap('preview', 'scoped.aadmap', '--input', 'alice.json');
    expect(status).toBe(1);
    expect(stdout).toContain(
      'The scoping filter cannot be evaluated: [mailNickname] REGEX MATCH: regex "(a+)+$": the regular expression took too long',
    );
  });
});

describe('files a workspace names', () => {
  const folder = () => mkdtempSync(join(scratch, 'files-'));

  it('a FIFO as the sample user is refused at once (no writer needed)', async () => {
    const dir = folder();
    await runCommand('mkfifo', [join(dir, 'user.json')]);
    const { status, stderr } = await aadmap('eval', '--expr', '[mail]', '--input', join(dir, 'user.json'));
    expect(status).toBe(2);
    expect(stderr).toContain('is a named pipe; aadmap reads only regular files');
  });

  it('target "/dev/zero" is a diagnostic, not an endless read', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'zero.aadmap'), chatwork.replace('target chatwork', 'target "/dev/zero"'));
    const { status, stdout } = await aadmap('check', join(dir, 'zero.aadmap'));
    expect(status).toBe(1);
    expect(stdout).toContain('/dev/zero is a device; aadmap reads only regular files');
  });

  it('check DIR does not follow a link to a device', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'good.aadmap'), chatwork);
    symlinkSync('/dev/zero', join(dir, 'zero.aadmap'));
    const { status, stdout, stderr } = await aadmap('check', dir);
    expect(status, stderr).toBe(0);
    expect(stdout + stderr).not.toContain('zero.aadmap');
  });

  it('a big sparse file is refused by its size, naming the cap', async () => {
    const dir = folder();
    const big = join(dir, 'big.user.json');
    writeFileSync(big, '');
    truncateSync(big, 1024 * 1024 * 1024);
    const started = Date.now();
    const { status, stderr } = await aadmap('eval', '--expr', '[mail]', '--input', big);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(status).toBe(2);
    expect(stderr).toContain('is 1024 MB, over the 16 MB limit of aadmap');
  });

  it('an invalid schema file is reported by position, without quoting its content', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'secret.json'), 'SECRET-START-0123456789 and more private text');
    writeFileSync(join(dir, 'x.aadmap'), chatwork.replace('target chatwork', 'target "secret.json"'));
    const { stdout } = await aadmap('check', join(dir, 'x.aadmap'));
    expect(stdout).toContain('invalid JSON at 1:1');
    expect(stdout).not.toContain('SECRET-START');
  });
});

describe('encodings', () => {
  it('invalid UTF-8 (a Latin-1 file) is an error at its position, and nothing is deployed', async () => {
    const dir = mkdtempSync(join(scratch, 'latin1-'));
    const file = join(dir, 'latin1.aadmap');
    // UTF-8 everywhere but one value typed in Latin-1 (é = 0xE9).
    const [head, tail] = chatwork.split('"Contoso"') as [string, string];
    writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.from('"Soci\u00e9t\u00e9"', 'latin1'), Buffer.from(tail)]));
    const check = await aadmap('check', file);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/latin1\.aadmap:17:\d+: invalid UTF-8 \(byte 0xE9 at offset \d+\); save the file as UTF-8/);
    const deploy = await aadmap('deploy', file, '--graph-endpoint', 'http://127.0.0.1:9', '--yes');
    expect(deploy.status).not.toBe(0);
    expect(deploy.stderr).toContain('invalid UTF-8');
  });

  it('a UTF-16 file with a byte order mark is read as UTF-16', async () => {
    const dir = mkdtempSync(join(scratch, 'utf16-'));
    const file = join(dir, 'utf16.aadmap');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chatwork, 'utf16le')]));
    const { status, stdout, stderr } = await aadmap('check', file);
    expect(status, stdout + stderr).toBe(0);
  });
});

describe('terminal output', () => {
  it('check text output shows control characters from the file as symbols, never as escape codes', async () => {
    const dir = mkdtempSync(join(scratch, 'escape-'));
    const file = join(dir, 'escape.aadmap');
    writeFileSync(file, chatwork.replace('title      <- [jobTitle]', 'title      <- Nope("\u001b]0;owned\u0007\u001b[2J")'));
    const { status, stdout } = await aadmap('check', file);
    expect(status).toBe(1);
    expect(stdout).toContain("[unknown-function] Unknown function 'Nope'");
    expect(stdout).toContain('Nope("␛]0;owned␇␛[2J")');
    // eslint-disable-next-line no-control-regex -- the output must hold no control character
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
