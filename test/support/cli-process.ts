/**
 * The built CLI (dist/cli.js) as a real child process, and the seeded Graph emulator it talks to,
 * for the CLI tests that go over real HTTP. The child runs asynchronously: the emulator lives in this
 * process, so a blocking spawnSync would stop it from answering.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { GraphEmulator } from '../graph-emulator/emulator';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /**
   * Added to this process's environment (`undefined` removes a variable). Colours are off, and
   * AADMAP_GRAPH_TOKEN is removed unless given here.
   */
  env?: Record<string, string | undefined>;
  /** Standard input (closed after it; empty by default). */
  input?: string;
}

/** Starts the CLI: the child, its outcome once it exits, and its standard error so far. */
export function startCli(
  args: readonly string[],
  options: CliOptions,
): { child: ChildProcessWithoutNullStreams; done: Promise<CliRun>; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', AADMAP_GRAPH_TOKEN: undefined, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

/** Runs the CLI to its end. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return startCli(args, options).done;
}

/** A Graph emulator holding the seeded tenant (SEED), listening. Stop it after the test. */
export async function startSeededEmulator(): Promise<GraphEmulator> {
  const emulator = GraphEmulator.seeded();
  await emulator.start();
  return emulator;
}
