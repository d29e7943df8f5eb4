/** Commands run from the command palette, as a person runs them. */
import { suite, test } from 'mocha';
import { screenshot, session } from './session';
import { commandPalette, openFromExplorer, poll, problemCounts, token } from './workbench';

suite('commands in the workbench', () => {
  test('F1 → "aadmap: Restart Language Server" restarts it, and the new server checks what is typed', async () => {
    const { page } = session();
    const editor = await openFromExplorer(page, 'mistakes.aadmap');
    const before = await poll('the problems of mistakes.aadmap', async () => {
      const counts = await problemCounts(page);
      return counts.errors > 0 ? counts : undefined;
    });

    await commandPalette(page, 'aadmap: Restart Language Server', { run: false });
    await screenshot('command-palette');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar', { hasText: 'aadmap: language server restarted' }).waitFor();
    await poll('the problems to come back after the restart', async () =>
      (await problemCounts(page)).errors === before.errors ? true : undefined,
    );

    // Type the fix for one mistake: the restarted server drops exactly that error.
    await token(editor, 'Swtich').dblclick();
    await page.keyboard.type('Switch');
    await poll('one error less after fixing Swtich', async () =>
      (await problemCounts(page)).errors === before.errors - 1 ? true : undefined,
    );

    await commandPalette(page, 'File: Revert File');
    await poll('the error to come back after reverting', async () =>
      (await problemCounts(page)).errors === before.errors ? true : undefined,
    );
  });
});
