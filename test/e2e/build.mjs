// Compiles the end-to-end tests into out/e2e/ (git-ignored):
//   suite/*.ts     → out/e2e/suite/*.js      CommonJS, loaded by VS Code's extension host ('vscode' and 'mocha' stay external)
//   browser/*.ts   → out/e2e/browser/*.js    CommonJS for the browser, loaded by VS Code's web worker extension host (only 'vscode' external)
//   harness/*.ts   → out/e2e/harness/*.mjs   ES modules run by node: the runners and `npm start`
//   ui/*.ui.ts     → out/e2e/ui/*.ui.mjs     Playwright UI tests, loaded by out/e2e/harness/run-ui-tests.mjs
//   sign-in/       → out/e2e/sign-in/        the UI tests' stand-in for Microsoft sign-in (an extension; packaged by harness/sign-in.ts)
// Harness and UI files share chunks, so they share module state (the UI session).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'test', 'e2e');
const outdir = join(root, 'out', 'e2e');
const files = (dir, pattern) =>
  readdirSync(join(here, dir))
    .filter((name) => pattern.test(name))
    .map((name) => join(here, dir, name));

rmSync(outdir, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', sourcemap: 'inline', sourcesContent: false };
await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'suite', 'index.ts'), ...files('suite', /\.test\.ts$/)],
    outdir: join(outdir, 'suite'),
    format: 'cjs',
    external: ['vscode', 'mocha'],
  }),
  esbuild.build({
    ...common,
    entryPoints: [...files('harness', /^(run-|start-).*\.ts$/), ...files('ui', /\.ui\.ts$/)],
    outbase: here,
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'browser', 'index.ts')],
    outdir: join(outdir, 'browser'),
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(here, 'sign-in', 'extension.ts')],
    outdir: join(outdir, 'sign-in'),
    format: 'cjs',
    external: ['vscode'],
  }),
]);
mkdirSync(join(outdir, 'sign-in'), { recursive: true });
copyFileSync(join(here, 'sign-in', 'package.json'), join(outdir, 'sign-in', 'package.json'));
