import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Every property test seeded: the same cases on every run, another seed through AADMAP_SEED.
    // The event loop turns between tests, and tests that block it long enough to break vitest's RPC
    // are reported (test/support/event-loop.ts).
    setupFiles: ['test/support/property-seed-setup.ts', 'test/support/event-loop-setup.ts'],
    // A backstop against a hang, not a speed check (speed is `npm run bench`'s): generous, because
    // the suite runs on shared, loaded machines, where a 30-second limit made CPU-heavy property
    // tests fail by the clock alone. Their own hang guard counts CPU time (test/property/invariants.ts).
    testTimeout: 120_000,
    pool: 'forks',
    // The tests expect English messages whatever the machine's locale (the CLI follows LC_ALL/LANG);
    // test/cli/locale.test.ts sets the locale it checks.
    env: { LC_ALL: 'C', LC_MESSAGES: '', LANG: 'C' },
  },
});
