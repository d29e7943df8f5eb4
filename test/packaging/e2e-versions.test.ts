/**
 * The end-to-end tests run the extension in code-server 4.100.3 (VS Code 1.100.3), which silently skips
 * an extension whose engines.vscode asks for a newer VS Code. Keep the versions in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const installScript = readFileSync(join(root, 'scripts', 'e2e', 'install.sh'), 'utf8');
const harnessPaths = readFileSync(join(root, 'test', 'e2e', 'harness', 'paths.ts'), 'utf8');
/** The VS Code that code-server 4.100.3 bundles. */
const CODE_SERVER_VSCODE = [1, 100, 3];

it('install script and harness agree on the code-server version', () => {
  const installed = /^CODE_SERVER_VERSION=(\S+)$/m.exec(installScript)?.[1];
  expect(installed).toBe('4.100.3');
  expect(harnessPaths).toContain(`codeServerVersion = '${installed}'`);
});

it('engines.vscode and @types/vscode accept the VS Code that code-server bundles', () => {
  const engine = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(packageJson.engines.vscode);
  expect(engine, packageJson.engines.vscode).not.toBeNull();
  const [major, minor, patch] = engine!.slice(1).map(Number) as [number, number, number];
  const [csMajor, csMinor, csPatch] = CODE_SERVER_VSCODE as [number, number, number];
  expect(major).toBe(csMajor);
  expect(minor * 1000 + patch).toBeLessThanOrEqual(csMinor * 1000 + csPatch);
  const types = packageJson.devDependencies['@types/vscode'].split('.').map(Number);
  expect(types[0] * 1_000_000 + types[1] * 1000 + types[2]).toBeLessThanOrEqual(major * 1_000_000 + minor * 1000 + patch);
});
