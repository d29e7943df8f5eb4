/**
 * `aadmap impact` through dist/cli.js in a child process: the JSON contract, the text summary, the
 * three kinds of --before (a .aadmap file, a Graph schema JSON, git:REV), bad lines on stderr,
 * --fail-on-disable and the exit statuses.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chatworkChange } from '../support/chatwork-change';
import { directoryLines } from '../support/directory-users';
import { type CliRun, runCli, runCommand } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-impact-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const change = chatworkChange();
const write = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const before = write('before.aadmap', change.before);
const after = write('after.aadmap', change.after);
const users = write('users.jsonl', `${[...directoryLines(400, 3)].join('\n')}\n`);

function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: scratch });
}

interface ImpactJson {
  users: number;
  create: number;
  update: number;
  disable: number;
  unchanged: number;
  outOfScope: number;
  errors: number;
  matchChanged: number;
  attributes: Record<string, number>;
  samples: Record<string, { user: string; changes: { attribute: string; before: unknown; after: unknown }[] }[]>;
}

const CATEGORIES = ['create', 'update', 'disable', 'unchanged', 'outOfScope', 'errors'] as const;

async function impactJson(...args: string[]) {
  const result = await aadmap('impact', after, '--users', users, '--format', 'json', ...args);
  return { ...result, report: JSON.parse(result.stdout) as ImpactJson };
}

describe('aadmap impact', async () => {
  const baseline = await impactJson('--before', before);

  it('prints one JSON object with the counts, the changed attributes and the samples', () => {
    const { status, report, stderr } = baseline;
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(report.users).toBe(400);
    expect(CATEGORIES.reduce((sum, c) => sum + report[c], 0)).toBe(400);
    for (const c of [...CATEGORIES, 'matchChanged'] as const) expect(Number.isInteger(report[c])).toBe(true);
    expect(report.disable).toBeGreaterThan(0);
    expect(report.update).toBeGreaterThan(0);
    expect(report.matchChanged).toBeGreaterThan(0);
    expect(Object.values(report.attributes).every((n) => n > 0)).toBe(true);
    expect(Object.keys(report.attributes).sort()).toEqual(['title', 'userName']);
    expect(Object.keys(report.samples).sort()).toEqual(CATEGORIES.filter((c) => report[c] > 0).sort());
    for (const list of Object.values(report.samples)) expect(list.length).toBeLessThanOrEqual(5);
    for (const sample of report.samples['update']!) {
      expect(sample.user).toMatch(/@/);
      expect(sample.changes.length).toBeGreaterThan(0);
      for (const change of sample.changes) expect(Object.keys(change)).toEqual(['attribute', 'before', 'after']);
    }
  });

  it('the same input gives the same samples; --samples N bounds them', async () => {
    expect((await impactJson('--before', before)).report).toEqual(baseline.report);
    const two = (await impactJson('--before', before, '--samples', '2')).report;
    for (const list of Object.values(two.samples)) expect(list.length).toBeLessThanOrEqual(2);
    expect(two.samples['update']).toEqual(baseline.report.samples['update']!.slice(0, 2));
  });

  it('--before SCHEMA.json (a Graph schema, e.g. a backup) gives the same impact as the .aadmap it holds', async () => {
    const base = join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json');
    const exported = await aadmap('export', before, '--base', base);
    expect(exported.status).toBe(0);
    const schema = write('backup.json', exported.stdout);
    expect((await impactJson('--before', schema)).report).toEqual(baseline.report);
  });

  it('--before git:REV reads the file at a git revision', async () => {
    const repo = mkdtempSync(join(scratch, 'repo-'));
    const git = (...args: string[]) => runCommand('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], repo);
    await git('init', '-q');
    writeFileSync(join(repo, 'app.aadmap'), change.before);
    await git('add', 'app.aadmap');
    await git('commit', '-qm', 'before');
    writeFileSync(join(repo, 'app.aadmap'), readFileSync(after, 'utf8'));
    const result = await aadmap('impact', join(repo, 'app.aadmap'), '--users', users, '--before', 'git:HEAD', '--format', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(baseline.report);
    const missing = await aadmap('impact', join(repo, 'app.aadmap'), '--users', users, '--before', 'git:no-such-rev');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-rev/);
  });

  it('--before git:REV refuses a revision that starts with - (never passed to git as an option)', async () => {
    const repo = mkdtempSync(join(scratch, 'repo-'));
    const git = (...args: string[]) => runCommand('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], repo);
    await git('init', '-q');
    writeFileSync(join(repo, 'app.aadmap'), change.before);
    await git('add', 'app.aadmap');
    await git('commit', '-qm', 'before');
    // `git show --output=out:./app.aadmap` would write the file into this folder and print nothing.
    mkdirSync(join(repo, 'out:.'));
    for (const rev of ['--output=out', '-p']) {
      const result = await aadmap('impact', join(repo, 'app.aadmap'), '--users', users, '--before', `git:${rev}`);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`'${rev}'`);
    }
    expect(readdirSync(join(repo, 'out:.'))).toEqual([]);
  });

  it('skips empty lines, reports bad lines on stderr with their number, counts them in errors, and goes on', async () => {
    const lines = [...directoryLines(5, 9)];
    const file = write('bad.jsonl', [lines[0], '', 'oops', lines[1], '[1]', '', lines[2]].join('\n'));
    const result = await aadmap('impact', after, '--users', file, '--before', before, '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as ImpactJson;
    expect(report.users).toBe(5);
    expect(report.errors).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/bad\.jsonl:3: not JSON/),
      expect.stringMatching(/bad\.jsonl:5: not a JSON object/),
    ]);
    expect(report.samples['errors']!.map((s) => s.user).sort()).toEqual(['line 3', 'line 5']);
  });

  it('--fail-on-disable N: exit 1 when disable reaches N', async () => {
    const { disable } = baseline.report;
    expect((await impactJson('--before', before, '--fail-on-disable', String(disable + 1))).status).toBe(0);
    const reached = await impactJson('--before', before, '--fail-on-disable', String(disable));
    expect(reached.status).toBe(1);
    expect(reached.report.disable).toBe(disable);
    expect(reached.stderr).toMatch(/disabled/);
  });

  it('prints a summary for people by default', async () => {
    const { status, stdout } = await aadmap('impact', after, '--users', users, '--before', before);
    expect(status).toBe(0);
    const { report } = baseline;
    expect(stdout).toContain(`Impact on 400 users:`);
    expect(stdout).toMatch(new RegExp(`\\b${report.disable}  disabled`));
    expect(stdout).toMatch(new RegExp(`\\b${report.matchChanged}  matching value changed`));
    expect(stdout).toContain('Examples (updated):');
  });

  it('exit 1 when a file cannot be read or checked, saying why in words', async () => {
    for (const args of [
      [after, '--users', join(scratch, 'none.jsonl'), '--before', before],
      [join(scratch, 'none.aadmap'), '--users', users, '--before', before],
      [after, '--users', users, '--before', join(scratch, 'none.aadmap')],
    ]) {
      const missing = args.find((arg) => arg.includes('none.'))!;
      expect(await aadmap('impact', ...args)).toMatchObject({
        status: 1,
        stderr: `aadmap impact: cannot read ${missing}: no such file or folder\n`,
      });
    }
    expect(await aadmap('impact', after, '--users', scratch, '--before', before)).toMatchObject({
      status: 1,
      stderr: `aadmap impact: cannot read ${scratch}: it is a folder, not a file\n`,
    });
    const broken = write('broken.aadmap', change.before.replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle]'));
    const checked = await aadmap('impact', broken, '--users', users, '--before', before);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toMatch(/broken\.aadmap:\d+:\d+: error/);
  });

  it('a JSON error gives its position and never quotes the file (--before SCHEMA.json, a users line)', async () => {
    const schema = write('secret.json', '\n\n  {"a": SECRETTOKEN123}');
    const refused = await aadmap('impact', after, '--users', users, '--before', schema);
    expect(refused).toEqual({
      status: 1,
      stdout: '',
      stderr: `aadmap impact: ${schema}:3:9: ${schema} is not JSON: Unexpected 'S' at line 3, column 9\n`,
    });
    const lines = write('secret.jsonl', '{"userPrincipalName": "a@contoso.com"}\n{"a": SECRETTOKEN123}\n');
    const { status, stdout, stderr } = await aadmap('impact', after, '--users', lines, '--before', before);
    expect(status).toBe(0);
    expect(stderr).toContain(`${lines}:2: not JSON: Unexpected 'S' at line 1, column 7`);
    expect(`${stdout}${stderr}`).not.toContain('SECRETTOKE');
  });

  it('exit 2 on usage errors', async () => {
    expect((await aadmap('impact', after, '--before', before)).status).toBe(2);
    expect((await aadmap('impact', '--users', users, '--before', before)).status).toBe(2);
    expect((await aadmap('impact', after, '--users', users, '--before', before, '--samples', 'x')).status).toBe(2);
    expect((await aadmap('impact', after, '--users', users, '--before', before, '--format', 'xml')).status).toBe(2);
    expect((await aadmap('impact', after, '--users', users, '--before', before, '--bogus')).status).toBe(2);
  });
});
