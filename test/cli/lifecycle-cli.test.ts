/**
 * `aadmap status | start | pause | restart | test-connection | logs | provision` as users run them:
 * dist/cli.js in a child process, real HTTP to the Graph emulator (seeded answers, never aadmap's
 * evaluator). The JSON shapes and exit codes are the contract of docs/watch-and-troubleshoot.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun as Run, runCli, startSeededEmulator } from '../support/cli-process';
import { QUARANTINE_REASONS, seedHeldDeletes } from '../graph-emulator/lifecycle';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-lifecycle-cli-'));
const file = join(scratch, 'chatwork.aadmap');
writeFileSync(file, readFileSync(join(root, 'test', 'e2e', 'workspace', 'deploy-chatwork.aadmap'), 'utf8'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return runCli(args, { cwd: scratch, env: { AADMAP_GRAPH_TOKEN: SEED.token, ...env } });
}

let emulator: GraphEmulator;
beforeEach(async () => {
  emulator = await startSeededEmulator();
});
afterEach(() => emulator.stop());

const endpoint = () => ['--graph-endpoint', emulator.url];
const writes = () => emulator.log.filter((r) => r.method !== 'GET');
const T = 30_000;

describe('aadmap status', () => {
  it(
    'prints the contract JSON: state, progress, lastExecution, settings — no masked value; reads only',
    async () => {
      emulator.lifecycle.seedJob(SEED.jobId, { state: 'NotRun', progress: { completed: 3, total: 12 } });
      const { status, stdout, stderr } = await aadmap(['status', file, ...endpoint(), '--format', 'json']);
      expect(status, stderr).toBe(0);
      const json = JSON.parse(stdout);
      expect(json).toMatchObject({
        state: 'NotRun',
        quarantine: null,
        progress: { completed: 3, total: 12, units: 'pages' },
        lastExecution: { state: 'Succeeded', began: '2026-11-30T08:00:00Z', ended: '2026-11-30T08:04:10Z' },
        settings: { syncAll: false, notificationEmail: 'idm-team@contoso.com', deletionThreshold: 500 },
        steadyState: false,
      });
      expect(stdout).not.toContain('"*"');
      expect(stdout + stderr).not.toContain('never-shown');
      expect(writes()).toEqual([]);
    },
    T,
  );

  it.each(QUARANTINE_REASONS)(
    'quarantine %s: reason, since, next attempt, error, explanation and fix',
    async (reason) => {
      emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason });
      const json = JSON.parse((await aadmap(['status', file, ...endpoint(), '--format', 'json'])).stdout);
      expect(json.state).toBe('Quarantine');
      expect(json.quarantine).toMatchObject({
        reason,
        since: '2026-11-30T06:00:00Z',
        nextAttempt: '2026-11-30T12:00:00Z',
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect(json.quarantine.fix).toMatch(/aadmap|support/);
      const text = await aadmap(['status', file, ...endpoint()]);
      expect(text.stdout).toContain(`Quarantine: ${reason} since 2026-11-30T06:00:00Z`);
      expect(text.stdout).toMatch(/ {2}Why: .+\n(.|\n)* {2}Fix: /);
    },
    T,
  );

  it(
    'TooManyDeletes counts the held deletes from the logs and says how to release or reject them',
    async () => {
      seedHeldDeletes(emulator.lifecycle, SEED, 3);
      const { stdout } = await aadmap(['status', '--service-principal', SEED.servicePrincipalId, ...endpoint()]);
      expect(stdout).toContain('Held deletes: 3');
      expect(stdout).toContain('aadmap restart --force-deletes');
      expect(writes()).toEqual([]);
    },
    T,
  );

  it(
    'settings that cannot be read are null, with a warning; the status still prints',
    async () => {
      emulator.inject({ method: 'GET', path: /synchronization\/secrets$/, status: 403, code: 'Authorization_RequestDenied' });
      const { status, stdout, stderr } = await aadmap(['status', file, ...endpoint(), '--format', 'json']);
      expect(status).toBe(0);
      expect(JSON.parse(stdout).settings).toEqual({
        syncAll: null,
        notificationEmail: null,
        notificationsEnabled: null,
        deletionPreventionEnabled: null,
        deletionThreshold: null,
      });
      expect(stderr).toContain('The settings could not be read (Authorization_RequestDenied)');
    },
    T,
  );
});

describe('aadmap start / pause / restart / test-connection', () => {
  it(
    'start clears a quarantine, pause pauses (exit 0 on 204)',
    async () => {
      emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason: 'EncounteredQuarantineException' });
      const started = await aadmap(['start', file, ...endpoint()]);
      expect(started.status, started.stderr).toBe(0);
      expect(emulator.lifecycle.job(SEED.jobId).status.code).toBe('Active');
      const paused = await aadmap(['pause', '--service-principal', SEED.servicePrincipalId, '--job', SEED.jobId, ...endpoint()]);
      expect(paused.status, paused.stderr).toBe(0);
      expect(emulator.lifecycle.job(SEED.jobId).status.code).toBe('Paused');
    },
    T,
  );

  it(
    'restart sends the portal default (empty scope), or the scopes asked',
    async () => {
      expect((await aadmap(['restart', file, ...endpoint()])).status).toBe(0);
      expect((await aadmap(['restart', file, '--reset', 'watermark,Escrows', ...endpoint()])).status).toBe(0);
      expect(emulator.lifecycle.job(SEED.jobId).restarts).toEqual(['', 'Watermark, Escrows']);
    },
    T,
  );

  it(
    'Full and --force-deletes need more than --yes without a terminal; nothing is sent until then',
    async () => {
      for (const args of [
        ['--reset', 'Full'],
        ['--reset', 'Full', '--yes'],
        ['--force-deletes', '--yes'],
        ['--reset', 'Full', '--yes', '--i-understand-force-deletes'],
      ]) {
        const run = await aadmap(['restart', file, ...args, ...endpoint()]);
        expect(run.status, args.join(' ')).toBe(1);
        expect(run.stderr).toContain('Not confirmed; nothing was sent');
      }
      expect(emulator.log).toEqual([]);
      const full = await aadmap(['restart', file, '--reset', 'Full', '--yes', '--i-understand-full-reset', ...endpoint()]);
      expect(full.status, full.stderr).toBe(0);
      expect(full.stderr).toContain('links between source and target accounts');
      const deletes = await aadmap(['restart', file, '--force-deletes', '--yes', '--i-understand-force-deletes', ...endpoint()]);
      expect(deletes.status, deletes.stderr).toBe(0);
      expect(emulator.lifecycle.job(SEED.jobId).restarts).toEqual(['Full', 'ForceDeletes']);
    },
    T,
  );

  it.each(['None', 'ConnectorDataStore', 'Escrows,none', 'Everything'])(
    '--reset %s sends nothing (usage error, exit 2)',
    async (scope) => {
      const run = await aadmap(['restart', file, '--reset', scope, ...endpoint()]);
      expect(run.status).toBe(2);
      expect(emulator.log).toEqual([]);
    },
    T,
  );

  it.each([',', '', ' ', 'Escrows,', ',Escrows', 'Escrows,,Watermark', 'Escrows, ,Watermark'])(
    "--reset '%s' (an empty item) sends nothing (usage error naming --reset, exit 2)",
    async (scope) => {
      const run = await aadmap(['restart', file, '--reset', scope, ...endpoint()]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('--reset');
      expect(emulator.log).toEqual([]);
    },
    T,
  );

  it(
    'test-connection: validateCredentials with the saved credentials; the service error code and request-id on failure',
    async () => {
      const ok = await aadmap(['test-connection', file, ...endpoint()]);
      expect(ok.status, ok.stderr).toBe(0);
      const sent = emulator.log.find((r) => r.path.endsWith('/validateCredentials'))!;
      expect(JSON.parse(sent.body.toString())).toEqual({ useSavedCredentials: true });
      emulator.lifecycle.credentialFailures.set(SEED.jobId, {
        status: 400,
        code: 'CredentialValidationUnavailable',
        message: 'The credentials were rejected by the application (401).',
      });
      const failed = await aadmap(['test-connection', file, ...endpoint()]);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/CredentialValidationUnavailable: The credentials were rejected.*request-id [0-9a-f-]{36}/);
    },
    T,
  );
});

describe('aadmap logs', () => {
  it(
    'asks Graph to filter by service principal and time, reads every page, prints only this job, newest first; reads only',
    async () => {
      emulator.lifecycle.logPageSize = 1;
      emulator.lifecycle.ignoreLogFilter = true;
      const { status, stdout, stderr } = await aadmap(['logs', file, ...endpoint(), '--format', 'json', '--since', '2h']);
      expect(status, stderr).toBe(0);
      const records = JSON.parse(stdout);
      expect(records.map((r: { changeId: string }) => r.changeId)).toEqual(['change-log-1', 'change-log-2', 'change-log-3']);
      expect(records[0]).toMatchObject({
        action: 'create',
        status: 'failure',
        errorCode: 'SchemaPropertyCanOnlyAcceptValue',
        reason: expect.stringContaining('organization'),
        user: { id: '9bb0f679-a883-4a6f-8260-35b491b8b8c8', name: 'Adele Vance' },
        modified: [{ name: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization', old: null, new: 'Contoso' }],
      });
      expect(records[2]).toMatchObject({ errorCode: null, status: 'success' });
      const gets = emulator.log.filter((r) => r.path === '/auditLogs/provisioning');
      expect(gets.length).toBe(emulator.lifecycle.logs.length + 0); // one page per record of the unfiltered answer
      expect(writes()).toEqual([]);
    },
    T,
  );

  it(
    'sends the $filter (service principal, time, status, action) and filters users by UPN',
    async () => {
      const requests: string[] = [];
      emulator.hooks.push(({ path }) => void (path === '/auditLogs/provisioning' && requests.push(path)));
      const run = await aadmap([
        'logs',
        file,
        ...endpoint(),
        '--format',
        'json',
        '--status',
        'failure',
        '--action',
        'create',
        '--user',
        'chris@fabrikam.com',
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).map((r: { user: { name: string } }) => r.user.name)).toEqual(['Chris Green']);
      expect(requests.length).toBe(1);
      // The emulator answers 400 to a filter it does not understand, so the filter was the documented one.
      expect(emulator.log.find((r) => r.path === '/auditLogs/provisioning')!.status).toBe(200);
    },
    T,
  );

  it(
    'text: a summary by error code with count, reason, action and example users, then the records',
    async () => {
      const { stdout } = await aadmap(['logs', file, ...endpoint()]);
      expect(stdout).toMatch(
        /Errors by code:\n {2}SchemaPropertyCanOnlyAcceptValue — 2 records, 2 users \(Adele Vance, Chris Green\)\n {4}Reason: .+\n {4}Action: /,
      );
      expect(stdout).not.toContain('OtherAppError');
      expect(stdout).not.toContain('outside the default window');
    },
    T,
  );

  it(
    'throttling (429 + Retry-After) is waited out, not reported as a failure',
    async () => {
      emulator.inject({ path: /^\/auditLogs\/provisioning$/, status: 429, retryAfter: '1', times: 2 });
      const run = await aadmap(['logs', file, ...endpoint(), '--format', 'json']);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveLength(3);
      expect(emulator.log.filter((r) => r.status === 429)).toHaveLength(2);
    },
    T,
  );

  it(
    'an access token that expires mid-way gives one clear error (exit 1), nothing half printed',
    async () => {
      emulator.lifecycle.logPageSize = 1;
      emulator.hooks.push(({ path, previous }) => {
        if (path === '/auditLogs/provisioning' && previous === 1) emulator.tokens.get(SEED.token)!.expired = true;
      });
      const run = await aadmap(['logs', file, ...endpoint(), '--format', 'json']);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const errors = run.stderr.split('\n').filter((l) => l.startsWith('aadmap'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/401 InvalidAuthenticationToken: Lifetime validation failed.*sign in again/);
      expect(run.stderr).not.toContain(SEED.token);
    },
    T,
  );

  it.each([
    [['--since', 'yesterday'], '--since must be'],
    [['--status', 'broken'], '--status must be'],
    [['--action', 'explode'], '--action must be'],
    [['--format', 'xml'], '--format must be'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const run = await aadmap(['logs', file, ...args, ...endpoint()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(emulator.log).toEqual([]);
  });
});

describe('aadmap provision', () => {
  it(
    "sends the schema's rule id and the user's object id, and lists where the service differs from aadmap",
    async () => {
      const { status, stdout, stderr } = await aadmap(['provision', file, '--user', 'bob@contoso.com', ...endpoint(), '--format', 'json']);
      expect(status, stderr).toBe(0);
      expect(emulator.lifecycle.onDemandRequests).toEqual([
        {
          parameters: [
            {
              ruleId: '00000000-0000-0000-0000-000000000002',
              subjects: [{ objectId: '2c7e4d1a-5b3f-4e2a-9c8d-7f6e5d4c3b2a', objectTypeName: 'User' }],
            },
          ],
        },
      ]);
      const json = JSON.parse(stdout);
      expect(json.result).toBe('Success');
      expect(json.steps.map((s: { type: string }) => s.type)).toEqual(['Import', 'Scoping', 'Matching', 'Export']);
      expect(json.steps[0]).toEqual(expect.objectContaining({ type: 'Import', status: 'Success', description: expect.any(String) }));
      expect(json.modified).toContainEqual({ name: 'title', old: 'Intern', new: 'Engineer' });
      expect(json.predicted).toMatchObject({ userName: 'bob@contoso.com', title: 'Engineer', active: 'True' });
      expect(json.differences).toEqual([
        {
          attribute: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
          service: 'CONTOSO JAPAN',
          aadmap: 'Contoso Japan',
        },
      ]);
      expect(json.notPredicted).toEqual([]);
    },
    T,
  );

  it(
    'agreement gives no differences; Booleans compare as the service writes them (True)',
    async () => {
      const run = await aadmap(['provision', file, '--user', '9bb0f679-a883-4a6f-8260-35b491b8b8c8', ...endpoint()]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("No differences from aadmap's preview.");
      expect(run.stdout).toMatch(/Scoping: Success .*\n {6}✓ Assigned employees\.accountEnabled IS TRUE/);
    },
    T,
  );

  it(
    'what aadmap cannot compute offline is notPredicted, not a difference',
    async () => {
      const custom = join(scratch, 'custom.aadmap');
      writeFileSync(
        custom,
        readFileSync(file, 'utf8')
          .replace('title      <- [jobTitle]', 'title      <- Coalesce([jobTitle], [manager])')
          .replace('IS TRUE', 'IS TRUE\n    [department] operator "MATCHES_SOMETHING" "x"'),
      );
      emulator.lifecycle.onDemand
        .get('9bb0f679-a883-4a6f-8260-35b491b8b8c8')!
        .modified.push({ displayName: 'title', oldValue: null, newValue: 'Boss' });
      const json = JSON.parse(
        (await aadmap(['provision', custom, '--user', 'adele@contoso.com', ...endpoint(), '--format', 'json'])).stdout,
      );
      expect(json.notPredicted).toEqual([
        { attribute: 'scope', reason: expect.stringContaining('custom operator') },
        { attribute: 'title', reason: expect.stringContaining('[manager]') },
      ]);
      expect(json.differences).toEqual([]);
    },
    T,
  );

  it(
    'the 5-per-10-seconds limit (429 + Retry-After) is waited out',
    async () => {
      emulator.lifecycle.onDemandLimit = { requests: 1, windowMs: 1_500 };
      const first = aadmap(['provision', file, '--user', 'adele@contoso.com', ...endpoint()]);
      const second = aadmap(['provision', file, '--user', 'bob@contoso.com', ...endpoint()]);
      const runs = await Promise.all([first, second]);
      expect(runs.map((r) => r.status)).toEqual([0, 0]);
      expect(emulator.log.filter((r) => r.path.endsWith('/provisionOnDemand') && r.status === 429).length).toBeGreaterThan(0);
      expect(emulator.lifecycle.onDemandRequests).toHaveLength(2);
    },
    T,
  );

  it('needs a FILE and --user', async () => {
    expect((await aadmap(['provision', '--user', 'x', ...endpoint()])).status).toBe(2);
    expect((await aadmap(['provision', file, ...endpoint()])).stderr).toContain('provision needs --user');
  });

  it(
    'an unknown user is refused before anything is written',
    async () => {
      const run = await aadmap(['provision', file, '--user', 'nobody@contoso.com', ...endpoint()]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('No user "nobody@contoso.com"');
      expect(writes()).toEqual([]);
    },
    T,
  );
});

describe('after a deploy', () => {
  it(
    'says that a mapping change starts a new initial cycle by itself, and how to watch it',
    async () => {
      const edited = join(scratch, 'edited.aadmap');
      writeFileSync(edited, readFileSync(file, 'utf8').replace('title      <- [jobTitle]', 'title      <- ToUpper([jobTitle])'));
      const run = await aadmap(['deploy', edited, '--yes', '--no-validate', '--backup-dir', join(scratch, 'backups'), ...endpoint()]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('starts a new initial cycle by itself');
      expect(run.stdout).toContain(`aadmap status --service-principal ${SEED.servicePrincipalId} --job ${SEED.jobId}`);
    },
    T,
  );
});
