/**
 * `aadmap status`: the job as the portal's provisioning overview shows it (GET job), with the
 * settings read from GET …/synchronization/secrets — never a masked value. Read-only.
 * Shapes: synchronizationStatus and friends (https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationstatus).
 */
import { formatNumber, localized, t } from '../../../grammar/common/l10n';
import { GraphError } from '../client';
import { asArray, isRecord, str } from '../json';
import type { SynchronizationApi } from '../sync-api';
import type { ResolvedTarget } from '../workflow';
import { explainQuarantine } from './catalogue';

const enc = encodeURIComponent;
/** The service's "never" (steadyStateFirstAchievedTime before the first steady state). */
const NEVER = /^0001-01-01/;

export interface JobStatusReport {
  servicePrincipal: { id: string; displayName: string };
  job: { id: string; templateId: string };
  /** Graph's status.code: Active, Paused, Quarantine, NotRun, NotConfigured. */
  state: string;
  schedule: string | null;
  /** The initial cycle has completed at least once. */
  steadyState: boolean;
  quarantine: null | {
    reason: string;
    since: string | null;
    nextAttempt: string | null;
    seriesBegan: string | null;
    error: { code: string; message: string };
    explanation: string;
    fix: string;
    /** TooManyDeletes: the deletes held in the logs since the quarantine began (null when the logs cannot be read). */
    heldDeletes?: number | null;
  };
  progress: null | { completed: number; total: number; units: string };
  lastExecution: null | {
    state: string;
    began: string | null;
    ended: string | null;
    imported: number | null;
    exported: number | null;
    escrowed: number | null;
    error: { code: string; message: string } | null;
  };
  synchronizedCounts: Record<string, number>;
  settings: {
    syncAll: boolean | null;
    notificationEmail: string | null;
    notificationsEnabled: boolean | null;
    deletionPreventionEnabled: boolean | null;
    deletionThreshold: number | null;
  };
  /** Why a part could not be read (e.g. the settings without permission). */
  warnings: string[];
}

export async function readJobStatus(api: SynchronizationApi, target: ResolvedTarget, signal?: AbortSignal): Promise<JobStatusReport> {
  const sp = target.servicePrincipal;
  const { json } = await api.graph.getJson(`/servicePrincipals/${enc(sp.id)}/synchronization/jobs/${enc(target.job.id)}`, signal);
  const job = isRecord(json) ? json : {};
  const status = isRecord(job.status) ? job.status : {};
  const report: JobStatusReport = {
    servicePrincipal: { id: sp.id, displayName: sp.displayName },
    job: { id: target.job.id, templateId: str(job.templateId) ?? target.job.templateId },
    state: str(status.code) ?? 'Unknown',
    schedule: isRecord(job.schedule) ? (str(job.schedule.state) ?? null) : null,
    steadyState: isTime(status.steadyStateFirstAchievedTime),
    quarantine: null,
    progress: null,
    lastExecution: null,
    synchronizedCounts: {},
    settings: emptySettings(),
    warnings: [],
  };
  if (isRecord(status.quarantine)) {
    const q = status.quarantine;
    const reason = str(q.reason) ?? 'Unknown';
    report.quarantine = {
      reason,
      since: time(q.currentBegan),
      nextAttempt: time(q.nextAttempt),
      seriesBegan: time(q.seriesBegan),
      error: errorOf(q.error) ?? { code: '', message: '' },
      ...explainQuarantine(reason),
    };
  }
  const progress = asArray(status.progress)
    .filter(isRecord)
    .find((p) => num(p.totalUnits) > 0);
  if (progress)
    report.progress = { completed: num(progress.completedUnits), total: num(progress.totalUnits), units: str(progress.units) ?? '' };
  if (isRecord(status.lastExecution) && isTime(status.lastExecution.timeBegan)) {
    const e = status.lastExecution;
    const error = errorOf(e.error);
    report.lastExecution = {
      state: str(e.state) ?? '',
      began: time(e.timeBegan),
      ended: time(e.timeEnded),
      imported: optionalNum(e.countImported),
      exported: optionalNum(e.countExported),
      escrowed: optionalNum(e.countEscrowed),
      error: error && error.code !== 'None' ? error : null,
    };
  }
  for (const pair of asArray(status.synchronizedEntryCountByType).filter(isRecord)) {
    const key = str(pair.key);
    if (key) report.synchronizedCounts[key] = num(pair.value);
  }
  try {
    report.settings = await readSettings(api, sp.id, signal);
  } catch (error) {
    if (!(error instanceof GraphError) || error.status === undefined || error.status >= 500 || error.status === 401) throw error;
    report.warnings.push(t('The settings could not be read ({0}): {1}', error.code, error.message));
  }
  return report;
}

function emptySettings(): JobStatusReport['settings'] {
  return { syncAll: null, notificationEmail: null, notificationsEnabled: null, deletionPreventionEnabled: null, deletionThreshold: null };
}

/**
 * The settings kept in the secrets (docs/watch-and-troubleshoot.md): SyncAll and the JSON string
 * SyncNotificationSettings. Only these keys are read; a value the service masks ("*") counts as not readable.
 */
async function readSettings(
  api: SynchronizationApi,
  servicePrincipalId: string,
  signal?: AbortSignal,
): Promise<JobStatusReport['settings']> {
  const { json } = await api.graph.getJson(`/servicePrincipals/${enc(servicePrincipalId)}/synchronization/secrets`, signal);
  const settings = emptySettings();
  const pairs = asArray(isRecord(json) ? json.value : undefined).filter(isRecord);
  const value = (key: string) => {
    const found = str(pairs.find((p) => str(p.key)?.toLowerCase() === key.toLowerCase())?.value);
    return found === undefined || found === '*' ? undefined : found;
  };
  const syncAll = value('SyncAll')?.trim().toLowerCase();
  if (syncAll === 'true' || syncAll === 'false') settings.syncAll = syncAll === 'true';
  const notification = value('SyncNotificationSettings');
  if (notification) {
    try {
      const parsed = JSON.parse(notification) as unknown;
      if (isRecord(parsed)) {
        settings.notificationEmail = str(parsed.Recipients)?.trim() || null;
        settings.notificationsEnabled = typeof parsed.Enabled === 'boolean' ? parsed.Enabled : null;
        settings.deletionPreventionEnabled = typeof parsed.DeleteThresholdEnabled === 'boolean' ? parsed.DeleteThresholdEnabled : null;
        const threshold = Number(parsed.DeleteThresholdValue);
        settings.deletionThreshold = parsed.DeleteThresholdValue !== undefined && Number.isFinite(threshold) ? threshold : null;
      }
    } catch {
      // not JSON: the settings stay unreadable
    }
  }
  return settings;
}

/** The `--format json` object (the exact contract: state, quarantine, progress, lastExecution, settings). */
export function statusToJson(report: JobStatusReport): Record<string, unknown> {
  return {
    servicePrincipal: report.servicePrincipal,
    job: report.job,
    state: report.state,
    schedule: report.schedule,
    steadyState: report.steadyState,
    quarantine: report.quarantine,
    progress: report.progress,
    lastExecution: report.lastExecution,
    synchronizedCounts: report.synchronizedCounts,
    settings: report.settings,
  };
}

export function formatStatusText(report: JobStatusReport): string {
  const lines: string[] = [];
  const name = report.servicePrincipal.displayName || report.servicePrincipal.id;
  lines.push(t('{0} — job {1}', name, report.job.id));
  lines.push(report.schedule ? t('State: {0} (schedule {1})', report.state, report.schedule) : t('State: {0}', report.state));
  lines.push(report.steadyState ? t('Initial cycle: completed (steady state reached)') : t('Initial cycle: not completed yet'));
  if (report.progress) {
    const { completed, total, units } = report.progress;
    const percent = Math.floor((completed / total) * 100);
    lines.push(
      units
        ? t('Progress: {0}/{1} {2} ({3}%)', completed, total, units, percent)
        : t('Progress: {0}/{1} ({2}%)', completed, total, percent),
    );
  }
  if (report.quarantine) {
    const q = report.quarantine;
    lines.push(quarantineLine(q));
    lines.push(`  ${t('Why: {0}', localized(q.explanation))}`);
    if (q.error.code || q.error.message) lines.push(`  ${t('Error: {0}', [q.error.code, q.error.message].filter(Boolean).join(': '))}`);
    if (q.heldDeletes !== undefined)
      lines.push(
        `  ${q.heldDeletes === null ? t('Held deletes: unknown (the provisioning logs cannot be read)') : t('Held deletes: {0}', q.heldDeletes)}`,
      );
    lines.push(`  ${t('Fix: {0}', localized(q.fix))}`);
  }
  const e = report.lastExecution;
  if (e) {
    const [began, ended, imported, exported, escrowed] = [e.began, e.ended, e.imported, e.exported, e.escrowed].map((v) => v ?? '?');
    lines.push(
      t(
        'Last execution: {0}, {1} → {2} (imported {3}, exported {4}, escrowed {5})',
        e.state,
        began!,
        ended!,
        imported!,
        exported!,
        escrowed!,
      ),
    );
    if (e.error) lines.push(`  ${t('Error: {0}', `${e.error.code}: ${e.error.message}`)}`);
  } else lines.push(t('Last execution: none'));
  const counts = Object.entries(report.synchronizedCounts);
  // The entry types (User, Group…) are the service's names, shown as it sends them.
  if (counts.length) lines.push(t('Synchronized: {0}', counts.map(([k, v]) => `${formatNumber(v)} ${k}`).join(', ')));
  lines.push(t('Settings (read-only):'));
  lines.push(`  ${settingLine(report.settings)}`);
  lines.push(`  ${notificationLine(report.settings)}`);
  lines.push(`  ${deletionPreventionLine(report.settings)}`);
  return lines.join('\n');
}

function quarantineLine(q: NonNullable<JobStatusReport['quarantine']>): string {
  if (q.since && q.nextAttempt) return t('Quarantine: {0} since {1}, next attempt {2}', q.reason, q.since, q.nextAttempt);
  if (q.since) return t('Quarantine: {0} since {1}', q.reason, q.since);
  if (q.nextAttempt) return t('Quarantine: {0}, next attempt {1}', q.reason, q.nextAttempt);
  return t('Quarantine: {0}', q.reason);
}

function settingLine(s: JobStatusReport['settings']): string {
  if (s.syncAll === null) return t('Scope: not readable');
  return s.syncAll ? t('Scope: all users and groups') : t('Scope: only assigned users and groups');
}

function notificationLine(s: JobStatusReport['settings']): string {
  if (s.notificationsEnabled === null)
    return s.notificationEmail === null ? t('Notification email: not readable') : t('Notification email: {0}', s.notificationEmail);
  if (s.notificationEmail === null)
    return s.notificationsEnabled ? t('Notification email: none (on)') : t('Notification email: none (off)');
  return s.notificationsEnabled
    ? t('Notification email: {0} (on)', s.notificationEmail)
    : t('Notification email: {0} (off)', s.notificationEmail);
}

function deletionPreventionLine(s: JobStatusReport['settings']): string {
  if (s.deletionPreventionEnabled === null)
    return s.deletionThreshold === null
      ? t('Accidental-deletion prevention: not readable')
      : t('Accidental-deletion prevention: not readable, threshold {0}', s.deletionThreshold);
  if (s.deletionThreshold === null)
    return s.deletionPreventionEnabled ? t('Accidental-deletion prevention: on') : t('Accidental-deletion prevention: off');
  return s.deletionPreventionEnabled
    ? t('Accidental-deletion prevention: on, threshold {0}', s.deletionThreshold)
    : t('Accidental-deletion prevention: off, threshold {0}', s.deletionThreshold);
}

function isTime(value: unknown): boolean {
  return typeof value === 'string' && value !== '' && !NEVER.test(value);
}

function time(value: unknown): string | null {
  return isTime(value) ? (value as string) : null;
}

function num(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function optionalNum(value: unknown): number | null {
  return value === null || value === undefined || !Number.isFinite(Number(value)) ? null : Number(value);
}

function errorOf(value: unknown): { code: string; message: string } | null {
  if (!isRecord(value)) return null;
  return { code: str(value.code) ?? '', message: str(value.message) ?? '' };
}
