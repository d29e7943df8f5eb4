/** What a person does in the VS Code workbench, as Playwright steps. Selectors are VS Code 1.100's. */
import type { Locator, Page } from 'playwright-core';

/** Polls `probe` until it returns something other than undefined; fails with `what` and the last value seen. */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view').waitFor();
}

/** Clicks the file in the Explorer and waits for its editor; returns the editor. */
export async function openFromExplorer(page: Page, fileName: string): Promise<Locator> {
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name: fileName, exact: true }).click();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** The rendered token `text` in the editor (a span of one line). */
export function token(editor: Locator, text: string): Locator {
  return editor.locator('.view-line span span', { hasText: new RegExp(`^${text.replace(/[[\]().*+?^$\\|{}]/g, '\\$&')}$`) }).first();
}

/**
 * Hovers `target` until VS Code shows a hover holding `text`; returns the hover. One mouse move is not
 * enough on a loaded machine: a hover asked before the language server has the file's diagnostics
 * shows without them and stays, so the pointer leaves and comes back until the hover has the text.
 */
export async function hoverUntil(page: Page, target: Locator, text: string, timeoutMs = 60_000): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: text });
  return poll(
    `a hover saying "${text}"`,
    async () => {
      await page.mouse.move(0, 0);
      await target.hover();
      try {
        await hover.waitFor({ timeout: 20_000 });
        return hover;
      } catch {
        return undefined;
      }
    },
    timeoutMs,
  );
}

/** F1, types the command's title, waits for its row; `run: false` leaves the palette open (for a screenshot). */
export async function commandPalette(page: Page, title: string, { run = true } = {}): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  if (run) await page.keyboard.press('Enter');
}

/** Opens the Problems panel (Ctrl+Shift+M) unless it is open, and returns it. */
export async function problemsPanel(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor();
  return panel;
}

/** The texts of the Problems panel's problem rows (not the file rows). */
export async function problemRows(panel: Locator): Promise<string[]> {
  const rows = panel.locator('.monaco-list-row:has(.marker-message)');
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The status bar's error and warning counts. */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const text = await page.locator('[id="status.problems"]').innerText();
  const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
  return { errors: errors ?? NaN, warnings: warnings ?? NaN };
}

/** Puts the cursor of the active editor at line:column (1-based), through Go to Line (":" in the palette). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The quick input (input box or quick pick) once it shows `title`. */
export async function quickInput(page: Page, title: string): Promise<Locator> {
  const widget = page.locator('.quick-input-widget:visible', { has: page.locator('.quick-input-title', { hasText: title }) });
  await widget.waitFor();
  return widget;
}

/** The suggest widget (completion list) of the editor, once it is open and shows a row with `label`. */
export async function suggestWidget(page: Page, label: string, timeout?: number): Promise<Locator> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout });
  return widget;
}

/** The texts of the visible notification toasts. */
export async function notifications(page: Page): Promise<string[]> {
  return (await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The text of the editor's visible lines (VS Code renders spaces as non-breaking spaces). */
export async function visibleText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** Hides the panel (Problems, Output, …) if it is open, to give the editor the room (Ctrl+J toggles it). */
export async function hidePanel(page: Page): Promise<void> {
  const panel = page.locator('.part.panel.basepanel');
  if (!(await panel.isVisible())) return;
  await page.keyboard.press('Control+J');
  await panel.waitFor({ state: 'hidden' });
}
