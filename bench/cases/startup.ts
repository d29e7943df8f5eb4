/**
 * Benchmark 4: start-up and footprint.
 *  - server process start → `initialize` result (spawn of `node dist/server.js --stdio` until the
 *    result arrives), median of several starts;
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
import { startBenchServer } from '../lib/lsp-client';
import { median } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '4 start-up and size';
const kb = (path: string) => statSync(path).size / 1024;

async function main(): Promise<void> {
  const starts = process.argv.includes('--quick') ? 5 : 15;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};

  const startupMs: number[] = [];
  for (let i = 0; i < starts; i++) {
    const server = await startBenchServer({});
    startupMs.push(server.startupMs);
    await server.stop();
  }
  details['startupMs'] = startupMs;
  rows.push({
    benchmark: BENCHMARK,
    case: `server start → initialize result (median of ${starts})`,
    value: median(startupMs),
    unit: 'ms',
    status: 'info',
    note: `min ${Math.min(...startupMs).toFixed(0)} ms`,
  });

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
