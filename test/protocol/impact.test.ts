/**
 * `aadmap/graph/impact` of the bundled language server (what the Impact view and the deploy modal
 * call), against the Graph emulator: the job's current schema as the before version gives the same
 * numbers as that schema read from a file (no Graph); a deploy plan's impact carries the guard with
 * the job's threshold; no traced message holds the token.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trace } from 'vscode-languageserver-protocol/node';
import type { GraphMethod, GraphProtocol } from '../../server/graph/protocol';
import { GRAPH_TOKEN_REQUEST, sealToken, type TokenRequestParams } from '../../server/graph/token-exchange';
import { chatworkSchema, GraphEmulator, SEED } from '../graph-emulator/emulator';
import { directoryLines } from '../support/directory-users';
import { startServer, type ServerUnderTest } from '../support/server-process';

let server: ServerUnderTest;
let emulator: GraphEmulator;
let scratch: string;
let traced: string[];

beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
  server = await startServer({});
  server.connection.onRequest(GRAPH_TOKEN_REQUEST, (params: TokenRequestParams) => sealToken(SEED.token, params));
  traced = [];
  await server.connection.trace(Trace.Verbose, { log: (message: string, data?: string) => traced.push(`${message}\n${data ?? ''}`) });
  scratch = mkdtempSync(join(tmpdir(), 'aadmap-protocol-impact-'));
});
afterEach(async () => {
  await server.stop();
  await emulator.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const request = <M extends GraphMethod>(method: M, params: GraphProtocol[M]['params']): Promise<GraphProtocol[M]['result']> =>
  server.connection.sendRequest(method, params);
const connection = () => ({ endpoint: emulator.url, tokenHandle: 'handle-seed' });
const text = `target chatwork
deploy servicePrincipal "${SEED.servicePrincipalId}"

mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {
  scope "Enabled" {
    [accountEnabled] IS TRUE
  }

  userName <- [userPrincipalName]  match 1
  active   <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title    <- Coalesce([department], [jobTitle])
}
`;

describe('aadmap/graph/impact of the language server', () => {
  it("the job's current schema as the before version: the numbers of the same schema read from a file", async () => {
    const users = join(scratch, 'users.jsonl');
    writeFileSync(users, `${[...directoryLines(500, 3)].join('\n')}\n`);
    const schemaFile = join(scratch, 'schema.json');
    writeFileSync(schemaFile, JSON.stringify(chatworkSchema()));
    const base = { uri: pathToFileURL(join(scratch, 'app.aadmap')).href, text, users: { kind: 'file' as const, path: users } };
    const fromJob = await request('aadmap/graph/impact', { ...base, ...connection(), before: { kind: 'job' } });
    const fromFile = await request('aadmap/graph/impact', { ...base, before: { kind: 'file', path: schemaFile } });
    if (!fromJob.ok) throw new Error(fromJob.message);
    if (!fromFile.ok) throw new Error(fromFile.message);
    expect(fromJob.beforeLabel).toBe("the job's current schema");
    expect(fromJob.report).toEqual(fromFile.report);
    expect(fromJob.report.users).toBe(500);
    expect(fromJob.report.disable).toBeGreaterThan(0);
    expect(fromJob.report.attributes['title']).toBeGreaterThan(0);
    expect(emulator.log.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(traced.join('\n')).not.toContain(SEED.token);
  });

  it("a deploy plan's impact carries the guard: the job's threshold and the exact number to confirm", async () => {
    const users = join(scratch, 'users.jsonl');
    writeFileSync(users, `${[...directoryLines(200, 5)].join('\n')}\n`);
    emulator.lifecycle.secrets.set(SEED.servicePrincipalId, [
      { key: 'SyncNotificationSettings', value: JSON.stringify({ DeleteThresholdEnabled: true, DeleteThresholdValue: 1 }) },
    ]);
    const uri = pathToFileURL(join(scratch, 'app.aadmap')).href;
    const plan = await request('aadmap/graph/planDeploy', { ...connection(), uri, text, target: {}, validate: false });
    if (!plan.ok) throw new Error(plan.message);
    const impact = await request('aadmap/graph/impact', {
      ...connection(),
      uri,
      text,
      before: { kind: 'plan' },
      planId: plan.planId,
      users: { kind: 'file', path: users },
    });
    if (!impact.ok) throw new Error(impact.message);
    expect(impact.report.disable).toBeGreaterThan(0);
    expect(impact.guard).toEqual({
      threshold: { value: 1, source: "the job's accidental-deletion threshold" },
      refused: true,
      reasons: [expect.stringContaining(`${impact.report.disable} users would be disabled`)],
    });
    const expired = await request('aadmap/graph/impact', {
      ...connection(),
      uri,
      text,
      before: { kind: 'plan' },
      planId: 'gone',
      users: { kind: 'file', path: users },
    });
    expect(expired).toEqual({ ok: false, kind: 'refused', message: 'This what-if has expired; run it again.' });
  });
});
