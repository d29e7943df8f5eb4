/**
 * The conventions every `aadmap` command shares (docs/cli-conventions.md), checked on the bundled
 * dist/cli.js in child processes. The command list is read from the CLI itself, so a new command is
 * checked as soon as it is listed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../server/cli/io';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-conventions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ESCAPE = '\u001b[';

function aadmap(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, AADMAP_GRAPH_TOKEN: undefined, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The commands the CLI lists in its short usage: `(commands: check, filter, …)`. */
function listedCommands(): string[] {
  const listed = /\(commands: ([^)]*)\)/.exec(aadmap([]).stderr)?.[1];
  return listed ? listed.split(', ') : [];
}

describe('no arguments, --help and --version', () => {
  it('no arguments: a short usage on stderr, nothing on stdout, exit 2', () => {
    const { status, stdout, stderr } = aadmap([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: aadmap <command> \[options\]/);
    expect(stderr).toContain("Run 'aadmap --help' for the full help");
    expect(stderr.split('\n').length).toBeLessThan(5);
  });

  it.each([['--help'], ['-h'], ['help']])('%s: the full help on stdout, exit 0', (flag) => {
    const { status, stdout, stderr } = aadmap([flag]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Commands:');
    expect(stdout).toContain('Usage: aadmap check FILE...');
  });

  it.each([['--version'], ['-V'], ['version']])('%s prints the version', (flag) => {
    const { status, stdout } = aadmap([flag]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('lists the commands', () => {
    expect(listedCommands()).toEqual(expect.arrayContaining(['check', 'filter', 'import', 'export', 'pull', 'deploy', 'eval', 'preview']));
  });

  it('an unknown command is a usage error with a suggestion', () => {
    const { status, stderr } = aadmap(['chek', 'x.aadmap']);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown command 'chek'. Did you mean 'check'?");
  });
});

describe('every command', () => {
  const commands = listedCommands();

  it.each(commands.map((c) => [c]))('%s --help, -h and `help %s`: its help on stdout, exit 0', (command) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
      [command, 'some-file', '--help'],
    ]) {
      const { status, stdout, stderr } = aadmap(args);
      expect(status, `${args.join(' ')}: ${stderr}`).toBe(0);
      expect(stdout).toContain(`Usage: aadmap ${command}`);
    }
  });

  it.each(commands.map((c) => [c]))('%s: an unknown flag is a usage error naming it, never a file name', (command) => {
    for (const flag of ['-x', '--no-such-flag']) {
      const { status, stderr } = aadmap([command, flag]);
      expect(status, stderr).toBe(2);
      expect(stderr).toContain(`aadmap ${command}: unknown option ${flag}`);
      expect(stderr).not.toContain('cannot read');
    }
  });
});

describe('short flags', () => {
  it('-f is --format (also -f=json and -fjson)', () => {
    const long = aadmap(['check', 'examples/mistakes.aadmap', '--format', 'json']);
    expect(long.status).toBe(1);
    for (const short of [['-f', 'json'], ['-f=json'], ['-fjson']]) {
      const result = aadmap(['check', 'examples/mistakes.aadmap', ...short]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(long.stdout);
    }
    expect(JSON.parse(aadmap(['eval', '--expr', '"a"', '-f', 'json']).stdout)).toEqual({ value: 'a', ignored: false });
  });

  it('a misspelt long option suggests the right one', () => {
    const { status, stderr } = aadmap(['check', 'examples/chatwork.aadmap', '--fromat', 'json']);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown option --fromat (did you mean --format?)');
  });
});

describe("'-' is standard input", () => {
  const text = 'mapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n  title <- [jobTitel]\n}\n';

  it('check - reads standard input, named <stdin> in diagnostics', () => {
    const { status, stdout } = aadmap(['check', '-', '--format', 'json'], { input: text });
    expect(status).toBe(1);
    expect(JSON.parse(stdout).map((d: { file: string; line: number; code: string }) => [d.file, d.line, d.code])).toEqual([
      ['<stdin>', 3, 'unknown-attribute'],
    ]);
  });

  it('--stdin-filename names it in diagnostics and gives its type', () => {
    const named = aadmap(['check', '-', '--stdin-filename', 'hr/users.aadmap'], { input: text });
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('hr/users.aadmap:3:13: error [unknown-attribute]');
    const filter = aadmap(['check', '-', '--stdin-filename', 'a.scimfilter', '-f', 'json'], { input: 'userName eq "a" and\n' });
    expect(filter.status).toBe(1);
    expect(JSON.parse(filter.stdout)[0]).toMatchObject({ file: 'a.scimfilter', column: 20, code: 'syntax-error' });
    expect(JSON.parse(filter.stdout)[0].message).toContain("after 'and'");
  });

  it('a relative schema file named from standard input is found relative to --stdin-filename', () => {
    writeFileSync(join(scratch, 'schema.json'), readFileSync(join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json')));
    const input = 'target "schema.json"\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n}\n';
    const { status, stdout } = aadmap(['check', '-', '--stdin-filename', join(scratch, 'x.aadmap'), '-f', 'json'], { input });
    expect(JSON.parse(stdout)).toEqual([]);
    expect(status).toBe(0);
  });

  it('--stdin-filename without - is a usage error', () => {
    const { status, stderr } = aadmap(['check', 'examples/chatwork.aadmap', '--stdin-filename', 'a.aadmap']);
    expect(status).toBe(2);
    expect(stderr).toContain("--stdin-filename names standard input: pass '-' as the FILE too");
  });
});

describe('colour', () => {
  it('off when piped, on with FORCE_COLOR, off with NO_COLOR', () => {
    const args = ['check', 'examples/mistakes.aadmap'];
    expect(aadmap(args).stdout).not.toContain(ESCAPE);
    expect(aadmap(args, { env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ESCAPE}31m`);
    expect(aadmap(args, { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESCAPE);
    expect(aadmap(args, { env: { NO_COLOR: '1' } }).stdout).not.toContain(ESCAPE);
  });

  it('on for a terminal unless NO_COLOR; FORCE_COLOR wins over NO_COLOR', () => {
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' }, true)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '' }, false)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });
});

describe('file errors in words', () => {
  it.each([
    [['check', 'no/such.aadmap'], 'cannot read no/such.aadmap: no such file or folder'],
    [['eval', '--expr', '[mail]', '--input', 'no-such-user.json'], 'cannot read the sample user no-such-user.json: no such file or folder'],
    [['eval', '--expr', '[mail]', '--input', 'examples'], 'cannot read the sample user examples: it is a folder, not a file'],
    [['import', 'nothing.json'], 'cannot read nothing.json: no such file or folder'],
    [['preview', 'none.aadmap', '--input', 'examples/alice.user.json'], 'cannot read none.aadmap: no such file or folder'],
  ])('%j', (args, message) => {
    const { status, stderr } = aadmap(args);
    expect(status).not.toBe(0);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
