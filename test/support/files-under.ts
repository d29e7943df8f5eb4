/** Walking the repository's folders, for the tests that read the code itself (test/architecture). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder` (recursively, node_modules skipped) whose path `matches`; none when it does not exist. */
export function filesUnder(folder: string, matches: (path: string) => boolean): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry === 'node_modules') continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, matches));
    else if (matches(path)) out.push(path);
  }
  return out;
}
