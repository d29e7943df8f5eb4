/**
 * `aadmap import | export | pull | deploy | rollback` as users run them: the bundled dist/cli.js in a
 * child process, talking real HTTP to the Graph emulator. Flags and exit codes are the contract:
 * 0 success, 1 refused or failed (nothing written), 2 usage.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun as Run, runCli, startSeededEmulator } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const chatworkSchemaFile = join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json');
const salesforceSchemaFile = join(root, 'test', 'graph', 'fixtures', 'salesforce-like-schema.json');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-graph-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI without blocking this process's event loop (the emulator lives here). */
function aadmap(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): Promise<Run> {
  return runCli(args, { ...options, cwd: options.cwd ?? scratch });
}

describe('aadmap import / export (offline)', () => {
  it('import prints the .aadmap of a schema, export puts it back unchanged', async () => {
    const imported = await aadmap(['import', chatworkSchemaFile]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(
      /^target chatwork\n\nmapping "Synchronize Azure Active Directory Users to Chatwork" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" \{\n/,
    );
    const file = join(scratch, 'imported.aadmap');
    writeFileSync(file, imported.stdout);
    const exported = await aadmap(['export', file, '--base', chatworkSchemaFile]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(readFileSync(chatworkSchemaFile, 'utf8')));
  });

  it('import writes a schema-file target for other apps, relative to the current folder', async () => {
    const { status, stdout } = await aadmap(['import', salesforceSchemaFile], { cwd: root });
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('target "test/graph/fixtures/salesforce-like-schema.json"');
  });

  it('export applies edits and refuses syntax errors (exit 1, nothing on stdout)', async () => {
    const file = join(scratch, 'edited.aadmap');
    writeFileSync(
      file,
      (await aadmap(['import', chatworkSchemaFile])).stdout.replace('title    <- [jobTitle]', 'title <- ToUpper([jobTitle])'),
    );
    const ok = await aadmap(['export', file, '--base', chatworkSchemaFile]);
    expect(JSON.parse(ok.stdout).synchronizationRules[0].objectMappings[0].attributeMappings[2].source.name).toBe('ToUpper');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ToUpper([jobTitle])', 'ToUpper([jobTitle]'));
    const broken = await aadmap(['export', file, '--base', chatworkSchemaFile]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/has syntax errors; nothing was exported:\n {2}.*edited\.aadmap:6:\d+: /);
  });

  it('says in words why a file cannot be read (never ENOENT or EISDIR), before any request to Graph', async () => {
    const missing = join(scratch, 'missing.json');
    const folder = join(scratch, 'a-folder.json');
    mkdirSync(folder, { recursive: true });
    const runs: [string[], string][] = [
      [['import', missing], `cannot read ${missing}: no such file or folder`],
      [['import', folder], `cannot read ${folder}: it is a folder, not a file`],
      [['export', join(root, 'examples', 'chatwork.aadmap'), '--base', missing], `cannot read ${missing}: no such file or folder`],
      [['deploy', join(scratch, 'missing.aadmap')], `cannot read ${join(scratch, 'missing.aadmap')}: no such file or folder`],
      [['rollback', folder], `aadmap rollback: cannot read ${folder}: it is a folder, not a file`],
    ];
    for (const [args, message] of runs) {
      const { status, stderr } = await aadmap(args, { env: { AADMAP_GRAPH_TOKEN: 'x' } });
      expect(status).toBe(1);
      expect(stderr).toContain(message);
      expect(stderr).not.toMatch(/ENOENT|EISDIR|internal error/);
    }
  });

  it('a JSON error gives line:column and never quotes the file (import, export --base, rollback)', async () => {
    const file = join(scratch, 'secret.json');
    writeFileSync(file, '\n\n  {"a": SECRETTOKEN123}');
    const runs: [string[], string][] = [
      [['import', file], `aadmap: ${file}:3:9: ${file} is not JSON: Unexpected 'S' at line 3, column 9`],
      [['export', join(root, 'examples', 'chatwork.aadmap'), '--base', file], `aadmap: ${file}:3:9: ${file} is not JSON: Unexpected 'S'`],
      [['rollback', file, '--graph-endpoint', 'http://127.0.0.1:9'], `${file}:3:9: ${file} is not a schema backup (not JSON)`],
    ];
    for (const [args, message] of runs) {
      const { status, stdout, stderr } = await aadmap(args, { env: { AADMAP_GRAPH_TOKEN: 'x' } });
      expect([status, stdout]).toEqual([1, '']);
      expect(stderr).toContain(message);
      expect(stderr).not.toContain('SECRETTOKE');
    }
  });

  it('deploy of a file that names no service principal, without the flag, is a usage error', async () => {
    const file = join(scratch, 'nowhere.aadmap');
    writeFileSync(file, 'mapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n}\n');
    const { status, stderr } = await aadmap(['deploy', file, '--graph-endpoint', 'http://127.0.0.1:9', '--dry-run'], {
      env: { AADMAP_GRAPH_TOKEN: 'x' },
    });
    expect(status).toBe(2);
    expect(stderr).toContain(
      'No service principal: record it in the file (deploy servicePrincipal "<object id>") or pass --service-principal ID.',
    );
  });

  it.each([
    [['import'], 'import takes exactly one SCHEMA.json'],
    [['export', 'x.aadmap'], 'export needs --base SCHEMA.json'],
    [['pull'], 'pull needs --service-principal ID'],
    [['deploy'], 'deploy takes exactly one FILE.aadmap'],
    [['pull', '--service-principal', 'x', '--graph-endpoint', 'http://example.com'], 'must use https'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { status, stderr } = await aadmap(args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('aadmap pull / deploy / rollback against the emulator', () => {
  let emulator: GraphEmulator;
  let work: string;
  const env = () => ({ AADMAP_GRAPH_TOKEN: SEED.token });
  beforeEach(async () => {
    emulator = await startSeededEmulator();
    work = mkdtempSync(join(scratch, 'work-'));
  });
  afterEach(() => emulator.stop());

  const pullTo = async (file: string) => {
    const result = await aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', file], {
      env: env(),
      cwd: work,
    });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(join(work, file), 'utf8');
  };

  it('pull prints the job, or writes it with --out', async () => {
    const printed = await aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url], {
      env: env(),
    });
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(`deploy servicePrincipal "${SEED.servicePrincipalId}" job "${SEED.jobId}"`);
    const withoutTime = (text: string) => text.replace(/^# schema version .*$/m, '');
    expect(withoutTime(await pullTo('live.aadmap'))).toBe(withoutTime(printed.stdout));
  });

  it('pull --out of a folder or in a missing folder is a usage error before any request, nothing written', async () => {
    emulator.job.schema = JSON.parse(readFileSync(salesforceSchemaFile, 'utf8'));
    for (const [out, message] of [
      ['.', '--out . is a folder'],
      [work, `--out ${work} is a folder`],
      [join(work, 'no', 'such', 'x.aadmap'), `the folder ${join(work, 'no', 'such')} does not exist`],
    ] as const) {
      const result = await aadmap(
        ['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', out],
        {
          env: env(),
          cwd: work,
        },
      );
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
    expect(readdirSync(work)).toEqual([]);
    expect(emulator.log).toEqual([]);
    const imported = await aadmap(['import', chatworkSchemaFile, '--out', '.'], { cwd: work });
    expect(imported.status, imported.stderr).toBe(2);
    expect(imported.stderr).toContain('--out . is a folder');
  });

  it('pull --out of another app saves its schema beside the file, and a dry-run deploy of it changes nothing', async () => {
    emulator.job.schema = JSON.parse(readFileSync(salesforceSchemaFile, 'utf8'));
    const text = await pullTo('sf.aadmap');
    expect(text).toContain('\ntarget "sf.schema.json"\n');
    expect(JSON.parse(readFileSync(join(work, 'sf.schema.json'), 'utf8'))).toEqual(emulator.job.schema);
    const check = await aadmap(['check', 'sf.aadmap', '--format', 'json'], { cwd: work });
    expect(JSON.parse(check.stdout).filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    const { status, stdout } = await aadmap(['deploy', 'sf.aadmap', '--graph-endpoint', emulator.url, '--dry-run'], {
      env: env(),
      cwd: work,
    });
    expect(status).toBe(0);
    expect(stdout).toContain('No changes: the job already has these mappings.');
  });

  it('deploy --dry-run prints the what-if and writes nothing', async () => {
    const text = (await pullTo('live.aadmap')).replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
    writeFileSync(join(work, 'live.aadmap'), text);
    const { status, stdout } = await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--dry-run'], {
      env: env(),
      cwd: work,
    });
    expect(status).toBe(0);
    expect(stdout).toContain(`What-if: 1 change on job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId}): 1 mapping changed.`);
    expect(stdout).toContain('  ~ title <- [jobTitle]\n  → title <- ToUpper([jobTitle])');
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('deploy without --yes and without an answer writes nothing (exit 1); with --yes it deploys', async () => {
    writeFileSync(
      join(work, 'live.aadmap'),
      (await pullTo('live.aadmap')).replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])'),
    );
    const declined = await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url], { env: env(), cwd: work });
    expect(declined.status).toBe(1);
    expect(declined.stderr).toContain('Not confirmed; nothing was written.');
    const confirmed = await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url], { env: env(), cwd: work, input: 'y\n' });
    expect(confirmed.status, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(
      /Deployed: 1 change on job .*: 1 mapping changed\. Backup of the previous schema: .*\.aadmap[/\\]backups[/\\].*\.json/,
    );
    const again = await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--yes'], { env: env(), cwd: work });
    expect(again.stdout).toContain('Nothing to deploy.');
    expect(emulator.log.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('deploy refuses a file with errors (exit 1)', async () => {
    writeFileSync(join(work, 'bad.aadmap'), (await pullTo('bad.aadmap')).replace('[jobTitle]', 'Nope([jobTitle])'));
    const { status, stderr } = await aadmap(['deploy', 'bad.aadmap', '--graph-endpoint', emulator.url, '--yes'], { env: env(), cwd: work });
    expect(status).toBe(1);
    expect(stderr).toContain("[unknown-function] Unknown function 'Nope'");
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('503 exhaustion: a clear error, exit 1, the schema unchanged', async () => {
    writeFileSync(
      join(work, 'live.aadmap'),
      (await pullTo('live.aadmap')).replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])'),
    );
    const before = structuredClone(emulator.job.schema);
    emulator.inject({ method: 'PUT', status: 503, retryAfter: '0', times: 20 });
    const { status, stderr } = await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--yes'], {
      env: env(),
      cwd: work,
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /aadmap: PUT \/servicePrincipals\/.*\/schema → 503 ServiceUnavailable: Injected 503\. \(request-id .*\)\. Gave up after 5 attempts\./,
    );
    expect(emulator.job.schema).toEqual(before);
  });

  it('rollback puts a backup back byte for byte', async () => {
    writeFileSync(
      join(work, 'live.aadmap'),
      (await pullTo('live.aadmap')).replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])'),
    );
    await aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--yes'], { env: env(), cwd: work });
    const backupDir = join(work, '.aadmap', 'backups');
    const backup = readdirSync(backupDir).find((f) => f.endsWith('.json') && !f.endsWith('.meta.json'))!;
    expect(readFileSync(join(backupDir, '.gitignore'), 'utf8')).toContain('*');
    const { status, stdout, stderr } = await aadmap(['rollback', join(backupDir, backup), '--graph-endpoint', emulator.url, '--yes'], {
      env: env(),
      cwd: work,
    });
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('  ~ title <- ToUpper([jobTitle])\n  → title <- [jobTitle]');
    const putBodies = emulator.log.filter((r) => r.method === 'PUT').map((r) => r.body);
    expect(putBodies[1]).toEqual(readFileSync(join(backupDir, backup)));
  });

  it('401 with a bad token, and the token never printed', async () => {
    const token = 'cli-secret-token-that-must-not-leak-42';
    const { status, stdout, stderr } = await aadmap(
      ['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--verbose'],
      {
        env: { AADMAP_GRAPH_TOKEN: token },
      },
    );
    expect(status).toBe(1);
    expect(stderr).toContain('401 InvalidAuthenticationToken');
    expect(stderr).toMatch(/\[warn\] GET http:\/\/127\.0\.0\.1:\d+\/v1\.0\/servicePrincipals\/.* → 401 \(\d+ ms, request-id /);
    expect(`${stdout}${stderr}`).not.toContain(token);
  });
});
