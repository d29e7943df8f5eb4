/**
 * Starts the bundled language server (`node dist/server.js --stdio`) as a real child process and
 * speaks LSP to it over its stdio, as an editor would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopServerProcess } from './stop-server';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type InitializeResult,
  InitializeRequest,
  InitializedNotification,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER_BUNDLE = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ServerUnderTest {
  connection: ProtocolConnection;
  /** The server's answer to `initialize` (its capabilities). */
  initializeResult: InitializeResult;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  logs: string[];
  stop(): Promise<void>;
}

/** `locale` is the editor's display language, sent in `initialize` as VS Code sends it. */
export async function startServer(
  capabilities: ClientCapabilities,
  initializationOptions?: unknown,
  locale?: string,
): Promise<ServerUnderTest> {
  if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run npm run build first`);
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: null,
    ...(initializationOptions === undefined ? {} : { initializationOptions }),
    ...(locale === undefined ? {} : { locale }),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initializeResult,
    process: child,
    stderr: () => stderr,
    logs,
    stop: () => stopServerProcess(connection, child),
  };
}
