/**
 * Benchmark 4: start-up and footprint.
 *  - server process start → `initialize` result (spawn of `node dist/server.js --stdio` until the
 *    result arrives), side by side with an empty language server (bench/fixtures/empty-server.ts);
 *  - a cold `aadmap check examples/chatwork.aadmap` (spawn to exit), side by side with `node -e ""`;
 *  - the production bundles' sizes and the .vsix size (packaged by vsce into out/bench/);
 *  - the server's resident memory with the 5,000-mapping file open (after its diagnostics are in,
 *    and the peak while it got there).
 * Run after `npm run build:production` (npm run bench does that).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { generateMappingFile } from '../../test/support/generate';
import { EMPTY_SERVER_BUNDLE, SERVER_BUNDLE, startBenchServer } from '../lib/lsp-client';
import { median, percentile } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '4 start-up and size';
const kb = (path: string) => statSync(path).size / 1024;
/** Start-up targets: ratios of the medians to the floors measured in the same run. */
const SERVER_START_TARGET = 1.2;
const CLI_TARGET = 1.5;

/** A row comparing the medians of two interleaved series of wall-clock milliseconds. */
function sideBySide(label: string, ours: readonly number[], floorName: string, floor: readonly number[], target: number): BenchRow {
  const ratio = median(ours) / median(floor);
  return {
    benchmark: BENCHMARK,
    case: label,
    value: median(ours),
    unit: 'ms',
    reference: { name: floorName, value: median(floor) },
    ratio: `${ratio.toFixed(2)}× the floor`,
    target: `≤ ${target}×`,
    status: ratio <= target ? 'met' : 'missed',
    note: `min ${Math.min(...ours).toFixed(0)} vs ${Math.min(...floor).toFixed(0)} ms`,
  };
}

async function main(): Promise<void> {
  const starts = process.argv.includes('--quick') ? 6 : 40;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};

  // Side by side, interleaved in rotating order, so load on this shared machine hits both alike:
  // aadmap's server against an empty one on the same vscode-languageserver (the floor of any Node
  // language server), and a cold `aadmap check` against a bare `node -e ""`.
  const serverStarts: Record<'aadmap' | 'empty', number[]> = { aadmap: [], empty: [] };
  for (let i = 0; i < starts; i++) {
    for (const which of i % 2 ? (['empty', 'aadmap'] as const) : (['aadmap', 'empty'] as const)) {
      const server = await startBenchServer({}, undefined, which === 'aadmap' ? SERVER_BUNDLE : EMPTY_SERVER_BUNDLE);
      serverStarts[which].push(server.startupMs);
      await server.stop();
    }
  }
  details['startupMs'] = serverStarts.aadmap;
  details['emptyServerStartupMs'] = serverStarts.empty;
  rows.push(
    sideBySide(
      `server start → initialize result (median of ${starts}; p95 ${percentile(serverStarts.aadmap, 95).toFixed(0)} vs ${percentile(serverStarts.empty, 95).toFixed(0)} ms)`,
      serverStarts.aadmap,
      'empty vscode-languageserver server',
      serverStarts.empty,
      SERVER_START_TARGET,
    ),
  );

  const cliRuns: Record<'check' | 'node', number[]> = { check: [], node: [] };
  const commands = {
    check: [join('dist', 'cli.js'), 'check', join('examples', 'chatwork.aadmap')],
    node: ['-e', ''],
  };
  for (let i = 0; i < starts; i++) {
    for (const which of i % 2 ? (['node', 'check'] as const) : (['check', 'node'] as const)) {
      const started = performance.now();
      const run = spawnSync(process.execPath, commands[which], { stdio: 'ignore' });
      cliRuns[which].push(performance.now() - started);
      if (run.status !== 0) throw new Error(`${commands[which].join(' ')} exited with ${run.status}`);
    }
  }
  details['cliCheckMs'] = cliRuns.check;
  details['nodeMs'] = cliRuns.node;
  rows.push(
    sideBySide(
      `cold \`aadmap check examples/chatwork.aadmap\` (median of ${starts}; p95 ${percentile(cliRuns.check, 95).toFixed(0)} vs ${percentile(cliRuns.node, 95).toFixed(0)} ms)`,
      cliRuns.check,
      'node -e ""',
      cliRuns.node,
      CLI_TARGET,
    ),
  );

  for (const bundle of ['extension', 'server']) {
    rows.push({
      benchmark: BENCHMARK,
      case: `dist/${bundle}.js (production)`,
      value: kb(join('dist', `${bundle}.js`)),
      unit: 'KB',
      status: 'info',
    });
  }

  const outDir = join('out', 'bench');
  mkdirSync(outDir, { recursive: true });
  const vsix = join(outDir, 'aadmap.vsix');
  const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], { encoding: 'utf8', input: '' });
  if (packaged.status === 0) {
    const size = kb(vsix);
    rows.push({ benchmark: BENCHMARK, case: '.vsix', value: size, unit: 'KB', target: '≤ 400 KB', status: size <= 400 ? 'met' : 'missed' });
  } else {
    rows.push({
      benchmark: BENCHMARK,
      case: '.vsix',
      unit: 'KB',
      target: '≤ 400 KB',
      status: 'missed',
      note: `vsce failed: ${packaged.stderr.trim().split('\n')[0]}`,
    });
  }

  const server = await startBenchServer(
    { textDocument: { publishDiagnostics: { versionSupport: true } } },
    { pushDiagnosticsDebounceMs: 0 },
  );
  try {
    const uri = 'file:///bench/generated-5000.aadmap';
    const diagnostics = server.diagnosticsFor(uri, 1);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'aadmap', version: 1, text: generateMappingFile(5000) },
    });
    await diagnostics;
    const memory = server.memory();
    details['memory'] = memory;
    if (memory) {
      rows.push({
        benchmark: BENCHMARK,
        case: 'server RSS, 5,000-mapping file open',
        value: memory.rssMb,
        unit: 'MB',
        target: '≤ 80 MB',
        status: memory.rssMb <= 80 ? 'met' : 'missed',
        note: `peak ${memory.peakRssMb.toFixed(0)} MB`,
      });
    }
  } finally {
    await server.stop();
  }
  emit({ case: 'startup', rows, details });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
