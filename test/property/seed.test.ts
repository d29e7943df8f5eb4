/**
 * Property tests are reproducible: fast-check's default seed is fixed per test (test/support/seed.ts),
 * AADMAP_SEED chooses another, and a failing test prints the seed to replay it with.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli-process';
import { DEFAULT_SEED, parseSeed, replayHint, seedFor } from '../support/seed';

const root = join(__dirname, '..', '..');
const probeConfig = join(root, 'test', 'support', 'fixtures', 'seeded', 'vitest.config.ts');

/** Runs the probe test in its own vitest process: the cases it saw, its exit status and output. */
async function runProbe(env: Record<string, string>) {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (!('AADMAP_SEED' in env)) delete environment['AADMAP_SEED'];
  const result = await runProcess(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', probeConfig], {
    cwd: root,
    env: { ...environment, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  const output = result.stdout + result.stderr;
  const cases = /cases: (\[[^\]]*\])/.exec(output)?.[1];
  return { status: result.status, output, cases: cases === undefined ? undefined : (JSON.parse(cases) as number[]) };
}

describe('seeded property tests', () => {
  it('see the same cases on every run of the same test', () => {
    const arbitrary = fc.array(fc.string(), { maxLength: 5 });
    expect(fc.sample(arbitrary, 30)).toEqual(fc.sample(arbitrary, 30));
  });

  it('run with the seed derived from the base seed and the test name', () => {
    expect(fc.readConfigureGlobal().seed).toBe(
      seedFor('test/property/seed.test.ts > seeded property tests > run with the seed derived from the base seed and the test name'),
    );
  });

  it('derive distinct seeds for distinct tests and for distinct base seeds', () => {
    expect(seedFor('a > b')).not.toBe(seedFor('a > c'));
    expect(seedFor('a > b', 1)).not.toBe(seedFor('a > b', 2));
    expect(seedFor('a > b', 7)).toBe(seedFor('a > b', 7));
  });

  it('read AADMAP_SEED as a decimal or hexadecimal integer, `random`, or the default when unset', () => {
    expect(parseSeed(undefined)).toBe(DEFAULT_SEED);
    expect(parseSeed('')).toBe(DEFAULT_SEED);
    expect(parseSeed('1234')).toBe(1234);
    expect(parseSeed('0x10')).toBe(16);
    expect(parseSeed('random', () => 0.5)).toBe(0x8000_0000 | 0);
    expect(() => parseSeed('soon')).toThrow(/AADMAP_SEED must be an integer/);
  });

  it('give the same cases in two separate processes, other cases under another AADMAP_SEED, and print the seed on failure', async () => {
    const first = await runProbe({});
    const second = await runProbe({});
    expect(first.status, first.output).toBe(0);
    expect(first.cases).toHaveLength(8);
    expect(second.cases).toEqual(first.cases);

    const other = await runProbe({ AADMAP_SEED: '12345', PROBE_FAIL: '1' });
    expect(other.status).toBe(1);
    expect(other.cases).toHaveLength(8);
    expect(other.cases).not.toEqual(first.cases);
    expect(other.output).toContain(replayHint('sample.probe.ts > a property over integers', 12345));
    expect(other.output).toContain('replay with AADMAP_SEED=12345');
  });
});
