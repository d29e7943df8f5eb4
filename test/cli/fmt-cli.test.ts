/**
 * `aadmap fmt` as users and CI run it: the bundled dist/cli.js in a child process, on temporary
 * copies (the command rewrites files). Flags and exit codes are a contract (docs/fmt.md).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, describe, expect, it } from 'vitest';
import { createLanguageService } from '../../server/service/language-service';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-fmt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the given files (name → text). */
function folder(files: Record<string, string>): string {
  const dir = join(scratch, `case-${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: scratch });
}

const MISFORMATTED = `target   chatwork
# a comment line, kept as written
mapping "Users" User -> User {


      userName<-   [userPrincipalName]   match 1   # the matching attribute
  active <- Switch( [IsSoftDeleted] ,, "False","True", "True", "False" )
 title <- [jobTitle]
}
`;

const FORMATTED = `target chatwork
# a comment line, kept as written
mapping "Users" User -> User {

  userName <- [userPrincipalName]  match 1         # the matching attribute
  active   <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title    <- [jobTitle]
}
`;

/** A statement with an unclosed parenthesis (line 3, column 44 is where the parser gives up). */
const BROKEN = `target chatwork
mapping "Users" User -> User {
  userName<-   Join(",", [givenName], [surname]
  title <- [jobTitle]
}
`;

const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.aadmap'));

describe('aadmap fmt', () => {
  it('prints the formatted text of one file and changes nothing', async () => {
    const dir = folder({ 'm.aadmap': MISFORMATTED });
    const { status, stdout, stderr } = await aadmap('fmt', join(dir, 'm.aadmap'));
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toBe(FORMATTED);
    expect(readFileSync(join(dir, 'm.aadmap'), 'utf8')).toBe(MISFORMATTED);
  });

  it('prints what the editor formatting of the language service gives', async () => {
    const service = createLanguageService();
    const document = TextDocument.create('file:///m.aadmap', 'aadmap', 1, MISFORMATTED);
    const edits = service.format({ uri: document.uri, languageId: 'aadmap', text: MISFORMATTED }, { tabSize: 2, insertSpaces: true });
    const dir = folder({ 'm.aadmap': MISFORMATTED });
    expect((await aadmap('fmt', join(dir, 'm.aadmap'))).stdout).toBe(TextDocument.applyEdits(document, edits));
  });

  it('--check names the files that are not formatted and exits 1; 0 when all are', async () => {
    const dir = folder({ 'm.aadmap': MISFORMATTED, 'ok.aadmap': FORMATTED });
    const file = join(dir, 'm.aadmap');
    expect(await aadmap('fmt', file, '--check')).toEqual({ status: 1, stdout: `${file}\n`, stderr: '' });
    expect(await aadmap('fmt', '--check', join(dir, 'ok.aadmap'))).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await aadmap('fmt', '--check', dir)).toEqual({ status: 1, stdout: `${file}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(MISFORMATTED);
  });

  it('--write rewrites, and a second --write changes nothing', async () => {
    const dir = folder({ 'm.aadmap': MISFORMATTED, 'ok.aadmap': FORMATTED });
    const file = join(dir, 'm.aadmap');
    expect(await aadmap('fmt', '--write', dir)).toEqual({ status: 0, stdout: `${file}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(FORMATTED);
    expect(await aadmap('fmt', '--write', dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(FORMATTED);
    expect((await aadmap('fmt', '--check', dir)).status).toBe(0);
  });

  it.each(examples.filter((name) => name !== 'mistakes.aadmap'))('leaves examples/%s as it is (formatted, idempotent)', async (name) => {
    const dir = folder({});
    const file = join(dir, name);
    copyFileSync(join(root, 'examples', name), file);
    const original = readFileSync(file, 'utf8');
    expect((await aadmap('fmt', file, '--check')).status).toBe(0);
    expect((await aadmap('fmt', file)).stdout).toBe(original);
    expect(await aadmap('fmt', file, '--write')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('leaves a file with syntax errors untouched and reports where (exit 1)', async () => {
    const dir = folder({ 'broken.aadmap': BROKEN });
    const file = join(dir, 'broken.aadmap');
    for (const flag of ['--check', '--write']) {
      const { status, stdout, stderr } = await aadmap('fmt', flag, file);
      expect([status, stdout]).toEqual([1, '']);
      expect(stderr).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:3:\\d+: syntax error: .+`, 'm'));
      expect(stderr).toContain(`aadmap fmt: ${file} has syntax errors; left unchanged`);
      expect(readFileSync(file, 'utf8')).toBe(BROKEN);
    }
    // Printing gives the text back unchanged, so `aadmap fmt F > G` never loses a line.
    const printed = await aadmap('fmt', file);
    expect([printed.status, printed.stdout]).toEqual([1, BROKEN]);
  });

  it('leaves a file of 200,000 blank lines unchanged, saying why (exit 1)', async () => {
    const huge = `${MISFORMATTED}${'\n'.repeat(200_000)}`;
    const dir = folder({ 'huge.aadmap': huge });
    const file = join(dir, 'huge.aadmap');
    const { status, stdout, stderr } = await aadmap('fmt', '--write', file);
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toContain(`aadmap fmt: ${file} has 200,0`);
    expect(stderr).toContain('lines; aadmap formats files of at most 100,000 lines; left unchanged');
    expect(readFileSync(file, 'utf8')).toBe(huge);
  });

  it('reports the syntax errors of examples/mistakes.aadmap and keeps the other files going', async () => {
    const dir = folder({ 'm.aadmap': MISFORMATTED });
    copyFileSync(join(root, 'examples', 'mistakes.aadmap'), join(dir, 'mistakes.aadmap'));
    const original = readFileSync(join(dir, 'mistakes.aadmap'), 'utf8');
    const { status, stdout, stderr } = await aadmap('fmt', '--write', dir);
    expect(status).toBe(1);
    expect(stdout).toBe(`${join(dir, 'm.aadmap')}\n`);
    expect(stderr).toContain(`${join(dir, 'mistakes.aadmap')}:17:`);
    expect(readFileSync(join(dir, 'mistakes.aadmap'), 'utf8')).toBe(original);
    expect(readFileSync(join(dir, 'm.aadmap'), 'utf8')).toBe(FORMATTED);
  });

  it('formats a .scimfilter file named explicitly, and reports a broken filter line', async () => {
    const dir = folder({ 'f.scimfilter': '# lookups\nuserName   EQ "bjensen"\n', 'bad.scimfilter': 'userName eq "a"\nuserName eq\n' });
    expect(await aadmap('fmt', join(dir, 'f.scimfilter'))).toEqual({ status: 0, stdout: '# lookups\nuserName eq "bjensen"\n', stderr: '' });
    const bad = await aadmap('fmt', '--check', join(dir, 'bad.scimfilter'));
    expect([bad.status, bad.stdout]).toEqual([1, '']);
    expect(bad.stderr).toContain(`${join(dir, 'bad.scimfilter')}:2:`);
  });

  it('searches directories for .aadmap files, skipping node_modules, dot-folders and links to non-files', async () => {
    const dir = folder({
      'a.aadmap': MISFORMATTED,
      'sub/b.aadmap': MISFORMATTED,
      'sub/notes.txt': MISFORMATTED,
      'node_modules/pkg/c.aadmap': MISFORMATTED,
      '.git/d.aadmap': MISFORMATTED,
      'outside/e.aadmap': MISFORMATTED,
    });
    symlinkSync(join(dir, 'outside', 'e.aadmap'), join(dir, 'sub', 'link.aadmap'));
    symlinkSync(join(dir, 'outside'), join(dir, 'sub', 'folder-link.aadmap'));
    symlinkSync(join(dir, 'missing'), join(dir, 'sub', 'dangling.aadmap'));
    const { status, stdout } = await aadmap('fmt', '--check', dir);
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      join(dir, 'a.aadmap'),
      join(dir, 'outside', 'e.aadmap'),
      join(dir, 'sub', 'b.aadmap'),
      join(dir, 'sub', 'link.aadmap'),
    ]);
  });

  it('keeps a byte order mark and CRLF line breaks', async () => {
    const crlf = MISFORMATTED.replace(/\n/g, '\r\n');
    const dir = folder({ 'w.aadmap': `\ufeff${crlf}` });
    const file = join(dir, 'w.aadmap');
    expect((await aadmap('fmt', file)).stdout).toBe(FORMATTED.replace(/\n/g, '\r\n'));
    expect((await aadmap('fmt', '--write', file)).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\ufeff${FORMATTED.replace(/\n/g, '\r\n')}`);
  });

  it('reads files as check does: invalid UTF-8 is refused at its position (exit 2) and never rewritten', async () => {
    const dir = folder({});
    const file = join(dir, 'latin1.aadmap');
    const bytes = Buffer.from(
      'target chatwork\nmapping "caf\xe9" User -> User {\n  userName <-   [userPrincipalName] match 1\n}\n',
      'latin1',
    );
    writeFileSync(file, bytes);
    const check = await aadmap('check', file);
    expect(check.status).toBe(2);
    const refusal = `${file}:2:13: invalid UTF-8 (byte 0xE9 at offset 28); save the file as UTF-8`;
    expect(check.stderr).toContain(refusal);
    for (const flags of [[], ['--check'], ['--write']]) {
      const { status, stdout, stderr } = await aadmap('fmt', ...flags, file);
      expect([status, stdout]).toEqual([2, '']);
      expect(stderr).toBe(`aadmap fmt: ${refusal}\n`);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('reads a UTF-16 file with a byte order mark as check does, and writes it back as UTF-16', async () => {
    const dir = folder({});
    const le = join(dir, 'le.aadmap');
    const be = join(dir, 'be.aadmap');
    writeFileSync(le, Buffer.from(`\ufeff${MISFORMATTED}`, 'utf16le'));
    writeFileSync(be, Buffer.from(`\ufeff${MISFORMATTED}`, 'utf16le').swap16());
    expect((await aadmap('check', le)).status).toBe(0);
    expect(await aadmap('fmt', le)).toEqual({ status: 0, stdout: FORMATTED, stderr: '' });
    expect(await aadmap('fmt', '--write', le, be)).toEqual({ status: 0, stdout: `${le}\n${be}\n`, stderr: '' });
    expect(readFileSync(le).equals(Buffer.from(`\ufeff${FORMATTED}`, 'utf16le'))).toBe(true);
    expect(readFileSync(be).equals(Buffer.from(`\ufeff${FORMATTED}`, 'utf16le').swap16())).toBe(true);
  });

  it('refuses a file over the 16 MB limit as check does (exit 2)', async () => {
    const dir = folder({ 'big.aadmap': MISFORMATTED });
    const file = join(dir, 'big.aadmap');
    truncateSync(file, 17 * 1024 * 1024);
    for (const flags of [[], ['--check'], ['--write']]) {
      const { status, stdout, stderr } = await aadmap('fmt', ...flags, file);
      expect([status, stdout]).toEqual([2, '']);
      expect(stderr).toContain(`${file} is 17 MB, over the 16 MB limit of aadmap`);
    }
  });

  it('shows control characters from the file in its messages as Control Pictures, as check does', async () => {
    const dir = folder({ 'esc.aadmap': 'target chatwork\nmapping "Users" User -> User {\n  userName <- Join(\u001b[2J\n}\n' });
    const { status, stderr } = await aadmap('fmt', '--check', join(dir, 'esc.aadmap'));
    expect(status).toBe(1);
    expect(stderr).toContain("syntax error: Unexpected character '\u241b'");
    expect(stderr).not.toContain('\u001b');
  });

  it("reads standard input for '-' (print and --check), named by --stdin-filename", async () => {
    expect(await runCli(['fmt', '-'], { cwd: scratch, input: MISFORMATTED })).toEqual({ status: 0, stdout: FORMATTED, stderr: '' });
    expect(await runCli(['fmt', '--check', '-'], { cwd: scratch, input: MISFORMATTED })).toEqual({
      status: 1,
      stdout: '<stdin>\n',
      stderr: '',
    });
    expect(await runCli(['fmt', '--check', '-'], { cwd: scratch, input: FORMATTED })).toEqual({ status: 0, stdout: '', stderr: '' });
    const broken = await runCli(['fmt', '-', '--stdin-filename', 'maps/broken.aadmap'], { cwd: scratch, input: BROKEN });
    expect([broken.status, broken.stdout]).toEqual([1, BROKEN]);
    expect(broken.stderr).toMatch(/^maps\/broken\.aadmap:3:\d+: syntax error: /m);
    // The name gives the language, as for check: a SCIM filter.
    const filter = await runCli(['fmt', '-', '--stdin-filename', 'f.scimfilter'], { cwd: scratch, input: 'userName   EQ "bjensen"\n' });
    expect(filter).toEqual({ status: 0, stdout: 'userName eq "bjensen"\n', stderr: '' });
  });

  it('refuses invalid UTF-8 on standard input as check does (exit 2)', async () => {
    const { status, stdout, stderr } = await runCli(['fmt', '-'], {
      cwd: scratch,
      input: Buffer.from('target chatwork\n# caf\xe9\n', 'latin1'),
    });
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toBe('aadmap fmt: <stdin>:2:6: invalid UTF-8 (byte 0xE9 at offset 21); save the file as UTF-8\n');
  });

  it.each([
    [[], 'fmt needs at least one FILE or DIR'],
    [['--check', '--write', 'x.aadmap'], 'give --check or --write, not both'],
    [['--fix', 'x.aadmap'], 'unknown option --fix'],
    [['.'], 'printing needs exactly one FILE'],
    [['--write', '-'], "--write cannot rewrite standard input ('-')"],
    [['-', '-'], "'-' (standard input) can be given once"],
    [['x.aadmap', '--stdin-filename', 'y.aadmap'], '--stdin-filename names standard input'],
  ])('exits 2 on usage errors: fmt %j', async (args, message) => {
    const { status, stderr } = await aadmap('fmt', ...args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 for a file that does not exist, saying so in words as check does', async () => {
    const file = join(scratch, 'nope.aadmap');
    for (const flags of [[], ['--check'], ['--write']]) {
      const { status, stderr } = await aadmap('fmt', ...flags, file);
      expect(status).toBe(2);
      expect(stderr).toBe(`aadmap fmt: cannot read ${file}: no such file or folder\n`);
    }
    expect((await aadmap('check', file)).stderr).toBe(`aadmap check: cannot read ${file}: no such file or folder\n`);
  });

  it('is listed in the help', async () => {
    expect((await aadmap('--help')).stdout).toContain('fmt FILE|DIR... [--check | --write]');
    expect(await aadmap('fmt', '--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('Exit status: 0 all formatted') });
  });
});
