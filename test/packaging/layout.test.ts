/** Tests stand on their own: shared fixtures live in test/support/, and no test imports from bench/ (the benchmarks may import test/support/). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

it('no test imports from bench/', () => {
  const offenders = typeScriptFiles(join(root, 'test')).filter((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bfrom '([^']+)'/g)].some(([, path]) =>
      join(file, '..', path!).startsWith(join(root, 'bench')),
    ),
  );
  expect(offenders.map((file) => relative(root, file))).toEqual([]);
});
