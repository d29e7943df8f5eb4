/**
 * The Graph emulator's endpoints for what comes after a deploy (docs/watch-and-troubleshoot.md): job
 * status, start/pause/restart, validateCredentials, GET secrets (masked), /auditLogs/provisioning
 * and provisionOnDemand, plus the few /users reads provision-on-demand needs.
 *
 * Every answer is seeded, never computed with aadmap's evaluator (a test of the comparison with the
 * offline preview would otherwise prove nothing): tests and `npm run emulator` put job states, log
 * records and on-demand answers here, and the routes only filter, page and rate-limit them.
 */

/** The documented quarantine reasons (synchronizationQuarantine.reason; docs/watch-and-troubleshoot.md). */
export const QUARANTINE_REASONS = [
  'EncounteredBaseEscrowThreshold',
  'EncounteredTotalEscrowThreshold',
  'EncounteredEscrowProportionThreshold',
  'EncounteredQuarantineException',
  'Unknown',
  'QuarantinedOnDemand',
  'TooManyDeletes',
  'IngestionInterrupted',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** The resetScope flags the service accepts (synchronizationJobRestartCriteria). */
const RESET_SCOPES = ['None', 'ConnectorDataStore', 'Escrows', 'Watermark', 'QuarantineState', 'Full', 'ForceDeletes'];

const NEVER = '0001-01-01T00:00:00Z';

export type JobPreset =
  | { state: 'NotConfigured' }
  | { state: 'NotRun'; progress?: { completed: number; total: number } }
  | { state: 'Active'; progress?: { completed: number; total: number }; steady?: boolean }
  | { state: 'Paused' }
  | { state: 'Quarantine'; reason: QuarantineReason; error?: { code: string; message: string } };

export interface JobLifecycle {
  /** synchronizationStatus as GET job returns it. */
  status: Record<string, unknown>;
  scheduleState: 'Active' | 'Paused' | 'Disabled';
  /** Restart requests received, their resetScope as sent. */
  restarts: string[];
}

/** One provisioning log record (provisioningObjectSummary), as Graph returns it. */
export type ProvisioningRecord = Record<string, unknown>;

export interface OnDemandAnswer {
  result: 'Success' | 'Failure' | 'Skipped' | 'Warning';
  errorCode?: string;
  errorMessage?: string;
  action?: string;
  steps: { name: string; type: string; status: string; description: string; details?: Record<string, string> }[];
  modified: { displayName: string; oldValue: string | null; newValue: string | null }[];
}

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  [property: string]: unknown;
}

type Send = (status: number, payload?: unknown, extra?: Record<string, string>) => void;
type Fail = (status: number, code: string, message: string, extra?: Record<string, string>) => void;

export const SCOPE_AUDIT = 'AuditLog.Read.All';
export const SCOPE_DIRECTORY = 'Directory.Read.All';
export const SCOPE_USERS = 'User.Read.All';

/** A status in one of the documented states, with plausible counts (the times are fixed so tests can compare them). */
export function presetStatus(preset: JobPreset): Record<string, unknown> {
  const execution = (state: string, error: unknown = null) => ({
    activityIdentifier: 'da115b40-a858-46b9-8f75-10965f0b1319',
    countEntitled: 12,
    countEntitledForProvisioning: 12,
    countEscrowed: state === 'Succeeded' ? 0 : 3,
    countEscrowedRaw: state === 'Succeeded' ? 0 : 3,
    countExported: 9,
    countExports: 12,
    countImported: 12,
    countImportedDeltas: 0,
    countImportedReferenceDeltas: 0,
    error,
    state,
    timeBegan: '2026-11-30T08:00:00Z',
    timeEnded: '2026-11-30T08:04:10Z',
  });
  const base = {
    code: preset.state,
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: preset.state === 'NotConfigured' ? null : execution('Succeeded'),
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [] as unknown[],
    quarantine: null as unknown,
    steadyStateFirstAchievedTime: NEVER,
    steadyStateLastAchievedTime: NEVER,
    synchronizedEntryCountByType: [] as unknown[],
    troubleshootingUrl: null,
  };
  if (preset.state === 'NotConfigured') return base;
  base.synchronizedEntryCountByType = [{ key: 'user to User', value: 9 }];
  if ((preset.state === 'Active' || preset.state === 'NotRun') && preset.progress) {
    base.progress = [
      {
        completedUnits: preset.progress.completed,
        totalUnits: preset.progress.total,
        units: 'pages',
        progressObservationDateTime: '2026-11-30T08:02:00Z',
      },
    ];
  }
  if (preset.state === 'Active' && preset.steady !== false) {
    base.steadyStateFirstAchievedTime = '2026-11-29T10:00:00Z';
    base.steadyStateLastAchievedTime = '2026-11-30T08:04:10Z';
  }
  if (preset.state === 'Quarantine') {
    const error = preset.error ?? {
      code: preset.reason === 'EncounteredQuarantineException' ? 'SystemForCrossDomainIdentityManagementInvalidCredentials' : preset.reason,
      message: `Seeded quarantine: ${preset.reason}.`,
    };
    base.lastExecution = execution('Failed', { ...error, tenantActionable: true });
    base.countSuccessiveCompleteFailures = 2;
    base.quarantine = {
      currentBegan: '2026-11-30T06:00:00Z',
      nextAttempt: '2026-11-30T12:00:00Z',
      reason: preset.reason,
      seriesBegan: '2026-11-30T06:00:00Z',
      seriesCount: 1,
      error: { ...error, tenantActionable: true },
    };
  }
  return base;
}

export class LifecycleEmulator {
  readonly jobs = new Map<string, JobLifecycle>();
  /** GET …/synchronization/secrets per service principal; values marked secret come back as "*". */
  readonly secrets = new Map<string, { key: string; value: string; secret?: boolean }[]>();
  /** validateCredentials failures per job (absent: 204). */
  readonly credentialFailures = new Map<string, { status: number; code: string; message: string }>();
  readonly logs: ProvisioningRecord[] = [];
  /** The page size Graph uses at most, whatever `$top` asks. */
  logPageSize = 50;
  /** Answer log queries without applying `$filter` (to prove the client filters again). */
  ignoreLogFilter = false;
  /** provisionOnDemand answers by user object id. */
  readonly onDemand = new Map<string, OnDemandAnswer>();
  /** provisionOnDemand bodies received. */
  readonly onDemandRequests: unknown[] = [];
  /** "5 requests per 10 seconds" (docs/watch-and-troubleshoot.md); tests shorten the window. */
  onDemandLimit = { requests: 5, windowMs: 10_000 };
  private onDemandTimes: number[] = [];
  readonly users: DirectoryUser[] = [];

  /** The job's lifecycle state, created Active on first use. */
  job(jobId: string): JobLifecycle {
    let state = this.jobs.get(jobId);
    if (!state) {
      state = { status: presetStatus({ state: 'Active' }), scheduleState: 'Active', restarts: [] };
      this.jobs.set(jobId, state);
    }
    return state;
  }

  seedJob(jobId: string, preset: JobPreset): void {
    const state = this.job(jobId);
    state.status = presetStatus(preset);
    state.scheduleState = preset.state === 'Paused' ? 'Paused' : preset.state === 'NotConfigured' ? 'Disabled' : 'Active';
  }

  /** The `status` and `schedule` of GET job. */
  jobFields(jobId: string): { status: Record<string, unknown>; schedule: Record<string, unknown> } {
    const state = this.job(jobId);
    return { status: state.status, schedule: { expiration: null, interval: 'PT40M', state: state.scheduleState } };
  }

  /**
   * Handles the lifecycle routes; false when the path is not one of them. `job` resolves a
   * service principal and job (undefined when unknown, after answering 404).
   */
  route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
    scopes: readonly string[],
    send: Send,
    fail: Fail,
    context: {
      servicePrincipalExists(id: string): boolean;
      jobExists(spId: string, jobId: string): boolean;
      ruleIds(jobId: string): string[];
    },
  ): boolean {
    if (path === '/auditLogs/provisioning') {
      if (method !== 'GET') return (fail(405, 'BadRequest', 'Method not allowed.'), true);
      if (!scopes.includes(SCOPE_AUDIT) || !scopes.includes(SCOPE_DIRECTORY))
        return (fail(403, 'Authorization_RequestDenied', 'Insufficient privileges: AuditLog.Read.All and Directory.Read.All.'), true);
      return (this.listLogs(query, send, fail), true);
    }
    const user = /^\/users(?:\/(?!delta$)([^/]+))?$/.exec(path);
    if (user && method === 'GET') {
      if (!scopes.includes(SCOPE_USERS) && !scopes.includes(SCOPE_DIRECTORY))
        return (fail(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'), true);
      if (user[1]) {
        const found = this.users.find((u) => u.id === user[1] || u.userPrincipalName.toLowerCase() === user[1]!.toLowerCase());
        if (!found)
          return (
            fail(
              404,
              'Request_ResourceNotFound',
              `Resource '${user[1]}' does not exist or one of its queried reference-property objects are not present.`,
            ),
            true
          );
        return (send(200, selectUser(found, query.get('$select'))), true);
      }
      const filter = query.get('$filter');
      if (filter === null) return false; // the plain list belongs to the directory reads
      const prefixes = [...filter.matchAll(/startswith\((displayName|userPrincipalName),'((?:[^']|'')*)'\)/g)];
      if (!prefixes.length) return (fail(400, 'Request_UnsupportedQuery', `Unsupported filter: ${filter}`), true);
      const found = this.users.filter((u) =>
        prefixes.some(([, property, prefix]) =>
          String(u[property!] ?? '')
            .toLowerCase()
            .startsWith(prefix!.replace(/''/g, "'").toLowerCase()),
        ),
      );
      return (send(200, { value: found.slice(0, Number(query.get('$top') ?? 100)).map((u) => selectUser(u, query.get('$select'))) }), true);
    }
    const secrets = /^\/servicePrincipals\/([^/]+)\/synchronization\/secrets$/.exec(path);
    if (secrets) {
      if (!context.servicePrincipalExists(secrets[1]!)) return false;
      if (method !== 'GET') return false;
      const pairs = this.secrets.get(secrets[1]!);
      if (!pairs) return (fail(404, 'NotFound', 'No secrets are saved for this service principal.'), true);
      const value = pairs.map(({ key, value, secret }) => ({
        key,
        value: secret || MASKED_KEYS.test(key) ? '*' : value,
      }));
      return (send(200, { value }), true);
    }
    const action =
      /^\/servicePrincipals\/([^/]+)\/synchronization\/jobs\/([^/]+)\/(start|pause|restart|validateCredentials|provisionOnDemand)$/.exec(
        path,
      );
    if (!action) return false;
    const [, spId, jobId, verb] = action as unknown as [string, string, string, string];
    if (!context.jobExists(spId, jobId)) return false;
    if (method !== 'POST') return (fail(405, 'BadRequest', 'Method not allowed.'), true);
    const state = this.job(jobId);
    switch (verb) {
      case 'start':
        return (this.start(state), send(204), true);
      case 'pause':
        state.status = { ...state.status, code: 'Paused' };
        state.scheduleState = 'Paused';
        return (send(204), true);
      case 'restart':
        return (this.restart(state, body, send, fail), true);
      case 'validateCredentials': {
        const failure = this.credentialFailures.get(jobId);
        return (failure ? fail(failure.status, failure.code, failure.message) : send(204), true);
      }
      default:
        return (this.provisionOnDemand(jobId, body, context.ruleIds(jobId), send, fail), true);
    }
  }

  /** Paused resumes, Quarantine is cleared, a never-run job begins its first cycle (docs/watch-and-troubleshoot.md). */
  private start(state: JobLifecycle): void {
    const code = state.status.code;
    state.scheduleState = 'Active';
    if (code === 'NotConfigured') state.status = { ...state.status, code: 'NotRun' };
    else if (code === 'Paused' || code === 'Quarantine') state.status = { ...state.status, code: 'Active', quarantine: null };
  }

  private restart(state: JobLifecycle, body: Buffer, send: Send, fail: Fail): void {
    let scope = '';
    if (body.length) {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { criteria?: { resetScope?: unknown } };
        scope = typeof parsed.criteria?.resetScope === 'string' ? parsed.criteria.resetScope : '';
      } catch {
        return fail(400, 'BadRequest', 'The request body is not valid JSON.');
      }
    }
    const flags = scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = flags.find((f) => !RESET_SCOPES.includes(f));
    if (unknown) return fail(400, 'BadRequest', `Requested value '${unknown}' was not found.`);
    state.restarts.push(scope);
    const quarantine = state.status.quarantine as { reason?: string } | null;
    const lifts =
      flags.length === 0 ||
      flags.includes('QuarantineState') ||
      flags.includes('Full') ||
      (flags.includes('ForceDeletes') && quarantine?.reason === 'TooManyDeletes');
    if (lifts && state.status.code === 'Quarantine') state.status = { ...state.status, code: 'Active', quarantine: null };
    state.scheduleState = 'Active';
    send(204);
  }

  private provisionOnDemand(jobId: string, body: Buffer, ruleIds: string[], send: Send, fail: Fail): void {
    const now = Date.now();
    this.onDemandTimes = this.onDemandTimes.filter((t) => now - t < this.onDemandLimit.windowMs);
    if (this.onDemandTimes.length >= this.onDemandLimit.requests) {
      const wait = Math.ceil((this.onDemandLimit.windowMs - (now - this.onDemandTimes[0]!)) / 1000);
      return fail(429, 'TooManyRequests', 'The rate limit for provisionOnDemand is 5 requests per 10 seconds.', {
        'Retry-After': String(Math.max(1, wait)),
      });
    }
    this.onDemandTimes.push(now);
    let parsed: { parameters?: { ruleId?: unknown; subjects?: { objectId?: unknown; objectTypeName?: unknown }[] }[] };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return fail(400, 'BadRequest', 'The request body is not valid JSON.');
    }
    this.onDemandRequests.push(parsed);
    const parameter = parsed.parameters?.[0];
    const subject = parameter?.subjects?.[0];
    if (!parameter || typeof parameter.ruleId !== 'string' || !subject || typeof subject.objectId !== 'string')
      return fail(400, 'RequestMissingRequiredParameter', 'parameters[0].ruleId and subjects[0].objectId are required.');
    if (!ruleIds.includes(parameter.ruleId))
      return fail(400, 'InvalidRuleId', `The rule '${parameter.ruleId}' is not in the job's schema.`);
    if (subject.objectTypeName !== 'User')
      return fail(400, 'InvalidObjectTypeName', `Unsupported objectTypeName '${String(subject.objectTypeName)}'.`);
    const user = this.users.find((u) => u.id === subject.objectId);
    if (!user) return fail(404, 'Request_ResourceNotFound', `The object '${subject.objectId}' was not found in the source directory.`);
    const answer = this.onDemand.get(user.id) ?? {
      result: 'Skipped',
      errorCode: 'RedundantExport',
      errorMessage: 'The state of the user in both the source and target systems already match.',
      steps: [],
      modified: [],
    };
    const end = new Date().toISOString();
    const record = {
      action: answer.action ?? (answer.result === 'Skipped' ? 'Other' : 'Create'),
      changeId: `pod-${jobId.slice(-8)}-${this.onDemandRequests.length}`,
      endTime: end,
      modifiedProperties: answer.modified,
      provisioningSteps: answer.steps.map((s) => ({ ...s, timestamp: end, details: s.details ?? {} })),
      reportableIdentifier: user.userPrincipalName,
      startTime: end,
      statusInfo: {
        status: answer.result,
        errorCode: answer.errorCode ?? null,
        reason: answer.errorMessage ?? null,
        additionalDetails: null,
        errorCategory: answer.result === 'Failure' ? 'NonServiceFailure' : null,
        recommendedAction: null,
      },
      sourceIdentity: { id: user.id, type: 'User', name: user.displayName, details: {} },
      sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
      targetSystem: { id: null, name: 'customappsso', details: null },
    };
    const details = answer.errorCode ? { errorCode: answer.errorCode, errorMessage: answer.errorMessage ?? '' } : {};
    send(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair',
      key: JSON.stringify({ result: answer.result, details }),
      value: JSON.stringify(record),
    });
  }

  private listLogs(query: URLSearchParams, send: Send, fail: Fail): void {
    let records = [...this.logs];
    const filter = query.get('$filter');
    if (filter && !this.ignoreLogFilter) {
      const predicates = parseLogFilter(filter);
      if (typeof predicates === 'string') return fail(400, 'BadRequest', `Invalid filter clause: ${predicates}`);
      records = records.filter((r) => predicates.every((p) => p(r)));
    }
    records.sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)));
    const top = Math.min(Number(query.get('$top') ?? this.logPageSize) || this.logPageSize, this.logPageSize);
    const skip = Number(query.get('$skiptoken') ?? 0) || 0;
    const page = records.slice(skip, skip + top);
    const result: Record<string, unknown> = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning',
      value: page,
    };
    if (skip + top < records.length) {
      const next = new URLSearchParams(query);
      next.set('$skiptoken', String(skip + top));
      result['@odata.nextLink'] = `${this.baseUrl}/v1.0/auditLogs/provisioning?${next.toString()}`;
    }
    send(200, result);
  }

  /** Set by the emulator when it starts (nextLinks are absolute). */
  baseUrl = '';
}

function selectUser(user: DirectoryUser, select: string | null): Record<string, unknown> {
  if (!select) {
    const { id, displayName, userPrincipalName, jobTitle, mail } = user;
    return { id, displayName, userPrincipalName, jobTitle: jobTitle ?? null, mail: mail ?? null };
  }
  const fields = select.split(',').map((s) => s.trim());
  return Object.fromEntries(['id', ...fields].map((f) => [f, user[f] ?? null]));
}

/** `a and b and …` of: `path eq 'v'`, `activityDateTime ge|gt|lt|le ISO` (the documented subset, docs/watch-and-troubleshoot.md). */
function parseLogFilter(filter: string): ((record: ProvisioningRecord) => boolean)[] | string {
  const predicates: ((record: ProvisioningRecord) => boolean)[] = [];
  for (const clause of filter.split(/\s+and\s+/)) {
    const text = clause.trim().replace(/^\((.*)\)$/, '$1');
    const eq = /^([A-Za-z/]+) eq '((?:[^']|'')*)'$/.exec(text);
    if (eq) {
      const [, property, raw] = eq as unknown as [string, string, string];
      if (!FILTERABLE.has(property)) return text;
      const value = raw.replace(/''/g, "'");
      // "The filters are all case sensitive" except status (docs/watch-and-troubleshoot.md).
      const fold = property === 'provisioningStatusInfo/status';
      predicates.push((r) => {
        const actual = String(readPath(r, property) ?? '');
        return fold ? actual.toLowerCase() === value.toLowerCase() : actual === value;
      });
      continue;
    }
    const time = /^activityDateTime (ge|gt|lt|le) (\S+)$/.exec(text);
    if (time) {
      const bound = Date.parse(time[2]!);
      if (Number.isNaN(bound)) return text;
      const op = time[1]!;
      predicates.push((r) => {
        const t = Date.parse(String(r.activityDateTime));
        return op === 'ge' ? t >= bound : op === 'gt' ? t > bound : op === 'lt' ? t < bound : t <= bound;
      });
      continue;
    }
    return text;
  }
  return predicates;
}

const FILTERABLE = new Set([
  'servicePrincipal/id',
  'jobId',
  'provisioningAction',
  'provisioningStatusInfo/status',
  'sourceIdentity/id',
  'sourceIdentity/displayName',
  'changeId',
  'cycleId',
]);

function readPath(record: ProvisioningRecord, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('/'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** A provisioning log record with the fields aadmap reads; the rest as Graph documents them. */
export function logRecord(fields: {
  id: string;
  time: string;
  servicePrincipalId: string;
  jobId: string;
  action?: string;
  status?: 'success' | 'failure' | 'skipped' | 'warning';
  errorCode?: string;
  reason?: string;
  user: { id: string; name: string; upn?: string };
  modified?: { displayName: string; oldValue: string | null; newValue: string | null }[];
  steps?: { name: string; provisioningStepType: string; status: string; description: string }[];
}): ProvisioningRecord {
  const status = fields.status ?? 'success';
  return {
    id: fields.id,
    activityDateTime: fields.time,
    tenantId: '8c3f2a1b-0d9e-4f7a-b6c5-1e2d3f4a5b6c',
    jobId: fields.jobId,
    cycleId: 'c1d2e3f4-0000-4000-8000-000000000001',
    changeId: `change-${fields.id}`,
    durationInMilliseconds: 1200,
    provisioningAction: fields.action ?? 'create',
    provisioningStatusInfo: {
      status,
      errorInformation:
        status === 'failure' || fields.errorCode
          ? {
              errorCode: fields.errorCode ?? null,
              reason: fields.reason ?? null,
              additionalDetails: null,
              errorCategory: 'nonServiceFailure',
              recommendedAction: null,
            }
          : null,
    },
    provisioningSteps: fields.steps ?? [],
    modifiedProperties: fields.modified ?? [],
    servicePrincipal: { id: fields.servicePrincipalId, displayName: 'Chatwork' },
    sourceIdentity: {
      id: fields.user.id,
      displayName: fields.user.name,
      identityType: 'User',
      details: fields.user.upn ? { UserPrincipalName: fields.user.upn } : null,
    },
    targetIdentity: { id: null, displayName: fields.user.name, identityType: 'urn:ietf:params:scim:schemas:core:2.0:User', details: null },
    sourceSystem: { id: null, displayName: 'Azure Active Directory', details: null },
    targetSystem: { id: null, displayName: 'Chatwork', details: null },
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
  };
}

/** Keys whose values the service masks on read, whether or not a seed marks them secret. */
const MASKED_KEYS = /^(Password|SecretToken|ClientSecret|Oauth2ClientSecret|Oauth2AccessToken|Oauth2RefreshToken|AppKey|ConsumerSecret)$/;

/** Demo data for `npm run emulator` and the tests: settings, three users, a day of log records, on-demand answers. */
/**
 * A job in a TooManyDeletes quarantine with `count` deletes held in its logs (staged deletes, skipped,
 * after the quarantine began): what `aadmap status` counts.
 */
export function seedHeldDeletes(lifecycle: LifecycleEmulator, ids: { servicePrincipalId: string; jobId: string }, count: number): void {
  lifecycle.seedJob(ids.jobId, { state: 'Quarantine', reason: 'TooManyDeletes' });
  const base = { servicePrincipalId: ids.servicePrincipalId, jobId: ids.jobId, action: 'stagedDelete', status: 'skipped' as const };
  for (let i = 0; i < count; i++)
    lifecycle.logs.push(logRecord({ ...base, id: `held-${i}`, time: '2026-11-30T06:30:00Z', user: { id: `u${i}`, name: `User ${i}` } }));
}

export function seedLifecycleDemo(lifecycle: LifecycleEmulator, ids: { servicePrincipalId: string; jobId: string }): void {
  lifecycle.secrets.set(ids.servicePrincipalId, [
    { key: 'BaseAddress', value: 'https://api.chatwork.com/scim/v2' },
    { key: 'SecretToken', value: 'chatwork-secret-token-never-shown', secret: true },
    {
      key: 'SyncNotificationSettings',
      value: '{"Enabled":true,"Recipients":"idm-team@contoso.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":500}',
    },
    { key: 'SyncAll', value: 'false' },
  ]);
  const user = (id: string, name: string, upn: string, extra: Record<string, unknown>): DirectoryUser => ({
    id,
    displayName: name,
    userPrincipalName: upn,
    accountEnabled: true,
    mailNickname: upn.split('@')[0],
    ...extra,
  });
  lifecycle.users.push(
    user('9bb0f679-a883-4a6f-8260-35b491b8b8c8', 'Adele Vance', 'adele@contoso.com', {
      jobTitle: 'Retail Manager',
      department: 'Retail',
      companyName: null,
    }),
    user('2c7e4d1a-5b3f-4e2a-9c8d-7f6e5d4c3b2a', 'Bob Kelly', 'bob@contoso.com', {
      jobTitle: 'Engineer',
      department: 'R&D',
      companyName: 'Contoso Japan',
    }),
    user('6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2910', 'Chris Green', 'chris@fabrikam.com', {
      jobTitle: null,
      department: null,
      companyName: null,
    }),
  );
  const [adele, bob, chris] = lifecycle.users as [DirectoryUser, DirectoryUser, DirectoryUser];
  const org = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization';
  // Adele: the service agrees with the offline preview.
  lifecycle.onDemand.set(adele.id, {
    result: 'Success',
    action: 'Create',
    steps: [
      {
        name: 'EntryImport',
        type: 'Import',
        status: 'Success',
        description: "Retrieved User 'adele@contoso.com' from Azure Active Directory",
      },
      {
        name: 'EntrySynchronizationScoping',
        type: 'Scoping',
        status: 'Success',
        description: 'Determine if User in scope by evaluating against each scoping filter',
        details: {
          'Active in the source system': 'True',
          'Assigned to the application': 'True',
          ScopeEvaluationResult:
            '{"Assigned employees.accountEnabled IS TRUE":true,"Assigned employees.userPrincipalName ENDS_WITH \'@contoso.com\'":true}',
        },
      },
      { name: 'EntryImport', type: 'Matching', status: 'Success', description: "User 'adele@contoso.com' was not found in Chatwork" },
      { name: 'EntryExportAdd', type: 'Export', status: 'Success', description: "User 'adele@contoso.com' was created in Chatwork" },
    ],
    modified: [
      { displayName: 'userName', oldValue: null, newValue: 'adele@contoso.com' },
      { displayName: 'active', oldValue: null, newValue: 'True' },
      { displayName: 'title', oldValue: null, newValue: 'Retail Manager' },
      { displayName: 'externalId', oldValue: null, newValue: 'adele' },
      { displayName: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', oldValue: null, newValue: 'Retail' },
      { displayName: org, oldValue: null, newValue: 'Contoso' },
    ],
  });
  // Bob: the service sends another organization than the preview predicts (a seeded disagreement).
  lifecycle.onDemand.set(bob.id, {
    result: 'Success',
    action: 'Update',
    steps: [
      {
        name: 'EntryImport',
        type: 'Import',
        status: 'Success',
        description: "Retrieved User 'bob@contoso.com' from Azure Active Directory",
      },
      {
        name: 'EntrySynchronizationScoping',
        type: 'Scoping',
        status: 'Success',
        description: 'Determine if User in scope by evaluating against each scoping filter',
      },
      { name: 'EntryImport', type: 'Matching', status: 'Success', description: "Retrieved 'bob@contoso.com' from Chatwork" },
      { name: 'EntryExportUpdate', type: 'Export', status: 'Success', description: "User 'bob@contoso.com' was updated in Chatwork" },
    ],
    modified: [
      { displayName: 'title', oldValue: 'Intern', newValue: 'Engineer' },
      { displayName: org, oldValue: 'Contoso', newValue: 'CONTOSO JAPAN' },
    ],
  });
  // Chris: out of scope (not @contoso.com).
  lifecycle.onDemand.set(chris.id, {
    result: 'Skipped',
    action: 'Other',
    errorCode: 'NotEffectivelyEntitled',
    errorMessage: 'The user is not in scope of the scoping filters.',
    steps: [
      {
        name: 'EntryImport',
        type: 'Import',
        status: 'Success',
        description: "Retrieved User 'chris@fabrikam.com' from Azure Active Directory",
      },
      {
        name: 'EntrySynchronizationScoping',
        type: 'Scoping',
        status: 'Skipped',
        description: 'Determine if User in scope by evaluating against each scoping filter',
        details: { ScopeEvaluationResult: '{"Assigned employees.userPrincipalName ENDS_WITH \'@contoso.com\'":false}' },
      },
    ],
    modified: [],
  });
  const now = Date.now();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const base = { servicePrincipalId: ids.servicePrincipalId, jobId: ids.jobId };
  const failure = (id: string, minutes: number, who: DirectoryUser) =>
    logRecord({
      ...base,
      id,
      time: ago(minutes),
      action: 'create',
      status: 'failure',
      errorCode: 'SchemaPropertyCanOnlyAcceptValue',
      reason:
        "The property 'organization' in Chatwork can only accept the values of the organizations set up in Chatwork; the value sent was not one of them.",
      user: { id: who.id, name: who.displayName, upn: who.userPrincipalName },
      modified: [{ displayName: org, oldValue: null, newValue: 'Contoso' }],
      steps: [
        {
          name: 'EntryImportAdd',
          provisioningStepType: 'import',
          status: 'success',
          description: `Received User '${who.userPrincipalName}'`,
        },
        {
          name: 'EntryExportAdd',
          provisioningStepType: 'export',
          status: 'failure',
          description: `Failed to create User '${who.userPrincipalName}' in Chatwork`,
        },
      ],
    });
  lifecycle.logs.push(
    failure('log-1', 30, adele),
    failure('log-2', 35, chris),
    logRecord({
      ...base,
      id: 'log-3',
      time: ago(40),
      action: 'update',
      status: 'success',
      user: { id: bob.id, name: bob.displayName, upn: bob.userPrincipalName },
      modified: [{ displayName: 'title', oldValue: 'Intern', newValue: 'Engineer' }],
    }),
    logRecord({
      ...base,
      id: 'log-4',
      time: ago(60 * 30),
      action: 'create',
      status: 'failure',
      errorCode: 'SystemForCrossDomainIdentityManagementBadResponse',
      reason: 'An old failure, outside the default window.',
      user: { id: bob.id, name: bob.displayName },
    }),
    logRecord({
      servicePrincipalId: '0d6b9e3a-7f21-4c58-a9e4-3b2c1d0e9f87',
      jobId: 'other.job',
      id: 'log-other',
      time: ago(20),
      status: 'failure',
      errorCode: 'OtherAppError',
      reason: 'A record of another application.',
      user: { id: adele.id, name: adele.displayName },
    }),
  );
}
