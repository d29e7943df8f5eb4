/** The .vsix holds the bundles, grammars, language configurations, snippets, walkthrough pages, the diagnostics reference, README, LICENSE and icon — nothing else. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runProcess } from '../support/cli-process';

const root = join(__dirname, '..', '..');

it('packages only what the extension needs', async () => {
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
    /^syntaxes\/[a-z.-]+\.(tmLanguage|language-configuration)\.json$/,
    /^snippets\/[a-z-]+\.json$/,
    /^walkthrough\/[a-z0-9-]+\.md$/,
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
  ]) {
    expect(files).toContain(required);
  }
});
