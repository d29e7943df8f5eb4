/** Stopping a language server child process; the protocol tests and the benchmarks (bench/lib/lsp-client.ts) share it. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';

/**
 * Ends a language server process politely (shutdown, exit), then by SIGKILL after 3 s; the
 * benchmarks and the protocol tests (test/support/server-process.ts) share it.
 */
export async function stopServerProcess(connection: ProtocolConnection, child: ChildProcessWithoutNullStreams): Promise<void> {
  try {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await connection.sendNotification('exit');
  } catch {
    // the process may be gone already
  }
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  connection.dispose();
}
