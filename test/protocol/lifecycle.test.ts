/**
 * The language server's requests after a deploy (what the VS Code status bar, views and commands
 * call), against the emulator: status, control, logs with their diagnostics, users, provision.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphMethod, GraphProtocol } from '../../server/graph/protocol';
import { GRAPH_TOKEN_REQUEST, sealToken, type TokenRequestParams } from '../../server/graph/token-exchange';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { startServer, type ServerUnderTest } from '../support/server-process';

let server: ServerUnderTest;
let emulator: GraphEmulator;
beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
  server = await startServer({});
  // The server asks for the token of a handle, as it asks the editor (client/graph/auth.ts).
  server.connection.onRequest(GRAPH_TOKEN_REQUEST, (params: TokenRequestParams) => sealToken(SEED.token, params));
});
afterEach(async () => {
  await server.stop();
  await emulator.stop();
});

const request = <M extends GraphMethod>(method: M, params: GraphProtocol[M]['params']) =>
  server.connection.sendRequest(method, params) as Promise<GraphProtocol[M]['result']>;
const conn = () => ({ endpoint: emulator.url, tokenHandle: 'handle-seed', target: { servicePrincipal: SEED.servicePrincipalId } });
const text = readFileSync(join(__dirname, '..', 'e2e', 'workspace', 'deploy-chatwork.aadmap'), 'utf8');

describe('lifecycle requests of the language server', () => {
  it('status of a quarantined job, then start clears it', async () => {
    emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason: 'EncounteredEscrowProportionThreshold' });
    const status = await request('aadmap/graph/status', conn());
    expect(status.ok && status.status.quarantine?.explanation).toContain('40%');
    const started = await request('aadmap/graph/control', { ...conn(), action: 'start' });
    expect(started).toMatchObject({ ok: true, message: `Started job ${SEED.jobId}.` });
    const after = await request('aadmap/graph/status', conn());
    expect(after.ok && after.status.state).toBe('Active');
  });

  it('restart refuses None; test connection reports the service error', async () => {
    const refused = await request('aadmap/graph/control', { ...conn(), action: 'restart', reset: ['None'] });
    expect(refused).toMatchObject({ ok: false, kind: 'usage' });
    expect(emulator.log.filter((r) => r.path.endsWith('/restart'))).toEqual([]);
    emulator.lifecycle.credentialFailures.set(SEED.jobId, { status: 400, code: 'CredentialValidationUnavailable', message: 'Rejected.' });
    const tested = await request('aadmap/graph/control', { ...conn(), action: 'testConnection' });
    expect(tested.ok === false && tested.message).toContain('CredentialValidationUnavailable');
  });

  it('logs: records, groups and a diagnostic on the organization mapping line', async () => {
    const since = new Date(Date.now() - 24 * 3600_000).toISOString();
    const logs = await request('aadmap/graph/logs', { ...conn(), since, text });
    if (!logs.ok) throw new Error(logs.message);
    expect(logs.groups.map((g) => [g.errorCode, g.count])).toEqual([['SchemaPropertyCanOnlyAcceptValue', 2]]);
    expect(logs.diagnostics).toHaveLength(1);
    const d = logs.diagnostics[0]!;
    expect(text.slice(d.start, d.end)).toBe('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization');
    expect(d).toMatchObject({ errorCode: 'SchemaPropertyCanOnlyAcceptValue', users: 2 });
  });

  it('users by prefix, and provision on demand with the differences', async () => {
    const users = await request('aadmap/graph/users', { endpoint: emulator.url, tokenHandle: 'handle-seed', search: 'bo' });
    expect(users.ok && users.items.map((u) => u.userPrincipalName)).toEqual(['bob@contoso.com']);
    const result = await request('aadmap/graph/provision', { ...conn(), uri: 'file:///w/chatwork.aadmap', text, user: 'bob@contoso.com' });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.differences.map((d) => d.attribute)).toEqual([
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
    ]);
    expect(result.text).toContain("Differences from aadmap's preview (1)");
  });
});
