/**
 * The Graph fault matrix of docs/security.md, as data: each row is a fault the fault-injecting proxy
 * (test/graph-emulator/fault-proxy.ts) makes during `aadmap deploy`, what the CLI says (every
 * `quoted` part of it, with `…` and `<backup>` standing for what varies, and the exit code in
 * parentheses) and what the tenant holds afterwards. test/cli/fault-matrix.test.ts runs every row
 * and checks the CLI's output, exit code and the emulator's schema against it, and checks that the
 * table in docs/security.md is this one; `npm run docs:faults` writes it there.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphEmulator } from '../graph-emulator/emulator';
import { SEED } from '../graph-emulator/emulator';
import { type FaultProxy, graphError } from '../graph-emulator/fault-proxy';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface FaultContext {
  emulator: GraphEmulator;
  proxy: FaultProxy;
  /** The workspace folder: the CLI runs there. */
  work: string;
  cli: string;
}

/** What the job's schema holds after the fault, as the test checks it. */
export type Holds = 'new' | 'previous' | 'other';

export interface FaultRow {
  fault: string;
  /** The CLI column: `message` parts, prose between them, and `(exit code)` at the end. */
  cli: string;
  /** The tenant column. */
  tenant: string;
  holds: Holds;
  /** Makes the fault and runs the CLI; `other` is the schema someone else wrote, for `holds: 'other'`. */
  run(context: FaultContext): Promise<{ result: Run; other?: unknown }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isSchema = (path: string) => /\/synchronization\/jobs\/[^/]+\/schema$/.test(path);

/** The CLI as a child process in `work`. */
function started(context: FaultContext, args: string[]) {
  const child = spawn(process.execPath, [context.cli, ...args], {
    cwd: context.work,
    env: { ...process.env, NO_COLOR: '1', AADMAP_GRAPH_TOKEN: SEED.token },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end('');
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 20_000 && !condition(); waited += 50) await sleep(50);
}

/** Pulls the job into live.aadmap of the workspace folder (through the emulator itself) and changes one mapping: the new schema has ToUpper. */
export async function editedFile(context: FaultContext): Promise<string> {
  const pulled = await started(context, [
    'pull',
    '--service-principal',
    SEED.servicePrincipalId,
    '--graph-endpoint',
    context.emulator.url,
    '--out',
    'live.aadmap',
  ]).done;
  if (pulled.status !== 0) throw new Error(`pull failed: ${pulled.stderr}`);
  const path = join(context.work, 'live.aadmap');
  const text = readFileSync(path, 'utf8');
  const from = 'title    <- [jobTitle]';
  if (!text.includes(from)) throw new Error(`the pulled file has no "${from}"`);
  writeFileSync(path, text.replace(from, 'title    <- ToUpper([jobTitle])'));
  return 'live.aadmap';
}

async function deploy(context: FaultContext): Promise<Run> {
  const file = await editedFile(context);
  return started(context, ['deploy', file, '--graph-endpoint', context.proxy.url, '--yes']).done;
}

/** A change made in the portal: a new default value on the first mapping and a new version. */
function portalChange(emulator: GraphEmulator): unknown {
  const schema = structuredClone(emulator.job.schema) as {
    version?: string;
    synchronizationRules: { objectMappings: { attributeMappings: { defaultValue?: string | null }[] }[] }[];
  };
  schema.synchronizationRules[0]!.objectMappings[0]!.attributeMappings[0]!.defaultValue = 'changed in the portal';
  schema.version = 'portal-version';
  emulator.job.schema = schema as unknown as Record<string, unknown>;
  return structuredClone(emulator.job.schema);
}

/** Holds the PUT at the proxy until `release()`; `arrived` resolves when it reaches the proxy. */
function holdPut(proxy: FaultProxy) {
  let arrived!: () => void;
  let release!: () => void;
  const state = {
    arrived: new Promise<void>((resolve) => (arrived = resolve)),
    released: new Promise<void>((resolve) => (release = resolve)),
    release: () => release(),
  };
  proxy.intercept = async (request, forward) => {
    if (request.method === 'PUT') {
      arrived();
      await Promise.race([state.released, sleep(30_000)]);
    }
    return forward();
  };
  return state;
}

export const FAULT_MATRIX: FaultRow[] = [
  {
    fault: '503, 504 and 429 on the PUT, then success',
    cli: 'progress: `The PUT ended with HTTP 503; waiting 1 s, then checking the schema again before retrying…`, the same for `HTTP 504` and `HTTP 429`, then `Deployed: …` (0)',
    tenant: 'the new schema',
    holds: 'new',
    async run(context) {
      const faults = [503, 504, 429];
      context.proxy.intercept = async (request, forward) => {
        const status = request.method === 'PUT' ? faults.shift() : undefined;
        return status ? graphError(status, 'Transient', { 'Retry-After': '1' }) : forward();
      };
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'a change in the portal during the Retry-After wait',
    cli: "`The job's schema changed since the what-if (version … → portal-version); nothing was written (the earlier attempt ended with HTTP 429). Run the what-if again.` (1)",
    tenant: "the portal's change",
    holds: 'other',
    async run(context) {
      let other: unknown;
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'PUT' && other === undefined) {
          other = portalChange(context.emulator);
          return graphError(429, 'TooManyRequests', { 'Retry-After': '1' });
        }
        return forward();
      };
      return { result: await deploy(context), other };
    },
  },
  {
    fault: '503 on every attempt',
    cli: '`PUT …/schema → 503 …. Gave up after 5 attempts. The job still holds the previous schema; nothing was written.` (1)',
    tenant: 'the previous schema',
    holds: 'previous',
    async run(context) {
      context.proxy.intercept = async (request, forward) =>
        request.method === 'PUT' ? graphError(503, 'ServiceUnavailable', { 'Retry-After': '0' }) : forward();
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'a Retry-After above 120 s',
    cli: '`… Graph asks to wait 600 s before retrying; try again later. Nothing was written.` (1)',
    tenant: 'the previous schema',
    holds: 'previous',
    async run(context) {
      context.proxy.intercept = async (request, forward) =>
        request.method === 'PUT' ? graphError(429, 'TooManyRequests', { 'Retry-After': '600' }) : forward();
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'the connection resets after the PUT was applied',
    cli: 'the next check reads the new schema: `Deployed: … (the earlier attempt ended with … but was applied)` (0); no second PUT',
    tenant: 'the new schema',
    holds: 'new',
    async run(context) {
      let dropped = false;
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'PUT' && !dropped) {
          dropped = true;
          await forward();
          return 'drop';
        }
        return forward();
      };
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'a reset on the PUT, the job then unreadable',
    cli: '`The PUT was sent (…); the job may hold the new schema; it could not be read back (…). The previous schema: <backup> (roll back with: aadmap rollback <backup>).` (3)',
    tenant: 'unknown: the new or the previous schema (here: the new)',
    holds: 'new',
    async run(context) {
      let put = false;
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'PUT') {
          put = true;
          await forward();
          return 'drop';
        }
        if (put && request.method === 'GET' && isSchema(request.path)) return graphError(500, 'InternalServerError');
        return forward();
      };
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'the verification read fails (a 500)',
    cli: '`The PUT was sent and answered 2xx; the job should hold the new schema, but reading it back failed (…). The previous schema: <backup> (roll back with: aadmap rollback <backup>).` (3)',
    tenant: 'the new schema (unverified)',
    holds: 'new',
    async run(context) {
      let put = false;
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'PUT') {
          const answer = await forward();
          put = true;
          return answer;
        }
        if (put && request.method === 'GET' && isSchema(request.path)) return graphError(500, 'InternalServerError');
        return forward();
      };
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'someone else writes after the PUT, before the read-back',
    cli: "`The PUT was sent, but the job's mappings now differ from what was sent (someone else may have written after it).` … and the diff (3)",
    tenant: "the other writer's schema",
    holds: 'other',
    async run(context) {
      let other: unknown;
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'PUT' && other === undefined) {
          const answer = await forward();
          other = portalChange(context.emulator);
          return answer;
        }
        return forward();
      };
      return { result: await deploy(context), other };
    },
  },
  {
    fault: 'a second deploy from the same workspace',
    cli: '`Another deploy or rollback of job … is running from this workspace (process …, since …); nothing was written.` (1)',
    tenant: "the first deploy's result",
    holds: 'previous',
    async run(context) {
      // The first deploy's lock, held by a process that is alive (this one).
      const folder = join(context.work, '.aadmap', 'backups');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(join(folder, `${SEED.jobId}.lock`), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      return { result: await deploy(context) };
    },
  },
  {
    fault: '401 / 403 before the PUT',
    cli: 'the Graph error with a hint: `GET …/schema → 401` … `sign in again` (1)',
    tenant: 'the previous schema',
    holds: 'previous',
    async run(context) {
      context.proxy.intercept = async (request, forward) =>
        request.method === 'GET' && isSchema(request.path) ? graphError(401, 'InvalidAuthenticationToken') : forward();
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'a redirect (3xx)',
    cli: '`GET … → 302: a redirect to https://other.example; aadmap follows no redirects.` (1)',
    tenant: 'the previous schema',
    holds: 'previous',
    async run(context) {
      context.proxy.intercept = async (request, forward) =>
        request.method === 'GET' && isSchema(request.path)
          ? { status: 302, headers: { Location: 'https://other.example/v1.0/schema' }, body: Buffer.alloc(0) }
          : forward();
      return { result: await deploy(context) };
    },
  },
  {
    fault: 'Ctrl-C before the PUT',
    cli: '`Cancelling…`, then `Cancelled; nothing more was sent to Microsoft Graph.` (1)',
    tenant: 'the previous schema',
    holds: 'previous',
    async run(context) {
      const file = await editedFile(context);
      let arrived!: () => void;
      const reading = new Promise<void>((resolve) => (arrived = resolve));
      context.proxy.intercept = async (request, forward) => {
        if (request.method === 'GET' && isSchema(request.path)) {
          arrived();
          await sleep(1_500);
        }
        return forward();
      };
      const run = started(context, ['deploy', file, '--graph-endpoint', context.proxy.url, '--yes']);
      await reading;
      run.child.kill('SIGINT');
      return { result: await run.done };
    },
  },
  {
    fault: 'Ctrl-C while the PUT is sent',
    cli: '`The PUT was sent: it will finish and its result will be checked (Ctrl-C again stops waiting; the job may then hold the new schema).`, then the outcome above: here `Deployed: …` (0)',
    tenant: 'the new schema',
    holds: 'new',
    async run(context) {
      const file = await editedFile(context);
      const put = holdPut(context.proxy);
      const run = started(context, ['deploy', file, '--graph-endpoint', context.proxy.url, '--yes']);
      await put.arrived;
      run.child.kill('SIGINT');
      await until(() => run.stderr().includes('it will finish'));
      put.release();
      return { result: await run.done };
    },
  },
  {
    fault: 'Ctrl-C again while the PUT is sent',
    cli: '`Stopped waiting. The PUT was sent; the job may hold the new schema. The previous schema: <backup> (roll back with: aadmap rollback <backup>).` (3)',
    tenant: 'the new schema (the PUT lands)',
    holds: 'new',
    async run(context) {
      const file = await editedFile(context);
      const put = holdPut(context.proxy);
      const run = started(context, ['deploy', file, '--graph-endpoint', context.proxy.url, '--yes']);
      await put.arrived;
      run.child.kill('SIGINT');
      await until(() => run.stderr().includes('it will finish'));
      run.child.kill('SIGINT');
      const result = await run.done;
      // The PUT the CLI stopped waiting for still lands.
      put.release();
      await until(() => context.emulator.log.some((r) => r.method === 'PUT'));
      await sleep(200);
      return { result };
    },
  },
];

/** The `quoted` parts of a CLI cell, as patterns: `…` and `<backup>` stand for anything. */
export function quotedPatterns(cli: string): RegExp[] {
  return [...cli.matchAll(/`([^`]+)`/g)].map(
    (match) =>
      new RegExp(
        match[1]!
          .split(/…|<backup>/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\s\\S]*?'),
      ),
  );
}

/** The exit code at the end of a CLI cell: `(3)`. */
export function exitCodeOf(cli: string): number {
  const codes = [...cli.matchAll(/\((\d)\)/g)];
  if (codes.length === 0) throw new Error(`no exit code in: ${cli}`);
  return Number(codes[codes.length - 1]![1]);
}

/** The table in docs/security.md (prettier aligns it). */
export function renderFaultMatrix(rows: readonly FaultRow[] = FAULT_MATRIX): string {
  const lines = ['| fault | CLI (exit) | tenant holds |', '| --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.fault} | ${row.cli} | ${row.tenant} |`);
  return `${lines.join('\n')}\n`;
}

/** The rows of the first table after `heading` in a markdown text, as trimmed cells. */
export function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) return [];
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  if (first < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  // Header and separator aside.
  return rows.slice(2);
}
