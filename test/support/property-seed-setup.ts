/**
 * Vitest setup file (vitest.config.ts `setupFiles`): before each test, fast-check's global seed is
 * set to that test's own seed (test/support/seed.ts), so every `fc.assert`/`fc.sample` without an
 * explicit seed is reproducible; when the test fails, the base seed to replay it with is printed.
 */
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { fullName, replayHint, seedFor } from './seed';

const initial = fc.readConfigureGlobal();

beforeEach((context) => {
  const name = fullName(context.task);
  fc.configureGlobal({ ...initial, seed: seedFor(name) });
  context.onTestFailed(() => {
    console.error(replayHint(name));
  });
});
