/**
 * Benchmark 7: edits inside ONE big mapping block, through a real language server over stdio.
 *
 * The file: one `mapping` block of N attribute lines (test/support/generate-big-block.ts: plain
 * attributes, Join, nested Switch, IIF, Replace with a regular expression, Coalesce; 3 lines in 100
 * with a mistake) against `target "schema.json"`, a Graph synchronizationSchema of N target
 * attributes, for N = 500, 2,000 and 5,000 (`--big-block-sizes 500,5000` to choose). Both files are
 * written to a temporary folder, so the server reads the schema as it reads a user's.
 *
 * The server runs as VS Code runs it (pull diagnostics, snippets, markdown). For each size, timed at
 * the client (wall-clock, what a user waits for) and in the server (CPU of its main thread):
 * - didChange → textDocument/diagnostic: a one-character edit in a string constant of a line,
 *   spread over the whole block, then the pull VS Code sends after it;
 * - didChange + completion: after typing `[` in an argument list, the first letter of a function
 *   name, and at the start of a new line of the block (target attributes: N of them), each undone after;
 * - didChange + hover over a function name, a source attribute and a target attribute near the edit;
 * - typing a new line's expression, one character a version, each followed by the pull: the line
 *   is a syntax error at most keystrokes (an open call, a half-typed attribute).
 * Targets: p95 ≤ 16 ms (diagnostics, typing), ≤ 10 ms (completion, hover); the cost must not grow with the
 * block: p95 at the largest size ≤ 1.5× p95 at the smallest. Memory: the server's RSS with the
 * largest file open (after its first diagnostics) ≤ 80 MB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigBlockAttribute, bigBlockLine, generateBigBlockFile, generateBigBlockSchema } from '../../test/support/generate-big-block';
import { startBenchServer, type BenchServer } from '../lib/lsp-client';
import {
  COMPLETION_KINDS,
  editSites,
  OpenDocument,
  type Sample,
  siteOf,
  timed,
  timedCompletion,
  timedHovers,
  warmUpCompletion,
  toggle,
} from '../lib/lsp-session';
import { median, percentile } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '7 LSP, one big block';
const TARGETS = { diagnostics: 16, typing: 16, completion: 10, hover: 10 } as const;
const GROWTH_LIMIT = 1.5;
const RSS_LIMIT_MB = 80;
/** How long after the first diagnostics the resident memory is read. */
const SETTLE_MS = 1500;
/** How long after the last edit it is read again (the server collects after 1.5 s without edits: server/lsp/memory-release.ts). */
const SETTLE_AFTER_EDITS_MS = 2500;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Stats {
  count: number;
  wall: { p50: number; p95: number };
  cpu?: { p50: number; p95: number };
}

function stats(samples: readonly Sample[]): Stats {
  const of = (values: number[]) => ({ p50: median(values), p95: percentile(values, 95) });
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
  return { count: samples.length, wall: of(samples.map((s) => s.wallMs)), ...(cpu.length === samples.length ? { cpu: of(cpu) } : {}) };
}

async function diagnostics(server: BenchServer, document: OpenDocument, count: number): Promise<Sample[]> {
  const sites = editSites(document.text);
  const samples: Sample[] = [];
  await document.pull(); // untimed: catches up with the versions made before
  for (let i = 0; i < count; i++) {
    samples.push(
      await timed(server, async () => {
        await toggle(document, siteOf(sites, i));
        await document.pull();
      }),
    );
  }
  return samples;
}

/** The expressions typed: those of four kinds of generated line (Join, nested Switch, IIF, Replace with a regular expression). */
const TYPED = [7, 8, 9, 10].map((i) => bigBlockLine(i).slice(bigBlockLine(i).indexOf(' <- ') + 4));

/**
 * Typing new lines of the block: each line's target and `<-` inserted at once (untimed, as a
 * completion inserts them), then its expression one character a version, each followed by the pull
 * VS Code sends; the line is taken out again (untimed) once typed. Lines go after the lines of the
 * edit sites, spread over the block.
 */
async function typing(server: BenchServer, document: OpenDocument, count: number): Promise<Sample[]> {
  const sites = editSites(document.text);
  const samples: Sample[] = [];
  await document.pull();
  let lines = 0;
  let at = -1; // where the line being typed starts
  let prefix = '';
  let expression = '';
  let typed = 0;
  for (let i = 0; i < count; i++) {
    if (typed === expression.length) {
      if (at >= 0) {
        await document.change(at, prefix.length + typed + 1, '');
        await document.pull();
      }
      at = document.text.indexOf('\n', siteOf(sites, lines)) + 1;
      prefix = `  ${bigBlockAttribute(3 + lines)} <- `;
      expression = TYPED[lines % TYPED.length]!;
      typed = 0;
      lines++;
      await document.change(at, 0, `${prefix}\n`);
      await document.pull();
    }
    const offset = at + prefix.length + typed;
    const character = expression[typed]!;
    typed++;
    samples.push(
      await timed(server, async () => {
        await document.change(offset, 0, character);
        await document.pull();
      }),
    );
  }
  return samples;
}

async function completions(server: BenchServer, document: OpenDocument, count: number): Promise<Sample[]> {
  const sites = editSites(document.text);
  const samples: Sample[] = [];
  await warmUpCompletion(server, document);
  for (let i = 0; i < count; i++) {
    const kind = COMPLETION_KINDS[i % COMPLETION_KINDS.length]!;
    samples.push(await timedCompletion(server, document, kind, kind.at(siteOf(sites, i), document.text)));
  }
  return samples;
}

const HOVER_KINDS = [
  { name: 'function', find: (text: string, site: number) => text.lastIndexOf('Coalesce(', site) + 2 },
  { name: 'source attribute', find: (text: string, site: number) => text.lastIndexOf('[mailNickname]', site) + 3 },
  { name: 'target attribute', find: (text: string, site: number) => text.lastIndexOf(':field', site) + 3 },
] as const;

interface SizeResult {
  lines: number;
  diagnostics: Stats;
  typing: Stats;
  completion: Stats;
  hover: Stats;
  openMs: number;
  rssMb?: number;
  rssAtOpenMb?: number;
  /** After all the measures' edits, idle SETTLE_AFTER_EDITS_MS, and at once after them. */
  rssAfterEditsMb?: number;
  rssAtLastEditMb?: number;
}

async function measureSize(lines: number, count: number): Promise<SizeResult> {
  const folder = mkdtempSync(join(tmpdir(), 'aadmap-bench-big-'));
  const server = await startBenchServer({
    textDocument: {
      diagnostic: { dynamicRegistration: false },
      completion: { completionItem: { snippetSupport: true } },
      hover: { contentFormat: ['markdown' as const] },
    },
  });
  try {
    writeFileSync(join(folder, 'schema.json'), JSON.stringify(generateBigBlockSchema(lines), null, 2));
    const path = join(folder, `big-block-${lines}.aadmap`);
    const text = generateBigBlockFile(lines);
    writeFileSync(path, text);
    const document = new OpenDocument(server, pathToFileURL(path).href, text);
    const opened = performance.now();
    await document.open();
    const openMs = performance.now() - opened;
    // Resident memory with the file open: read once the server has been idle a moment after the first
    // diagnostics (it gives back what the first read allocated then: server/lsp/memory-release.ts),
    // and at once, the peak of the open, reported beside it.
    const rssAtOpenMb = server.memory()?.rssMb;
    // The schema file may still have been being read (in the background) for the first diagnostics:
    // pull again, as VS Code does on the server's refresh, then let the server be idle a moment.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await document.pull();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssMb = server.memory()?.rssMb;
    const completion = stats(await completions(server, document, count));
    const hover = stats(await timedHovers(server, document, count, HOVER_KINDS));
    const diagnosticsStats = stats(await diagnostics(server, document, count));
    const typingStats = stats(await typing(server, document, count));
    const rssAtLastEditMb = server.memory()?.rssMb;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_EDITS_MS));
    const rssAfterEditsMb = server.memory()?.rssMb;
    return {
      lines,
      diagnostics: diagnosticsStats,
      typing: typingStats,
      completion,
      hover,
      openMs,
      ...(rssMb !== undefined && rssAtOpenMb !== undefined ? { rssMb, rssAtOpenMb } : {}),
      ...(rssAfterEditsMb !== undefined && rssAtLastEditMb !== undefined ? { rssAfterEditsMb, rssAtLastEditMb } : {}),
    };
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

function rows(results: readonly SizeResult[]): BenchRow[] {
  const out: BenchRow[] = [];
  const measures = [
    ['didChange → textDocument/diagnostic', 'diagnostics'],
    ['typing a line: didChange → textDocument/diagnostic', 'typing'],
    ['didChange + completion', 'completion'],
    ['didChange + hover', 'hover'],
  ] as const;
  for (const [label, key] of measures) {
    const target = TARGETS[key];
    for (const result of results) {
      const s = result[key];
      const judged = (value: number) => (value <= target ? 'met' : 'missed') as BenchRow['status'];
      out.push(
        {
          benchmark: BENCHMARK,
          case: `${result.lines} lines: ${label} p50 (${s.count}), wall`,
          value: s.wall.p50,
          unit: 'ms',
          status: 'info',
        },
        {
          benchmark: BENCHMARK,
          case: `${result.lines} lines: ${label} p95 (${s.count}), wall`,
          value: s.wall.p95,
          unit: 'ms',
          target: `≤ ${target} ms`,
          status: judged(s.wall.p95),
        },
      );
      if (s.cpu)
        out.push({
          benchmark: BENCHMARK,
          case: `${result.lines} lines: ${label} p95 (${s.count}), server CPU`,
          value: s.cpu.p95,
          unit: 'ms',
          target: `≤ ${target} ms`,
          status: judged(s.cpu.p95),
        });
    }
    const smallest = results[0]!;
    const largest = results[results.length - 1]!;
    if (results.length > 1) {
      const growth = largest[key].wall.p95 / smallest[key].wall.p95;
      out.push({
        benchmark: BENCHMARK,
        case: `${label}: p95 at ${largest.lines} / p95 at ${smallest.lines} lines, wall`,
        value: growth,
        unit: '×',
        target: `≤ ${GROWTH_LIMIT}×`,
        status: growth <= GROWTH_LIMIT ? 'met' : 'missed',
      });
    }
  }
  for (const result of results) {
    out.push({
      benchmark: BENCHMARK,
      case: `${result.lines} lines: open → first diagnostics`,
      value: result.openMs,
      unit: 'ms',
      status: 'info',
    });
  }
  const largest = results[results.length - 1]!;
  if (largest.rssMb !== undefined)
    out.push({
      benchmark: BENCHMARK,
      case: `${largest.lines} lines: server RSS with the file open (idle ${SETTLE_MS} ms after its diagnostics)`,
      value: largest.rssMb,
      unit: 'MB',
      target: `≤ ${RSS_LIMIT_MB} MB`,
      status: largest.rssMb <= RSS_LIMIT_MB ? 'met' : 'missed',
      note: `${largest.rssAtOpenMb?.toFixed(0)} MB when the first diagnostics arrived`,
    });
  if (largest.rssAfterEditsMb !== undefined)
    out.push({
      benchmark: BENCHMARK,
      case: `${largest.lines} lines: server RSS after the edits of every measure (idle ${SETTLE_AFTER_EDITS_MS} ms)`,
      value: largest.rssAfterEditsMb,
      unit: 'MB',
      target: `≤ ${RSS_LIMIT_MB} MB`,
      status: largest.rssAfterEditsMb <= RSS_LIMIT_MB ? 'met' : 'missed',
      note: `${largest.rssAtLastEditMb?.toFixed(0)} MB at the last edit`,
    });
  return out;
}

async function main(): Promise<void> {
  const count = Number(option('--edits') ?? (process.argv.includes('--quick') ? 30 : 120));
  const sizes = (option('--big-block-sizes') ?? '500,2000,5000').split(',').map(Number);
  const results: SizeResult[] = [];
  for (const lines of sizes) {
    process.stderr.write(`  big block: ${lines} lines\n`);
    results.push(await measureSize(lines, count));
  }
  emit({ case: 'big-block', rows: rows(results), details: { edits: count, results } });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
