/**
 * A display language for code-server without Microsoft's language pack (the Marketplace is out of reach
 * here): test/e2e/language-pack declares Japanese (`contributes.localizations`) and translates none of
 * VS Code's own texts. Installed, and with `--locale ja`, the workbench runs in Japanese as far as
 * extensions are concerned: `vscode.env.language` is 'ja', so VS Code reads aadmap's package.nls.ja.json
 * and dist/l10n/bundle.l10n.ja.json, and the language client sends 'ja' as the server's locale. The
 * workbench's own texts stay English (a language pack's translations would replace them).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CodeServerState, installExtension } from './code-server';
import { log } from './lifecycle';
import { repoRoot } from './paths';

const packDir = join(repoRoot, 'test', 'e2e', 'language-pack');

interface Localization {
  languageId: string;
  localizedLanguageName: string;
  translations: { id: string; path: string }[];
}

/** Installs the stand-in language pack into `state`; returns the language it adds. */
export async function installLanguagePack(state: CodeServerState, outDir: string): Promise<string> {
  const pack = JSON.parse(readFileSync(join(packDir, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
    contributes: { localizations: Localization[] };
  };
  const vsix = join(outDir, `${pack.name}.vsix`);
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  await promisify(execFile)(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: packDir, timeout: 120_000 },
  );
  await installExtension(state, vsix);

  // The running server records an installed language pack in <user data>/languagepacks.json, which it
  // reads when it serves the workbench; `--install-extension` from the command line does not write it.
  // So write the record the server would (VS Code's LanguagePacksCache, in
  // https://github.com/microsoft/vscode/blob/1.100.3/src/vs/platform/languagePacks/node/languagePacks.ts):
  // the hash names the folder the generated translations are cached in.
  const id = `${pack.publisher}.${pack.name}`;
  const installed = join(state.extensionsDir, `${id}-${pack.version}`);
  const [localization] = pack.contributes.localizations;
  const record = {
    [localization.languageId]: {
      hash: createHash('md5').update(id).update(pack.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: pack.version }],
      translations: Object.fromEntries(localization.translations.map((t) => [t.id, join(installed, t.path)])),
      label: localization.localizedLanguageName,
    },
  };
  writeFileSync(join(state.userDataDir, 'languagepacks.json'), JSON.stringify(record));
  log(`installed the stand-in language pack for '${localization.languageId}'`);
  return localization.languageId;
}
