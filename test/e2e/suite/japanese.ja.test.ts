/**
 * The extension host of an editor in Japanese (run-extension-host-tests.mjs --locale ja, which runs only
 * the `*.ja.test.ts` files): what VS Code hands the extension, and what the extension makes of it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { aadmapExtension, codeOf, openInEditor, waitFor } from './helpers';

function japanese(file: string): Record<string, string> {
  return JSON.parse(readFileSync(join(aadmapExtension().extensionPath, file), 'utf8')) as Record<string, string>;
}

suite('the extension host in Japanese', () => {
  test('vscode.env.language is ja', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  test("the manifest VS Code gives the extension has package.nls.ja.json's command titles", () => {
    const nls = japanese('package.nls.ja.json');
    type Title = string | { value: string; original: string };
    const commands = (aadmapExtension().packageJSON as { contributes: { commands: { command: string; title: Title }[] } }).contributes
      .commands;
    const title = commands.find((c) => c.command === 'aadmap.restartServer')?.title;
    // VS Code keeps the English title next to the translated one (the palette shows both).
    assert.deepEqual(title, { value: nls['command.restartServer.title'], original: 'Restart Language Server' });
  });

  test("the manifest VS Code gives the extension points the walkthrough steps at package.nls.ja.json's Japanese pages", () => {
    // Each step's media.markdown is a %key% (VS Code localizes every string of the manifest, not only
    // titles: docs/localization.md); the Welcome page reads the path from this localized manifest.
    const nls = japanese('package.nls.ja.json');
    const extension = aadmapExtension();
    type Step = { id: string; media: { markdown: string } };
    const steps = (extension.packageJSON as { contributes: { walkthroughs: { steps: Step[] }[] } }).contributes.walkthroughs.flatMap(
      (walkthrough) => walkthrough.steps,
    );
    assert.ok(steps.length > 3, `${steps.length} walkthrough steps`);
    for (const step of steps) {
      assert.equal(step.media.markdown, `walkthrough/ja/${step.id}.md`);
      assert.equal(step.media.markdown, nls[`walkthrough.step.${step.id}.media`]);
      const page = join(extension.extensionPath, step.media.markdown);
      assert.ok(existsSync(page), `${page} is missing`);
      // The page's heading is Japanese (kana or kanji), not the English page's.
      assert.match(readFileSync(page, 'utf8').split('\n')[0]!, /^# .*[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  test('the language server reports in Japanese, and vscode.l10n reads dist/l10n/bundle.l10n.ja.json', async () => {
    const bundle = japanese(join('dist', 'l10n', 'bundle.l10n.ja.json'));
    const unknown = bundle["Unknown function '{0}'."]!.replace('{0}', 'Swtich');
    const editor = await openInEditor('examples/mistakes.aadmap');
    const diagnostic = await waitFor(`"${unknown}" on mistakes.aadmap`, () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.message.includes(unknown)),
    );
    assert.equal(codeOf(diagnostic), 'unknown-function');
    assert.equal(editor.document.getText(diagnostic.range), 'Swtich');
    // VS Code loads an extension's bundle when it activates it (opening the file did); this module
    // lies inside the extension, so its vscode.l10n is the extension's.
    assert.equal(vscode.l10n.t('aadmap: language server restarted'), bundle['aadmap: language server restarted']);
  });
});
