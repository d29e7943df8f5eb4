// Bundles the extension client, the language server, the CLI and the grammar library into dist/.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // __AADMAP_PRODUCTION__: grammar/common/build-mode.ts (no grammar self-checks in shipped bundles).
  define: { __AADMAP_VERSION__: JSON.stringify(version), __AADMAP_PRODUCTION__: JSON.stringify(production) },
  // chevrotain ships ESM with a lodash-es dependency: bundling makes it plain CommonJS for Node 20.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: { extension: 'client/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/lsp/main.ts' } },
  // @azure/identity is loaded on demand by the CLI's sign-in only (server/cli/graph-auth.ts): kept out of every bundle.
  { entryPoints: { cli: 'server/cli/bin.ts' }, external: ['@azure/identity'] },
  { entryPoints: { grammar: 'grammar/index.ts' } },
].map((options) => ({ ...common, outdir: 'dist', ...options }));

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
