/**
 * `npm run test:electron`: the same extension-host suite (test/e2e/suite) in desktop VS Code, through
 * @vscode/test-electron, for machines that can download VS Code (or have one: VSCODE_EXECUTABLE_PATH).
 *
 *   node out/e2e/harness/run-electron.mjs [--grep <pattern>]
 *
 * Env: VSCODE_EXECUTABLE_PATH  an installed VS Code to use instead of downloading one;
 *      AADMAP_VSCODE_VERSION   the version to download (default 1.100.3, the oldest engines.vscode
 *                              accepts and the one code-server 4.100.3 bundles), or 'stable'.
 * Downloads are cached in .e2e/vscode-test/. On Linux it needs a display: `xvfb-run -a npm run test:electron`.
 *
 * Where VS Code cannot be downloaded (no access to update.code.visualstudio.com, as on our CI machines)
 * it FAILS with a message saying so, rather than skipping: asking for this runner and not getting it
 * is an error. `npm run test:e2e` runs the same suite in code-server.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { seedSettings, TEST_SETTINGS } from './code-server';
import { HarnessError, log, makeRunDir, runMain } from './lifecycle';
import { repoRoot, suiteEntry, toolDir } from './paths';
import { testGraphToken } from './secrets';
import { testWorkspace } from './workspace';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

runMain('extension-host tests (desktop VS Code)', 30 * 60_000, async () => {
  for (const [file, fix] of [
    [join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
    [suiteEntry, 'npm run build:e2e'],
  ]) {
    if (!existsSync(file!)) throw new HarnessError(`${file} is missing: run \`${fix}\``);
  }
  const version = process.env['AADMAP_VSCODE_VERSION'] ?? '1.100.3';
  let executable = process.env['VSCODE_EXECUTABLE_PATH'];
  if (!executable) {
    log(`getting VS Code ${version} (cache: ${join(toolDir, 'vscode-test')})`);
    try {
      executable = await downloadAndUnzipVSCode({ version, cachePath: join(toolDir, 'vscode-test'), timeout: 20_000 });
    } catch (error) {
      throw new HarnessError(
        `cannot download VS Code ${version} from update.code.visualstudio.com: ${error instanceof Error ? error.message : error}\n` +
          '`npm run test:electron` needs a machine that can download VS Code, or VSCODE_EXECUTABLE_PATH set to an installed VS Code.\n' +
          'Without either, run `npm run test:e2e`: the same extension-host suite in code-server, plus the UI tests.',
      );
    }
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    throw new HarnessError('desktop VS Code needs a display and DISPLAY is not set: run `xvfb-run -a npm run test:electron`');
  }
  const runDir = makeRunDir('electron');
  const userDataDir = join(runDir, 'user-data');
  seedSettings(userDataDir, TEST_SETTINGS);
  const home = join(runDir, 'home');
  mkdirSync(home);
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    launchArgs: [
      testWorkspace(runDir),
      '--disable-extensions',
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${join(runDir, 'extensions')}`,
    ],
    // HOME too: desktop VS Code writes ~/.vscode/argv.json.
    extensionTestsEnv: {
      AADMAP_E2E_HOST: `desktop VS Code ${version}`,
      HOME: home,
      // For the deploy tests' Graph emulator; the extension reads it only outside production mode.
      AADMAP_TEST_GRAPH_TOKEN: testGraphToken(),
      ...(options.grep ? { AADMAP_E2E_GREP: options.grep } : {}),
    },
  });
  return true;
});
