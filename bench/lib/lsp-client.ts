/**
 * Drives the real bundled language server (`node dist/server.js --stdio`) as an editor would, for
 * the latency, start-up and memory benchmarks.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClientCapabilities,
  createProtocolConnection,
  InitializeRequest,
  type InitializeResult,
  InitializedNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_OPTIONS } from '../../server/lsp/node-options';
import { stopServerProcess } from '../../test/support/stop-server';

export const SERVER_BUNDLE = join(process.cwd(), 'dist', 'server.js');

export interface BenchServer {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  initializeResult: InitializeResult;
  /** Milliseconds from spawn to the initialize result. */
  startupMs: number;
  /** Resolves with the next publishDiagnostics for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** Resident set size and its peak, in MB (Linux /proc). */
  memory(): { rssMb: number; peakRssMb: number } | undefined;
  /**
   * CPU milliseconds the server's main thread has run so far (Linux /proc schedstat, nanosecond
   * accounting), or undefined where /proc has no schedstat. Read it while the server is idle
   * (`idleCpuMs` waits for that): the kernel brings a running thread's figure up to date only at
   * ticks and context switches.
   */
  idleCpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Benchmark 4's empty language server (bench/fixtures/empty-server.ts), bundled by bench/build.mjs. */
export const EMPTY_SERVER_BUNDLE = join(process.cwd(), 'out', 'bench', 'empty-server.js');

export async function startBenchServer(
  capabilities: ClientCapabilities,
  initializationOptions?: unknown,
  bundle: string = SERVER_BUNDLE,
): Promise<BenchServer> {
  const started = performance.now();
  // AADMAP_BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=out/prof".
  // The server runs with the Node options the VS Code client gives it.
  const nodeArgs = [...SERVER_NODE_OPTIONS, ...(process.env['AADMAP_BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, bundle, '--stdio'], { stdio: 'pipe' });
  child.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const key = `${params.uri}@${params.version}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(params);
    }
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: null,
    initializationOptions,
  });
  const startupMs = performance.now() - started;
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    initializeResult,
    startupMs,
    diagnosticsFor: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
        return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
      } catch {
        return undefined;
      }
    },
    async idleCpuMs() {
      const task = `/proc/${child.pid}/task/${child.pid}`;
      try {
        // Wait (up to ~50 ms) until the main thread sleeps, so its runtime is fully accounted.
        const state = () => {
          const stat = readFileSync(`${task}/stat`, 'utf8'); // "pid (name) STATE …"
          return stat.charAt(stat.lastIndexOf(')') + 2);
        };
        for (let i = 0; i < 50 && state() === 'R'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return Number(readFileSync(`${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      } catch {
        return undefined;
      }
    },
    stop: () => stopServerProcess(connection, child),
  };
}
