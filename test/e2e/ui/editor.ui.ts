/** Editor features as a person uses them: the completion list while typing, and accepting an item. */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { screenshot, session } from './session';
import { commandPalette, goToLine, hidePanel, openFromExplorer, poll, suggestWidget, visibleText } from './workbench';

suite('editor features in the workbench', () => {
  test('typing "Jo" over [jobTitle] in chatwork.aadmap opens the completion list with Join and its documentation; Enter inserts its arguments', async () => {
    const { page } = session();
    const editor = await openFromExplorer(page, 'chatwork.aadmap');
    await hidePanel(page);
    // The language server has answered for this file once its values show above the mapping lines.
    await editor.locator('.codelens-decoration', { hasText: '= "Sales Manager"' }).waitFor();
    // `  title      <- [jobTitle]`: select the source, from its bracket to the end of the line, and type over it.
    const line = 14;
    assert.match(await visibleText(editor), /title {6}<- \[jobTitle\]/);
    await goToLine(page, line, 17);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('Jo');
    // Typing opens the list (quick suggestions); Ctrl+Space asks for it when typing did not.
    const widget = await suggestWidget(page, 'Join', 5_000).catch(async () => {
      await page.keyboard.press('Control+Space');
      return suggestWidget(page, 'Join');
    });
    // The details of the focused item, as with Ctrl+Space: the signature and the reference's description.
    const details = page.locator('.suggest-details-container .suggest-details:visible');
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    await details.waitFor();
    await poll('Join to be the focused item', async () =>
      (await widget.locator('.monaco-list-row.focused').innerText()).includes('Join') ? true : undefined,
    );
    assert.match(await details.innerText(), /Join\(separator, source/);
    await page.waitForTimeout(300); // the widget's fade-in
    await screenshot('completion');

    await page.keyboard.press('Enter');
    await poll('Join(separator, source) in the editor', async () =>
      (await visibleText(editor)).includes('title      <- Join(separator, source)') ? true : undefined,
    );
    await page.keyboard.press('Escape');
    // Discard the change: the next test opens the file afresh from disk.
    await commandPalette(page, 'View: Revert and Close Editor');
    await page.locator('.tabs-container .tab', { hasText: 'chatwork.aadmap' }).waitFor({ state: 'detached' });
  });
});
