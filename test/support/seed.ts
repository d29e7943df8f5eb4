/**
 * Seeds for the property tests, so that every run of the suite sees the same random cases.
 *
 * The base seed is fixed (DEFAULT_SEED) unless AADMAP_SEED names another one (an integer, decimal or
 * 0x-hexadecimal; `AADMAP_SEED=random` draws a fresh one, for exploratory runs). Each test gets its own
 * seed derived from the base seed and its full name, so adding or renaming a test does not change
 * what the others see. The setup file (property-seed-setup.ts) installs the per-test seed as
 * fast-check's global default and prints the base seed when a test fails, so the failure can be
 * replayed with `AADMAP_SEED=<seed> npx vitest run <file>`.
 */

/** The base seed every run uses unless AADMAP_SEED says otherwise. */
export const DEFAULT_SEED = 0x5eed_aad;

/** Parses an AADMAP_SEED value: an integer (decimal or 0x…), `random`, or unset/empty for the default. */
export function parseSeed(value: string | undefined, random: () => number = Math.random): number {
  const text = (value ?? '').trim();
  if (text === '') return DEFAULT_SEED;
  if (text.toLowerCase() === 'random') return Math.floor(random() * 0x1_0000_0000) | 0;
  const parsed = /^-?0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) throw new Error(`AADMAP_SEED must be an integer (decimal or 0x…) or 'random', got '${value}'`);
  return parsed | 0;
}

/** The base seed of this run, read once per test file. */
export const baseSeed: number = parseSeed(process.env['AADMAP_SEED']);

/** A 32-bit seed for one test: FNV-1a of its name, mixed with the base seed. */
export function seedFor(testName: string, base: number = baseSeed): number {
  let hash = 0x811c9dc5 ^ base;
  for (let i = 0; i < testName.length; i++) {
    hash ^= testName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The line printed when a seeded test fails. */
export function replayHint(testName: string, base: number = baseSeed): string {
  return `[seed] '${testName}' ran with AADMAP_SEED=${base} (its own seed ${seedFor(testName, base)}); replay with AADMAP_SEED=${base}`;
}

/** A test's full name, `file > suite > test`: stable across runs, distinct between tests. */
export function fullName(task: { name: string; suite?: { name: string; suite?: unknown } | undefined; file?: { name: string } }): string {
  const names: string[] = [];
  for (let suite = task.suite as { name: string; suite?: unknown } | undefined; suite; suite = suite.suite as typeof suite) {
    if (suite.name !== '') names.unshift(suite.name);
  }
  if (task.file && names[0] !== task.file.name) names.unshift(task.file.name);
  return [...names, task.name].join(' > ');
}
