/**
 * Route b: the packaged extension (aadmap.vsix from `npm run package`) is installed into code-server the
 * way a user installs a .vsix, and the mocha files out/e2e/ui/*.ui.mjs drive the workbench through
 * Playwright: open a file, see squiggles and Problems, run commands from the palette, take screenshots.
 *
 *   node out/e2e/harness/run-ui-tests.mjs [--update-screenshots] [--timeout <seconds>] [--verbose] [--grep <pattern>] [--locale ja]
 *
 * Screenshots go to .e2e/screenshots/; --update-screenshots also copies them to test/e2e/screenshots/
 * (committed, shown in the README and docs/). Failed tests leave `failed-<test>.png` in .e2e/screenshots/.
 *
 * The Graph emulator runs in this process, seeded with the Chatwork application, and
 * `aadmap.graph.endpoint` points at it. aadmap, installed, signs in as it does for users, through VS
 * Code's authentication API; a stand-in sign-in extension (test/e2e/sign-in), installed next to it,
 * answers with a fresh test token that code-server's environment holds (AADMAP_TEST_GRAPH_TOKEN; the
 * installed aadmap itself never reads that variable). At the end, every file the run wrote is searched
 * for that token.
 *
 * --locale ja: the editor in Japanese (harness/language-pack.ts) runs the files named `*.ja.ui.ts`
 * instead of the others.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { GraphEmulator, SCOPE_APPS, SCOPE_WRITE } from '../../graph-emulator/emulator';
import { SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS } from '../../graph-emulator/lifecycle';
import { setSession, screenshot } from '../ui/session';
import { waitForWorkbench } from '../ui/workbench';
import { launchBrowser } from './browser';
import { installExtension, startCodeServer, stateUnder, TEST_SETTINGS, workbenchUrl } from './code-server';
import { installLanguagePack } from './language-pack';
import { HarnessError, log, makeRunDir, onCleanup, onFailure, runMain } from './lifecycle';
import { committedScreenshotsDir, extensionId, manifest, requirePrerequisites, runScreenshotsDir, uiTestsDir, vsixPath } from './paths';
import { filesContaining, testGraphToken } from './secrets';
import { packageSignInExtension } from './sign-in';
import { examplesWorkspace } from './workspace';

const { values: options } = parseArgs({
  options: {
    'update-screenshots': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
    verbose: { type: 'boolean', default: false },
    grep: { type: 'string' },
    locale: { type: 'string' },
  },
});

runMain('UI tests (code-server + Chromium)', Number(options.timeout) * 1000, async () => {
  requirePrerequisites({ vsix: true, ui: true });
  const runDir = makeRunDir('ui');
  const state = stateUnder(runDir);
  await installExtension(state, vsixPath);
  const installed = join(state.extensionsDir, `${extensionId}-${manifest.version}`);
  if (!existsSync(installed)) throw new Error(`code-server did not install ${vsixPath} (no ${installed})`);
  await installExtension(state, await packageSignInExtension(runDir));
  if (options.locale && (await installLanguagePack(state, runDir)) !== options.locale) {
    throw new HarnessError(`the UI tests have a display language for 'ja' only, not '${options.locale}'`);
  }

  rmSync(runScreenshotsDir, { recursive: true, force: true }); // no stale failure screenshots
  const workspace = examplesWorkspace(runDir);
  // The workspace's settings file exists from the start, so VS Code watches it: ui/impact.ui.ts adds
  // its impact settings there for its own suite (a settings file created later is read too late).
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), '{}\n');
  const graphToken = testGraphToken();
  const emulator = GraphEmulator.seeded();
  emulator.tokens.set(graphToken, { scopes: [SCOPE_WRITE, SCOPE_APPS, SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS] });
  const graphUrl = await emulator.start(0);
  onCleanup('stop the Graph emulator', () => emulator.stop());
  log(`Graph emulator on ${graphUrl}`);
  const server = await startCodeServer({
    state,
    settings: {
      ...TEST_SETTINGS,
      'aadmap.graph.endpoint': graphUrl,
    },
    verbose: options.verbose,
    locale: options.locale,
    env: { AADMAP_TEST_GRAPH_TOKEN: graphToken },
  });
  onFailure(() => server.printLogTail());
  const { page } = await launchBrowser(runDir);
  page.setDefaultTimeout(45_000);
  setSession({
    page,
    workspace,
    screenshotsDir: runScreenshotsDir,
    committedScreenshotsDir: options['update-screenshots'] ? committedScreenshotsDir : undefined,
    graph: { emulator },
  });

  log(`opening the workbench on ${workspace}`);
  await page.goto(workbenchUrl(server.base, workspace), { timeout: 120_000 });
  await waitForWorkbench(page);
  log('workbench loaded');

  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 120_000, slow: 10_000 });
  if (options.grep) mocha.grep(options.grep);
  mocha.rootHooks({
    async afterEach(this: Mocha.Context) {
      const test = this.currentTest;
      if (test?.state !== 'failed') return;
      const name = `failed-${test.fullTitle().replace(/[^a-z0-9]+/gi, '-')}`.slice(0, 100);
      log(`failure screenshot: ${await screenshot(name, { commit: false })}`);
    },
  });
  // `name.ja.ui.mjs`: a test of the Japanese editor.
  const fileLocale = (name: string) => /\.([a-z]{2})\.ui\.mjs$/.exec(name)?.[1];
  for (const file of readdirSync(uiTestsDir)
    .filter((name) => name.endsWith('.ui.mjs') && fileLocale(name) === options.locale)
    .sort()) {
    mocha.addFile(join(uiTestsDir, file));
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  const leaks = filesContaining(runDir, graphToken);
  if (leaks.length) console.error(`the test Graph token was written to:\n  ${leaks.join('\n  ')}`);
  return failures === 0 && leaks.length === 0;
});
