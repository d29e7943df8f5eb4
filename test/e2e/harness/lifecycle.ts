/**
 * One run of a harness command: a log with elapsed seconds, cleanups that always run (on success,
 * failure, timeout, SIGINT/SIGTERM/SIGHUP), and process groups that are killed even if the cleanups
 * themselves cannot run (a last synchronous SIGKILL on exit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const startedAt = Date.now();

/** A failure the user can fix (a missing prerequisite, a busy port): printed as its message alone. */
export class HarnessError extends Error {}

export function log(...parts: unknown[]): void {
  console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)}s]`, ...parts);
}

type Cleanup = () => Promise<void> | void;
const cleanups: { name: string; run: Cleanup }[] = [];
/** Process groups started by this run and not yet known to be gone. */
const liveGroups = new Set<number>();

const failureReports: (() => void)[] = [];

/** Registers something to print when the run fails (timeouts included), before the cleanups remove the evidence. */
export function onFailure(report: () => void): void {
  failureReports.push(report);
}

/** Registers a cleanup; cleanups run last-registered first. */
export function onCleanup(name: string, run: Cleanup): void {
  cleanups.push({ name, run });
}

export function trackProcessGroup(pgid: number): void {
  liveGroups.add(pgid);
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after `graceMs`. */
export async function killProcessGroup(pgid: number, graceMs = 5000): Promise<void> {
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + graceMs;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
      // Bounded: a zombie that nobody reaps (a container whose PID 1 does not) would keep the group "alive".
      const killDeadline = Date.now() + 5000;
      while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(50);
      if (groupAlive(pgid)) log(`process group ${pgid} still shows after SIGKILL (unreaped zombies?)`);
    }
  }
  liveGroups.delete(pgid);
}

let cleaningUp: Promise<void> | undefined;
async function runCleanups(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const { name, run } = cleanups.pop()!;
      try {
        await run();
      } catch (error) {
        console.error(`[e2e] cleanup "${name}" failed:`, error);
      }
    }
  })();
  return cleaningUp;
}

/**
 * A fresh directory for one run. Its path must stay short: VS Code puts unix sockets
 * (vscode-ipc-<uuid>.sock, ~67 characters more) into it, and socket paths are limited to 107 bytes.
 */
export function makeRunDir(label: string): string {
  const configured = process.env['AADMAP_E2E_TMPDIR'] ?? tmpdir();
  const base = configured.length <= 40 ? configured : '/tmp';
  const dir = mkdtempSync(join(base, `aadmap-${label}-`));
  onCleanup(`remove ${dir}`, () => {
    if (process.env['AADMAP_E2E_KEEP_TMP'] === '1') log(`kept ${dir} (AADMAP_E2E_KEEP_TMP=1)`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  return dir;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `body` as the whole program: exit code 0 when it resolves to true, 1 when it resolves to
 * false, throws or exceeds `timeoutMs`; 128+n on a signal. Cleanups run in every case.
 */
export function runMain(name: string, timeoutMs: number, body: () => Promise<boolean>): void {
  let finishing = false;
  const finish = async (code: number, why?: string) => {
    if (finishing) return; // the first reason to stop wins (a signal, then the body ending because of it)
    finishing = true;
    if (why) log(why);
    if (code !== 0 && code <= 128) {
      for (const report of failureReports) {
        try {
          report();
        } catch (error) {
          console.error('[e2e] failure report failed:', error);
        }
      }
    }
    await runCleanups();
    log(`${name}: ${code === 0 ? 'passed' : code > 128 ? 'stopped' : 'FAILED'} (exit ${code})`);
    process.exit(code);
  };
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.once(signal, () => void finish(128 + number, `${signal}: stopping`));
  }
  // Last resort when the process ends without the cleanups (process.exit elsewhere, a crash).
  process.once('exit', () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  // Not unref'd: it also keeps the process alive while `body` waits on something that holds no handle.
  setTimeout(() => void finish(1, `${name}: TIMEOUT after ${timeoutMs / 1000}s`), timeoutMs);
  body().then(
    (passed) => finish(passed ? 0 : 1),
    (error: unknown) => {
      if (finishing) return; // torn down under its feet by a signal or the timeout: not news
      console.error(
        error instanceof HarnessError ? `\n${error.message}\n` : error instanceof Error ? (error.stack ?? error.message) : error,
      );
      return finish(1);
    },
  );
}
