/**
 * The Graph emulator's lifecycle endpoints over real HTTP: seeded job states and their transitions,
 * validateCredentials, masked secrets, provisioning logs ($filter, $top, nextLink) and
 * provisionOnDemand (its rate limit and seeded answers).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { QUARANTINE_REASONS, logRecord } from '../graph-emulator/lifecycle';

let emulator: GraphEmulator;
beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
});
afterEach(() => emulator.stop());

const jobPath = `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/jobs/${SEED.jobId}`;
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(path.startsWith('http') ? path : `${emulator.url}/v1.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${SEED.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('job status and transitions', () => {
  it.each(QUARANTINE_REASONS)('a job seeded in quarantine for %s reports the reason; start clears it', async (reason) => {
    emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason });
    const job = await call('GET', jobPath);
    expect(job.json.status.code).toBe('Quarantine');
    expect(job.json.status.quarantine.reason).toBe(reason);
    expect((await call('POST', `${jobPath}/start`)).status).toBe(204);
    expect((await call('GET', jobPath)).json.status).toMatchObject({ code: 'Active', quarantine: null });
  });

  it('running with progress, pause, restart with a scope', async () => {
    emulator.lifecycle.seedJob(SEED.jobId, { state: 'NotRun', progress: { completed: 3, total: 10 } });
    expect((await call('GET', jobPath)).json.status.progress[0]).toMatchObject({ completedUnits: 3, totalUnits: 10, units: 'pages' });
    expect((await call('POST', `${jobPath}/pause`)).status).toBe(204);
    expect((await call('GET', jobPath)).json).toMatchObject({ status: { code: 'Paused' }, schedule: { state: 'Paused' } });
    expect((await call('POST', `${jobPath}/restart`, { criteria: { resetScope: 'Watermark, Escrows' } })).status).toBe(204);
    expect((await call('POST', `${jobPath}/restart`, { criteria: { resetScope: 'Everything' } })).status).toBe(400);
    expect(emulator.lifecycle.job(SEED.jobId).restarts).toEqual(['Watermark, Escrows']);
  });

  it('validateCredentials answers 204, or the seeded failure', async () => {
    expect((await call('POST', `${jobPath}/validateCredentials`, { useSavedCredentials: true })).status).toBe(204);
    emulator.lifecycle.credentialFailures.set(SEED.jobId, { status: 400, code: 'CredentialValidationUnavailable', message: 'Bad token.' });
    const failed = await call('POST', `${jobPath}/validateCredentials`, { useSavedCredentials: true });
    expect([failed.status, failed.json.error.code]).toEqual([400, 'CredentialValidationUnavailable']);
  });

  it('secrets come back masked', async () => {
    const { json } = await call('GET', `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/secrets`);
    expect(json.value.find((s: { key: string }) => s.key === 'SecretToken').value).toBe('*');
    expect(JSON.stringify(json)).not.toContain('never-shown');
  });
});

describe('provisioning logs', () => {
  it('filters by service principal and time, newest first, in pages linked by @odata.nextLink', async () => {
    emulator.lifecycle.logPageSize = 2;
    const since = new Date(Date.now() - 24 * 3600_000).toISOString();
    const filter = encodeURIComponent(`servicePrincipal/id eq '${SEED.servicePrincipalId}' and activityDateTime ge ${since}`);
    let page = await call('GET', `/auditLogs/provisioning?$filter=${filter}&$top=100`);
    const ids: string[] = [];
    for (;;) {
      ids.push(...page.json.value.map((r: { id: string }) => r.id));
      if (!page.json['@odata.nextLink']) break;
      page = await call('GET', page.json['@odata.nextLink']);
    }
    expect(ids).toEqual(['log-1', 'log-2', 'log-3']);
    expect((await call('GET', `/auditLogs/provisioning?$filter=${encodeURIComponent('nonsense eq 1')}`)).status).toBe(400);
  });

  it('a token without AuditLog.Read.All gets 403', async () => {
    emulator.tokens.set('narrow', { scopes: ['Synchronization.ReadWrite.All'] });
    const response = await fetch(`${emulator.url}/v1.0/auditLogs/provisioning`, { headers: { Authorization: 'Bearer narrow' } });
    expect(response.status).toBe(403);
  });

  it('logRecord builds records Graph-shaped', () => {
    const record = logRecord({ id: 'x', time: '2026-01-01T00:00:00Z', servicePrincipalId: 'sp', jobId: 'j', user: { id: 'u', name: 'U' } });
    expect(record).toMatchObject({ provisioningStatusInfo: { status: 'success', errorInformation: null }, servicePrincipal: { id: 'sp' } });
  });
});

describe('provisionOnDemand', () => {
  const body = (objectId: string, ruleId = '00000000-0000-0000-0000-000000000002') => ({
    parameters: [{ ruleId, subjects: [{ objectId, objectTypeName: 'User' }] }],
  });

  it('answers the seeded result as a stringKeyStringValuePair', async () => {
    const { status, json } = await call('POST', `${jobPath}/provisionOnDemand`, body('2c7e4d1a-5b3f-4e2a-9c8d-7f6e5d4c3b2a'));
    expect(status).toBe(200);
    expect(JSON.parse(json.key).result).toBe('Success');
    const record = JSON.parse(json.value);
    expect(record.modifiedProperties).toContainEqual({ displayName: 'title', oldValue: 'Intern', newValue: 'Engineer' });
  });

  it('refuses a rule id not in the schema, and rate-limits with 429 + Retry-After', async () => {
    expect((await call('POST', `${jobPath}/provisionOnDemand`, body('9bb0f679-a883-4a6f-8260-35b491b8b8c8', 'wrong'))).status).toBe(400);
    emulator.lifecycle.onDemandLimit = { requests: 2, windowMs: 60_000 };
    emulator.lifecycle['onDemandTimes' as never] = [] as never;
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call('POST', `${jobPath}/provisionOnDemand`, body('9bb0f679-a883-4a6f-8260-35b491b8b8c8'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await call('POST', `${jobPath}/provisionOnDemand`, body('9bb0f679-a883-4a6f-8260-35b491b8b8c8'));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
