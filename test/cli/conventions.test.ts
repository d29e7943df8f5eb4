/**
 * The conventions every `aadmap` command shares (docs/cli-conventions.md), checked on the bundled
 * dist/cli.js in child processes. The command list is read from the CLI itself, so a new command is
 * checked as soon as it is listed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../server/cli/io';
import { type CliRun, runCli, startCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-conventions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ESCAPE = '\u001b[';

function aadmap(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return runCli(args, { cwd: root, input: options.input, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env } });
}

/** The commands the CLI lists in its short usage: `(commands: check, filter, …)`. */
async function listedCommands(): Promise<string[]> {
  const listed = /\(commands: ([^)]*)\)/.exec((await aadmap([])).stderr)?.[1];
  return listed ? listed.split(', ') : [];
}

describe('no arguments, --help and --version', () => {
  it('no arguments: a short usage on stderr, nothing on stdout, exit 2', async () => {
    const { status, stdout, stderr } = await aadmap([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: aadmap <command> \[options\]/);
    expect(stderr).toContain("Run 'aadmap --help' for the full help");
    expect(stderr.split('\n').length).toBeLessThan(5);
  });

  it.each([['--help'], ['-h'], ['help']])('%s: the full help on stdout, exit 0', async (flag) => {
    const { status, stdout, stderr } = await aadmap([flag]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Commands:');
    expect(stdout).toContain('Usage: aadmap check FILE...');
  });

  it.each([['--version'], ['-V'], ['version']])('%s prints the version', async (flag) => {
    const { status, stdout } = await aadmap([flag]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('lists the commands', async () => {
    expect(await listedCommands()).toEqual(
      expect.arrayContaining(['check', 'filter', 'import', 'export', 'pull', 'deploy', 'eval', 'preview']),
    );
  });

  it('an unknown command is a usage error with a suggestion', async () => {
    const { status, stderr } = await aadmap(['chek', 'x.aadmap']);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown command 'chek'. Did you mean 'check'?");
  });
});

describe('every command', async () => {
  const commands = await listedCommands();

  it.each(commands.map((c) => [c]))('%s --help, -h and `help %s`: its help on stdout, exit 0', async (command) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
      [command, 'some-file', '--help'],
    ]) {
      const { status, stdout, stderr } = await aadmap(args);
      expect(status, `${args.join(' ')}: ${stderr}`).toBe(0);
      expect(stdout).toContain(`Usage: aadmap ${command}`);
    }
  });

  it.each(commands.map((c) => [c]))('%s: an unknown flag is a usage error naming it, never a file name', async (command) => {
    for (const flag of ['-x', '--no-such-flag']) {
      const { status, stderr } = await aadmap([command, flag]);
      expect(status, stderr).toBe(2);
      expect(stderr).toContain(`aadmap ${command}: unknown option ${flag}`);
      expect(stderr).not.toContain('cannot read');
    }
  });
});

describe("an option's value is never the next option", async () => {
  const commands = await listedCommands();
  // Probe every option of every command's help: a value-taking option followed by another option
  // is `--x needs a value`; a flag followed by an unknown option names the unknown option.
  it.each(commands.map((c) => [c]))('%s: every option followed by another option', async (command) => {
    const help = (await aadmap([command, '--help'])).stdout;
    const names = [...new Set(help.match(/(?<!aadmap [a-z-]+ )--[a-z][a-z-]*/g) ?? [])].filter((name) => name !== '--help');
    expect(names.length, help).toBeGreaterThan(0);
    const env = { AADMAP_GRAPH_TOKEN: 'not-a-token' };
    const results = await Promise.all(names.map((name) => aadmap([command, name, '--no-such-option'], { env })));
    results.forEach(({ status, stderr }, i) => {
      const name = names[i]!;
      expect(status, `${command} ${name} --no-such-option: ${stderr}`).toBe(2);
      expect(
        [`${name} needs a value`, 'unknown option --no-such-option'].some((m) => stderr.includes(m)),
        `${command} ${name}: ${stderr}`,
      ).toBe(true);
    });
  });

  it.each([
    [['pull', '--service-principal', 'sp', '--out', '--verbose'], '--out'],
    [['eval', '--input', '-f', 'json', '--expr', '[mail]'], '--input'],
    [['eval', '--input', '--expr', '[mail]'], '--input'],
    [['deploy', 'examples/chatwork.aadmap', '--graph-endpoint', '--dry-run'], '--graph-endpoint'],
    [['check', '--expr', '--strict'], '--expr'],
    [['check', 'examples/chatwork.aadmap', '-f', '--strict'], '-f'],
    [['check', 'examples/chatwork.aadmap', '--format', '--'], '--format'],
    [['check', 'examples/chatwork.aadmap', '--locale', '--strict'], '--locale'],
  ])('%j: a usage error naming %s', async (args, name) => {
    const { status, stdout, stderr } = await aadmap(args, { env: { AADMAP_GRAPH_TOKEN: 'not-a-token' } });
    expect(status, stderr).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${name} needs a value`);
  });

  it("'-', negative numbers and --option=-value are still values", async () => {
    const stdin = await aadmap(['check', '--stdin-filename', 'a.aadmap', '-'], { input: 'x' });
    expect(stdin.stderr).not.toContain('needs a value');
    const seed = await aadmap(['eval', '--expr', '"a"', '--seed', '-1']);
    expect(seed.stderr).toContain("got '-1'");
    const inline = await aadmap(['check', '--expr=--strict']);
    expect(inline.status).toBe(1);
    expect(inline.stderr).not.toContain('needs a value');
  });
});

describe('short flags', () => {
  it('-f is --format (also -f=json and -fjson)', async () => {
    const long = await aadmap(['check', 'examples/mistakes.aadmap', '--format', 'json']);
    expect(long.status).toBe(1);
    for (const short of [['-f', 'json'], ['-f=json'], ['-fjson']]) {
      const result = await aadmap(['check', 'examples/mistakes.aadmap', ...short]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(long.stdout);
    }
    expect(JSON.parse((await aadmap(['eval', '--expr', '"a"', '-f', 'json'])).stdout)).toEqual({ value: 'a', ignored: false });
  });

  it('a misspelt long option suggests the right one', async () => {
    const { status, stderr } = await aadmap(['check', 'examples/chatwork.aadmap', '--fromat', 'json']);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown option --fromat (did you mean --format?)');
  });
});

describe("'-' is standard input", () => {
  const text = 'mapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n  title <- [jobTitel]\n}\n';

  it('check - reads standard input, named <stdin> in diagnostics', async () => {
    const { status, stdout } = await aadmap(['check', '-', '--format', 'json'], { input: text });
    expect(status).toBe(1);
    expect(JSON.parse(stdout).map((d: { file: string; line: number; code: string }) => [d.file, d.line, d.code])).toEqual([
      ['<stdin>', 3, 'unknown-attribute'],
    ]);
  });

  it('--stdin-filename names it in diagnostics and gives its type', async () => {
    const named = await aadmap(['check', '-', '--stdin-filename', 'hr/users.aadmap'], { input: text });
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('hr/users.aadmap:3:13: error [unknown-attribute]');
    const filter = await aadmap(['check', '-', '--stdin-filename', 'a.scimfilter', '-f', 'json'], { input: 'userName eq "a" and\n' });
    expect(filter.status).toBe(1);
    expect(JSON.parse(filter.stdout)[0]).toMatchObject({ file: 'a.scimfilter', column: 20, code: 'syntax-error' });
    expect(JSON.parse(filter.stdout)[0].message).toContain("after 'and'");
  });

  it('a relative schema file named from standard input is found relative to --stdin-filename', async () => {
    writeFileSync(join(scratch, 'schema.json'), readFileSync(join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json')));
    const input = 'target "schema.json"\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n}\n';
    const { status, stdout } = await aadmap(['check', '-', '--stdin-filename', join(scratch, 'x.aadmap'), '-f', 'json'], { input });
    expect(JSON.parse(stdout)).toEqual([]);
    expect(status).toBe(0);
  });

  it('--stdin-filename without - is a usage error', async () => {
    const { status, stderr } = await aadmap(['check', 'examples/chatwork.aadmap', '--stdin-filename', 'a.aadmap']);
    expect(status).toBe(2);
    expect(stderr).toContain("--stdin-filename names standard input: pass '-' as the FILE too");
  });
});

describe('a closed output pipe', () => {
  it('ends the command quietly, status 141, when its reader stops after the first chunk (check big.aadmap | head -1)', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  title <- [jobTitel${i}]`);
    const big = join(scratch, 'big.aadmap');
    writeFileSync(big, `mapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n${lines.join('\n')}\n}\n`);
    for (const format of ['text', 'json']) {
      const { child, done } = startCli(['check', big, '--format', format], { cwd: root });
      let chunks = 0;
      child.stdout.on('data', () => {
        if (++chunks === 1) child.stdout.destroy();
      });
      const { status, stderr } = await done;
      expect(chunks).toBe(1);
      expect(stderr).toBe('');
      expect(status).toBe(141);
    }
  });
});

describe('colour', () => {
  it('off when piped, on with FORCE_COLOR, off with NO_COLOR', async () => {
    const args = ['check', 'examples/mistakes.aadmap'];
    expect((await aadmap(args)).stdout).not.toContain(ESCAPE);
    expect((await aadmap(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain(`${ESCAPE}31m`);
    expect((await aadmap(args, { env: { FORCE_COLOR: '0' } })).stdout).not.toContain(ESCAPE);
    expect((await aadmap(args, { env: { NO_COLOR: '1' } })).stdout).not.toContain(ESCAPE);
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
  ])('%j', async (args, message) => {
    const { status, stderr } = await aadmap(args);
    expect(status).not.toBe(0);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
