/** The .vsix holds the bundles, grammars, language configurations, snippets, walkthrough pages, the diagnostics reference, README, LICENSE and icon — nothing else. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runProcess } from '../support/cli-process';

const root = join(__dirname, '..', '..');

/** The walkthrough pages the manifest names in any language (docs/localization.md). */
function walkthroughPages(): string[] {
  return readdirSync(root)
    .filter((name) => /^package\.nls(\.[a-z]{2})?\.json$/.test(name))
    .flatMap((name) => Object.entries(JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, string>))
    .filter(([key]) => /^walkthrough\.step\.[\w-]+\.media$/.test(key))
    .map(([, page]) => page);
}

it('packages only what the extension needs', async () => {
  expect(walkthroughPages()).toHaveLength(15);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = await runProcess(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, env: process.env });
  expect(result.status, result.stderr).toBe(0);
  const files = result.stdout.trim().split('\n').sort();
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^images\/icon\.png$/,
    /^dist\/(browser\/)?(extension|server)\.js$/,
    // What the server loads on first use (scripts/split-bundle.mjs).
    /^dist\/server-lazy\.js$/,
    /^syntaxes\/[a-z.-]+\.(tmLanguage|language-configuration)\.json$/,
    /^snippets\/[a-z-]+\.json$/,
    /^walkthrough\/([a-z]{2}\/)?[a-z0-9-]+\.md$/,
    /^docs\/diagnostics\.md$/,
    // Translations (docs/localization.md): VS Code's merged bundles, the files the server and CLI read, the manifest's.
    /^dist\/l10n\/bundle\.l10n\.[a-z]{2}\.json$/,
    /^l10n\/[a-z]{2}\/[a-z-]+\.json$/,
    /^package\.nls(\.[a-z]{2})?\.json$/,
  ];
  for (const file of files)
    expect(
      allowed.some((pattern) => pattern.test(file)),
      file,
    ).toBe(true);
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'images/icon.png',
    'dist/extension.js',
    'dist/server.js',
    'dist/server-lazy.js',
    // The browser entry (package.json "browser") and its web worker server (docs/browser.md).
    'dist/browser/extension.js',
    'dist/browser/server.js',
    'syntaxes/aadmap.tmLanguage.json',
    'syntaxes/scimfilter.tmLanguage.json',
    'walkthrough/create.md',
    // The server links every diagnostic to it (server/lsp/main.ts).
    'docs/diagnostics.md',
    'dist/l10n/bundle.l10n.ja.json',
    'dist/l10n/bundle.l10n.fr.json',
    'l10n/ja/diagnostics.json',
    'l10n/fr/diagnostics.json',
    // The walkthrough pages of every language: the steps' media.markdown values of package.nls*.json.
    ...walkthroughPages(),
  ]) {
    expect(files).toContain(required);
  }
});
