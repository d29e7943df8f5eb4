/**
 * The editor in Japanese (run by harness/run-ui-tests.ts --locale ja): aadmap's commands, messages and
 * diagnostics come from its Japanese translations, while VS Code's own texts stay English (the
 * stand-in language pack translates none of them).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import { exampleExpectations } from '../../support/inline-expectations';
import { repoRoot } from '../harness/paths';
import { screenshot, session } from './session';
import { commandPalette, hoverUntil, openFromExplorer, poll, problemCounts, problemRows, problemsPanel, token } from './workbench';

/** The Japanese texts the editor should show, from the translations the extension ships. */
const bundle = JSON.parse(readFileSync(join(repoRoot, 'dist', 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
const ja = (english: string, ...args: string[]) => {
  const text = bundle[english];
  assert.ok(text, `no Japanese translation of "${english}"`);
  return text.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
};

suite('the editor in Japanese', () => {
  test('the workbench runs in Japanese', async () => {
    // What VS Code's web workbench hands the extension host as `vscode.env.language`.
    assert.equal(await session().page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE), 'ja');
  });

  test('the hover and the Problems panel explain the misspelt Swtich in Japanese', async () => {
    const { page } = session();
    const unknown = ja("Unknown function '{0}'.", 'Swtich');
    const suggestion = ja('Did you mean {0}?', "'Switch'");
    const editor = await openFromExplorer(page, 'mistakes.aadmap');
    await poll('the problems of mistakes.aadmap', async () => ((await problemCounts(page)).errors > 0 ? true : undefined));
    const panel = await problemsPanel(page);
    const row = await poll(`"${unknown}" in the Problems panel`, async () =>
      (await problemRows(panel)).find((text) => text.includes(unknown)),
    );
    assert.ok(row.includes(suggestion), `${row} does not say "${suggestion}"`);
    // The code and the position are the same in every language (the `#   ^^^ error code` lines of the fixture).
    const fixture = readFileSync(join(repoRoot, 'test', 'checker', 'examples', 'mistakes.aadmap'), 'utf8');
    const expected = exampleExpectations(fixture).find((e) => e.code === 'unknown-function');
    assert.ok(expected);
    assert.ok(row.endsWith(` aadmap unknown-function [Ln ${expected.line + 1}, Col ${expected.startColumn + 1}]`), row);

    const hover = await hoverUntil(page, token(editor, 'Swtich'), unknown);
    assert.ok((await hover.innerText()).includes(suggestion));
    await page.waitForTimeout(300); // the hover fades in
    await screenshot('hover-ja');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
  });

  test('the command palette lists the Japanese command titles, and the commands answer in Japanese', async () => {
    const { page } = session();
    const title = `aadmap: ${nls['command.restartServer.title']}`;
    await commandPalette(page, title, { run: false });
    await screenshot('command-palette-ja');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar', { hasText: ja('aadmap: language server restarted') }).waitFor();
  });
});
