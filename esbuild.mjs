// Bundles the extension client, the language server, the CLI and the grammar library into dist/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { lazyModules } from './scripts/lazy-modules.mjs';
import { buildSplit } from './scripts/split-bundle.mjs';

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
  // `*.lazy.ts` loaders: chevrotain and the editor features initialised on first use (scripts/lazy-modules.mjs).
  plugins: [lazyModules],
};

const builds = [
  { entryPoints: { extension: 'client/extension.ts' }, external: ['vscode'] },
  { entryPoints: { grammar: 'grammar/index.ts' } },
].map((options) => ({ ...common, outdir: 'dist', ...options }));

/**
 * The server and the CLI are each split in two files: dist/server.js and dist/cli.js hold what starts
 * them, dist/server-lazy.js and dist/cli-lazy.js what the `*.lazy.ts` loaders and the CLI's other
 * commands load on first use (scripts/split-bundle.mjs). `coreRoots`: a cold `aadmap check` compiles
 * dist/cli.js only. `--watch` builds them as single files.
 */
const splitBuilds = [
  { options: { entryPoints: { server: 'server/lsp/main.ts' } }, coreRoots: [] },
  // @azure/identity is loaded on demand by the CLI's sign-in only (server/cli/graph-auth.ts): kept out of every bundle.
  { options: { entryPoints: { cli: 'server/cli/bin.ts' }, external: ['@azure/identity'] }, coreRoots: ['server/cli/check-command.ts'] },
].map(({ options, coreRoots }) => ({ options: { ...common, outdir: 'dist', ...options }, coreRoots }));

/**
 * Node's modules in the browser build (docs/browser.md): every export of the real module (listed at
 * build time) becomes a function that throws a clear error when called, so the code that reads files,
 * runs workers or talks to Graph loads in a web worker but fails by name if it is ever reached there.
 * `path.join` is real (POSIX): module constants are built with it when the bundle loads.
 */
const nodeBuiltinsUnavailable = {
  name: 'node-builtins-unavailable',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-unavailable' }));
    build.onLoad({ filter: /.*/, namespace: 'node-unavailable' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      const real = args.path === 'node:path' ? { join: "(...parts) => parts.filter((p) => p !== '').join('/').replace(/\\/+/g, '/')" } : {};
      const lines = [
        `const unavailable = (name) => () => { throw new Error(name + ' (${args.path}) is not available in the browser'); };`,
        ...names.map((name) => `export const ${name} = ${real[name] ?? `unavailable(${JSON.stringify(name)})`};`),
        `export default { ${names.join(', ')} };`,
      ];
      return { loader: 'js', contents: lines.join('\n') };
    });
  },
};

// The extension's browser entry and its language server in a web worker (docs/browser.md).
builds.push({
  ...common,
  entryPoints: { extension: 'client/browser-extension.ts' },
  outdir: 'dist/browser',
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
});
builds.push({
  ...common,
  entryPoints: { server: 'server/browser/main.ts' },
  outdir: 'dist/browser',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [lazyModules, nodeBuiltinsUnavailable],
  // Node's Buffer global, read when modules load (constants of the Graph token exchange): strings only, else a clear error.
  banner: {
    js: "var Buffer = globalThis.Buffer || { from: function (value) { if (typeof value === 'string') return new TextEncoder().encode(value); throw new Error('Buffer is not available in the browser'); } };",
  },
});

/**
 * The translations of each language (l10n/<locale>/*.json, one file per area of the code) merged into
 * the one bundle per language VS Code's `vscode.l10n` reads for the extension (package.json "l10n";
 * docs/localization.md). The server and the CLI read l10n/ themselves.
 */
function writeL10nBundles() {
  mkdirSync('dist/l10n', { recursive: true });
  for (const locale of readdirSync('l10n', { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const bundle = {};
    for (const name of readdirSync(`l10n/${locale.name}`).sort()) {
      if (name.endsWith('.json')) Object.assign(bundle, JSON.parse(readFileSync(`l10n/${locale.name}/${name}`, 'utf8')));
    }
    writeFileSync(`dist/l10n/bundle.l10n.${locale.name}.json`, JSON.stringify(bundle));
  }
}
writeL10nBundles();

if (watch) {
  const contexts = await Promise.all([...builds, ...splitBuilds.map(({ options }) => options)].map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all([
    ...builds.map((options) => esbuild.build(options)),
    ...splitBuilds.map(({ options, coreRoots }) => buildSplit(options, coreRoots)),
  ]);
}
