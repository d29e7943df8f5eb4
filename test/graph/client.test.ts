/**
 * The Graph client over real HTTP against the emulator: retries (429 with Retry-After, 503/504 with
 * back-off), no retries of other 4xx, timeouts, dropped connections, cancellation, Graph error bodies
 * with code and request-id, and no token in any log line or error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphCancelledError, GraphClient, GraphError, graphBaseUrl, parseRetryAfter } from '../../server/graph/client';
import { Sanitizer } from '../../server/graph/sanitize';
import { SynchronizationApi } from '../../server/graph/sync-api';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { FaultProxy } from '../graph-emulator/fault-proxy';

let emulator: GraphEmulator;
let logs: string[];
const sleeps: number[] = [];

beforeEach(async () => {
  emulator = GraphEmulator.seeded();
  await emulator.start();
  logs = [];
  sleeps.length = 0;
});
afterEach(() => emulator.stop());

function client(options: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}) {
  return new GraphClient({
    endpoint: emulator.url,
    getToken: async () => SEED.token,
    log: (level, message) => logs.push(`${level} ${message}`),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    backoffBaseMs: 100,
    ...options,
  });
}
const jobsPath = `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/jobs`;
const schemaPath = `${jobsPath}/${SEED.jobId}/schema`;

describe('retries', () => {
  it('waits Retry-After on 429 and then succeeds', async () => {
    emulator.inject({ path: /\/jobs$/, status: 429, retryAfter: '7', times: 2 });
    const { json } = await client().getJson(jobsPath);
    expect((json as { value: unknown[] }).value).toHaveLength(1);
    expect(sleeps).toEqual([7000, 7000]);
    expect(emulator.log.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('backs off exponentially with jitter on 503/504 without Retry-After, capped', async () => {
    emulator.inject({ path: /\/jobs$/, status: 503, times: 3 });
    emulator.inject({ path: /\/jobs$/, status: 504, times: 1 });
    await client({ backoffMaxMs: 300, maxAttempts: 6 }).getJson(jobsPath);
    expect(sleeps).toEqual([50, 100, 150, 150]);
  });

  it('gives up after the attempts with a clear error carrying code and request-id', async () => {
    emulator.inject({ status: 503, times: 10 });
    const error = await client({ maxAttempts: 3 })
      .getJson(jobsPath)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).message).toMatch(
      /^GET \/servicePrincipals\/.*\/jobs → 503 ServiceUnavailable: Injected 503\. \(request-id [0-9a-f-]{36}, date .*\)\. Gave up after 3 attempts\.$/,
    );
    expect(emulator.log).toHaveLength(3);
  });

  it('refuses to wait a Retry-After longer than the cap', async () => {
    emulator.inject({ status: 429, retryAfter: '3600' });
    await expect(client().getJson(jobsPath)).rejects.toThrow(/Graph asks to wait 3,600 s before retrying; try again later\./);
    expect(sleeps).toEqual([]);
  });

  it.each([
    [400, 'BadRequest'],
    [404, 'NotFound'],
    [409, 'Conflict'],
  ])('never retries %i', async (status, code) => {
    emulator.inject({ status, code });
    await expect(client().getJson(jobsPath)).rejects.toMatchObject({ details: { status, code } });
    expect(emulator.log).toHaveLength(1);
  });

  it('retries a dropped connection for GET and PUT, and for POST only when marked idempotent (parseExpression)', async () => {
    emulator.inject({ path: /\/jobs$/, drop: true });
    await client().getJson(jobsPath);
    expect(emulator.log.map((r) => r.status)).toEqual([-1, 200]);
    emulator.inject({ path: /parseExpression$/, drop: true });
    const error = await client()
      .request('POST', `${schemaPath}/parseExpression`, { body: '{"expression":"[a]"}' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { code: 'NetworkError' } });
    emulator.inject({ path: /parseExpression$/, drop: true });
    expect(await client().postJson(`${schemaPath}/parseExpression`, { expression: '[a]' })).toMatchObject({ parsingSucceeded: true });
  });

  it('times out a slow answer and retries it', async () => {
    emulator.inject({ path: /\/jobs$/, delayMs: 400 });
    await client({ timeoutMs: 100 }).getJson(jobsPath);
    expect(logs.some((l) => l.includes('no answer within'))).toBe(true);
  });
});

describe('errors and auth', () => {
  it('401 for an expired token: no retry, a hint to sign in again', async () => {
    emulator.tokens.get(SEED.token)!.expired = true;
    const error = (await client()
      .getJson(jobsPath)
      .catch((e: unknown) => e)) as GraphError;
    expect(error.details).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(error.message).toContain('sign in again');
    expect(emulator.log).toHaveLength(1);
  });

  it('403 without the write scope, with the permissions needed', async () => {
    emulator.tokens.set('read-only-token-0123456789', { scopes: ['Synchronization.Read.All'] });
    const api = new SynchronizationApi(client({ getToken: async () => 'read-only-token-0123456789' }));
    await api.schema(SEED.servicePrincipalId, SEED.jobId);
    const error = (await api.putSchema(SEED.servicePrincipalId, SEED.jobId, '{}').catch((e: unknown) => e)) as GraphError;
    expect(error.details).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    expect(error.message).toContain('Synchronization.ReadWrite.All');
  });

  it('unwraps the syncfabric message of a PATCH (404)', async () => {
    const error = (await client()
      .request('PATCH', schemaPath, { body: '{}' })
      .catch((e: unknown) => e)) as GraphError;
    expect(error.details).toMatchObject({ status: 404, code: 'UnknownError' });
    expect(error.message).toContain('No HTTP resource was found that matches the request URI');
    expect(error.message).not.toContain('{"Message"');
  });

  it('406 for an enum in the wrong case', async () => {
    const schema = emulator.job.schema as any;
    schema.synchronizationRules[0].objectMappings[0].attributeMappings[0].flowBehavior = 'flowWhenChanged';
    await expect(client().request('PUT', schemaPath, { body: JSON.stringify(schema) })).rejects.toMatchObject({ details: { status: 406 } });
  });

  it('never logs or reports the token', async () => {
    emulator.inject({ status: 503, times: 1 });
    emulator.inject({ path: /\/jobs$/, status: 400, code: 'BadRequest' });
    const c = client();
    await c.getJson(jobsPath).catch((e: unknown) => logs.push(String((e as Error).message)));
    expect(logs.length).toBeGreaterThan(1);
    for (const line of logs) expect(line).not.toContain(SEED.token);
  });
});

describe('cancellation', () => {
  it('stops while waiting to retry and sends nothing more', async () => {
    emulator.inject({ status: 429, retryAfter: '30', times: 5 });
    const controller = new AbortController();
    const c = new GraphClient({ endpoint: emulator.url, getToken: async () => SEED.token });
    const pending = c.getJson(jobsPath, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(GraphCancelledError);
    expect(emulator.log).toHaveLength(1);
  });

  it('aborts a request in flight', async () => {
    emulator.inject({ delayMs: 2000 });
    const controller = new AbortController();
    const pending = client().getJson(jobsPath, controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toBeInstanceOf(GraphCancelledError);
  });
});

describe('helpers', () => {
  it.each([
    ['https://graph.microsoft.com', 'https://graph.microsoft.com/v1.0'],
    ['https://graph.microsoft.us/', 'https://graph.microsoft.us/v1.0'],
    ['https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/v1.0'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/v1.0'],
  ])('base URL of %s', (endpoint, base) => expect(graphBaseUrl(endpoint)).toBe(base));

  it.each(['http://graph.example.com', 'not a url', 'https://graph.microsoft.com?x=1'])('rejects endpoint %s', (endpoint) => {
    expect(() => graphBaseUrl(endpoint)).toThrow();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12000);
    expect(parseRetryAfter(new Date(1_000_000 + 5000).toUTCString(), 1_000_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('redacts tokens, bearer headers and JWT-shaped strings', () => {
    const sanitizer = new Sanitizer();
    sanitizer.addSecret('s3cr3t-token-value');
    expect(sanitizer.clean('x s3cr3t-token-value y')).toBe('x <redacted> y');
    expect(sanitizer.clean('Authorization: Bearer abc.def')).not.toContain('abc.def');
    expect(sanitizer.clean('tok eyJhbGciOi.eyJzdWIiOiIx.sig-nature end')).toBe('tok <redacted> end');
    expect(sanitizer.clean('{"access_token":"abcd"}')).toBe('{"access_token":"<redacted>"}');
  });
});

describe('sign-in failures', () => {
  it('are reported as such, not retried as network failures', async () => {
    const c = client({ getToken: async () => Promise.reject(new Error('AzureCliCredential: Please run az login')) });
    await expect(c.getJson(jobsPath)).rejects.toMatchObject({
      message: 'Could not get an access token for Microsoft Graph: AzureCliCredential: Please run az login',
      details: { code: 'AuthenticationFailed' },
    });
    expect(emulator.log).toEqual([]);
    expect(sleeps).toEqual([]);
  });
});

describe('redirects', () => {
  it('are never followed: a 3xx is an error naming where it pointed, and nothing more is sent', async () => {
    const proxy = new FaultProxy(emulator.url);
    await proxy.start();
    const seen: string[] = [];
    proxy.intercept = async (request) => {
      seen.push(`${request.method} ${request.path}`);
      return { status: 302, headers: { Location: 'http://attacker.example/v1.0/jobs' }, body: Buffer.alloc(0) };
    };
    try {
      const error = await client({ endpoint: proxy.url })
        .getJson(jobsPath)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).message).toBe(
        `GET ${jobsPath} → 302: a redirect to http://attacker.example; aadmap follows no redirects.`,
      );
      expect(seen).toEqual([`GET ${jobsPath}`]);
    } finally {
      await proxy.stop();
    }
  });
});
