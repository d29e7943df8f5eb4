/**
 * `npm run bench`: runs each comparison in its own process (bench/cases/*), prints one table of
 * medians and ratios, and writes bench/results.json.
 *
 *   npm run bench                     all benchmarks
 *   npm run bench -- scim-filter      only the named cases (scim-filter, aadmap-analysis, lsp-latency, startup, evaluation, impact, big-block)
 *   npm run bench -- impact --impact-users=100000   the impact benchmark at one size (default 100,000 and 1,000,000)
 *   npm run bench -- --quick          fewer repetitions (a smoke run; not for docs/performance.md)
 *   npm run bench -- --edits N        N edits in the LSP benchmarks (default 200; big-block: 120)
 *   npm run bench -- big-block --big-block-sizes 500,5000   edits inside one big block, at these sizes (default 500,2000,5000)
 *
 * The cases are bundled to out/bench/ by bench/build.mjs with the production build's settings.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { type CaseResult, formatTable, RESULT_MARKER } from './lib/report';

export const CASES = ['scim-filter', 'aadmap-analysis', 'lsp-latency', 'startup', 'evaluation', 'impact', 'big-block'] as const;

function gitCommit(): string {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  return result.status === 0 ? `${result.stdout.trim()}${dirty ? '+changes' : ''}` : 'unknown';
}

function main(): void {
  const args = process.argv.slice(2);
  // `--edits N` and `--big-block-sizes` take a value; every other flag stands alone. Flags go to every case.
  const flags: string[] = [];
  const selected: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--edits' || args[i] === '--big-block-sizes') flags.push(args[i]!, args[++i] ?? '');
    else if (args[i]!.startsWith('--')) flags.push(args[i]!);
    else selected.push(args[i]!);
  }
  const unknown = selected.filter((name) => !(CASES as readonly string[]).includes(name));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${CASES.join(', ')}`);
    process.exit(2);
  }
  const cases = selected.length ? CASES.filter((name) => selected.includes(name)) : CASES;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
  };
  console.log(
    `aadmap benchmarks on ${machine.cores}× ${machine.cpu}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\n`,
  );
  const results: CaseResult[] = [];
  let failed = false;
  for (const name of cases) {
    process.stderr.write(`running ${name}…\n`);
    const started = Date.now();
    // One process per comparison: no JIT state, heap or peer module leaks from one into the next.
    const child = spawnSync(process.execPath, ['--expose-gc', join('out', 'bench', `${name}.js`), ...flags], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
    if (child.status !== 0 || !line) {
      failed = true;
      console.error(`${name} failed (exit ${child.status})\n${child.stdout}`);
      continue;
    }
    results.push(JSON.parse(line.slice(RESULT_MARKER.length)) as CaseResult);
    process.stderr.write(`  ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const rows = results.flatMap((result) => result.rows);
  console.log(formatTable(rows));
  const output = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    flags,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))) },
    rows,
    cases: results,
  };
  writeFileSync(join('bench', 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('\nwritten: bench/results.json');
  if (failed) process.exit(1);
}

main();
