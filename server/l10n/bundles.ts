/**
 * Reads the translations of a language (Node only). They live in `l10n/<locale>/*.json` at the
 * package root (in the repository and in the .vsix), one file per area of the code, each an object
 * from the English message to its translation; the build also merges each language's files into
 * `dist/l10n/bundle.l10n.<locale>.json`, the file the VS Code extension's `vscode.l10n` reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { L10nBundle } from '../../grammar/common/l10n';
import type { Locale } from './locale';

/** The folder holding `l10n/`: the package root, found upwards from this code (dist/ or server/l10n/). */
function packageRootFrom(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'l10n')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Every translation file of `locale` merged into one bundle, or `undefined` for English. */
export function readL10nBundle(locale: Locale, root: string | undefined = packageRootFrom(__dirname)): L10nBundle | undefined {
  if (locale === 'en' || root === undefined) return undefined;
  const folder = join(root, 'l10n', locale);
  if (!existsSync(folder)) return undefined;
  const bundle: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    Object.assign(bundle, JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, string>);
  }
  return bundle;
}
