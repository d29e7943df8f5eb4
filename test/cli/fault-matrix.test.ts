/**
 * The fault matrix of docs/security.md, run: every row's fault is made by the fault-injecting proxy in
 * front of the Graph emulator during `aadmap deploy` (dist/cli.js in a child process), and the CLI's
 * output, exit code and the tenant's schema afterwards must be what the row says. The table in the
 * docs must be exactly these rows (`npm run docs:faults` writes it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator } from '../graph-emulator/emulator';
import { FaultProxy } from '../graph-emulator/fault-proxy';
import { exitCodeOf, FAULT_MATRIX, type FaultContext, quotedPatterns, tableAfter } from './fault-matrix';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-fault-matrix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let context: FaultContext;
beforeEach(async () => {
  const emulator = GraphEmulator.seeded();
  await emulator.start();
  const proxy = new FaultProxy(emulator.url);
  await proxy.start();
  context = { emulator, proxy, work: mkdtempSync(join(scratch, 'work-')), cli: join(root, 'dist', 'cli.js') };
});
afterEach(async () => {
  await context.proxy.stop();
  await context.emulator.stop();
});

describe('the Graph fault matrix', () => {
  it.each(FAULT_MATRIX.map((row) => [row.fault, row] as const))(
    '%s',
    async (_fault, row) => {
      const previous = structuredClone(context.emulator.job.schema);
      const { result, other } = await row.run(context);
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(exitCodeOf(row.cli));
      for (const pattern of quotedPatterns(row.cli)) expect(output).toMatch(pattern);
      const now = context.emulator.job.schema;
      if (row.holds === 'previous') expect(now).toEqual(previous);
      if (row.holds === 'other') expect(now).toEqual(other);
      if (row.holds === 'new') expect(JSON.stringify(now)).toContain('"name":"ToUpper"');
    },
    60_000,
  );

  it('docs/security.md shows exactly these rows', () => {
    const docs = tableAfter(readFileSync(join(root, 'docs', 'security.md'), 'utf8'), '## Fault matrix');
    expect(docs).toEqual(FAULT_MATRIX.map((row) => [row.fault, row.cli, row.tenant]));
  });
});
