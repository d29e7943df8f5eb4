// Builds a Node bundle as two files: the start-up part (`dist/<name>.js`) and the part only reached
// through the `*.lazy.ts` loaders or a dynamic `import()` (`dist/<name>-lazy.js`, read, compiled and
// run on the first call of such a loader). V8 compiles the whole of a file it loads, so code kept in
// one bundle costs start-up time even when it never runs (docs/performance.md, "Start-up and the two
// file shapes"); esbuild's own code splitting needs ESM output and async `import()`, and the loaders
// are synchronous.
//
// A module is one instance, in one of the two files, never copied into both (class identity,
// caches, l10n state): the start-up file keeps every module its entry (and `coreRoots`) reach
// without going through a loader or `import()`; the lazy file holds the rest. The lazy file reaches
// the start-up modules it imports through a registry of their namespaces that the start-up file
// hands it on the first load:
//
//   start-up file: loader → require('./<name>-lazy.js')(registry, '<module path>')
//   lazy file:     module.exports = (registry, key) => { remember registry; return require(key) }
//                  and every import of a start-up module reads that module's namespace from the registry.
//
// Two passes: the first bundles as one file only to read esbuild's metafile (the import graph); the
// second writes the two files.
import { relative, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';

const REGISTRY = 'aadmap-split:registry';
const LAZY_ENTRY = 'aadmap-split:lazy-entry';
const CORE = 'aadmap-split:core';

/** The metafile's name of a resolved path: relative to the working directory, with `/`. */
const keyOf = (path) => relative(process.cwd(), path).split(sep).join('/');

/**
 * The two sets of modules. Edges out of a `*.lazy.ts` loader and dynamic `import()`s are where the
 * start-up part stops; `coreRoots` are modules kept in the start-up part although reached that way
 * (the command a cold start runs).
 */
function partition(metafile, entry, coreRoots) {
  const { inputs } = metafile;
  const core = new Set();
  const stack = [entry, ...coreRoots];
  while (stack.length > 0) {
    const path = stack.pop();
    if (core.has(path)) continue;
    core.add(path);
    if (path.endsWith('.lazy.ts')) continue;
    for (const edge of inputs[path]?.imports ?? []) if (!edge.external && edge.kind !== 'dynamic-import') stack.push(edge.path);
  }
  const lazy = Object.keys(inputs).filter((path) => !core.has(path));
  const crossing = (from, to) => [
    ...new Set(
      from.flatMap((path) => (inputs[path]?.imports ?? []).filter((edge) => !edge.external && to.has(edge.path)).map((edge) => edge.path)),
    ),
  ];
  // Lazy modules the start-up part loads (loader and import() targets), start-up modules the lazy part imports.
  return { core, lazy: new Set(lazy), targets: new Set(crossing([...core], new Set(lazy))), shared: crossing(lazy, core).sort() };
}

/** An onResolve hook that resolves normally, then lets `decide(key)` send the module elsewhere. */
function redirect(build, decide) {
  build.onResolve({ filter: /.*/ }, async (args) => {
    if (args.pluginData?.splitResolving || args.namespace.startsWith('aadmap-split')) return undefined;
    const { path, external, errors } = await build.resolve(args.path, {
      kind: args.kind,
      importer: args.importer,
      resolveDir: args.resolveDir,
      pluginData: { splitResolving: true },
    });
    if (errors.length > 0 || external || !path) return undefined;
    return decide(keyOf(path));
  });
}

/** The start-up file: lazy modules become a call into the lazy file, plus the registry it reads. */
function startupPlugin({ lazyFile, targets, shared }) {
  return {
    name: 'split-startup',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${REGISTRY}$`) }, () => ({ path: REGISTRY, namespace: 'aadmap-split-registry' }));
      build.onResolve({ filter: /^\.\/[\w-]+-lazy\.js$/ }, (args) =>
        args.path === `./${lazyFile}` ? { path: args.path, external: true } : undefined,
      );
      redirect(build, (key) => (targets.has(key) ? { path: key, namespace: 'aadmap-split-target' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'aadmap-split-target' }, (args) => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents: `module.exports = require(${JSON.stringify(`./${lazyFile}`)})(require(${JSON.stringify(REGISTRY)}).modules, ${JSON.stringify(args.path)});\n`,
      }));
      build.onLoad({ filter: /.*/, namespace: 'aadmap-split-registry' }, () => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents: [
          ...shared.map((key, i) => `import * as m${i} from ${JSON.stringify(resolve(key))};`),
          `export const modules = { ${shared.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };`,
        ].join('\n'),
      }));
    },
  };
}

/** The lazy file: its entry loads one module by key; a start-up module is read from the registry. */
function lazyPlugin({ core, targets }) {
  return {
    name: 'split-lazy',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${LAZY_ENTRY}|${CORE})$`) }, (args) => ({ path: args.path, namespace: 'aadmap-split-lazy' }));
      redirect(build, (key) => (core.has(key) ? { path: key, namespace: 'aadmap-split-shared' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'aadmap-split-lazy' }, (args) => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents:
          args.path === CORE
            ? 'let modules;\nexports.remember = (registry) => { modules ??= registry; };\nexports.get = (key) => modules[key];\n'
            : [
                `const core = require(${JSON.stringify(CORE)});`,
                `const targets = { ${[...targets].map((key) => `${JSON.stringify(key)}: () => require(${JSON.stringify(resolve(key))})`).join(', ')} };`,
                'module.exports = (registry, key) => { core.remember(registry); return targets[key](); };',
              ].join('\n'),
      }));
      // The start-up module's own namespace, its bindings live (getters), marked as ES module so a
      // default import reads its default export, as it would in one bundle.
      build.onLoad({ filter: /.*/, namespace: 'aadmap-split-shared' }, (args) => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents: [
          `const namespace = require(${JSON.stringify(CORE)}).get(${JSON.stringify(args.path)});`,
          "const exported = Object.defineProperty({}, '__esModule', { value: true });",
          'for (const name of Object.keys(namespace)) Object.defineProperty(exported, name, { enumerable: true, get: () => namespace[name] });',
          'module.exports = exported;',
        ].join('\n'),
      }));
    },
  };
}

/**
 * Builds `options` (one entry point, `outdir`, CommonJS) as `<name>.js` and `<name>-lazy.js` in
 * `outdir`. `coreRoots`: modules (paths relative to the working directory) kept in the start-up file.
 */
export async function buildSplit(options, coreRoots = []) {
  const [[name, entry]] = Object.entries(options.entryPoints);
  const lazyFile = `${name}-lazy.js`;
  const { metafile } = await esbuild.build({ ...options, write: false, metafile: true, minify: false, sourcemap: false });
  const { core, targets, shared } = partition(metafile, keyOf(resolve(entry)), coreRoots);
  const [startup, later] = await Promise.all([
    esbuild.build({ ...options, metafile: true, plugins: [...options.plugins, startupPlugin({ lazyFile, targets, shared })] }),
    esbuild.build({
      ...options,
      metafile: true,
      entryPoints: { [`${name}-lazy`]: LAZY_ENTRY },
      plugins: [...options.plugins, lazyPlugin({ core, targets })],
    }),
  ]);
  // The point of the registry: no module of the program is bundled into both files.
  const modulesOf = (result) => new Set(Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('aadmap-split')));
  const inStartup = modulesOf(startup);
  const copied = [...modulesOf(later)].filter((path) => inStartup.has(path));
  if (copied.length > 0) throw new Error(`${name}: modules bundled into both ${name}.js and ${lazyFile}: ${copied.join(', ')}`);
}
