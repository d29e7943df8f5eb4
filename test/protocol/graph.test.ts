/**
 * The Graph requests of the bundled language server (what the VS Code commands call), against the
 * emulator: pull, what-if, deploy, backups, rollback, refusal, cancellation; log notifications are
 * sanitized and never carry the token. This test answers the server's token requests as the editor
 * does (client/graph/auth.ts): sealed, so no traced message holds a token.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, Trace } from 'vscode-languageserver-protocol/node';
import { GRAPH_LOG_NOTIFICATION, type GraphLogParams, type GraphMethod, type GraphProtocol } from '../../server/graph/protocol';
import { GRAPH_TOKEN_REQUEST, sealToken, type TokenRequestParams } from '../../server/graph/token-exchange';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { startServer, type ServerUnderTest } from '../support/server-process';

let server: ServerUnderTest;
let emulator: GraphEmulator;
let scratch: string;
let logs: GraphLogParams[];
/** Every message as vscode-jsonrpc's verbose trace writes it (what `aadmap.trace.server: verbose` shows). */
let traced: string[];
/** Token handles → tokens, as the editor keeps them. */
const tokens = new Map<string, string>([
  ['handle-seed', SEED.token],
  ['handle-bad', 'protocol-secret-token-0123456789'],
]);

beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
  server = await startServer({});
  logs = [];
  server.connection.onNotification(GRAPH_LOG_NOTIFICATION, (params: GraphLogParams) => logs.push(params));
  server.connection.onRequest(GRAPH_TOKEN_REQUEST, (params: TokenRequestParams) => sealToken(tokens.get(params.tokenHandle)!, params));
  traced = [];
  await server.connection.trace(Trace.Verbose, { log: (message: string, data?: string) => traced.push(`${message}\n${data ?? ''}`) });
  scratch = mkdtempSync(join(tmpdir(), 'aadmap-protocol-graph-'));
});
afterEach(async () => {
  await server.stop();
  await emulator.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function request<M extends GraphMethod>(
  method: M,
  params: GraphProtocol[M]['params'],
  token?: CancellationTokenSource,
): Promise<GraphProtocol[M]['result']> {
  return token ? server.connection.sendRequest(method, params, token.token) : server.connection.sendRequest(method, params);
}
const connection = () => ({ endpoint: emulator.url, tokenHandle: 'handle-seed' });
const text = `target chatwork
deploy servicePrincipal "${SEED.servicePrincipalId}"

mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {
  userName <- [userPrincipalName]  match 1
  active   <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title    <- ToUpper([jobTitle])
}
`;

describe('Graph requests of the language server', () => {
  it('reads the deploy target, lists service principals and jobs', async () => {
    expect(await request('aadmap/graph/deployTarget', { text })).toEqual({ target: { servicePrincipal: SEED.servicePrincipalId } });
    const sps = await request('aadmap/graph/servicePrincipals', { ...connection(), search: 'chat' });
    expect(sps.ok && sps.items.map((s) => s.displayName)).toEqual(['Chatwork', 'Chatwork (test)']);
    const jobs = await request('aadmap/graph/jobs', { ...connection(), servicePrincipal: SEED.appId });
    expect(jobs.ok && jobs.items.map((j) => j.id)).toEqual([SEED.jobId]);
  });

  it('what-if, deploy, list backups and roll back', async () => {
    const plan = await request('aadmap/graph/planDeploy', {
      ...connection(),
      uri: 'file:///w/chatwork.aadmap',
      text,
      target: {},
      validate: true,
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.summary).toBe(`1 change on job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId}): 1 mapping changed.`);
    expect(plan.beforeText).toContain('title    <- [jobTitle]');
    expect(plan.afterText).toContain('title    <- ToUpper([jobTitle])');
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);

    const backupDirectory = join(scratch, '.aadmap', 'backups');
    const done = await request('aadmap/graph/execute', { ...connection(), planId: plan.planId, backupDirectory, reason: 'before deploy' });
    if (!done.ok) throw new Error(done.message);
    expect(done.message).toMatch(/^Deployed: 1 change on /);
    expect((emulator.job.schema as any).synchronizationRules[0].objectMappings[0].attributeMappings[2].source.name).toBe('ToUpper');
    const again = await request('aadmap/graph/execute', { ...connection(), planId: plan.planId, backupDirectory, reason: 'x' });
    expect(again).toEqual({ ok: false, kind: 'refused', message: 'This what-if has expired; run it again.' });

    const backups = await request('aadmap/graph/backups', { backupDirectory });
    expect(backups.items.map((b) => [b.location, b.jobId, b.reason])).toEqual([[done.backup, SEED.jobId, 'before deploy']]);
    const rollback = await request('aadmap/graph/planRollback', { ...connection(), backup: done.backup, target: {} });
    if (!rollback.ok) throw new Error(rollback.message);
    expect(rollback.details).toContain('→ title <- [jobTitle]');
    const restored = await request('aadmap/graph/execute', {
      ...connection(),
      planId: rollback.planId,
      backupDirectory,
      reason: 'before rollback',
    });
    expect(restored.ok).toBe(true);
    expect(emulator.log.filter((r) => r.method === 'PUT')[1]!.body).toEqual(readFileSync(done.backup));

    expect(logs.filter((l) => l.step).map((l) => l.message)).toContain('Verifying the result…');
    expect(logs.some((l) => /PUT http:\/\/127\.0\.0\.1:\d+\/v1\.0\/.*\/schema → 204/.test(l.message))).toBe(true);
    expect(JSON.stringify(logs)).not.toContain(SEED.token);
    // The verbose trace holds every request and answer, the token exchange included, but no token.
    expect(traced.some((line) => line.includes(`'${GRAPH_TOKEN_REQUEST}`))).toBe(true);
    expect(traced.some((line) => line.includes("'aadmap/graph/execute"))).toBe(true);
    expect(traced.filter((line) => line.includes(SEED.token))).toEqual([]);
  });

  it('pull returns the .aadmap text', async () => {
    const pulled = await request('aadmap/graph/pull', { ...connection(), target: { servicePrincipal: SEED.servicePrincipalId } });
    expect(pulled.ok && pulled.text).toContain(`deploy servicePrincipal "${SEED.servicePrincipalId}" job "${SEED.jobId}"`);
  });

  it('refusals and Graph errors are results, with the token redacted', async () => {
    const refused = await request('aadmap/graph/planDeploy', {
      ...connection(),
      uri: 'file:///w/x.aadmap',
      text: text.replace('ToUpper', 'ToUper'),
      target: {},
      validate: true,
    });
    expect(refused).toMatchObject({ ok: false, kind: 'refused' });
    const badToken = 'protocol-secret-token-0123456789';
    const denied = await request('aadmap/graph/pull', {
      endpoint: emulator.url,
      tokenHandle: 'handle-bad',
      target: { servicePrincipal: SEED.servicePrincipalId },
    });
    expect(denied).toMatchObject({ ok: false, kind: 'failed' });
    expect(!denied.ok && denied.message).toContain('401 InvalidAuthenticationToken');
    expect(JSON.stringify([denied, logs, traced])).not.toContain(badToken);
    const badEndpoint = await request('aadmap/graph/pull', {
      endpoint: 'http://example.com',
      tokenHandle: 'handle-bad',
      target: { servicePrincipal: 'x' },
    });
    expect(badEndpoint).toMatchObject({ ok: false, kind: 'failed' });
  });

  it('cancellation from the client stops the request', async () => {
    emulator.inject({ path: /\/jobs$/, delayMs: 3000 });
    const source = new CancellationTokenSource();
    const pending = request(
      'aadmap/graph/planDeploy',
      { ...connection(), uri: 'file:///w/x.aadmap', text, target: {}, validate: true },
      source,
    );
    setTimeout(() => source.cancel(), 300);
    const result = await pending.catch((error: Error) => ({ ok: false as const, kind: 'cancelled' as const, message: error.message }));
    expect(result).toMatchObject({ ok: false, kind: 'cancelled' });
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });
});
