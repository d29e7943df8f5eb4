import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Every property test seeded: the same cases on every run, another seed through AADMAP_SEED.
    setupFiles: ['test/support/property-seed-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
