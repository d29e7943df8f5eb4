/**
 * The workbench every UI test file drives: one code-server with the packaged extension installed, one
 * Chromium page, opened on a copy of examples/. Set up by harness/run-ui-tests.ts before mocha loads
 * the `*.ui.ts` files (they share this module through the build's chunks).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphEmulator } from '../../graph-emulator/emulator';

export interface UiSession {
  page: Page;
  /** The folder the workbench has open (a per-run copy of examples/). */
  workspace: string;
  /** Where screenshots go, and the committed folder they are also copied to with --update-screenshots. */
  screenshotsDir: string;
  committedScreenshotsDir?: string;
  /** The Graph emulator `aadmap.graph.endpoint` points at; the sign-in stand-in hands out its token. */
  graph?: { emulator: GraphEmulator };
}

let current: UiSession | undefined;

export function setSession(session: UiSession): void {
  current = session;
}

export function session(): UiSession {
  if (!current) throw new Error('no UI session: run the UI tests through out/e2e/harness/run-ui-tests.mjs');
  return current;
}

/**
 * Saves `<name>.png` of the whole window (the session's page, or `page`); with --update-screenshots also
 * into test/e2e/screenshots/ (unless `commit: false`).
 */
export async function screenshot(
  name: string,
  { commit = true, page = session().page }: { commit?: boolean; page?: Page } = {},
): Promise<string> {
  const { screenshotsDir, committedScreenshotsDir } = session();
  mkdirSync(screenshotsDir, { recursive: true });
  const file = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (committedScreenshotsDir && commit) {
    mkdirSync(committedScreenshotsDir, { recursive: true });
    copyFileSync(file, join(committedScreenshotsDir, `${name}.png`));
  }
  return file;
}
