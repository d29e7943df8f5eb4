/**
 * `aadmap logs`: the job's provisioning logs (GET /auditLogs/provisioning,
 * https://learn.microsoft.com/graph/api/provisioningobjectsummary-list). Graph is asked to filter by
 * service principal and time (`$filter`); every `@odata.nextLink` page is read (throttling is waited
 * out by the GraphClient); the records are filtered again here, so only this job's are shown,
 * whatever Graph returns. Read-only.
 */
import { localized, t } from '../../../grammar/common/l10n';
import { GraphError } from '../client';
import { asArray, isRecord, str } from '../json';
import type { SynchronizationApi } from '../sync-api';
import type { ResolvedTarget } from '../workflow';
import { LOG_ERROR_ACTIONS, modifiedPropertyLine } from './catalogue';

export const LOG_STATUSES = ['success', 'failure', 'skipped', 'warning'] as const;
export const LOG_ACTIONS = ['create', 'update', 'delete', 'stagedDelete', 'disable', 'other'] as const;

export interface LogQuery {
  /** ISO time: records at or after it. */
  since: string;
  status?: (typeof LOG_STATUSES)[number];
  action?: (typeof LOG_ACTIONS)[number];
  /** UPN, display name or object id. */
  user?: string;
  /** Stop after this many pages (a guard against an endless nextLink chain). */
  maxPages?: number;
}

export interface LogStep {
  name: string;
  type: string;
  status: string;
  description: string;
}

export interface LogRecord {
  id: string;
  time: string;
  action: string;
  status: string;
  errorCode: string | null;
  reason: string | null;
  recommendedAction: string | null;
  user: { id: string; name: string; upn: string | null };
  target: { id: string | null; name: string | null };
  changeId: string;
  cycleId: string | null;
  modified: { name: string; old: string | null; new: string | null }[];
  steps: LogStep[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `2h`, `30m`, `7d`, `90s` or an ISO time → an ISO time; undefined when unreadable. */
export function parseSince(value: string, now = Date.now()): string | undefined {
  const duration = /^(\d+)\s*([smhd])$/i.exec(value.trim());
  if (duration) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(duration[1]) * unit).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The `$filter` sent: service principal and time always, then the status, action and an object-id user. */
export function buildLogFilter(servicePrincipalId: string, query: LogQuery): string {
  const clauses = [`servicePrincipal/id eq ${quote(servicePrincipalId)}`, `activityDateTime ge ${query.since}`];
  if (query.status) clauses.push(`provisioningStatusInfo/status eq ${quote(query.status)}`);
  if (query.action) clauses.push(`provisioningAction eq ${quote(query.action)}`);
  if (query.user && GUID.test(query.user)) clauses.push(`sourceIdentity/id eq ${quote(query.user)}`);
  return clauses.join(' and ');
}

export async function readLogs(
  api: SynchronizationApi,
  target: ResolvedTarget,
  query: LogQuery,
  signal?: AbortSignal,
): Promise<LogRecord[]> {
  const filter = buildLogFilter(target.servicePrincipal.id, query);
  let path: string | undefined = `/auditLogs/provisioning?$filter=${encodeURIComponent(filter)}&$top=500`;
  const records: LogRecord[] = [];
  const maxPages = query.maxPages ?? 200;
  for (let page = 0; path && page < maxPages; page++) {
    const { json } = await api.graph.getJson(path, signal);
    for (const raw of asArray(isRecord(json) ? json.value : undefined)) {
      if (!isRecord(raw) || !belongsTo(raw, target)) continue;
      const record = toLogRecord(raw);
      if (matches(record, query)) records.push(record);
    }
    const next = isRecord(json) ? str(json['@odata.nextLink']) : undefined;
    path = next ? relativeNextLink(api, next) : undefined;
  }
  return records.sort((a, b) => b.time.localeCompare(a.time));
}

/** nextLinks are absolute; they must stay on the Graph host the token is for. */
function relativeNextLink(api: SynchronizationApi, next: string): string {
  const base = api.graph.baseUrl;
  if (next.startsWith(`${base}/`)) return next.slice(base.length);
  throw new GraphError(t('Graph returned a next page on another host ({0}); it was not followed.', new URL(next).origin), {
    code: 'InvalidResponse',
    method: 'GET',
    path: '/auditLogs/provisioning',
  });
}

function belongsTo(raw: Record<string, unknown>, target: ResolvedTarget): boolean {
  const sp = isRecord(raw.servicePrincipal) ? str(raw.servicePrincipal.id) : undefined;
  const job = str(raw.jobId);
  return sp === target.servicePrincipal.id && (job === undefined || job === target.job.id);
}

function matches(record: LogRecord, query: LogQuery): boolean {
  if (query.since && record.time < query.since) return false;
  if (query.status && record.status !== query.status.toLowerCase()) return false;
  if (query.action && record.action.toLowerCase() !== query.action.toLowerCase()) return false;
  if (query.user) {
    const wanted = query.user.toLowerCase();
    const { id, name, upn } = record.user;
    if (![id, name, upn].some((v) => v?.toLowerCase() === wanted)) return false;
  }
  return true;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toLogRecord(raw: Record<string, unknown>): LogRecord {
  const statusInfo = isRecord(raw.provisioningStatusInfo) ? raw.provisioningStatusInfo : isRecord(raw.statusInfo) ? raw.statusInfo : {};
  const error = isRecord(statusInfo.errorInformation) ? statusInfo.errorInformation : {};
  const source = isRecord(raw.sourceIdentity) ? raw.sourceIdentity : {};
  const target = isRecord(raw.targetIdentity) ? raw.targetIdentity : {};
  const details = isRecord(source.details) ? source.details : {};
  const errorCode = str(error.errorCode) ?? null;
  return {
    id: str(raw.id) ?? '',
    time: str(raw.activityDateTime) ?? '',
    action: str(raw.provisioningAction) ?? str(raw.action) ?? '',
    status: (str(statusInfo.status) ?? '').toLowerCase(),
    errorCode,
    reason: str(error.reason) ?? null,
    recommendedAction: str(error.recommendedAction) ?? (errorCode ? (LOG_ERROR_ACTIONS[errorCode] ?? null) : null),
    user: {
      id: str(source.id) ?? '',
      name: str(source.displayName) ?? '',
      upn: str(details.UserPrincipalName) ?? str(details.userPrincipalName) ?? null,
    },
    target: { id: str(target.id) ?? null, name: str(target.displayName) ?? null },
    changeId: str(raw.changeId) ?? '',
    cycleId: str(raw.cycleId) ?? null,
    modified: asArray(raw.modifiedProperties)
      .filter(isRecord)
      .map((p) => ({ name: str(p.displayName) ?? '', old: text(p.oldValue), new: text(p.newValue) })),
    steps: asArray(raw.provisioningSteps)
      .filter(isRecord)
      .map((s) => ({
        name: str(s.name) ?? '',
        type: str(s.provisioningStepType) ?? str(s.type) ?? '',
        status: str(s.status) ?? '',
        description: str(s.description) ?? '',
      })),
  };
}

export interface ErrorGroup {
  errorCode: string;
  count: number;
  /** Distinct users. */
  users: { id: string; name: string }[];
  reason: string | null;
  recommendedAction: string | null;
  records: LogRecord[];
}

/** Failures (and warnings with a code) grouped by error code, the most frequent first. */
export function groupByErrorCode(records: readonly LogRecord[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const record of records) {
    if (!record.errorCode || record.status === 'success') continue;
    let group = groups.get(record.errorCode);
    if (!group) {
      group = {
        errorCode: record.errorCode,
        count: 0,
        users: [],
        reason: record.reason,
        recommendedAction: record.recommendedAction,
        records: [],
      };
      groups.set(record.errorCode, group);
    }
    group.count++;
    group.records.push(record);
    if (!group.users.some((u) => u.id === record.user.id)) group.users.push({ id: record.user.id, name: record.user.name });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.errorCode.localeCompare(b.errorCode));
}

/** The `--format json` item (the exact contract). */
export function logRecordToJson(record: LogRecord): Record<string, unknown> {
  return {
    time: record.time,
    action: record.action,
    status: record.status,
    errorCode: record.errorCode,
    reason: record.reason,
    recommendedAction: record.recommendedAction,
    user: { id: record.user.id, name: record.user.name, upn: record.user.upn },
    changeId: record.changeId,
    cycleId: record.cycleId,
    id: record.id,
    modified: record.modified,
    steps: record.steps,
  };
}

export function formatLogsText(records: readonly LogRecord[], since: string): string {
  const lines: string[] = [];
  const groups = groupByErrorCode(records);
  lines.push(records.length === 1 ? t('{0} record since {1}.', records.length, since) : t('{0} records since {1}.', records.length, since));
  if (groups.length) {
    lines.push('', t('Errors by code:'));
    for (const group of groups) {
      const names = group.users.slice(0, 3).map((u) => u.name || u.id);
      const more = group.users.length - names.length;
      const examples = more > 0 ? t('{0}, +{1} more', names.join(', '), more) : names.join(', ');
      lines.push(`  ${errorGroupLine(group, examples)}`);
      if (group.reason) lines.push(`    ${t('Reason: {0}', group.reason)}`);
      if (group.recommendedAction) lines.push(`    ${t('Action: {0}', localized(group.recommendedAction))}`);
    }
  }
  if (records.length) lines.push('', t('Records (newest first):'));
  for (const record of records) {
    const who = record.user.upn ?? (record.user.name || record.user.id);
    const status = record.errorCode ? `${record.status} ${record.errorCode}` : record.status;
    lines.push(`  ${record.time}  ${record.action}  ${status}  ${who}  ${t('(change {0})', record.changeId)}`);
    for (const p of record.modified) lines.push(`      ${modifiedPropertyLine(p)}`);
  }
  return lines.join('\n');
}

/** One error code's line: its counts and example users (the four English plural forms are four messages). */
function errorGroupLine(group: ErrorGroup, examples: string): string {
  const [code, records, users] = [group.errorCode, group.count, group.users.length];
  if (records === 1)
    return users === 1
      ? t('{0} — {1} record, {2} user ({3})', code, records, users, examples)
      : t('{0} — {1} record, {2} users ({3})', code, records, users, examples);
  return users === 1
    ? t('{0} — {1} records, {2} user ({3})', code, records, users, examples)
    : t('{0} — {1} records, {2} users ({3})', code, records, users, examples);
}
