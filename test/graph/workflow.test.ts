/**
 * Pull, what-if, deploy and rollback through real HTTP against the Graph emulator: each step of the
 * workflow, the refusals (file errors, schema changed meanwhile, cancellation, 401, 503 exhaustion)
 * leave the job untouched, a rollback PUTs the backup byte for byte, and no token reaches a log, an
 * error or a file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupStore } from '../../server/node/backup-store';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { GraphCancelledError, GraphClient } from '../../server/graph/client';
import { SynchronizationApi } from '../../server/graph/sync-api';
import { executePlan, planDeploy, planRollback, pull, type Steps, WorkflowError } from '../../server/graph/workflow';
import { chatworkSchema, GraphEmulator, SEED } from '../graph-emulator/emulator';

let emulator: GraphEmulator;
let scratch: string;
let messages: string[];

beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
  scratch = mkdtempSync(join(tmpdir(), 'aadmap-deploy-'));
  messages = [];
});
afterEach(async () => {
  await emulator.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function api(token = SEED.token) {
  const client = new GraphClient({
    endpoint: emulator.url,
    getToken: async () => token,
    log: (level, message) => messages.push(`${level} ${message}`),
    backoffBaseMs: 10,
    maxAttempts: 3,
  });
  return new SynchronizationApi(client);
}
const steps: Steps = { step: (message) => messages.push(message) };
const backups = () => createBackupStore(join(scratch, '.aadmap', 'backups'));
const backupFiles = () => {
  try {
    return readdirSync(join(scratch, '.aadmap', 'backups')).filter((f) => !f.startsWith('.'));
  } catch {
    return [];
  }
};
const puts = () => emulator.log.filter((r) => r.method === 'PUT');

const header = `target chatwork\ndeploy servicePrincipal "${SEED.servicePrincipalId}" job "${SEED.jobId}"\n\n`;
const edited = `${header}mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {
  userName   <- [userPrincipalName]  match 1
  active     <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title      <- Coalesce([jobTitle], "n/a")
  externalId <- [mailNickname]  on create
}
`;
const input = (text = edited) => ({ text, uri: `file://${scratch}/chatwork.aadmap`, schemaFiles: createFileSchemaReader() });
const mappingsOf = (schema: any) => schema.synchronizationRules[0].objectMappings[0].attributeMappings;

describe('pull', () => {
  it('writes the job as .aadmap with its deploy statement', async () => {
    const result = await pull(api(), { servicePrincipal: SEED.appId, tenant: 'contoso.onmicrosoft.com' }, { steps });
    expect(result.chatwork).toBe(true);
    expect(result.text).toContain(
      `target chatwork\ndeploy tenant "contoso.onmicrosoft.com" servicePrincipal "${SEED.servicePrincipalId}" job "${SEED.jobId}"\n`,
    );
    expect(result.text).toContain('  active   <- Switch([IsSoftDeleted], , "False", "True", "True", "False")\n');
    expect(messages).toContain(`Resolving service principal ${SEED.appId}…`);
  });

  it('says which jobs exist when the one asked for is not there', async () => {
    await expect(pull(api(), { servicePrincipal: SEED.servicePrincipalId, job: 'nope' })).rejects.toThrow(
      `has no job "nope" (jobs: ${SEED.jobId})`,
    );
    await expect(pull(api(), { servicePrincipal: '0d6b9e3a-7f21-4c58-a9e4-3b2c1d0e9f87' })).rejects.toThrow('has no provisioning job');
  });
});

describe('deploy', () => {
  it('what-if only: a diff per object mapping, and nothing written', async () => {
    const plan = await planDeploy(api(), input(), steps);
    expect(plan.summary).toBe(
      `2 changes on job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId}): 1 mapping added, 1 mapping changed.`,
    );
    expect(plan.details).toContain('  ~ title <- [jobTitle]\n  → title <- Coalesce([jobTitle], "n/a")');
    expect(plan.details).toContain('  + externalId <- [mailNickname]  on create');
    // Both sides aligned alike (the new externalId is the longest target), so only real changes differ.
    expect(plan.diff.beforeText).toContain('title      <- [jobTitle]');
    expect(plan.diff.afterText).toContain('title      <- Coalesce([jobTitle], "n/a")');
    expect(puts()).toEqual([]);
    expect(
      emulator.log
        .filter((r) => r.method === 'POST')
        .map((r) => JSON.parse(r.body.toString()).expression)
        .sort(),
    ).toEqual(['Coalesce([jobTitle], "n/a")', '[mailNickname]']);
    expect(backupFiles()).toEqual([]);
  });

  it('backs up, PUTs, verifies and reports', async () => {
    const before = Buffer.from(JSON.stringify(emulator.job.schema, null, 2));
    const plan = await planDeploy(api(), input(), steps);
    const report = await executePlan(api(), plan, backups(), steps);
    expect(report.verified).toBe(true);
    expect(report.message).toMatch(/^Deployed: 2 changes on job .*Backup of the previous schema: .*\.json$/);
    expect(puts()).toHaveLength(1);
    expect(mappingsOf(emulator.job.schema).map((m: any) => [m.targetAttributeName, m.source.expression, m.flowType])).toEqual([
      ['userName', '[userPrincipalName]', 'Always'],
      ['active', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'Always'],
      ['title', 'Coalesce([jobTitle], "n/a")', 'Always'],
      ['externalId', '[mailNickname]', 'ObjectAddOnly'],
    ]);
    expect(emulator.job.schema.directories).toEqual(chatworkSchema().directories);
    expect(readFileSync(report.backup)).toEqual(before);
    expect(JSON.parse(readFileSync(report.backup.replace(/\.json$/, '.meta.json'), 'utf8'))).toMatchObject({
      servicePrincipalId: SEED.servicePrincipalId,
      jobId: SEED.jobId,
    });
    expect(messages.filter((m) => !m.startsWith('info ') && !m.startsWith('warn '))).toEqual([
      `Resolving service principal ${SEED.servicePrincipalId}…`,
      'Listing the provisioning jobs of Chatwork…',
      `Reading the schema of job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId})…`,
      'Building the new schema…',
      'Asking the service to parse 2 changed expressions…',
      'Saving a backup of the current schema…',
      'Checking that the schema has not changed since the what-if…',
      `Replacing the schema of job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId}) (PUT)…`,
      'Verifying the result…',
    ]);
  });

  it('refuses a file with errors and writes nothing', async () => {
    const error = await planDeploy(api(), input(edited.replace('Coalesce', 'Coalese'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).kind).toBe('refused');
    expect((error as Error).message).toMatch(
      /^The file has 1 error; nothing was deployed:\n {2}7:17 \[unknown-function\] Unknown function 'Coalese'/,
    );
    expect(puts()).toEqual([]);
  });

  it('warns about scoping operators the job does not list', async () => {
    const scoped = edited.replace(
      ' {\n',
      ' {\n  scope "S" {\n    [department] operator "NOT_EQUALS" "x"\n    [accountEnabled] IS TRUE\n  }\n',
    );
    const plan = await planDeploy(api(), input(scoped));
    expect(plan.warnings).toEqual(['Scoping operator "NOT_EQUALS" is not in the job\'s filterOperators list; the service may reject it.']);
  });

  it('refuses when the service cannot parse a changed expression', async () => {
    emulator.hooks.push(({ path }) => {
      if (path.endsWith('/parseExpression')) emulator.inject({ path: /parseExpression$/, status: 400, code: 'BadRequest' });
    });
    await expect(planDeploy(api(), input())).rejects.toThrow(/400 BadRequest/);
    expect(puts()).toEqual([]);
  });

  it('retries a 429 (Retry-After) on the PUT and succeeds', async () => {
    emulator.inject({ method: 'PUT', status: 429, retryAfter: '1' });
    const plan = await planDeploy(api(), input());
    const report = await executePlan(api(), plan, backups());
    expect(report.verified).toBe(true);
    expect(puts().map((r) => r.status)).toEqual([429, 204]);
  });

  it('503 until the attempts run out: a clear error, and the schema is unchanged', async () => {
    const original = structuredClone(emulator.job.schema);
    const plan = await planDeploy(api(), input());
    emulator.inject({ method: 'PUT', status: 503, times: 10 });
    const error = (await executePlan(api(), plan, backups()).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /PUT .*\/schema → 503 ServiceUnavailable: .*Gave up after 3 attempts\. The job still holds the previous schema; nothing was written\.$/,
    );
    expect(emulator.job.schema).toEqual(original);
  });

  it('401 when the token expires between the what-if and the deploy: nothing written', async () => {
    const original = structuredClone(emulator.job.schema);
    const plan = await planDeploy(api(), input());
    emulator.tokens.get(SEED.token)!.expired = true;
    await expect(executePlan(api(), plan, backups())).rejects.toMatchObject({
      details: { status: 401, code: 'InvalidAuthenticationToken' },
    });
    expect(puts()).toEqual([]);
    expect(emulator.job.schema).toEqual(original);
  });

  it('aborts when the schema changed between the what-if and the PUT', async () => {
    const plan = await planDeploy(api(), input());
    emulator.hooks.push(({ method, path }) => {
      if (method === 'GET' && path.endsWith('/schema')) {
        mappingsOf(emulator.job.schema)[2].source = { expression: '[department]', name: 'department', parameters: [], type: 'Attribute' };
        emulator.job.schema.version = 'changed-elsewhere';
      }
    });
    await expect(executePlan(api(), plan, backups())).rejects.toThrow(
      "The job's schema changed since the what-if (version 00000000-0000-0000-0000-000000000000 → changed-elsewhere); nothing was written. Run the what-if again.",
    );
    expect(puts()).toEqual([]);
  });

  it('cancellation before the PUT writes nothing', async () => {
    const original = structuredClone(emulator.job.schema);
    const plan = await planDeploy(api(), input());
    const controller = new AbortController();
    emulator.inject({ method: 'GET', path: /\/schema$/, delayMs: 500 });
    setTimeout(() => controller.abort(), 100);
    await expect(executePlan(api(), plan, backups(), steps, controller.signal)).rejects.toBeInstanceOf(GraphCancelledError);
    expect(puts()).toEqual([]);
    expect(emulator.job.schema).toEqual(original);
  });

  it('cancellation during the what-if stops it', async () => {
    const controller = new AbortController();
    emulator.inject({ path: /\/jobs$/, delayMs: 500 });
    setTimeout(() => controller.abort(), 100);
    await expect(planDeploy(api(), input(), steps, controller.signal)).rejects.toBeInstanceOf(GraphCancelledError);
  });

  it('uses the pickers when the file names no service principal and the job has several', async () => {
    emulator.servicePrincipals[0]!.jobs.push({ id: 'second.job', templateId: 'x', schema: chatworkSchema() });
    const plan = await planDeploy(api(), input(edited.replace(/^deploy .*\n/m, '')), {
      pickServicePrincipal: async () => SEED.servicePrincipalId,
      pickJob: async (jobs) => jobs[1]!.id,
    });
    expect(plan.target.job.id).toBe('second.job');
    await expect(planDeploy(api(), input(edited.replace(/ job "[^"]*"/, '')))).rejects.toMatchObject({ kind: 'usage' });
  });
});

describe('rollback', () => {
  it('PUTs the backup byte for byte and restores the mappings', async () => {
    const original = structuredClone(emulator.job.schema);
    const report = await executePlan(api(), await planDeploy(api(), input()), backups());
    const plan = await planRollback(api(), backups(), report.backup);
    expect(plan.details).toContain('  ~ title <- Coalesce([jobTitle], "n/a")\n  → title <- [jobTitle]');
    const rolledBack = await executePlan(api(), plan, backups(), steps, undefined, 'before rollback');
    expect(rolledBack.verified).toBe(true);
    expect(puts()[1]!.body).toEqual(readFileSync(report.backup));
    expect({ ...emulator.job.schema, version: original.version }).toEqual(original);
    expect(backupFiles().filter((f) => !f.endsWith('.meta.json'))).toHaveLength(2);
  });
});

describe('rollback accepts only a synchronization schema of its own job', () => {
  /** Writes `json` as a backup of the seeded job (or of `jobId`) and returns its location. */
  async function backupOf(json: unknown, jobId = SEED.jobId): Promise<string> {
    return backups().save(new TextEncoder().encode(JSON.stringify(json)), {
      servicePrincipalId: SEED.servicePrincipalId,
      jobId,
      savedAt: new Date().toISOString(),
      reason: 'test',
    });
  }

  it.each([
    ['{}', {}],
    ['an array', []],
    ['rules without directories', { synchronizationRules: [] }],
    ['directories without rules', { directories: [] }],
  ])('refuses %s and writes nothing', async (_name, json) => {
    const location = await backupOf(json);
    await expect(planRollback(api(), backups(), location)).rejects.toThrow(/is not a synchronization schema.*nothing was written/s);
    expect(puts()).toEqual([]);
  });

  it('the what-if says when more than mappings would be removed', async () => {
    const smaller = structuredClone(emulator.job.schema) as { directories: { name: string }[] };
    const dropped = smaller.directories.pop()!;
    const plan = await planRollback(api(), backups(), await backupOf(smaller));
    expect(plan.warnings).toContain(`The rollback removes directory "${dropped.name}" from the job's schema.`);
  });

  it('refuses a backup of another job unless asked', async () => {
    emulator.servicePrincipals[0]!.jobs.push({ id: 'second.job', templateId: 'chatwork', schema: chatworkSchema() });
    const location = await backupOf(emulator.job.schema);
    await expect(planRollback(api(), backups(), location, { job: 'second.job' })).rejects.toThrow(
      `is a backup of job ${SEED.jobId}, not of job second.job`,
    );
    const plan = await planRollback(api(), backups(), location, { job: 'second.job' }, {}, undefined, { otherJob: true });
    expect(plan.target.job.id).toBe('second.job');
  });
});

describe('secrets', () => {
  it('no token in any message, error or written file', async () => {
    const secret = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl';
    emulator.tokens.set(secret, { scopes: ['Synchronization.ReadWrite.All'] });
    const errors: string[] = [];
    emulator.inject({ status: 503, retryAfter: '0' });
    const report = await executePlan(api(secret), await planDeploy(api(secret), input(), steps), backups(), steps);
    emulator.tokens.get(secret)!.expired = true;
    await planDeploy(api(secret), input(), steps).catch((e: Error) => errors.push(e.message, String(e.stack)));
    const files = readdirSync(join(scratch, '.aadmap', 'backups')).map((f) => readFileSync(join(scratch, '.aadmap', 'backups', f), 'utf8'));
    const everything = [...messages, ...errors, ...files, report.message, ...emulator.log.map((r) => JSON.stringify(r.headers))].join('\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('c2lnbmF0dXJl');
  });
});
