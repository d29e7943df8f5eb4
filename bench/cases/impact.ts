/**
 * Benchmark 6: `aadmap impact` over a generated directory in JSONL (1,000,000 users by default),
 * side by side with the floor of reading that file — a process that streams it and JSON.parses
 * every line, with the same line splitting. Both run as separate processes (the production CLI
 * bundle), interleaved; each reports its CPU time and peak RSS (process.resourceUsage at exit).
 * Targets: at most 3× the floor's CPU time; peak RSS at most 300 MB and flat as the users grow.
 *
 *   npm run bench -- impact                               100,000 and 1,000,000 users
 *   npm run bench -- impact --impact-users=100000         one size (a smoke run on a shared machine)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { directoryLines } from '../../test/support/directory-users';
import { median } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '6 impact';
const out = resolve('out', 'bench');
const cli = resolve('dist', 'cli.js');

/** Prints the process's CPU time and peak RSS on stderr at exit. */
const RUSAGE_HOOK = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nRUSAGE ' + JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }) + '\\n'); });\n`;

/** The floor: stream the file, split lines as server/impact/read-lines.ts does, JSON.parse each. */
const FLOOR = `const { createReadStream } = require('node:fs');
const { StringDecoder } = require('node:string_decoder');
(async () => {
  const decoder = new StringDecoder('utf8');
  let carry = '', n = 0;
  const line = (text) => { if (text.trim() !== '') { JSON.parse(text); n++; } };
  for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\\n'); nl !== -1; nl = text.indexOf('\\n', start)) { line(text.slice(start, nl)); start = nl + 1; }
    carry = text.slice(start);
  }
  carry += decoder.end();
  line(carry);
  process.stdout.write(String(n) + '\\n');
})();
`;

interface Usage {
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
}

function run(args: string[]): Usage {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', join(out, 'impact-rusage.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(0, 2000)}`);
  const line = child.stderr.split('\n').find((l) => l.startsWith('RUSAGE '));
  if (!line) throw new Error(`no resource usage from ${args.join(' ')}`);
  return { ...(JSON.parse(line.slice(7)) as { cpuMs: number; maxRssMb: number }), wallMs };
}

function usersFile(count: number): string {
  const file = join(out, `impact-users-${count}.jsonl`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const fd = openSync(file, 'w');
  let batch: string[] = [];
  for (const line of directoryLines(count, 1)) {
    batch.push(line);
    if (batch.length === 10_000) {
      writeSync(fd, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length) writeSync(fd, `${batch.join('\n')}\n`);
  closeSync(fd);
  return file;
}

function main(): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'impact-rusage.js'), RUSAGE_HOOK);
  writeFileSync(join(out, 'impact-floor.js'), FLOOR);
  // Before: the bundled example. After: a narrower scope, a new matching attribute and a Coalesce.
  const before = readFileSync(join('examples', 'chatwork.aadmap'), 'utf8');
  const after = before
    .replace('[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"')
    .replace('userName   <- [userPrincipalName]  match 1', 'userName   <- [mail]  match 1')
    .replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle], "Staff")');
  writeFileSync(join(out, 'impact-before.aadmap'), before);
  writeFileSync(join(out, 'impact-after.aadmap'), after);

  const sizeFlag = process.argv.find((a) => a.startsWith('--impact-users='));
  const sizes = sizeFlag ? [Number(sizeFlag.split('=')[1])] : [100_000, 1_000_000];
  const repetitions = process.argv.includes('--quick') ? 1 : 3;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  const rss: number[] = [];
  for (const count of sizes) {
    const file = usersFile(count);
    const floor: Usage[] = [];
    const impact: Usage[] = [];
    for (let i = 0; i < repetitions; i++) {
      floor.push(run([join(out, 'impact-floor.js'), file]));
      impact.push(
        run([
          cli,
          'impact',
          join(out, 'impact-after.aadmap'),
          '--users',
          file,
          '--before',
          join(out, 'impact-before.aadmap'),
          '--format',
          'json',
        ]),
      );
    }
    const floorMs = median(floor.map((u) => u.cpuMs));
    const impactMs = median(impact.map((u) => u.cpuMs));
    const peak = Math.max(...impact.map((u) => u.maxRssMb));
    rss.push(peak);
    details[String(count)] = { floor, impact };
    const ratio = impactMs / floorMs;
    const users = count.toLocaleString('en-US');
    rows.push({
      benchmark: BENCHMARK,
      case: `${users} JSONL users, CPU time (median of ${repetitions})`,
      value: impactMs,
      unit: 'ms',
      reference: { name: 'JSON.parse floor', value: floorMs },
      ratio: `${ratio.toFixed(2)}× floor`,
      target: '≤ 3× floor',
      status: ratio <= 3 ? 'met' : 'missed',
      note: `wall ${median(impact.map((u) => u.wallMs)).toFixed(0)} ms vs ${median(floor.map((u) => u.wallMs)).toFixed(0)} ms`,
    });
    rows.push({
      benchmark: BENCHMARK,
      case: `${users} JSONL users, peak RSS`,
      value: peak,
      unit: 'MB',
      reference: { name: 'floor', value: Math.max(...floor.map((u) => u.maxRssMb)) },
      target: '≤ 300 MB',
      status: peak <= 300 ? 'met' : 'missed',
    });
  }
  if (rss.length > 1) {
    const growth = rss[rss.length - 1]! / rss[0]!;
    rows.push({
      benchmark: BENCHMARK,
      case: `peak RSS growth ${sizes[0]!.toLocaleString('en-US')} → ${sizes[sizes.length - 1]!.toLocaleString('en-US')} users`,
      value: growth,
      unit: '×',
      target: 'flat (≤ 1.25×)',
      status: growth <= 1.25 ? 'met' : 'missed',
    });
  }
  emit({ case: 'impact', rows, details });
}

main();
