/** Where things are: the repository, the tool folder (.e2e/), code-server, Chromium, the built extension. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from './lifecycle';

/** The repository root: the nearest folder above this (bundled) file whose package.json is aadmap's. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'aadmap') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no aadmap package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();
export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
};
/** The extension's id as VS Code knows it. */
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** The git-ignored tool folder that scripts/e2e/install.sh fills (AADMAP_E2E_DIR overrides it, for both). */
export const toolDir = resolve(process.env['AADMAP_E2E_DIR'] ?? join(repoRoot, '.e2e'));
export const codeServerVersion = '4.100.3';
export const codeServerEntry = join(toolDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env['AADMAP_CHROMIUM'] ?? '/usr/bin/chromium';

/** What `npm run package` writes. */
export const vsixPath = join(repoRoot, 'aadmap.vsix');
export const examplesDir = join(repoRoot, 'examples');
/** Extra files for the extension-host tests (copied next to the examples into each run's workspace). */
export const fixturesDir = join(repoRoot, 'test', 'e2e', 'workspace');
/** Compiled extension-host suite (test/e2e/build.mjs). */
export const suiteEntry = join(repoRoot, 'out', 'e2e', 'suite', 'index.js');
/** Compiled suite of the web worker extension host (test/e2e/browser, test/e2e/build.mjs). */
export const browserSuiteEntry = join(repoRoot, 'out', 'e2e', 'browser', 'index.js');
/** Compiled UI test files (test/e2e/build.mjs). */
export const uiTestsDir = join(repoRoot, 'out', 'e2e', 'ui');
/** Committed screenshots, shown in the README and docs/ (written only with --update-screenshots). */
export const committedScreenshotsDir = join(repoRoot, 'test', 'e2e', 'screenshots');
/** Screenshots of every other run, and of failures. */
export const runScreenshotsDir = join(toolDir, 'screenshots');

/** Fails with the command that fixes it when a prerequisite is missing. */
export function requirePrerequisites(options: { vsix?: boolean; suite?: boolean; browserSuite?: boolean; ui?: boolean } = {}): void {
  const problems: string[] = [];
  if (!existsSync(codeServerEntry) || !existsSync(join(toolDir, 'code-server', `installed-${codeServerVersion}`))) {
    problems.push(`code-server ${codeServerVersion} is not installed in ${toolDir}: run \`bash scripts/e2e/install.sh\``);
  }
  if (!existsSync(chromiumPath)) problems.push(`${chromiumPath} is missing: run \`bash scripts/e2e/install.sh\` (or set AADMAP_CHROMIUM)`);
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) problems.push('dist/extension.js is missing: run `npm run build`');
  if (options.vsix && !existsSync(vsixPath)) problems.push(`${vsixPath} is missing: run \`npm run package\``);
  if (options.suite && !existsSync(suiteEntry)) problems.push(`${suiteEntry} is missing: run \`npm run build:e2e\``);
  if (options.browserSuite && !existsSync(browserSuiteEntry)) problems.push(`${browserSuiteEntry} is missing: run \`npm run build:e2e\``);
  if (options.browserSuite && !existsSync(join(repoRoot, 'dist', 'browser', 'extension.js'))) {
    problems.push('dist/browser/extension.js is missing: run `npm run build`');
  }
  if (options.ui && !existsSync(uiTestsDir)) problems.push(`${uiTestsDir} is missing: run \`npm run build:e2e\``);
  if (problems.length) throw new HarnessError(`cannot start:\n  - ${problems.join('\n  - ')}`);
}
