/**
 * The import graph of the product code (grammar/, server/, client/): no cycle, type-only imports
 * included (a type cycle still ties the files into one unit a reader must take in at once), and no
 * layer reaching upward — grammar ← server ← client, `vscode` only in client/. ESLint checks the
 * layers too (eslint.config.mjs); this test also sees cycles, over the whole graph at once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LAYERS = ['grammar', 'server', 'client'] as const;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const posix = (path: string) => relative(root, path).split(sep).join('/');

/** Each file's imports: relative ones resolved to repository paths, bare ones as written. */
function importGraph(): Map<string, { local: string[]; packages: string[] }> {
  const graph = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of LAYERS.flatMap((layer) => filesUnder(join(root, layer)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const local: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.push(fileName);
        continue;
      }
      const base = resolve(dirname(file), fileName);
      const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
      const target = candidates.find((c) => {
        try {
          return statSync(c).isFile();
        } catch {
          return false;
        }
      });
      if (target) local.push(posix(target));
      else if (!fileName.endsWith('.json')) throw new Error(`${posix(file)}: cannot resolve '${fileName}'`);
    }
    graph.set(posix(file), { local, packages });
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, { local: string[] }>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.local ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.local.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const graph = importGraph();

describe('import graph', () => {
  it('reads the whole product code', () => {
    expect([...graph.keys()].filter((f) => f.startsWith('grammar/')).length).toBeGreaterThan(20);
    expect([...graph.keys()].filter((f) => f.startsWith('server/')).length).toBeGreaterThan(50);
  });

  it('finds a cycle when there is one (the check below is not vacuous)', () => {
    const sample = new Map([
      ['a.ts', { local: ['b.ts'] }],
      ['b.ts', { local: ['c.ts'] }],
      ['c.ts', { local: ['a.ts'] }],
      ['d.ts', { local: ['a.ts'] }],
    ]);
    expect(cycles(sample)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no layer reaching upward: grammar ← server ← client', () => {
    const violations: string[] = [];
    for (const [file, { local, packages }] of graph) {
      const layer = LAYERS.indexOf(file.split('/')[0] as (typeof LAYERS)[number]);
      for (const target of local) {
        const targetLayer = LAYERS.indexOf(target.split('/')[0] as (typeof LAYERS)[number]);
        if (targetLayer === -1 || targetLayer > layer) violations.push(`${file} → ${target}`);
      }
      if (!file.startsWith('client/') && packages.some((p) => p === 'vscode' || p.startsWith('vscode/')))
        violations.push(`${file} → vscode`);
    }
    expect(violations).toEqual([]);
  });
});
