/**
 * Evaluation as a person sees it: values above the mapping lines for the sample user, and the
 * provisioning preview opened from the CodeLens, beside the mapping file.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { screenshot, session } from './session';
import { commandPalette, hidePanel, openFromExplorer, poll, visibleText } from './workbench';

suite('evaluation in the workbench', () => {
  test('chatwork.aadmap shows each value for alice.user.json; "Preview provisioning" opens the SCIM requests beside it', async () => {
    const { page } = session();
    const editor = await openFromExplorer(page, 'chatwork.aadmap');
    await hidePanel(page);
    // Lenses with a command are links; the values are plain text.
    const lens = (text: string) => editor.locator('.codelens-decoration > *', { hasText: text }).first();
    await lens('Sample user: alice.user.json').waitFor();
    await lens('= "alice@contoso.com"').waitFor();
    await lens('= "Sales Manager"').waitFor();

    // A link once live: on reopening a file VS Code first shows its cached lenses as plain text.
    await editor.locator('.codelens-decoration a', { hasText: 'Preview provisioning' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'chatwork.aadmap.preview.http' }).waitFor();
    const groups = page.locator('.editor-group-container');
    await poll('the preview in a second editor group', async () => ((await groups.count()) === 2 ? true : undefined));
    const preview = groups.nth(1).locator('.monaco-editor').first();
    await poll('the POST /Users request in the preview', async () =>
      (await visibleText(preview)).includes('POST /Users') ? true : undefined,
    );
    const text = await visibleText(preview);
    assert.match(text, /# Sample user: alice\.user\.json/);
    assert.match(text, /GET \/Users\?filter=userName\+eq\+%22alice%40contoso\.com%22/);
    // Without the side bar (Ctrl+B), for room to show both editors.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot('preview');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor();

    await commandPalette(page, 'View: Close All Editor Groups');
    await poll('one editor group again', async () => ((await groups.count()) === 1 ? true : undefined));
  });
});
