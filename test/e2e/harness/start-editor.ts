/**
 * `npm start`: the packaged extension (aadmap.vsix) installed into code-server, serving VS Code on
 * http://127.0.0.1:8080 (no password, loopback only) with the bundled examples/ folder open. Runs until
 * Ctrl+C, which stops code-server and everything it started.
 *
 *   node out/e2e/harness/start-editor.mjs [--port 8080] [--check]
 *
 * State (settings, UI state, the installed extension) is kept in .e2e/editor/ between starts, so the
 * editor comes back as you left it; delete that folder to start afresh. VS Code's sockets go to a
 * /tmp/aadmap-editor-* folder that is removed on exit. Nothing is written to $HOME.
 *
 * --check: start on a free port (unless --port is given) with throw-away state, open the page in headless Chromium, wait
 * until the extension reports the problems of examples/mistakes.aadmap, save a screenshot to
 * .e2e/screenshots/npm-start.png and stop. CI uses it to prove `npm start` works.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { screenshot, setSession } from '../ui/session';
import { openFromExplorer, poll, problemCounts, waitForWorkbench } from '../ui/workbench';
import { launchBrowser } from './browser';
import { type CodeServerState, installExtension, startCodeServer } from './code-server';
import { HarnessError, log, makeRunDir, runMain } from './lifecycle';
import { examplesDir, requirePrerequisites, runScreenshotsDir, toolDir, vsixPath } from './paths';

const { values: options } = parseArgs({ options: { port: { type: 'string' }, check: { type: 'boolean', default: false } } });

runMain(options.check ? 'npm start --check' : 'npm start', options.check ? 300_000 : 2 ** 31 - 1, async () => {
  requirePrerequisites({ vsix: true });
  const port = options.port ? Number(options.port) : options.check ? 0 : 8080;
  if (port) await ensurePortFree(port);
  // --check starts from nothing and leaves the kept editor state alone.
  const stateDir = options.check ? makeRunDir('check') : join(toolDir, 'editor');
  const state: CodeServerState = {
    userDataDir: join(stateDir, 'user-data'),
    extensionsDir: join(stateDir, 'extensions'),
    home: join(stateDir, 'home'),
    tmp: options.check ? join(stateDir, 'tmp') : makeRunDir('editor'),
  };
  await installExtension(state, vsixPath);
  const server = await startCodeServer({ state, port, folder: examplesDir, settings: { 'git.enabled': true } });

  if (options.check) {
    const { page } = await launchBrowser(join(stateDir, 'browser'));
    setSession({ page, workspace: examplesDir, screenshotsDir: runScreenshotsDir });
    await page.goto(server.base);
    await waitForWorkbench(page);
    await openFromExplorer(page, 'mistakes.aadmap');
    const { errors } = await poll('the extension to report the mistakes', async () => {
      const counts = await problemCounts(page);
      return counts.errors > 0 ? counts : undefined;
    });
    log(
      `the editor at ${server.base} shows examples/ and ${errors} errors in mistakes.aadmap; screenshot ${await screenshot('npm-start')}`,
    );
    return true;
  }

  console.log(`\n  aadmap in VS Code (code-server): ${server.base}  (examples/ is open; Ctrl+C stops it)\n`);
  // Runs until a signal (runMain stops code-server then) or until code-server ends on its own.
  await server.exited;
  log('code-server stopped');
  return false;
});

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new HarnessError(`127.0.0.1:${port} is in use (another npm start?). Stop it, or choose a port: npm start -- --port 8081`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
