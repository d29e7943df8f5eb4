/** The folders the editor opens: per-run copies, so tests may edit and save without touching the repository. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, fixturesDir } from './paths';

/** `<runDir>/workspace` holding `examples/` (the bundled examples) and `fixtures/` (test/e2e/workspace). */
export function testWorkspace(runDir: string): string {
  const folder = join(runDir, 'workspace');
  mkdirSync(folder, { recursive: true });
  cpSync(examplesDir, join(folder, 'examples'), { recursive: true });
  cpSync(fixturesDir, join(folder, 'fixtures'), { recursive: true });
  return folder;
}

/** `<runDir>/examples`: a copy of the bundled examples, as a user would open them. */
export function examplesWorkspace(runDir: string): string {
  const folder = join(runDir, 'examples');
  cpSync(examplesDir, folder, { recursive: true });
  return folder;
}
