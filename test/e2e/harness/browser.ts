/** Debian's Chromium, headless, through playwright-core (which downloads no browser of its own). */
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { isolatedEnv } from './code-server';
import { log, onCleanup } from './lifecycle';
import { chromiumPath } from './paths';

export interface Browser {
  context: BrowserContext;
  page: Page;
}

/** Launches Chromium with its profile, HOME and temp files under `dir`; closed by the run's cleanups. */
export async function launchBrowser(dir: string, viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    // Playwright would exit the process on these signals; the run's own handlers close the browser
    // and then stop code-server and remove the run's folders.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium writes ~/.config/chromium/Crash Reports and ~/.cache/dconf even with a profile dir.
    env: isolatedEnv(join(dir, 'home'), join(dir, 'tmp')) as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  onCleanup('close Chromium', () => context.close().catch(() => undefined));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log('page error:', error.stack ?? error.message));
  if (process.env['AADMAP_E2E_VERBOSE'] === '1') page.on('console', (message) => log(`[browser ${message.type()}]`, message.text()));
  return { context, page };
}
