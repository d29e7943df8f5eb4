/**
 * Route a: the mocha suite of test/e2e/suite runs INSIDE code-server's real (Node) extension host, with
 * this repository as the extension under development.
 *
 * The workbench page gets extensionDevelopmentPath/extensionTestsPath through its `payload`; when the
 * suite's run() settles, the workbench calls window.codeAutomationExit(code) and the extension host's
 * console output arrives through window.codeAutomationLog. Both are exposed to the page by Playwright.
 *
 * With --web-worker the extension runs its browser build (package.json "browser") in VS Code's web
 * worker extension host instead, the host of vscode.dev and github.dev, and the suite is test/e2e/browser
 * (docs/browser.md). The `remote.extensionKind` setting makes the workbench pick that host: an
 * extension with both `main` and `browser` otherwise runs in the remote (Node) host.
 * https://code.visualstudio.com/api/advanced-topics/extension-host (preferred extension location)
 *
 *   node out/e2e/run-extension-host-tests.mjs [--web-worker | --restricted | --locale ja] [--timeout <seconds>] [--verbose] [--grep <pattern>]
 *
 * `--restricted`: Workspace Trust on and a folder never trusted, so VS Code opens it in Restricted Mode
 * (https://code.visualstudio.com/docs/editor/workspace-trust), with a workspace settings file that
 * points the Graph endpoint and client id elsewhere and switches the server trace on; only the
 * Restricted Mode suite runs (test/e2e/suite/restricted.test.ts).
 *
 * With --locale ja the editor's display language is Japanese (harness/language-pack.ts) and the suite
 * runs its `*.ja.test.ts` files instead of the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchBrowser } from './browser';
import { remoteUri, startCodeServer, stateUnder, TEST_SETTINGS, workbenchUrl } from './code-server';
import { installLanguagePack } from './language-pack';
import { HarnessError, log, makeRunDir, onFailure, runMain } from './lifecycle';
import { browserSuiteEntry, extensionId, repoRoot, requirePrerequisites, suiteEntry } from './paths';
import { filesContaining, testGraphToken } from './secrets';
import { testWorkspace } from './workspace';

/** How the first line of test/e2e/suite/index.ts and of test/e2e/browser/index.ts starts. */
const SUITE_BANNER = 'aadmap extension-host tests';

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: '600' },
    verbose: { type: 'boolean', default: false },
    grep: { type: 'string' },
    'web-worker': { type: 'boolean', default: false },
    restricted: { type: 'boolean', default: false },
    locale: { type: 'string' },
  },
});
const webWorker = options['web-worker'];

/** What a hostile workspace sets (test/e2e/suite/restricted.test.ts expects these values). */
const RESTRICTED_WORKSPACE_SETTINGS = {
  'aadmap.graph.endpoint': 'https://graph.attacker.example',
  'aadmap.graph.clientId': '00000000-0000-0000-0000-00000000bad0',
  'aadmap.trace.server': 'verbose',
  // Not restricted: shows that the file is read.
  'aadmap.graph.validateExpressions': false,
};

/** Trust on, no prompt and no banner: the folder simply opens in Restricted Mode. */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

runMain(`${webWorker ? 'web worker ' : ''}extension-host tests (code-server)`, Number(options.timeout) * 1000, async () => {
  requirePrerequisites(webWorker ? { browserSuite: true } : { suite: true });
  const runDir = makeRunDir('exthost');
  const workspace = testWorkspace(runDir);
  if (options.restricted) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(RESTRICTED_WORKSPACE_SETTINGS, null, 2));
  }
  const grep = options.grep ?? (options.restricted ? 'Restricted Mode' : undefined);
  const graphToken = testGraphToken();
  if (options.locale && (await installLanguagePack(stateUnder(runDir), runDir)) !== options.locale) {
    throw new HarnessError(`the extension-host tests have a display language for 'ja' only, not '${options.locale}'`);
  }
  const server = await startCodeServer({
    state: stateUnder(runDir),
    settings: webWorker
      ? { ...TEST_SETTINGS, 'remote.extensionKind': { [extensionId]: ['web'] } }
      : options.restricted
        ? { ...TEST_SETTINGS, ...RESTRICTED_SETTINGS }
        : TEST_SETTINGS,
    workspaceTrust: options.restricted,
    locale: options.locale,
    verbose: options.verbose,
    // Reaches the extension host, so the suite can tell where it runs and what to run, and the
    // extension (in test mode) gets a token for the Graph emulator the deploy tests start.
    env: {
      AADMAP_E2E_HOST: 'code-server',
      AADMAP_TEST_GRAPH_TOKEN: graphToken,
      // VS Code's log folder (output channels are written there): the deploy suite searches it.
      AADMAP_E2E_LOGS: join(stateUnder(runDir).userDataDir, 'logs'),
      ...(grep ? { AADMAP_E2E_GREP: grep } : {}),
      ...(options.restricted ? { AADMAP_E2E_RESTRICTED: '1' } : {}),
      ...(options.locale ? { AADMAP_E2E_LOCALE: options.locale } : {}),
      // How many times a failing test is tried again (the suite's default when unset; 0 for a flake loop).
      ...(process.env['AADMAP_E2E_RETRIES'] ? { AADMAP_E2E_RETRIES: process.env['AADMAP_E2E_RETRIES'] } : {}),
    },
  });
  const { page } = await launchBrowser(runDir);

  let exited: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(Number(code)));
  // The workbench logs through the same channel; its lines before the suite's banner are noise unless
  // the suite never starts, so they are held back (printed with --verbose, or after a failure).
  const workbenchLines: string[] = [];
  let suiteStarted = false;
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    // console.log's arguments, format string included (mocha's reporter uses '%s').
    const line = format(...(Array.isArray(args) ? args : [args]));
    suiteStarted ||= line.startsWith(SUITE_BANNER);
    if (!suiteStarted && !options.verbose) workbenchLines.push(line);
    else (type === 'error' || type === 'warn' ? console.error : console.log)(line);
  });
  onFailure(() => {
    if (!suiteStarted) console.log(`---- the workbench's log (the suite did not start)\n${workbenchLines.join('\n')}\n----`);
    server.printLogTail();
  });
  const url = workbenchUrl(server.base, workspace, [
    ['extensionDevelopmentPath', remoteUri(server.authority, repoRoot)],
    ['extensionTestsPath', remoteUri(server.authority, webWorker ? browserSuiteEntry : suiteEntry)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  log(`opening the workbench on ${workspace}`);
  // A loaded machine (CI on two cores) can take longer than Playwright's 30 s default to serve the workbench.
  await page.goto(url, { timeout: 120_000 });
  const code = await exitCode;
  log(`the extension host exited with code ${code}`);
  const leaks = filesContaining(runDir, graphToken);
  if (leaks.length) console.error(`the test Graph token was written to:\n  ${leaks.join('\n  ')}`);
  return code === 0 && leaks.length === 0;
});
