/**
 * `aadmap status | start | pause | restart | test-connection | logs | provision` — after the deploy
 * (flags and JSON output are a contract; docs/watch-and-troubleshoot.md). The target is resolved as
 * `deploy` does: an optional FILE.aadmap (its deploy statement), overridden by --service-principal /
 * --job / --tenant. Exit status: 0 success, 1 refused or failed (Graph's error code and request-id on
 * stderr), 2 usage. `status` and `logs` only read.
 */
import { t } from '../../grammar/common/l10n';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMappingFile } from '../../grammar/mapping/index';
import { stringifyJson, fromPlainJson } from '../evaluator/index';
import { GraphError } from '../graph/client';
import { type DeployTarget, mergeDeployTargets, readDeployTarget } from '../graph/deploy-target';
import { RESET_SCOPES } from '../graph/lifecycle/catalogue';
import {
  dangerousScopes,
  describeRestart,
  parseResetScopes,
  pauseJob,
  ResetScopeError,
  restartJob,
  startJob,
  testConnection,
} from '../graph/lifecycle/control';
import { formatLogsText, LOG_ACTIONS, LOG_STATUSES, logRecordToJson, type LogQuery, parseSince, readLogs } from '../graph/lifecycle/logs';
import { formatProvisionText, provisionOnDemand, provisionToJson } from '../graph/lifecycle/provision';
import { formatStatusText, readJobStatus, statusToJson } from '../graph/lifecycle/status';
import type { SynchronizationApi } from '../graph/sync-api';
import { resolveTarget, type ResolvedTarget, type Steps } from '../graph/workflow';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { analyzeMappingText } from '../service/analysis';
import { oneOf, option, type OptionSpec, type ParsedArgs, parseArgs, UsageError } from './args';
import { ask, graphOptions, graphSpec, readTextFile, targetFromFlags, usage, withGraph } from './graph-commands';
import type { CliIO } from './io';

const TARGET = '[FILE.aadmap] [--service-principal ID] [--job ID]';
function targetHelp(): string {
  return t("The job: FILE's deploy statement, or --service-principal ID (object id or appId) [--job ID]; flags win.");
}

export function statusUsage(): string {
  return `${t('Usage:')} aadmap status ${TARGET} [--format text|json] [options]

${t("Shows the provisioning job as the portal's overview does: state, initial cycle, progress, last\nexecution, synchronized counts, quarantine (reason, explanation, fix) and the settings (scope,\nnotification email, accidental-deletion threshold), read-only. Reads only.")}
${targetHelp()}
${graphOptions()}`;
}

export function startUsage(): string {
  return `${t('Usage:')} aadmap start ${TARGET} [options]

${t('Starts a paused job, or clears a quarantine (POST …/start).')} ${targetHelp()}
${graphOptions()}`;
}

export function pauseUsage(): string {
  return `${t('Usage:')} aadmap pause ${TARGET} [options]

${t('Pauses the job (POST …/pause); its state is kept and start resumes it.')} ${targetHelp()}
${graphOptions()}`;
}

export function restartUsage(): string {
  return `${t('Usage:')} aadmap restart ${TARGET} [--reset SCOPES] [--force-deletes] [--yes …] [options]

${t('Restarts the job (POST …/restart). Without --reset: the portal\'s "Restart provisioning" (escrows,\nwatermark and quarantine cleared; every user evaluated again). A mapping change does NOT need it.')}
  --reset SCOPES                ${t('comma-separated: {0}\n                                (None and ConnectorDataStore are never sent)', RESET_SCOPES.join(', '))}
  --force-deletes               ${t('release the deletes held by accidental-deletion prevention')}
  --yes --i-understand-full-reset      ${t('confirm --reset Full without a terminal')}
  --yes --i-understand-force-deletes   ${t('confirm --force-deletes (or --reset ForceDeletes) without a terminal')}
${targetHelp()}
${graphOptions()}`;
}

export function testConnectionUsage(): string {
  return `${t('Usage:')} aadmap test-connection ${TARGET} [options]

${t("Asks the service to connect to the application with the saved admin credentials\n(validateCredentials, useSavedCredentials true). Exit 0 when accepted, 1 with the service's error code.")}
${targetHelp()}
${graphOptions()}`;
}

export function logsUsage(): string {
  return `${t('Usage:')} aadmap logs ${TARGET} [--since D] [--status S] [--action A] [--user U] [--format text|json] [options]

${t("The job's provisioning logs (needs AuditLog.Read.All and Directory.Read.All, and an Entra ID P1/P2\nlicence): a summary by error code (count, reason, recommended action, example users), then the records,\nnewest first. Reads only.")}
  --since D        ${t('a duration (30m, 2h, 7d) or an ISO time (default 24h)')}
  --status S       ${LOG_STATUSES.join(', ')}
  --action A       ${LOG_ACTIONS.join(', ')}
  --user U         ${t('a user principal name, display name or object id')}
${targetHelp()}
${graphOptions()}`;
}

export function provisionUsage(): string {
  return `${t('Usage:')} aadmap provision FILE.aadmap --user UPN|ID [--format text|json] [options]

${t("Provisions one user now (provisionOnDemand; writes to the target application), prints the service's\nsteps and modified properties, then compares them with aadmap's own preview for the same user (read\nfrom Graph) and lists every attribute where the service's value differs from aadmap's prediction.")}
${targetHelp()}
${graphOptions()}`;
}

const formatSpec: Record<string, OptionSpec> = { format: { value: true } };

interface TargetRun {
  api: SynchronizationApi;
  target: ResolvedTarget;
  steps: Steps;
  signal: AbortSignal;
  /** The file's text, when a FILE was given. */
  text?: string;
  file?: string;
}

/** Parses the flags, reads the optional FILE, signs in, resolves the job, then runs. */
async function withJob(
  argv: readonly string[],
  io: CliIO,
  command: string,
  usageText: string,
  extra: Record<string, OptionSpec>,
  run: (args: ParsedArgs, context: TargetRun) => Promise<number>,
  /** Validates the flags before anything is sent; a number ends the command with that exit status. */
  check: (args: ParsedArgs) => number | void | Promise<number | void> = () => undefined,
  fileRequired = false,
): Promise<number> {
  const args = parseArgs(argv, { ...graphSpec, ...extra });
  if (args.flags.has('help')) return usage(io, usageText);
  if (args.positionals.length > 1) throw new UsageError(t('{0} takes at most one FILE.aadmap', command));
  if (fileRequired && args.positionals.length !== 1) throw new UsageError(t('{0} takes exactly one FILE.aadmap', command));
  const early = await check(args);
  if (typeof early === 'number') return early;
  const file = args.positionals[0];
  let text: string | undefined;
  let fromFile: DeployTarget = {};
  if (file !== undefined) {
    text = readTextFile(file, io);
    if (text === undefined) return 1;
    fromFile = readDeployTarget(parseMappingFile(text).ast);
  }
  const wanted = mergeDeployTargets(fromFile, targetFromFlags(args));
  return withGraph(args, io, wanted, async (api, steps, signal) => {
    const target = await resolveTarget(api, wanted, steps, signal);
    return run(args, { api, target, steps, signal, text, file });
  });
}

function formatOf(args: ParsedArgs): 'text' | 'json' {
  return oneOf(option(args, 'format'), ['text', 'json'] as const, 'format', 'text');
}

function printJson(io: CliIO, value: unknown): void {
  io.out(stringifyJson(fromPlainJson(value)));
}

export function runStatus(argv: readonly string[], io: CliIO): Promise<number> {
  return withJob(
    argv,
    io,
    'status',
    statusUsage(),
    formatSpec,
    async (args, { api, target, signal }) => {
      const report = await readJobStatus(api, target, signal);
      if (report.quarantine?.reason === 'TooManyDeletes') {
        try {
          const since = report.quarantine.seriesBegan ?? report.quarantine.since ?? parseSince('24h')!;
          const held = await readLogs(api, target, { since, action: 'stagedDelete' }, signal);
          report.quarantine.heldDeletes = new Set(held.map((r) => r.user.id)).size;
        } catch (error) {
          if (!(error instanceof GraphError) || error.status === 401) throw error;
          report.quarantine.heldDeletes = null;
        }
      }
      for (const warning of report.warnings) io.err(t('warning: {0}', warning));
      if (formatOf(args) === 'json') printJson(io, statusToJson(report));
      else io.out(formatStatusText(report));
      return 0;
    },
    (args) => void formatOf(args),
  );
}

export function runStart(argv: readonly string[], io: CliIO): Promise<number> {
  return withJob(argv, io, 'start', startUsage(), {}, async (_args, { api, target, signal }) => {
    const before = await readJobStatus(api, target, signal).catch(() => undefined);
    if (before && before.state !== 'Paused' && before.state !== 'Quarantine' && before.schedule === 'Active')
      io.err(t('note: the job is {0} and already scheduled; start is meant for a paused or quarantined job.', before.state));
    await startJob(api, target, signal);
    io.out(
      before?.state === 'Quarantine'
        ? t('Started job {0} (its quarantine is cleared).', target.job.id)
        : t('Started job {0}.', target.job.id),
    );
    return 0;
  });
}

export function runPause(argv: readonly string[], io: CliIO): Promise<number> {
  return withJob(argv, io, 'pause', pauseUsage(), {}, async (_args, { api, target, signal }) => {
    await pauseJob(api, target, signal);
    io.out(t('Paused job {0}; its state is kept (aadmap start resumes it).', target.job.id));
    return 0;
  });
}

export function runRestart(argv: readonly string[], io: CliIO): Promise<number> {
  let scopes: ReturnType<typeof parseResetScopes> = [];
  const spec = { reset: { value: true }, 'force-deletes': {}, yes: {}, 'i-understand-full-reset': {}, 'i-understand-force-deletes': {} };
  return withJob(
    argv,
    io,
    'restart',
    restartUsage(),
    spec,
    async (_args, { api, target, signal }) => {
      await restartJob(api, target, scopes, signal);
      io.out(
        scopes.length ? t('Restarted job {0} (reset: {1}).', target.job.id, scopes.join(', ')) : t('Restarted job {0}.', target.job.id),
      );
      return 0;
    },
    async (args) => {
      try {
        scopes = parseResetScopes(option(args, 'reset'), args.flags.has('force-deletes'));
      } catch (error) {
        if (error instanceof ResetScopeError) throw new UsageError(error.message);
        throw error;
      }
      // Confirmed before anything is sent to Graph.
      if (!(await confirmRestart(args, io, scopes))) return 1;
    },
  );
}

/** Full and ForceDeletes: shown, then confirmed by typing, or by --yes plus the flag naming the risk. */
async function confirmRestart(args: ParsedArgs, io: CliIO, scopes: ReturnType<typeof parseResetScopes>): Promise<boolean> {
  const dangerous = dangerousScopes(scopes);
  if (!dangerous.length) return true;
  io.err(`${t('restart will:')}\n  ${describeRestart(scopes).join('\n  ')}`);
  const flagFor = (s: string) => (s === 'Full' ? 'i-understand-full-reset' : 'i-understand-force-deletes');
  if (args.flags.has('yes') && dangerous.every((s) => args.flags.has(flagFor(s)))) return true;
  if (process.stdin.isTTY) {
    // The words typed stay English in every language: like a flag, they are what the user types.
    const word = dangerous.includes('Full') ? 'full reset' : 'force deletes';
    const answer = await ask(io, t('Type "{0}" to go on: ', word));
    if (answer.trim().toLowerCase() === word) return true;
  }
  const flags = dangerous.map((s) => `--${flagFor(s)}`).join(' ');
  io.err(t('Not confirmed; nothing was sent. Without a terminal pass --yes {0} (--yes alone is not enough).', flags));
  return false;
}

export function runTestConnection(argv: readonly string[], io: CliIO): Promise<number> {
  return withJob(argv, io, 'test-connection', testConnectionUsage(), {}, async (_args, { api, target, signal }) => {
    await testConnection(api, target, signal);
    io.out(t('Connection OK: the service reached the application with the saved credentials of job {0}.', target.job.id));
    return 0;
  });
}

export function runLogs(argv: readonly string[], io: CliIO): Promise<number> {
  let query: LogQuery = { since: '' };
  const spec = { ...formatSpec, since: { value: true }, status: { value: true }, action: { value: true }, user: { value: true } };
  return withJob(
    argv,
    io,
    'logs',
    logsUsage(),
    spec,
    async (args, { api, target, signal }) => {
      const records = await readLogs(api, target, query, signal);
      if (formatOf(args) === 'json') printJson(io, records.map(logRecordToJson));
      else io.out(formatLogsText(records, query.since));
      return 0;
    },
    (args) => {
      formatOf(args);
      const sinceText = option(args, 'since') ?? '24h';
      const since = parseSince(sinceText);
      if (!since) throw new UsageError(t("--since must be a duration such as 30m, 2h, 7d or an ISO time (got '{0}')", sinceText));
      const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
        const value = option(args, name);
        if (value === undefined) return undefined;
        const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
        if (!found) throw new UsageError(t("{0} must be {1} (got '{2}')", `--${name}`, allowed.join(', '), value));
        return found;
      };
      query = { since, status: pick('status', LOG_STATUSES), action: pick('action', LOG_ACTIONS), user: option(args, 'user') };
    },
  );
}

export function runProvision(argv: readonly string[], io: CliIO): Promise<number> {
  return withJob(
    argv,
    io,
    'provision',
    provisionUsage(),
    { ...formatSpec, user: { value: true } },
    async (args, { api, target, steps, signal, text, file }) => {
      const analysis = analyzeMappingText(text!, pathToFileURL(resolve(file!)).href, createFileSchemaReader());
      const report = await provisionOnDemand(api, target, analysis, option(args, 'user')!, steps, signal);
      if (formatOf(args) === 'json') printJson(io, provisionToJson(report));
      else io.out(formatProvisionText(report));
      return 0;
    },
    (args) => {
      formatOf(args);
      if (!option(args, 'user')) throw new UsageError(t('provision needs --user UPN|ID (the user to provision)'));
    },
    true,
  );
}
