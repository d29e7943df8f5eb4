/** Packages test/e2e/sign-in (built into out/e2e/sign-in/) as a .vsix for code-server --install-extension. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { log } from './lifecycle';
import { repoRoot } from './paths';

export const signInExtensionDir = join(repoRoot, 'out', 'e2e', 'sign-in');

export async function packageSignInExtension(outDir: string): Promise<string> {
  const vsix = join(outDir, 'aadmap-e2e-sign-in.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  await promisify(execFile)(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: signInExtensionDir, timeout: 120_000 },
  );
  log(`packaged the sign-in stand-in: ${vsix}`);
  return vsix;
}
