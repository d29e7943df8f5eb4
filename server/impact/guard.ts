/**
 * The deploy guard (docs/impact.md, "The deploy guard"): a deploy that disables as many users as
 * the job's accidental-deletion threshold, or changes anyone's matching value, is refused unless
 * the user accepts that exact number. The threshold is read from the job's secrets:
 * `SyncNotificationSettings` holds `DeleteThresholdEnabled` and `DeleteThresholdValue` as a JSON
 * string (learn.microsoft.com/entra/identity/app-provisioning/accidental-deletions); when it cannot
 * be read, or prevention is off, the portal's default of 500 applies.
 */
import { t } from '../../grammar/common/l10n';
import type { ImpactReport } from './report';

export const DEFAULT_DELETE_THRESHOLD = 500;

export interface DeleteThreshold {
  value: number;
  /** Where it comes from, for the message. */
  source: string;
}

/** The threshold from a `GET …/synchronization/secrets` answer (`{"value": [{key, value}]}`). */
export function thresholdFromSecrets(json: unknown): DeleteThreshold {
  const fallback = (why: string): DeleteThreshold => ({ value: DEFAULT_DELETE_THRESHOLD, source: t('the default ({0})', why) });
  const pairs =
    typeof json === 'object' && json !== null && Array.isArray((json as { value?: unknown }).value)
      ? (json as { value: unknown[] }).value
      : undefined;
  if (!pairs) return fallback(t('the job settings cannot be read'));
  const entry = pairs.find(
    (p): p is { key: string; value: string } =>
      typeof p === 'object' &&
      p !== null &&
      (p as { key?: unknown }).key === 'SyncNotificationSettings' &&
      typeof (p as { value?: unknown }).value === 'string',
  );
  if (!entry) return fallback(t('the job has no notification settings'));
  let settings: unknown;
  try {
    settings = JSON.parse(entry.value);
  } catch {
    return fallback(t('the notification settings are not JSON'));
  }
  const { DeleteThresholdEnabled: enabled, DeleteThresholdValue: value } = (settings ?? {}) as Record<string, unknown>;
  if (enabled !== true && enabled !== 'true' && enabled !== 'True') return fallback(t('accidental-deletion prevention is off'));
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) return fallback(t('the threshold is not a whole number'));
  return { value: n, source: t("the job's accidental-deletion threshold") };
}

export interface GuardAcceptance {
  /** `--allow-disable N`: the number of disabled users accepted. */
  disable?: number;
  /** `--allow-match-change N`. */
  matchChange?: number;
}

export interface GuardDecision {
  refused: boolean;
  /** One sentence per reason (refusals and accepted numbers). */
  reasons: string[];
}

export function guardDecision(report: ImpactReport, threshold: DeleteThreshold, accepted: GuardAcceptance): GuardDecision {
  const reasons: string[] = [];
  let refused = false;
  if (report.disable > 0 && report.disable >= threshold.value) {
    if (accepted.disable === report.disable) reasons.push(t('{0} users will be disabled (accepted).', report.disable));
    else {
      refused = true;
      reasons.push(
        t(
          '{0} users would be disabled, at or above {1} ({2}); accept exactly this number with --allow-disable {0}.',
          report.disable,
          threshold.source,
          threshold.value,
        ),
      );
    }
  }
  if (report.matchChanged !== 0) {
    if (accepted.matchChange === report.matchChanged)
      reasons.push(t('{0} users change their matching value (accepted).', report.matchChanged));
    else {
      refused = true;
      reasons.push(
        t(
          '{0} users would change their matching value, so the service may no longer find their accounts (duplicates or conflicts); accept exactly this number with --allow-match-change {0}.',
          report.matchChanged,
        ),
      );
    }
  }
  return { refused, reasons };
}
