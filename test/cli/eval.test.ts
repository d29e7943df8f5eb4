/**
 * `aadmap eval` as users and outside tests run it: dist/cli.js in a child process. Every row of the
 * evaluation table runs through the CLI too, with the exact JSON contract.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, stringifyJson, toPlainJson } from '../../server/evaluator/json';
import { EVALUATION_CASES, type EvaluationCase } from '../evaluator/function-table';
import { expectedJson, toOutput } from '../support/expected-json';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-eval-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const run = promisify(execFile);

async function aadmap(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function argsFor(c: EvaluationCase, index: number): string[] {
  const input = join(scratch, `user-${index}.json`);
  writeFileSync(input, stringifyJson(toOutput(c.input ?? {})));
  const args = ['eval', '--expr', c.expr, '--input', input, '--format', 'json'];
  if (c.now) args.push('--now', c.now);
  if (c.defaultDomain) args.push('--default-domain', c.defaultDomain);
  for (const value of c.taken ?? []) args.push('--taken', value);
  if (c.seed !== undefined) args.push('--seed', String(c.seed));
  return args;
}

// Child processes in parallel (vitest runs up to 5 concurrent tests of a file at once).
describe.concurrent('evaluation table (CLI)', () => {
  it.each(EVALUATION_CASES.map((c, i) => [`${c.expr}  [${c.source}]`, c, i] as const))('%s', async (_name, c, i) => {
    const { status, stdout } = await aadmap(...argsFor(c, i));
    const output = parseJson(stdout);
    if (c.error !== undefined) {
      expect(status, stdout).toBe(1);
      const error = (toPlainJson(output) as { error: { message: string; line: number; column: number } }).error;
      expect(Object.keys(output as object)).toEqual(['error']);
      expect(Object.keys(error)).toEqual(['message', 'line', 'column']);
      expect(error.line).toBe(1);
      if (c.errorColumn !== undefined) expect(error.column).toBe(c.errorColumn);
      return;
    }
    expect(status, stdout).toBe(0);
    expect(Object.keys(output as object)).toEqual(['value', 'ignored']);
    const { value, ignored } = output as { value: Parameters<typeof stringifyJson>[0]; ignored: boolean };
    if (c.ignored) {
      expect([value, ignored]).toEqual([null, true]);
      return;
    }
    expect(ignored).toBe(false);
    if (c.match) expect(value).toMatch(c.match);
    else expect(stringifyJson(value, 0)).toBe(expectedJson(c.value));
  });
});

function aadmapSync(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('aadmap eval', () => {
  it('prints the value as JSON text by default, and the trace with --trace', () => {
    const input = join(scratch, 'soft-deleted.json');
    writeFileSync(input, '{"IsSoftDeleted": true}');
    const { status, stdout } = aadmapSync(
      'eval',
      '--expr',
      'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      '--input',
      input,
      '--trace',
    );
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '"False"',
      'Switch([IsSoftDeleted], , "False", "True", "True", "False") → "False"   (key "True" matched (pair 2) → its value)',
      '  [IsSoftDeleted] → True',
    ]);
  });

  it('reports where an evaluation error happened, in text', () => {
    const { status, stdout } = aadmapSync('eval', '--expr', 'Join(",",\n  Mid("abc", 0, 1))');
    expect(status).toBe(1);
    expect(stdout.trim()).toBe('<expr>:2:3: error [evaluation-error] Mid: start is 1-based (1 is the first character); got 0');
  });

  it('prints the ignored state in text', () => {
    expect(aadmapSync('eval', '--expr', 'IgnoreFlowIfNullOrEmpty([department])').stdout).toContain('not sent');
  });

  it('exits 2 on usage errors and unreadable or invalid input files', () => {
    expect(aadmapSync('eval').status).toBe(2);
    expect(aadmapSync('eval', '--expr', 'Now()', '--now', 'yesterday').status).toBe(2);
    expect(aadmapSync('eval', '--expr', 'Now()', '--seed', '-1').status).toBe(2);
    expect(aadmapSync('eval', '--expr', 'Now()', '--format', 'xml').status).toBe(2);
    const missing = aadmapSync('eval', '--expr', '[mail]', '--input', join(scratch, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the sample user');
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{"mail": "a@b.c",\n "x": }');
    const invalid = aadmapSync('eval', '--expr', '[mail]', '--input', broken);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('broken.json:2:7');
    const array = join(scratch, 'array.json');
    writeFileSync(array, '[1, 2]');
    expect(aadmapSync('eval', '--expr', '[mail]', '--input', array).stderr).toContain('must be a JSON object');
  });

  it('lists eval and preview in the help', () => {
    const { stdout } = aadmapSync('--help');
    expect(stdout).toContain('eval --expr "EXPRESSION" --input USER.json');
    expect(stdout).toContain('preview FILE --input USER.json');
  });
});
