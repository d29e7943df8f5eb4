/**
 * Entry of the extension-host suite (extensionTestsPath): VS Code loads this module inside its extension
 * host and calls run(); a rejection makes the host exit with code 1. The same module serves code-server
 * (npm run test:e2e) and desktop VS Code (npm run test:electron).
 *
 * Every `*.test.js` next to this file is one area (activation, diagnostics, commands, …); they run in
 * name order, so `activation` goes first, while no aadmap document has been opened yet. Add an area by
 * adding a file: test/e2e/build.mjs compiles every test/e2e/suite/*.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // retries (AADMAP_E2E_RETRIES, default 1): a test that fails every time still fails; a flake loop
  // sets 0. The stale answers once seen right after an untitled document opened were VS Code restoring
  // the previous Untitled-1's backup (helpers.ts openUntitled now names each document uniquely).
  const retries = Number(process.env['AADMAP_E2E_RETRIES'] ?? 1);
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000, retries });
  // AADMAP_E2E_GREP: run only the tests whose full title matches (set by the runners' --grep).
  const grep = process.env['AADMAP_E2E_GREP'];
  if (grep) mocha.grep(grep);
  // AADMAP_E2E_LOCALE (the runner's --locale): only the `*.<locale>.test.js` files, else only the others.
  const locale = process.env['AADMAP_E2E_LOCALE'];
  const fileLocale = (name: string) => /\.([a-z]{2})\.test\.js$/.exec(name)?.[1];
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js') && fileLocale(name) === locale)
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  console.log(`aadmap extension-host tests in ${process.env['AADMAP_E2E_HOST'] ?? 'VS Code'} (Node ${process.versions.node})`);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
