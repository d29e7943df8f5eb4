/**
 * `aadmap impact --users tenant` in a child process against the Graph emulator seeded with 20,000
 * generated users: /users paged with $top=999 and exactly the $select both versions need, a 429 with
 * Retry-After honoured, assignment from appRoleAssignedTo and direct group members, the cache under
 * .aadmap/cache/ (no token in it) with a delta link so the second run downloads only the changes,
 * --refresh, and attributes Graph cannot give reported as not evaluated.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectoryUser, graphViewLines } from '../support/directory-users';
import { changeUser, directoryOf, seedDirectory } from '../graph-emulator/directory';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const COUNT = 20_000;
const work = mkdtempSync(join(tmpdir(), 'aadmap-impact-tenant-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function aadmap(args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: work, env: { AADMAP_GRAPH_TOKEN: SEED.token } });
}

const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const deploy = `deploy servicePrincipal "${SEED.servicePrincipalId}"\n`;
const before = chatwork.replace('target chatwork\n', `target chatwork\n${deploy}`);
const after = before
  .replace('[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"')
  .replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle], "Staff")');
writeFileSync(join(work, 'before.aadmap'), before);
writeFileSync(join(work, 'after.aadmap'), after);

describe('aadmap impact --users tenant', () => {
  let emulator: GraphEmulator;
  beforeAll(async () => {
    emulator = GraphEmulator.seeded();
    seedDirectory(emulator, SEED.servicePrincipalId, COUNT, 8);
    await emulator.start();
  });
  afterAll(() => emulator.stop());

  const run = (...extra: string[]) =>
    aadmap([
      'impact',
      'after.aadmap',
      '--users',
      'tenant',
      '--before',
      'before.aadmap',
      '--format',
      'json',
      '--graph-endpoint',
      emulator.url,
      ...extra,
    ]);
  const requests = (pattern: RegExp) => emulator.log.filter((r) => r.method === 'GET' && pattern.test(r.path));

  /** The same directory as a users file, written by the test from the generator. */
  function referenceReport(exclude: Set<number>, edits: Map<number, DirectoryUser>) {
    writeFileSync(join(work, 'reference.jsonl'), graphViewLines(COUNT, 8, exclude, edits));
    return aadmap(['impact', 'after.aadmap', '--users', 'reference.jsonl', '--before', 'before.aadmap', '--format', 'json']);
  }

  it('reads every page of /users with $top=999 and the $select both versions need, honouring a 429', async () => {
    emulator.inject({ method: 'GET', path: /^\/users$/, status: 429, retryAfter: '1' });
    const result = await run();
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.users).toBe(COUNT);
    const pages = requests(/^\/users$/);
    expect(pages).toHaveLength(Math.ceil(COUNT / 999) + 1);
    expect(pages[0]!.status).toBe(429);
    const first = emulator.log.find((r) => r.path === '/users' && r.status === 200)!;
    expect(first).toBeDefined();
    // Exactly what the two versions read: scope attributes, mapping sources, and the user's name.
    const reference = await referenceReport(new Set(), new Map());
    const { notEvaluated, ...rest } = report;
    expect(notEvaluated).toEqual([]);
    expect(rest).toEqual(JSON.parse(reference.stdout));
    expect(report.outOfScope).toBeGreaterThan(0);
  });

  it('asks for exactly the Graph properties behind the attributes read', () => {
    const cache = readdirSync(join(work, '.aadmap', 'cache'));
    expect(cache).toContain('.gitignore');
    const meta = JSON.parse(readFileSync(join(work, '.aadmap', 'cache', cache.find((f) => f.endsWith('.meta.json'))!), 'utf8'));
    expect(meta.select).toEqual([
      'accountEnabled',
      'companyName',
      'department',
      'id',
      'jobTitle',
      'mailNickname',
      'onPremisesExtensionAttributes',
      'userPrincipalName',
    ]);
    for (const file of cache) expect(readFileSync(join(work, '.aadmap', 'cache', file), 'utf8')).not.toContain(SEED.token);
  });

  it('a second run downloads only the changes (delta link), soft and hard deletions included', async () => {
    const users = directoryOf(emulator).users;
    const id = (i: number) => users[i]!.graph['id'] as string;
    changeUser(emulator, id(1), { jobTitle: 'Chief Impact Officer' });
    changeUser(emulator, id(2), 'softDelete');
    changeUser(emulator, id(4), 'hardDelete');
    const pagesBefore = requests(/^\/users$/).length;
    const result = await run();
    expect(result.status, result.stderr).toBe(0);
    expect(requests(/^\/users$/).length).toBe(pagesBefore);
    const delta = requests(/^\/users\/delta$/);
    expect(delta.length).toBeGreaterThanOrEqual(2);
    const report = JSON.parse(result.stdout);
    expect(report.users).toBe(COUNT - 1);
    const reference = await referenceReport(
      new Set([4]),
      new Map<number, DirectoryUser>([
        [1, { jobTitle: 'Chief Impact Officer' }],
        [2, { IsSoftDeleted: true, '@assigned': false }],
      ]),
    );
    const { notEvaluated: _, ...rest } = report;
    expect(rest).toEqual(JSON.parse(reference.stdout));
  });

  it('--refresh reads every user again', async () => {
    const pagesBefore = requests(/^\/users$/).length;
    const result = await run('--refresh');
    expect(result.status, result.stderr).toBe(0);
    expect(requests(/^\/users$/).length - pagesBefore).toBe(Math.ceil((COUNT - 2) / 999));
  });

  it('attributes Graph cannot give (manager without $expand) are reported as not evaluated', async () => {
    writeFileSync(
      join(work, 'manager.aadmap'),
      after.replace('title      <- Coalesce([jobTitle], "Staff")', 'title      <- Coalesce([manager], "none")'),
    );
    const result = await aadmap([
      'impact',
      'manager.aadmap',
      '--users',
      'tenant',
      '--before',
      'before.aadmap',
      '--format',
      'json',
      '--graph-endpoint',
      emulator.url,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).notEvaluated).toEqual(['manager']);
    expect(result.stderr).toContain('not evaluated');
  });

  it("without --before, the before version is the job's current schema (the deploy statement)", async () => {
    const result = await aadmap(['impact', 'after.aadmap', '--users', 'tenant', '--format', 'json', '--graph-endpoint', emulator.url]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    // After --refresh: /users lists neither the hard-deleted user nor the soft-deleted one (only delta rounds report soft deletions).
    expect(report.users).toBe(COUNT - 2);
    expect(emulator.log.some((r) => r.method === 'GET' && r.path.endsWith('/schema'))).toBe(true);
  });

  it('deploy --dry-run shows the impact from the directory cache when no --users is given', async () => {
    const pulled = await aadmap([
      'pull',
      '--service-principal',
      SEED.servicePrincipalId,
      '--graph-endpoint',
      emulator.url,
      '--out',
      'live.aadmap',
    ]);
    expect(pulled.status, pulled.stderr).toBe(0);
    const live = readFileSync(join(work, 'live.aadmap'), 'utf8');
    writeFileSync(join(work, 'live.aadmap'), live.replace('title    <- [jobTitle]', 'title    <- Coalesce([jobTitle], "Staff")'));
    const result = await aadmap(['deploy', 'live.aadmap', '--dry-run', '--graph-endpoint', emulator.url]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('What-if: 1 change on ');
    expect(result.stdout, result.stdout + result.stderr).toContain(`Impact on ${(COUNT - 2).toLocaleString('en-US')} users:`);
    expect(result.stdout).toMatch(/^\s*\d+ {2}updated$/m);
  });
});
