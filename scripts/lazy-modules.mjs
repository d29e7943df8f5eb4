// An esbuild plugin: a module named `*.lazy.ts` is a loader, and in the bundles the module it loads
// is initialised on the loader's first call instead of when the bundle starts.
//
// A loader holds exactly one namespace import and one function returning it:
//
//   import * as reference from './reference';
//   export const loadReference = (): typeof reference => reference;
//
// Run from source (vitest, tsc), that is a plain static import. In a bundle it becomes
// `require('./reference')` on the first call: esbuild wraps a module reached by `require` in a
// function that runs on first use, so the module (and what only it imports: chevrotain, the token
// definitions, the editor features) costs nothing at start-up until it is needed
// (docs/performance.md, "Start-up and the two file shapes").
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const IMPORT = /^import \* as (\w+) from '([^']+)';$/gm;
const EXPORT = /^export const (\w+) = \(\): typeof (\w+) => (\w+);$/gm;

/** @type {import('esbuild').Plugin} */
export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onLoad({ filter: /\.lazy\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const imports = [...source.matchAll(IMPORT)];
      const exports = [...source.matchAll(EXPORT)];
      const [, name, path] = imports[0] ?? [];
      const [, loader, typed, returned] = exports[0] ?? [];
      if (imports.length !== 1 || exports.length !== 1 || typed !== name || returned !== name)
        return {
          errors: [
            { text: `${args.path}: a *.lazy.ts loader holds one 'import * as X from …' and one 'export const load = (): typeof X => X;'` },
          ],
        };
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: `let loaded;\nexport const ${loader} = () => (loaded ??= require(${JSON.stringify(path)}));\n`,
      };
    });
  },
};
