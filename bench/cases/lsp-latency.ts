/**
 * Benchmark 3: the language server through stdio, a real server process, on the 5,000-mapping file.
 *
 * Push diagnostics (the measure): the client declares no pull-diagnostic support, so the
 * server pushes; `initializationOptions.pushDiagnosticsDebounceMs = 0` removes the debounce. Each
 * edit is one `didChange` (an incremental one-character change in a string constant of a mapping
 * line, spread over the whole file) and the time runs until `publishDiagnostics` for that document
 * version arrives. Edits are sequential: the next one is sent when the previous result is in.
 *
 * Pull diagnostics (what VS Code does): didChange then a `textDocument/diagnostic` request; reported
 * for information. Completion latency is measured once the server offers completion
 * (feature/editor); until then its row is "pending".
 */
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { generateMappingFile } from '../lib/generate';
import { startBenchServer, type BenchServer } from '../lib/lsp-client';
import { median, percentile } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '3 LSP (stdio, 5,000 mappings)';
const URI = 'file:///bench/generated-5000.aadmap';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Offsets of the `n/a` constants (one per block): edit i toggles the `a` of one of them. */
function editSites(text: string): number[] {
  const sites: number[] = [];
  for (let at = text.indexOf('"n/a"'); at >= 0; at = text.indexOf('"n/a"', at + 1)) sites.push(at + 3);
  return sites;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

async function openDocument(server: BenchServer, text: string): Promise<void> {
  const first = server.diagnosticsFor(URI, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: URI, languageId: 'aadmap', version: 1, text },
  });
  if (server.initializeResult.capabilities.diagnosticProvider) {
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  } else {
    await first;
  }
}

/**
 * Runs `count` edits. `measure` is called before the didChange goes out (so a waiter is in place
 * before the answer can arrive) with a promise of the didChange being sent; it resolves when the
 * answer is in.
 */
async function edits(
  server: BenchServer,
  text: string,
  count: number,
  measure: (version: number, sent: Promise<void>) => Promise<unknown>,
): Promise<number[]> {
  const sites = editSites(text);
  const latencies: number[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const version = i + 2;
    const offset = sites[(i * 37) % sites.length]!; // spread over the file, deterministic
    const replacement = current[offset] === 'a' ? 'b' : 'a';
    const start = positionAt(current, offset);
    current = current.slice(0, offset) + replacement + current.slice(offset + 1);
    const started = performance.now();
    let sent!: () => void;
    const answered = measure(version, new Promise<void>((resolve) => (sent = resolve)));
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: replacement }],
    });
    sent();
    await answered;
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function main(): Promise<void> {
  const count = argument('--edits', process.argv.includes('--quick') ? 40 : 200);
  const pullCount = Math.max(10, Math.round(count / 4));
  const text = generateMappingFile(5000);
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { edits: count };

  // Push: no pull capability, no debounce.
  const push = await startBenchServer({ textDocument: { publishDiagnostics: { versionSupport: true } } }, { pushDiagnosticsDebounceMs: 0 });
  try {
    await openDocument(push, text);
    const latencies = await edits(push, text, count, (version) => push.diagnosticsFor(URI, version));
    const p95 = percentile(latencies, 95);
    details['push'] = { p50: median(latencies), p95, max: Math.max(...latencies), samples: latencies };
    rows.push(
      {
        benchmark: BENCHMARK,
        case: `didChange → publishDiagnostics p50 (${count} edits)`,
        value: median(latencies),
        unit: 'ms',
        status: 'info',
      },
      {
        benchmark: BENCHMARK,
        case: `didChange → publishDiagnostics p95 (${count} edits)`,
        value: p95,
        unit: 'ms',
        target: '≤ 16 ms',
        status: p95 <= 16 ? 'met' : 'missed',
      },
    );
    const completion = push.initializeResult.capabilities.completionProvider;
    if (completion) {
      const sites = editSites(text);
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) {
        // Inside `Coalesce(` of a title line: the argument position after its first comma.
        const offset = text.lastIndexOf('Coalesce(', sites[(i * 37) % sites.length]!) + 'Coalesce('.length;
        const started = performance.now();
        await push.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: positionAt(text, offset) });
        latencies.push(performance.now() - started);
      }
      const p95c = percentile(latencies, 95);
      details['completion'] = { p50: median(latencies), p95: p95c, samples: latencies };
      rows.push({
        benchmark: BENCHMARK,
        case: `completion p95 (${count} requests)`,
        value: p95c,
        unit: 'ms',
        target: '≤ 10 ms',
        status: p95c <= 10 ? 'met' : 'missed',
      });
    } else {
      rows.push({
        benchmark: BENCHMARK,
        case: 'completion p95',
        unit: 'ms',
        target: '≤ 10 ms',
        status: 'pending',
        note: 'no completion yet: feature/editor',
      });
    }
  } finally {
    await push.stop();
  }

  // Pull: the VS Code path, for information.
  const pull = await startBenchServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  try {
    await openDocument(pull, text);
    const latencies = await edits(pull, text, pullCount, (_version, sent) =>
      sent.then(() => pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })),
    );
    details['pull'] = { p50: median(latencies), p95: percentile(latencies, 95), samples: latencies };
    rows.push({
      benchmark: BENCHMARK,
      case: `didChange → textDocument/diagnostic p95 (${pullCount} edits)`,
      value: percentile(latencies, 95),
      unit: 'ms',
      status: 'info',
      note: 'pull diagnostics, as VS Code asks',
    });
  } finally {
    await pull.stop();
  }
  emit({ case: 'lsp-latency', rows, details });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
