/**
 * A local Microsoft Graph emulator for the synchronization endpoints aadmap uses, following the
 * documented contract (https://learn.microsoft.com/en-us/graph/api/resources/synchronization-overview):
 *
 *   GET  /v1.0/servicePrincipals/{id} · /servicePrincipals(appId='…') · /servicePrincipals?$filter=startswith(displayName,'…')
 *   GET  /v1.0/servicePrincipals/{id}/synchronization/jobs[/{jobId}]
 *   GET  …/jobs/{jobId}/schema            200, the stored schema
 *   PUT  …/jobs/{jobId}/schema            204, whole-schema replace (a new `version`); 406 for a wrong-case enum; 400 for bad JSON
 *   PATCH …/jobs/{jobId}/schema           404 with the syncfabric "No HTTP resource" message
 *   POST …/jobs/{jobId}/schema/parseExpression   parseExpressionResponse
 *   GET  …/jobs/{jobId}/schema/filterOperators
 *   GET  …/jobs/{jobId}/schema/functions     the job's function list (attributeMappingFunctionSchema)
 *   GET  …/jobs/{jobId} status, POST start|pause|restart|validateCredentials|provisionOnDemand, GET …/synchronization/secrets,
 *   GET  /auditLogs/provisioning, GET /users/{id}: seeded answers, see ./lifecycle.ts
 *
 * Bearer tokens are checked (401 unknown or expired, 403 without the needed scope). Faults can be
 * injected per request (429 with Retry-After, 503, 504, slow answers, dropped connections) and hooks
 * run before a request is handled (the concurrent-change test edits the schema there). Every
 * request is logged without its Authorization header. Error bodies have Graph's shape with a
 * request-id. Seeded with the Chatwork sample schema (test/schema/fixtures/chatwork-sample-schema.json).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseExpression } from '../../grammar/expression/index';
import { toSourceTree } from '../../server/graph/source-tree';
import { SCOPE_OPERATOR_LABELS } from '../../server/graph/mapping-view';
import chatworkSampleSchema from '../schema/fixtures/chatwork-sample-schema.json';
import { routeDirectory } from './directory';
import { LifecycleEmulator, SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS, seedLifecycleDemo } from './lifecycle';

export const SCOPE_READ = 'Synchronization.Read.All';
export const SCOPE_WRITE = 'Synchronization.ReadWrite.All';
export const SCOPE_APPS = 'Application.Read.All';

export interface TokenGrant {
  scopes: string[];
  expired?: boolean;
}

export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  displayName: string;
  jobs: JobRecord[];
}

export interface JobRecord {
  id: string;
  templateId: string;
  schema: Record<string, unknown>;
  /** What `…/schema/functions` answers for this job (default: EMULATOR_FUNCTIONS). */
  functions?: readonly EmulatorFunction[];
}

export interface EmulatorFunction {
  name: string;
  parameters: { name: string; type: string; required: boolean; allowMultipleOccurrences: boolean }[];
}

const param = (name: string, type: string, required: boolean, allowMultipleOccurrences = false) => ({
  name,
  type,
  required,
  allowMultipleOccurrences,
});

/**
 * The function list Graph's documentation shows for `GET …/schema/functions` (the beta page's
 * response):
 * https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-functions
 */
export const EMULATOR_FUNCTIONS: readonly EmulatorFunction[] = [
  { name: 'Append', parameters: [param('source', 'String', true), param('suffix', 'String', true)] },
  { name: 'DefaultDomain', parameters: [] },
  { name: 'AppRoleAssignments', parameters: [param('source', 'String', true)] },
  {
    name: 'FormatDateTime',
    parameters: [param('source', 'String', true), param('inputFormat', 'String', true), param('outputFormat', 'String', true)],
  },
  { name: 'IsNothing', parameters: [param('source', 'Boolean', true)] },
  { name: 'Join', parameters: [param('separator', 'String', true), param('source', 'String', true, true)] },
  { name: 'Prepend', parameters: [param('prefix', 'String', true), param('source', 'String', true)] },
  { name: 'Mid', parameters: [param('source', 'String', true), param('start', 'Integer', true), param('length', 'Integer', true)] },
  { name: 'Not', parameters: [param('source', 'Boolean', true)] },
  {
    name: 'Replace',
    parameters: [
      param('source', 'String', true),
      ...['Find', 'RegularExpression', 'RegularExpressionGroupName', 'Replacement', 'ReplacementPropertyName', 'Template'].map((n) =>
        param(n, 'String', false),
      ),
    ],
  },
  { name: 'SingleAppRoleAssignment', parameters: [param('source', 'String', true)] },
  { name: 'Split', parameters: [param('source', 'String', true), param('delimiter', 'String', false)] },
  { name: 'StripSpaces', parameters: [param('source', 'String', true)] },
  {
    name: 'Switch',
    parameters: [param('source', 'String', true), param('defaultValue', 'String', false), param('switchValue', 'String', false, true)],
  },
];

export interface Fault {
  method?: string;
  /** Matched against the path without the `/v1.0` prefix and without the query. */
  path?: RegExp;
  /** How many matching requests it affects (default 1). */
  times?: number;
  status?: number;
  retryAfter?: string;
  code?: string;
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** Headers as received, Authorization removed. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface RequestContext {
  method: string;
  path: string;
  emulator: GraphEmulator;
  /** Count of earlier requests with the same method and path. */
  previous: number;
}

const ENUMS: Record<string, readonly string[]> = {
  flowBehavior: ['FlowWhenChanged', 'FlowAlways'],
  flowType: ['Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly'],
  type: ['String', 'Integer', 'Reference', 'Binary', 'Boolean', 'DateTime', 'Attribute', 'Constant', 'Function'],
  mutability: ['ReadWrite', 'ReadOnly', 'Immutable', 'WriteOnly'],
};
const FLOW_TYPE_FLAGS = ['None', 'Add', 'Update', 'Delete'];

/**
 * The operator names this emulator's filterOperators lists: the portal labels aadmap reads (an
 * assumption: only EQUALS is documented as a Graph operatorName).
 */
export const EMULATOR_FILTER_OPERATORS: readonly string[] = SCOPE_OPERATOR_LABELS;

/** A fresh copy of the sample schema. Imported rather than read from disk, so the emulator also runs bundled (the E2E tests). */
export function chatworkSchema(): Record<string, unknown> {
  return structuredClone(chatworkSampleSchema) as Record<string, unknown>;
}

/** Placeholders: the Chatwork template id and job ids are not published. */
export const SEED = {
  servicePrincipalId: '5b0f7d2e-6c1a-4e8b-9f3d-2a7c4e1b9d60',
  appId: 'c3d9a1f0-2b4e-4c6a-8e7f-1a2b3c4d5e6f',
  displayName: 'Chatwork',
  jobId: 'chatwork.5f5d4a2c0b8e4d1f9a7c3e2b1d0f9a8c.6b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  templateId: 'chatwork',
  token: 'emulator-token-full-access-0123456789',
};

export class GraphEmulator {
  readonly servicePrincipals: ServicePrincipalRecord[] = [];
  readonly tokens = new Map<string, TokenGrant>();
  readonly faults: Fault[] = [];
  readonly hooks: ((context: RequestContext) => void | Promise<void>)[] = [];
  readonly log: LoggedRequest[] = [];
  filterOperators: string[] = [...EMULATOR_FILTER_OPERATORS];
  /** Job status, start/pause/restart, secrets, logs, provision on demand (./lifecycle.ts). */
  readonly lifecycle = new LifecycleEmulator();
  private server?: Server;
  private readonly counts = new Map<string, number>();
  url = '';

  /** The Chatwork enterprise app with one job holding the sample schema, and a token with every scope. */
  static seeded(): GraphEmulator {
    const emulator = new GraphEmulator();
    emulator.servicePrincipals.push(
      {
        id: SEED.servicePrincipalId,
        appId: SEED.appId,
        displayName: SEED.displayName,
        jobs: [{ id: SEED.jobId, templateId: SEED.templateId, schema: chatworkSchema() }],
      },
      {
        id: '0d6b9e3a-7f21-4c58-a9e4-3b2c1d0e9f87',
        appId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
        displayName: 'Chatwork (test)',
        jobs: [],
      },
    );
    emulator.tokens.set(SEED.token, { scopes: [SCOPE_WRITE, SCOPE_APPS, SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS] });
    seedLifecycleDemo(emulator.lifecycle, { servicePrincipalId: SEED.servicePrincipalId, jobId: SEED.jobId });
    return emulator;
  }

  get job(): JobRecord {
    return this.servicePrincipals[0]!.jobs[0]!;
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const { port: actual } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${actual}`;
    this.lifecycle.baseUrl = this.url;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const full = request.url ?? '/';
    const [rawPath, query = ''] = full.split('?', 2) as [string, string?];
    const path = decodeURIComponent(rawPath.replace(/^\/v1\.0/, ''));
    const headers = { ...request.headers };
    delete headers.authorization;
    const entry: LoggedRequest = { method, path, status: 0, headers, body };
    this.log.push(entry);
    const requestId = randomUUID();
    const send = (status: number, payload?: unknown, extra: Record<string, string> = {}) => {
      entry.status = status;
      const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
      response.writeHead(status, {
        'request-id': requestId,
        'client-request-id': String(request.headers['client-request-id'] ?? ''),
        ...(text ? { 'Content-Type': 'application/json' } : {}),
        ...extra,
      });
      response.end(text);
    };
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      send(
        status,
        {
          error: {
            code,
            message,
            innerError: {
              date: new Date().toISOString(),
              'request-id': requestId,
              'client-request-id': request.headers['client-request-id'],
            },
          },
        },
        extra,
      );

    try {
      const key = `${method} ${path}`;
      const previous = this.counts.get(key) ?? 0;
      this.counts.set(key, previous + 1);
      for (const hook of this.hooks) await hook({ method, path, emulator: this, previous });

      const fault = this.faults.find((f) => (f.times ?? 1) > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault.drop) {
          entry.status = -1;
          request.socket.destroy();
          return;
        }
        if (fault.status) {
          return fail(
            fault.status,
            fault.code ?? (fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable'),
            `Injected ${fault.status}.`,
            fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
          );
        }
      }

      const auth = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
      const grant = auth ? this.tokens.get(auth[1]!) : undefined;
      if (!grant) return fail(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      if (grant.expired) return fail(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
      const writes = method !== 'GET';
      const allowed = writes
        ? grant.scopes.includes(SCOPE_WRITE)
        : grant.scopes.some((s) => s === SCOPE_READ || s === SCOPE_WRITE || s === SCOPE_APPS);
      if (!allowed) return fail(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

      const params = new URLSearchParams(query);
      if (this.lifecycle.route(method, path, params, body, grant.scopes, send, fail, this.lifecycleContext)) return;
      return this.route(method, path, params, body, send, fail);
    } catch (error) {
      return fail(500, 'InternalServerError', `Emulator failure: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private readonly lifecycleContext = {
    servicePrincipalExists: (id: string) => this.servicePrincipals.some((sp) => sp.id === id),
    jobExists: (spId: string, jobId: string) => !!this.servicePrincipals.find((sp) => sp.id === spId)?.jobs.some((j) => j.id === jobId),
    ruleIds: (jobId: string) => {
      const job = this.servicePrincipals.flatMap((sp) => sp.jobs).find((j) => j.id === jobId);
      const rules = job?.schema.synchronizationRules;
      return Array.isArray(rules) ? rules.map((r) => String((r as { id?: unknown }).id)) : [];
    },
  };

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
    send: (status: number, payload?: unknown) => void,
    fail: (status: number, code: string, message: string) => void,
  ): void {
    const directory = routeDirectory(this, method, path, query);
    if (directory) return send(directory.status, directory.body);
    const select = (sp: ServicePrincipalRecord) => ({ id: sp.id, appId: sp.appId, displayName: sp.displayName });
    if (method === 'GET' && path === '/servicePrincipals') {
      const prefix = /startswith\(displayName,'((?:[^']|'')*)'\)/.exec(query.get('$filter') ?? '')?.[1]?.replace(/''/g, "'") ?? '';
      return send(200, {
        value: this.servicePrincipals.filter((sp) => sp.displayName.toLowerCase().startsWith(prefix.toLowerCase())).map(select),
      });
    }
    const byAppId = /^\/servicePrincipals\(appId='([^']*)'\)$/.exec(path);
    if (byAppId) {
      const sp = this.servicePrincipals.find((s) => s.appId === byAppId[1]);
      return sp
        ? send(200, select(sp))
        : fail(
            404,
            'Request_ResourceNotFound',
            `Resource '${byAppId[1]}' does not exist or one of its queried reference-property objects are not present.`,
          );
    }
    const match =
      /^\/servicePrincipals\/([^/]+)(?:\/synchronization\/jobs(?:\/([^/]+)(?:\/(schema)(?:\/(parseExpression|filterOperators|functions))?)?)?)?$/.exec(
        path,
      );
    if (!match) return fail(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
    const [, spId, jobId, schema, action] = match;
    const sp = this.servicePrincipals.find((s) => s.id === spId);
    if (!sp)
      return fail(
        404,
        'Request_ResourceNotFound',
        `Resource '${spId}' does not exist or one of its queried reference-property objects are not present.`,
      );
    if (!path.includes('/synchronization'))
      return method === 'GET' ? send(200, select(sp)) : fail(405, 'Request_BadRequest', 'Method not allowed.');
    if (!jobId)
      return method === 'GET'
        ? send(200, { value: sp.jobs.map((j) => jobJson(j, this.lifecycle)) })
        : fail(405, 'BadRequest', 'Method not allowed.');
    const job = sp.jobs.find((j) => j.id === jobId);
    if (!job) return fail(404, 'NotFound', `The job '${jobId}' was not found.`);
    if (!schema) return method === 'GET' ? send(200, jobJson(job, this.lifecycle)) : fail(405, 'BadRequest', 'Method not allowed.');
    if (action === 'filterOperators' && method === 'GET') {
      return send(200, {
        value: this.filterOperators.map((name) => ({
          name,
          arity: /^IS /.test(name) ? 'Unary' : 'Binary',
          multivaluedComparisonType: 'All',
          supportedAttributeTypes: ['String', 'Integer', 'Boolean'],
        })),
      });
    }
    if (action === 'functions' && method === 'GET') return send(200, { value: job.functions ?? EMULATOR_FUNCTIONS });
    if (action === 'parseExpression' && method === 'POST') return send(200, parseExpressionResponse(body));
    if (action) return fail(405, 'BadRequest', 'Method not allowed.');
    if (method === 'GET') return send(200, JSON.stringify(job.schema, null, 2));
    if (method === 'PATCH') {
      return fail(
        404,
        'UnknownError',
        JSON.stringify({
          Message: `No HTTP resource was found that matches the request URI 'https://syncfabric.windowsazure.com/api/servicePrincipals('${spId}')/synchronization/jobs('${jobId}')/schema?api-version=2.0'.`,
        }),
      );
    }
    if (method === 'PUT') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return fail(400, 'BadRequest', 'The request body is not valid JSON.');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return fail(400, 'BadRequest', 'A synchronizationSchema object is required.');
      const wrongCase = findWrongEnumCase(parsed);
      if (wrongCase) return fail(406, 'NotAcceptable', `The value '${wrongCase}' is not valid: enum values are case-sensitive.`);
      job.schema = { ...(parsed as Record<string, unknown>), version: randomUUID().toUpperCase() };
      return send(204);
    }
    return fail(405, 'BadRequest', 'Method not allowed.');
  }
}

function jobJson(job: JobRecord, lifecycle: LifecycleEmulator) {
  const { schedule, status } = lifecycle.jobFields(job.id);
  return {
    id: job.id,
    templateId: job.templateId,
    schedule,
    status,
    synchronizationJobSettings: [{ name: 'QuarantineTooManyDeletesThreshold', value: '500' }],
  };
}

function parseExpressionResponse(body: Buffer) {
  let request: { expression?: unknown };
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return {
      error: { code: 'BadRequest', message: 'Body is not JSON' },
      parsingSucceeded: false,
      evaluationSucceeded: false,
      evaluationResult: null,
      parsedExpression: null,
    };
  }
  const expression = typeof request.expression === 'string' ? request.expression : '';
  const parsed = parseExpression(expression);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const tree = parsed.ast && !errors.length ? toSourceTree(parsed.ast) : undefined;
  if (!tree || 'problem' in tree) {
    // The real service parses comparisons too; their tree shape is not documented, so the emulator declines them.
    const message =
      errors[0]?.message ??
      (tree && 'problem' in tree
        ? tree.problem.message.replace(
            /^Graph documents no tree for a comparison.*$/,
            'The emulator does not know the tree of a comparison.',
          )
        : 'Empty expression');
    return {
      error: { code: 'ExpressionParsingFailed', message },
      parsingSucceeded: false,
      evaluationSucceeded: false,
      evaluationResult: null,
      parsedExpression: null,
    };
  }
  return {
    error: null,
    parsingSucceeded: true,
    evaluationSucceeded: false,
    evaluationResult: null,
    parsedExpression: { ...tree.tree, expression },
  };
}

/** The first enum string whose case differs from the service's (406 on the real service). */
function findWrongEnumCase(value: unknown, key?: string): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findWrongEnumCase(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = findWrongEnumCase(v, k);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'string' || key === undefined) return undefined;
  if (key === 'flowTypes') {
    const bad = value
      .split(',')
      .map((s) => s.trim())
      .find((flag) => !FLOW_TYPE_FLAGS.includes(flag));
    return bad;
  }
  const allowed = ENUMS[key];
  if (allowed && !allowed.includes(value) && allowed.some((a) => a.toLowerCase() === value.toLowerCase())) return value;
  return undefined;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
