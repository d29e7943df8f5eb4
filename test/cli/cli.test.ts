/**
 * The `aadmap` CLI as users and outside tests run it: the bundled dist/cli.js in a child process.
 * Flags, exit codes and the JSON shapes are contracts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleExpectations } from '../support/inline-expectations';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root });
}

const DIAGNOSTIC_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'];

describe('aadmap check', () => {
  it('passes the Chatwork example', async () => {
    const { status, stdout } = await aadmap('check', 'examples/chatwork.aadmap');
    expect(status).toBe(0);
    expect(stdout).toContain('No problems in 1 file.');
  });

  it('reports each mistake of the mistakes example as 1-based JSON records', async () => {
    const { status, stdout } = await aadmap('check', 'examples/mistakes.aadmap', '--format', 'json');
    expect(status).toBe(1);
    const reported = JSON.parse(stdout) as Record<string, unknown>[];
    for (const record of reported) expect(Object.keys(record)).toEqual(DIAGNOSTIC_KEYS);
    const expected = exampleExpectations(readFileSync(join(root, 'test', 'checker', 'examples', 'mistakes.aadmap'), 'utf8'));
    expect(reported.map((d) => [d['file'], d['line'], d['column'], d['severity'], d['code']])).toEqual(
      expected.map((e) => ['examples/mistakes.aadmap', e.line + 1, e.startColumn + 1, e.severity, e.code]),
    );
  });

  it('prints text with the source line and a caret underline, and a summary', async () => {
    const { status, stdout } = await aadmap('check', 'examples/mistakes.aadmap');
    expect(status).toBe(1);
    expect(stdout).toContain("examples/mistakes.aadmap:11:17: error [unknown-function] Unknown function 'Swtich'. Did you mean 'Switch'?");
    expect(stdout).toContain(
      '   11 |   active     <- Swtich([IsSoftDeleted], , "False", "True", "True", "False")\n      |                 ^^^^^^',
    );
    expect(stdout.trimEnd().split('\n').pop()).toBe('6 errors, 0 warnings in 1 file.');
  });

  it('writes SARIF 2.1.0 with one result per diagnostic and a rule per code', async () => {
    const { status, stdout } = await aadmap('check', 'examples/mistakes.aadmap', '--format', 'sarif');
    expect(status).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('aadmap');
    expect(run.results).toHaveLength(6);
    const unknown = run.results.find((r: { ruleId: string }) => r.ruleId === 'unknown-function');
    expect(unknown.level).toBe('error');
    expect(unknown.locations[0].physicalLocation.region).toEqual({ startLine: 11, startColumn: 17, endLine: 11, endColumn: 23 });
    const rule = run.tool.driver.rules[unknown.ruleIndex];
    expect(rule.id).toBe('unknown-function');
    // Each rule carries its help (the docs/diagnostics.md entry), so no link to a page is needed.
    const description = 'No function of that name exists; the message suggests the closest names.';
    expect(rule.help).toEqual({ text: description, markdown: `**unknown-function** (error by default)\n\n${description}` });
    expect(rule.helpUri).toBeUndefined();
    expect(run.tool.driver.informationUri).toBeUndefined();
  });

  it('fails on warnings only with --strict', async () => {
    const file = join(scratch, 'warning-only.aadmap');
    writeFileSync(file, 'target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]\n}\n');
    const lenient = await aadmap('check', file, '--format', 'json');
    expect(lenient.status).toBe(0);
    expect(JSON.parse(lenient.stdout).map((d: { code: string }) => d.code)).toEqual(['no-matching-attribute']);
    expect((await aadmap('check', file, '--strict')).status).toBe(1);
  });

  it('checks directories, .scimfilter files and several files in one run', async () => {
    const { status, stdout } = await aadmap('check', 'examples', '--format', 'json');
    expect(status).toBe(1);
    const files = new Set((JSON.parse(stdout) as { file: string }[]).map((d) => d.file));
    expect([...files]).toEqual([join('examples', 'mistakes.aadmap')]);
  });

  it('checks one expression with --expr', async () => {
    const good = await aadmap('check', '--expr', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', '--format', 'json');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual([]);
    const bad = await aadmap('check', '--expr', 'Join(",", [mial], Swtich([x]))', '--format', 'json');
    expect(bad.status).toBe(1);
    const records = JSON.parse(bad.stdout) as Record<string, unknown>[];
    expect(records.map((d) => [d['file'], d['line'], d['column'], d['code']])).toEqual([
      ['<expr>', 1, 12, 'unknown-attribute'],
      ['<expr>', 1, 19, 'unknown-function'],
      ['<expr>', 1, 27, 'unknown-attribute'],
    ]);
    expect(records[0]!['message']).toContain('Did you mean [mail]?');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await aadmap('check')).status).toBe(2);
    expect((await aadmap('check', 'examples/chatwork.aadmap', '--format', 'xml')).status).toBe(2);
    expect((await aadmap('check', 'examples/chatwork.aadmap', '--bogus')).status).toBe(2);
    const missing = await aadmap('check', join(scratch, 'nope.aadmap'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect((await aadmap('frobnicate')).status).toBe(2);
    expect((await aadmap()).status).toBe(2);
  });

  it('reads `target "schema.json"` relative to the file', async () => {
    const schema = readFileSync(join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8');
    writeFileSync(join(scratch, 'schema.json'), schema);
    const file = join(scratch, 'custom.aadmap');
    writeFileSync(
      file,
      'target "schema.json"\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n  nickName <- [jobTitle]\n}\n',
    );
    const { status, stdout } = await aadmap('check', file, '--format', 'json');
    expect(status).toBe(1);
    expect(JSON.parse(stdout).map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([['unknown-target-attribute', 4]]);
    const broken = join(scratch, 'broken.aadmap');
    writeFileSync(broken, 'target "missing.json"\n');
    const result = await aadmap('check', broken, '--format', 'json');
    expect(JSON.parse(result.stdout).map((d: { code: string }) => d.code)).toEqual(['unknown-target']);
  });
});

describe('aadmap filter', () => {
  it('normalizes a valid filter and lists its attributes', async () => {
    const { status, stdout } = await aadmap('filter', 'userName Eq "alice@contoso.com"', '--schema', 'chatwork', '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      valid: true,
      normalized: 'userName eq "alice@contoso.com"',
      attributes: ['userName'],
      diagnostics: [],
    });
  });

  it('rejects a filter on an attribute Chatwork cannot filter on', async () => {
    const { status, stdout } = await aadmap('filter', 'externalId eq "x"', '--schema', 'chatwork', '--format', 'json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.valid).toBe(false);
    expect(Object.keys(report)).toEqual(['valid', 'diagnostics']);
    expect(report.diagnostics[0]).toMatchObject({
      file: '<filter>',
      line: 1,
      column: 1,
      endColumn: 11,
      severity: 'error',
      code: 'non-filterable-attribute',
    });
  });

  it('accepts the same filter without a schema, and the Entra value-path form with a warning', async () => {
    expect((await aadmap('filter', 'externalId eq "x"', '--format', 'json')).status).toBe(0);
    const entra = await aadmap('filter', 'emails[type eq "work"].value eq "x"', '--format', 'json');
    expect(entra.status).toBe(0);
    const report = JSON.parse(entra.stdout);
    expect(report.attributes).toEqual(['emails.type', 'emails.value']);
    expect(report.diagnostics.map((d: { severity: string; code: string }) => [d.severity, d.code])).toEqual([
      ['warning', 'scim-entra-value-path'],
    ]);
  });

  it('reports syntax errors with positions and exit 1, usage errors with exit 2', async () => {
    const { status, stdout } = await aadmap('filter', 'userName eq', '--format', 'json');
    expect(status).toBe(1);
    expect(JSON.parse(stdout).valid).toBe(false);
    expect((await aadmap('filter', 'a pr', '--schema', 'nope')).status).toBe(2);
    expect((await aadmap('filter')).status).toBe(2);
  });
});
