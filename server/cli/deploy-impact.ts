/**
 * The deploy guard step of `aadmap deploy` (docs/impact.md, "The deploy guard"): with `--users`, the
 * impact of the job's current schema → the file, printed with the what-if, and the refusal when the
 * disable count reaches the job's accidental-deletion threshold or a matching value changes, unless
 * `--allow-disable N` / `--allow-match-change N` accept exactly those numbers. A separate step, so
 * the deploy workflow itself stays as it is.
 */
import { t } from '../../grammar/common/l10n';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphError } from '../graph/client';
import { CACHE_FOLDER, cacheMetaFile, readTenantUsers } from '../impact/tenant';
import type { SynchronizationApi } from '../graph/sync-api';
import type { Plan } from '../graph/workflow';
import { guardDecision, thresholdFromSecrets } from '../impact/guard';
import { type ImpactReport, reportText, toReport } from '../impact/report';
import { impactOfFile, impactVersions } from '../impact/run';
import { afterVersion, jobSchemaLabel, schemaVersion } from '../impact/sources';
import { VersionError } from '../impact/version';
import { readFailureReason } from '../node/file-errors';
import { option, type ParsedArgs, UsageError } from './args';
import type { CliIO } from './io';

export const DEPLOY_IMPACT_OPTIONS = {
  users: { value: true },
  'allow-disable': { value: true },
  'allow-match-change': { value: true },
} as const;

export function deployImpactUsage(): string {
  return `  --users USERS.jsonl|tenant  ${t("also show the impact on these users (aadmap impact; default: the directory\n                         cache of an earlier --users tenant run, brought up to date) and refuse the deploy when\n                         the disabled users reach the job's accidental-deletion threshold (500 when it\n                         cannot be read) or a matching value changes")}
  --allow-disable N      ${t('accept exactly N disabled users')}
  --allow-match-change N ${t('accept exactly N users whose matching value changes')}`;
}

export interface DeployImpact {
  /** The impact summary and the guard's reasons. */
  text: string;
  refused: boolean;
  /** The same as data, for the Markdown what-if: the report (absent when not computed) and the lines after it. */
  report?: ImpactReport;
  notes: string[];
}

/** Undefined without --users. Reads the job's secrets for the threshold (never printed: only the notification settings are used). */
export async function deployImpact(
  args: ParsedArgs,
  io: CliIO,
  file: string,
  plan: Plan,
  api: SynchronizationApi,
  signal: AbortSignal,
): Promise<DeployImpact | undefined> {
  // Users are available from --users, or from the directory cache of an earlier `--users tenant` run.
  const users =
    option(args, 'users') ?? (existsSync(cacheMetaFile(resolve(CACHE_FOLDER), plan.target.servicePrincipal.id)) ? 'tenant' : undefined);
  if (users === undefined) return undefined;
  const accepted = { disable: count(args, 'allow-disable'), matchChange: count(args, 'allow-match-change') };
  const after = afterVersion(file);
  const before = schemaVersion(plan.current.json, jobSchemaLabel(), file, after.text);
  let versions;
  try {
    versions = impactVersions(before, after);
  } catch (error) {
    if (!(error instanceof VersionError)) throw error;
    const text = t('Impact: not computed: {0} has errors.', error.label);
    return { text, refused: true, notes: [text] };
  }
  let secrets: unknown;
  try {
    secrets = (
      await api.graph.getJson(`/servicePrincipals/${encodeURIComponent(plan.target.servicePrincipal.id)}/synchronization/secrets`, signal)
    ).json;
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    secrets = undefined;
  }
  const threshold = thresholdFromSecrets(secrets);
  let usersFile = users;
  let notEvaluated: string[] = [];
  if (users === 'tenant') {
    const read = await readTenantUsers({
      client: api.graph,
      servicePrincipalId: plan.target.servicePrincipal.id,
      reads: new Set([...versions.before.reads, ...versions.after.reads]),
      cacheDir: resolve(CACHE_FOLDER),
      signal,
    });
    usersFile = read.usersFile;
    notEvaluated = read.notEvaluated;
  }
  let report;
  try {
    report = toReport(await impactOfFile(versions, usersFile, { onBadLine: (bad) => io.err(`${users}:${bad.line}: ${bad.message}`) }));
  } catch (error) {
    const text = t('Impact: cannot read {0}: {1}', users, readFailureReason(error));
    return { text, refused: true, notes: [text] };
  }
  const decision = guardDecision(report, threshold, accepted);
  const missing = notEvaluated.length
    ? [t("Not evaluated (Graph's /users cannot give them; read as null): {0}", notEvaluated.join(', '))]
    : [];
  const notes = [...missing, ...decision.reasons];
  return { text: [reportText(report), ...notes].join('\n'), refused: decision.refused, report, notes };
}

function count(args: ParsedArgs, name: string): number | undefined {
  const value = option(args, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(t("{0} must be a whole number (got '{1}')", `--${name}`, value));
  return Number(value);
}
