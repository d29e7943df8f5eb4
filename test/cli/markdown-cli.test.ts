/**
 * `--format markdown` (check, impact, deploy's what-if) and `check --format junit`, as CI runs them:
 * dist/cli.js in a child process, deploy against the Graph emulator. The new formats extend the
 * commands: the exit statuses are the same as with the text output, and the counts are those of the
 * JSON output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryLines } from '../support/directory-users';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun, runCli, startSeededEmulator } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-markdown-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(args: string[], cwd = scratch): Promise<CliRun> {
  return runCli(args, { cwd, env: { AADMAP_GRAPH_TOKEN: SEED.token } });
}

const write = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const clean = write('clean.aadmap', chatwork);
// Messages that quote the file's text: a pipe and HTML in them must not break the table.
const broken = write('broken.aadmap', chatwork.replace('title      <- [jobTitle]', 'title      <- Nope([a|b<script>x</script>])'));

/** The rows of the first GFM table after `heading` (cells split on unescaped pipes). */
function tableAfter(markdown: string, heading: RegExp): string[][] {
  const lines = markdown.split('\n');
  let i = lines.findIndex((line) => heading.test(line));
  expect(i, `no line matching ${heading}`).toBeGreaterThanOrEqual(0);
  while (!lines[i]!.startsWith('|')) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  expect(rows[1]!.every((cell) => /^-+:?$/.test(cell))).toBe(true);
  return [rows[0]!, ...rows.slice(2)];
}

describe('aadmap check --format markdown | junit', () => {
  it('markdown: the counts per file and one row per finding; the exit status as with text', async () => {
    const json = await aadmap(['check', clean, broken, '--format', 'json']);
    const findings = JSON.parse(json.stdout) as { file: string; severity: string; code: string; line: number; column: number }[];
    const text = await aadmap(['check', clean, broken]);
    const md = await aadmap(['check', clean, broken, '--format', 'markdown']);
    expect(md.status).toBe(text.status);
    expect(md.status).toBe(1);
    expect(md.stdout).toMatch(/^### aadmap check\n\n\*\*\d+ errors?, \d+ warnings?.* in 2 files\.\*\*\n/);
    // The headline is the text output's last line.
    expect(md.stdout).toContain(`**${text.stdout.trim().split('\n').at(-1)}**`);
    const files = tableAfter(md.stdout, /^### aadmap check/);
    expect(files[0]).toEqual(['File', 'Errors', 'Warnings', 'Notes']);
    expect(files[1]).toEqual([`✅ \`${clean}\``, '0', '0', '0']);
    const errors = findings.filter((d) => d.severity === 'error').length;
    expect(files[2]).toEqual([`❌ \`${broken}\``, String(errors), expect.any(String), expect.any(String)]);
    const rows = tableAfter(md.stdout, /^\| Location /);
    expect(rows.slice(1)).toHaveLength(findings.length);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(md.stdout).toContain('\\[a\\|b\\<script\\>x\\</script\\>\\]');
    const unknown = findings.find((d) => d.code === 'unknown-function')!;
    const row = rows.find((r) => r[2] === '`unknown-function`')!;
    expect(row.slice(0, 2)).toEqual([`\`${broken}:${unknown.line}:${unknown.column}\``, 'error']);
    expect(md.stdout).not.toContain('<script>');
  });

  it('markdown of a clean file exits 0 and says so', async () => {
    const { status, stdout } = await aadmap(['check', clean, '-f', 'markdown']);
    expect(status).toBe(0);
    expect(stdout).toContain('**No problems in 1 file.**');
    expect(stdout).not.toContain('| Location');
  });

  it('junit: a suite a file, a failed case an error, warnings failed only with --strict', async () => {
    const findings = JSON.parse((await aadmap(['check', clean, broken, '--format', 'json'])).stdout) as { severity: string }[];
    const errors = findings.filter((d) => d.severity === 'error').length;
    const warnings = findings.filter((d) => d.severity === 'warning').length;
    const { status, stdout } = await aadmap(['check', clean, broken, '--format', 'junit']);
    expect(status).toBe(1);
    expect(stdout.split('\n')[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(stdout).toContain(`<testsuites name="aadmap check" tests="${findings.length + 1}" failures="${errors}" errors="0" time="0">`);
    expect(stdout.match(/<testsuite /g)).toHaveLength(2);
    expect(stdout.match(/<failure /g)).toHaveLength(errors);
    expect(stdout).toContain(`<testcase classname="${clean}" name="no problems" file="${clean}" time="0"/>`);
    // Well-formed: every < starts a tag, every & an entity.
    expect(stdout.replace(/<\/?[a-z?][^<>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    expect(stdout).toContain('&lt;script&gt;');
    const strict = await aadmap(['check', clean, broken, '--format', 'junit', '--strict']);
    expect(strict.stdout.match(/<failure /g)).toHaveLength(errors + warnings);
    const ok = await aadmap(['check', clean, '--format', 'junit']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('failures="0"');
  });

  it('an unknown format is a usage error that lists the new ones', async () => {
    const { status, stderr } = await aadmap(['check', clean, '--format', 'html']);
    expect(status).toBe(2);
    expect(stderr).toContain("--format must be text, json, sarif, markdown, junit (got 'html')");
  });
});

describe('aadmap impact --format markdown', () => {
  const after = write(
    'after.aadmap',
    chatwork
      .replace('[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"')
      .replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle], "Staff")'),
  );
  const users = write('users.jsonl', `${[...directoryLines(200, 5)].join('\n')}\n`);

  it('the counts of the JSON report in a table, the changed attributes, examples', async () => {
    const json = JSON.parse((await aadmap(['impact', after, '--users', users, '--before', clean, '--format', 'json'])).stdout) as Record<
      string,
      number
    > & { attributes: Record<string, number> };
    const { status, stdout } = await aadmap(['impact', after, '--users', users, '--before', clean, '--format', 'markdown']);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^### Impact on ${json['users']} users\n`));
    const rows = tableAfter(stdout, /^### Impact on/);
    expect(rows).toEqual([
      ['Users', 'Count'],
      ['created', String(json['create'])],
      ['updated', String(json['update'])],
      ['disabled', String(json['disable'])],
      ['unchanged', String(json['unchanged'])],
      ['out of scope', String(json['outOfScope'])],
      ['errors', String(json['errors'])],
      ['matching value changed', String(json['matchChanged'])],
    ]);
    expect(json['update']).toBeGreaterThan(0);
    const attributes = tableAfter(stdout, /^#### Attributes changed/);
    expect(attributes.slice(1)).toEqual(Object.entries(json.attributes).map(([name, n]) => [`\`${name}\``, String(n)]));
    expect(stdout).toContain('#### Examples (updated)');
  });

  it('--fail-on-disable keeps its exit status with markdown', async () => {
    const text = await aadmap(['impact', after, '--users', users, '--before', clean, '--fail-on-disable', '1']);
    const md = await aadmap(['impact', after, '--users', users, '--before', clean, '--fail-on-disable', '1', '--format', 'markdown']);
    expect(text.status).toBe(1);
    expect(md.status).toBe(1);
    expect(md.stderr).toBe(text.stderr);
  });
});

describe('aadmap deploy --format markdown (the what-if) against the emulator', () => {
  let emulator: GraphEmulator;
  let work: string;
  let live: string;
  beforeEach(async () => {
    emulator = await startSeededEmulator();
    work = mkdtempSync(join(scratch, 'work-'));
    const pulled = await aadmap(
      ['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', 'live.aadmap'],
      work,
    );
    expect(pulled.status, pulled.stderr).toBe(0);
    live = readFileSync(join(work, 'live.aadmap'), 'utf8');
  }, 60_000);
  afterEach(() => emulator.stop());
  const puts = () => emulator.log.filter((r) => r.method === 'PUT');
  const deploy = (text: string, ...flags: string[]) => {
    writeFileSync(join(work, 'live.aadmap'), text);
    return aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, ...flags], work);
  };

  it('--dry-run: the summary, the counts and a diff block per changed object mapping; nothing written', async () => {
    const text = live
      .replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])')
      .replace(/\n {2}active +<- .*\n/, '\n')
      .replace(/\n}\n/, '\n  externalId <- Join(" | ", [givenName], [surname])\n}\n');
    const { status, stdout } = await deploy(text, '--dry-run', '--format', 'markdown');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^### aadmap what-if: `live\.aadmap`\n\n\*\*3 changes on job .* of "Chatwork" \(.*\): 1 mapping added, 1 mapping changed, 1 mapping removed\.\*\*\n\nDry run: nothing was written\.\n/,
    );
    expect(tableAfter(stdout, /^### aadmap what-if/)).toEqual([
      ['Mappings added', 'Changed', 'Removed', 'Blocks added', 'Blocks removed', 'Blocks with other changes', 'Attribute definitions'],
      ['1', '1', '1', '0', '0', '0', '0'],
    ]);
    expect(stdout).toContain(
      '#### ✏️ Object mapping `Synchronize Azure Active Directory Users to Chatwork` (`User -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`) changed',
    );
    const block = /```diff\n([\s\S]*?)\n```/.exec(stdout)![1]!.split('\n');
    expect(block).toContain('- title <- [jobTitle]');
    expect(block).toContain('+ title <- ToUpper([jobTitle])');
    expect(block).toContainEqual(expect.stringMatching(/^- active +<- Switch\(/));
    expect(block).toContain('+ externalId <- Join(" | ", [givenName], [surname])');
    expect(block).toHaveLength(4);
    expect(puts()).toEqual([]);
    // The text output is unchanged by the new format.
    const plain = await deploy(text, '--dry-run');
    expect(plain.stdout).toMatch(/^What-if: 3 changes on job /);
  });

  it('no change: the zero counts and "No changes"', async () => {
    const { status, stdout } = await deploy(live, '--dry-run', '-f', 'markdown');
    expect(status).toBe(0);
    expect(stdout).toContain('No changes: the job already has these mappings.');
    expect(stdout).not.toContain('```diff');
  });

  it('--users: the impact tables; a refused deploy exits 1 and says so in the Markdown', async () => {
    writeFileSync(join(work, 'users.jsonl'), `${[...directoryLines(200, 4)].join('\n')}\n`);
    const text = live.replace('userName <- [userPrincipalName]  match 1', 'userName <- [mail]  match 1');
    const { status, stdout, stderr } = await deploy(text, '--dry-run', '--users', 'users.jsonl', '--format', 'markdown');
    expect(status).toBe(1);
    expect(stdout).toContain('#### Impact on 200 users');
    expect(stdout).toMatch(/^- .*--allow-match-change \d+/m);
    expect(stdout).toContain('**❌ The deploy is refused by the impact guard.**');
    expect(stderr).toContain('nothing was written');
    expect(puts()).toEqual([]);
  });

  it('--yes with markdown deploys and reports it as paragraphs', async () => {
    const { status, stdout, stderr } = await deploy(
      live.replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])'),
      '--yes',
      '--format',
      'markdown',
    );
    expect(status, stderr).toBe(0);
    expect(stdout).not.toContain('Dry run');
    expect(stdout).toMatch(/\n\nDeployed: 1 change on job /);
    expect(puts()).toHaveLength(1);
  });

  it('an unknown format is a usage error before any request', async () => {
    const requests = emulator.log.length;
    const { status, stderr } = await deploy(live, '--dry-run', '--format', 'json');
    expect(status).toBe(2);
    expect(stderr).toContain("--format must be text, markdown (got 'json')");
    expect(emulator.log).toHaveLength(requests);
  });
});
