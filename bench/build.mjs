// Bundles the benchmark runner and cases to out/bench/ with the production build's settings
// (minified, node20, chevrotain bundled). The npm peers stay external: they run as published.
import { readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { lazyModules } from '../scripts/lazy-modules.mjs';

const cases = readdirSync('bench/cases')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
await esbuild.build({
  entryPoints: Object.fromEntries([
    ['run', 'bench/run.ts'],
    ...cases.map((name) => [name, `bench/cases/${name}.ts`]),
    // Benchmark 4's empty language server (the start-up floor), bundled like dist/server.js.
    ['empty-server', 'bench/fixtures/empty-server.ts'],
  ]),
  outdir: 'out/bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  plugins: [lazyModules],
  external: ['scim2-parse-filter', 'scimmy'],
});
