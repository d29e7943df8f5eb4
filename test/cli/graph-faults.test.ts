/**
 * Deploys through a fault-injecting proxy in front of the Graph emulator (dist/cli.js in child
 * processes): a change made in the portal is never overwritten, two deploys at once never both say
 * "Deployed", and every failure after the PUT was sent says so, with the backup and exit code 3.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun as Run, startCli, startSeededEmulator } from '../support/cli-process';
import { FaultProxy, graphError, type ProxyAnswer } from '../graph-emulator/fault-proxy';

const scratch = mkdtempSync(join(tmpdir(), 'aadmap-graph-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(args: string[], cwd: string): Promise<Run> {
  return started(args, cwd).done;
}

/** The CLI as a child process: `stderr()` so far, and its end. */
function started(args: string[], cwd: string) {
  return startCli(args, { cwd, env: { AADMAP_GRAPH_TOKEN: SEED.token } });
}

/** Waits until `condition` holds (or 20 s pass). */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 20_000 && !condition(); waited += 50) await sleep(50);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isSchema = (path: string) => /\/synchronization\/jobs\/[^/]+\/schema$/.test(path);

let emulator: GraphEmulator;
let proxy: FaultProxy;
let work: string;
beforeEach(async () => {
  emulator = await startSeededEmulator();
  proxy = new FaultProxy(emulator.url);
  await proxy.start();
  work = mkdtempSync(join(scratch, 'work-'));
});
afterEach(async () => {
  await proxy.stop();
  await emulator.stop();
});

/** Pulls the job into `work/name` and edits one mapping. */
async function editedFile(name: string, from: string, to: string): Promise<string> {
  const pulled = await aadmap(
    ['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', name],
    work,
  );
  expect(pulled.status, pulled.stderr).toBe(0);
  const text = readFileSync(join(work, name), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(work, name), text.replace(from, to));
  return name;
}

const deploy = (file: string, cwd = work) => aadmap(['deploy', file, '--graph-endpoint', proxy.url, '--yes'], cwd);
const putsReceived = () => emulator.log.filter((r) => r.method === 'PUT').length;

/** A change made in the portal: a new default value on the first mapping and a new version. */
function portalChange(): Record<string, unknown> {
  const schema = structuredClone(emulator.job.schema) as {
    version?: string;
    synchronizationRules: { objectMappings: { attributeMappings: { defaultValue?: string | null }[] }[] }[];
  };
  schema.synchronizationRules[0]!.objectMappings[0]!.attributeMappings[0]!.defaultValue = 'changed in the portal';
  schema.version = 'portal-version';
  emulator.job.schema = schema as unknown as Record<string, unknown>;
  return structuredClone(emulator.job.schema);
}

describe('deploy under faults', () => {
  it('a portal change during the Retry-After window is detected and nothing is overwritten', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    let portal: Record<string, unknown> | undefined;
    proxy.intercept = async (request, forward) => {
      if (request.method === 'PUT' && !portal) {
        portal = portalChange();
        return graphError(429, 'TooManyRequests', { 'Retry-After': '2' });
      }
      return forward();
    };
    const { status, stdout, stderr } = await deploy(file);
    expect(stdout).not.toContain('Deployed');
    expect(status).toBe(1);
    expect(stderr).toContain("The job's schema changed since the what-if");
    expect(stderr).toContain('nothing was written');
    expect(putsReceived()).toBe(0);
    expect(emulator.job.schema).toEqual(portal);
  }, 60_000);

  it('two deploys at once from one workspace: only one says Deployed, and the tenant holds its schema', async () => {
    const first = await editedFile('a.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    const second = await editedFile('b.aadmap', 'title    <- [jobTitle]', 'title    <- ToLower([jobTitle])');
    // The first PUT is held until a second one arrives (or 8 s pass); the second is forwarded only
    // after the first deploy has read its result back — the widest window for a lost update.
    let heldPuts = 0;
    let releaseFirst: () => void = () => undefined;
    let readBackDone: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => (readBackDone = resolve));
    proxy.intercept = async (request, forward) => {
      if (request.method === 'PUT') {
        heldPuts++;
        if (heldPuts === 1) {
          await Promise.race([new Promise<void>((resolve) => (releaseFirst = resolve)), sleep(8_000)]);
          const answer = await forward();
          setTimeout(() => readBackDone(), 1_000);
          return answer;
        }
        releaseFirst();
        await Promise.race([firstAnswered, sleep(10_000)]);
        return forward();
      }
      return forward();
    };
    const runs = await Promise.all([deploy(first), deploy(second)]);
    const deployed = runs.filter((run) => run.stdout.includes('Deployed'));
    expect(deployed, runs.map((run) => run.stderr).join('\n---\n')).toHaveLength(1);
    const winner = deployed[0] === runs[0] ? 'ToUpper' : 'ToLower';
    expect(JSON.stringify(emulator.job.schema)).toContain(`"name":"${winner}"`);
    const loser = runs.find((run) => run !== deployed[0])!;
    expect(loser.status).not.toBe(0);
  }, 60_000);

  it('a connection reset after the PUT was applied: the schema is read back, no second PUT, Deployed', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    let dropped = false;
    proxy.intercept = async (request, forward) => {
      if (request.method === 'PUT' && !dropped) {
        dropped = true;
        await forward();
        return 'drop';
      }
      return forward();
    };
    const { status, stdout, stderr } = await deploy(file);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('Deployed');
    expect(putsReceived()).toBe(1);
    // Backups hold the tenant's configuration: a 0700 folder of 0600 files.
    const folder = join(work, '.aadmap', 'backups');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('the verification read fails after the PUT: exit 3, the PUT was sent, the backup and how to roll back', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    let putDone = false;
    proxy.intercept = async (request, forward): Promise<ProxyAnswer> => {
      if (request.method === 'PUT') {
        const answer = await forward();
        putDone = true;
        return answer;
      }
      if (putDone && request.method === 'GET' && isSchema(request.path)) return graphError(500, 'InternalServerError');
      return forward();
    };
    const { status, stdout, stderr } = await deploy(file);
    expect(stdout).not.toContain('Deployed');
    expect(status).toBe(3);
    expect(stderr).toContain('The PUT was sent');
    expect(stderr).toMatch(/previous schema: .*\.aadmap[/\\]backups[/\\].*\.json/);
    expect(stderr).toContain('aadmap rollback');
    expect(putsReceived()).toBe(1);
  }, 60_000);

  /** Holds the PUT at the proxy until `release()`; `arrived` resolves when it reaches the proxy. */
  function holdPut() {
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

  it('Ctrl-C while the PUT is sent: it says the PUT will finish, and it finishes and is verified', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    const put = holdPut();
    const run = started(['deploy', file, '--graph-endpoint', proxy.url, '--yes'], work);
    await put.arrived;
    run.child.kill('SIGINT');
    await until(() => run.stderr().includes('it will finish'));
    put.release();
    const { status, stdout, stderr } = await run.done;
    expect(stderr).toContain(
      'The PUT was sent: it will finish and its result will be checked (Ctrl-C again stops waiting; the job may then hold the new schema).',
    );
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('Deployed');
    expect(JSON.stringify(emulator.job.schema)).toContain('"name":"ToUpper"');
  }, 60_000);

  it('a second Ctrl-C stops waiting: exit 3, the PUT was sent, the backup and how to roll back', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    const put = holdPut();
    const run = started(['deploy', file, '--graph-endpoint', proxy.url, '--yes'], work);
    await put.arrived;
    run.child.kill('SIGINT');
    await until(() => run.stderr().includes('it will finish'));
    run.child.kill('SIGINT');
    const { status, stdout, stderr } = await run.done;
    expect(stdout).not.toContain('Deployed');
    expect(status).toBe(3);
    expect(stderr).toMatch(
      /Stopped waiting\. The PUT was sent; the job may hold the new schema\. The previous schema: .*\.aadmap[/\\]backups[/\\].*\.json \(roll back with: aadmap rollback .*\.json\)\./,
    );
    // The PUT the CLI stopped waiting for still lands: the tenant holds the new schema.
    put.release();
    await until(() => putsReceived() === 1 && JSON.stringify(emulator.job.schema).includes('"name":"ToUpper"'));
    expect(JSON.stringify(emulator.job.schema)).toContain('"name":"ToUpper"');
  }, 60_000);

  it('--backup-dir under /proc is refused before anything is written', async () => {
    const file = await editedFile('live.aadmap', 'title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    const { status, stderr } = await aadmap(['deploy', file, '--graph-endpoint', proxy.url, '--yes', '--backup-dir', '/proc/self/x'], work);
    expect(status).toBe(2);
    expect(stderr).toContain('--backup-dir must be a folder on disk, not /proc/self/x');
    expect(putsReceived()).toBe(0);
  }, 60_000);
});
