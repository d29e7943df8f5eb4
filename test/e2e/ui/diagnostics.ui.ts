/** Diagnostics as a person sees them: squiggles, the Problems panel, the status bar, hovers. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import { exampleExpectations } from '../../support/inline-expectations';
import { repoRoot } from '../harness/paths';
import { screenshot, session } from './session';
import { hoverUntil, openFromExplorer, poll, problemCounts, problemRows, problemsPanel, token } from './workbench';

suite('diagnostics in the workbench', () => {
  // What VS Code must show for examples/mistakes.aadmap (the `#   ^^^ error code "…"` lines of its fixture).
  let expected: ReturnType<typeof exampleExpectations>;
  suiteSetup(() => {
    expected = exampleExpectations(readFileSync(join(repoRoot, 'test', 'checker', 'examples', 'mistakes.aadmap'), 'utf8'));
    assert.ok(expected.length >= 5);
  });

  test('opening mistakes.aadmap from the Explorer squiggles each mistake and counts them in the status bar', async () => {
    const { page } = session();
    const editor = await openFromExplorer(page, 'mistakes.aadmap');
    const errors = expected.filter((e) => e.severity === 'error').length;
    await poll(`${errors} errors in the status bar`, async () => ((await problemCounts(page)).errors === errors ? true : undefined));
    await poll(`${errors} squiggles`, async () => ((await editor.locator('.squiggly-error').count()) === errors ? true : undefined));
  });

  test('the Problems panel lists each mistake with its message, code and position', async () => {
    const { page } = session();
    const panel = await problemsPanel(page);
    const rows = await poll(`${expected.length} problems in the panel`, async () => {
      const texts = await problemRows(panel);
      return texts.length === expected.length ? texts : undefined;
    });
    for (const e of expected) {
      const position = `[Ln ${e.line + 1}, Col ${e.startColumn + 1}]`;
      // A row reads "<message> aadmap <code> [Ln l, Col c]" (the source, then the code as a link).
      const row = rows.find((text) => text.endsWith(` aadmap ${e.code} ${position}`));
      assert.ok(row, `no row for ${e.code} at ${position} in:\n${rows.join('\n')}`);
      if (e.messageIncludes) assert.ok(row.includes(e.messageIncludes), `${row} does not say "${e.messageIncludes}"`);
    }
    await screenshot('problems', { commit: false });
  });

  test('hovering the misspelt Swtich explains it and suggests Switch', async () => {
    const { page } = session();
    const editor = await openFromExplorer(page, 'mistakes.aadmap');
    const hover = await hoverUntil(page, token(editor, 'Swtich'), "Unknown function 'Swtich'");
    assert.match(await hover.innerText(), /Did you mean 'Switch'\?/);
    await page.waitForTimeout(300); // the hover fades in
    await screenshot('hover');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
  });
});
