/**
 * The built CLI (dist/cli.js) as a real child process, and the seeded Graph emulator it talks to,
 * for the CLI tests that go over real HTTP; other child processes of the tests. Children run
 * asynchronously: the emulator lives in this process, so a blocking spawnSync would stop it from
 * answering, and a long one breaks vitest's RPC (test/support/event-loop.ts).
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

interface ProcessOptions {
  cwd: string;
  /** The child's whole environment. */
  env: Record<string, string | undefined>;
  /** Standard input (closed after it; empty by default). */
  input?: string | Buffer;
  /** Milliseconds after which the child is killed: its status is then null. */
  timeout?: number;
}

/**
 * Starts a child process: the child, its outcome once it exits, and its standard error so far.
 * Never spawnSync in a test: it blocks the test worker's event loop (test/support/event-loop.ts).
 */
function startProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions,
): { child: ChildProcessWithoutNullStreams; done: Promise<CliRun>; stderr: () => string } {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, timeout: options.timeout });
  let stdout = '';
  let stderr = '';
  // Decoded as UTF-8 across chunk boundaries (a character may be split between two chunks).
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // A child that exits without reading its input (mkfifo) makes the write fail with EPIPE: not an
  // error of the run, whose outcome is its exit status.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

/** Runs a child process to its end (asynchronously: the test worker's event loop keeps turning). */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<CliRun> {
  return startProcess(command, args, options).done;
}

/** Runs a command that must succeed, like execFileSync without blocking: its standard output, or an Error with its standard error. */
export async function runCommand(command: string, args: readonly string[], cwd = process.cwd()): Promise<string> {
  const { status, stdout, stderr } = await runProcess(command, args, { cwd, env: process.env });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with status ${status}: ${stderr}`);
  return stdout;
}

export interface CliOptions {
  cwd: string;
  /**
   * Added to this process's environment (`undefined` removes a variable). Colours are off, and
   * AADMAP_GRAPH_TOKEN is removed unless given here.
   */
  env?: Record<string, string | undefined>;
  /** Standard input (closed after it; empty by default). */
  input?: string | Buffer;
  /** Milliseconds after which the CLI is killed: its status is then null (a hang). */
  timeout?: number;
}

/** Starts the CLI: the child, its outcome once it exits, and its standard error so far. */
export function startCli(
  args: readonly string[],
  options: CliOptions,
): { child: ChildProcessWithoutNullStreams; done: Promise<CliRun>; stderr: () => string } {
  return startProcess(process.execPath, [CLI, ...args], {
    ...options,
    env: { ...process.env, NO_COLOR: '1', AADMAP_GRAPH_TOKEN: undefined, ...options.env },
  });
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
