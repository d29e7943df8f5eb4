/**
 * `aadmap eval` as users and outside tests run it: dist/cli.js in a child process. Every row of the
 * evaluation table runs through the CLI too, with the exact JSON contract.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, stringifyJson, toPlainJson } from '../../server/evaluator/json';
import { EVALUATION_CASES, type EvaluationCase } from '../evaluator/function-table';
import { expectedJson, toOutput } from '../support/expected-json';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-eval-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root });
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

describe('aadmap eval', () => {
  it('prints the value as JSON text by default, and the trace with --trace', async () => {
    const input = join(scratch, 'soft-deleted.json');
    writeFileSync(input, '{"IsSoftDeleted": true}');
    const { status, stdout } = await aadmap(
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

  it('reports where an evaluation error happened, in text', async () => {
    const { status, stdout } = await aadmap('eval', '--expr', 'Join(",",\n  Mid("abc", 0, 1))');
    expect(status).toBe(1);
    expect(stdout.trim()).toBe('<expr>:2:3: error [evaluation-error] Mid: start is 1-based (1 is the first character); got 0');
  });

  it('prints the ignored state in text', async () => {
    expect((await aadmap('eval', '--expr', 'IgnoreFlowIfNullOrEmpty([department])')).stdout).toContain('not sent');
  });

  it('exits 2 on usage errors and unreadable or invalid input files', async () => {
    expect((await aadmap('eval')).status).toBe(2);
    expect((await aadmap('eval', '--expr', 'Now()', '--now', 'yesterday')).status).toBe(2);
    expect((await aadmap('eval', '--expr', 'Now()', '--seed', '-1')).status).toBe(2);
    expect((await aadmap('eval', '--expr', 'Now()', '--format', 'xml')).status).toBe(2);
    const missing = await aadmap('eval', '--expr', '[mail]', '--input', join(scratch, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the sample user');
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{"mail": "a@b.c",\n "x": }');
    const invalid = await aadmap('eval', '--expr', '[mail]', '--input', broken);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('broken.json:2:7');
    const array = join(scratch, 'array.json');
    writeFileSync(array, '[1, 2]');
    expect((await aadmap('eval', '--expr', '[mail]', '--input', array)).stderr).toContain('must be a JSON object');
  });

  it('lists eval and preview in the help', async () => {
    const { stdout } = await aadmap('--help');
    expect(stdout).toContain('eval --expr "EXPRESSION" --input USER.json');
    expect(stdout).toContain('preview FILE --input USER.json');
  });
});
