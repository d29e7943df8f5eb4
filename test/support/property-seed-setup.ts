/**
 * Vitest setup file (vitest.config.ts `setupFiles`): before each test, fast-check's global seed is
 * set to that test's own seed (test/support/seed.ts), so every `fc.assert`/`fc.sample` without an
 * explicit seed is reproducible; when the test fails, the base seed to replay it with is printed.
 */
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { replayHint, seedFor } from './seed';

const initial = fc.readConfigureGlobal();

/** `file > suite > test`: stable across runs, distinct between tests. */
function fullName(task: { name: string; suite?: { name: string; suite?: unknown } | undefined; file?: { name: string } }): string {
  const names: string[] = [];
  for (let suite = task.suite as { name: string; suite?: unknown } | undefined; suite; suite = suite.suite as typeof suite) {
    if (suite.name !== '') names.unshift(suite.name);
  }
  if (task.file && names[0] !== task.file.name) names.unshift(task.file.name);
  return [...names, task.name].join(' > ');
}

beforeEach((context) => {
  const name = fullName(context.task);
  fc.configureGlobal({ ...initial, seed: seedFor(name) });
  context.onTestFailed(() => {
    console.error(replayHint(name));
  });
});
