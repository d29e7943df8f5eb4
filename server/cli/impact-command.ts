/**
 * `aadmap impact FILE.aadmap --users USERS.jsonl --before OLD.aadmap|SCHEMA.json|git:REV [--samples N]
 * [--fail-on-disable N] [--format text|json|markdown]` — flags and JSON output are an exact contract (docs/impact.md).
 */
import { inEnglish, t } from '../../grammar/common/l10n';
import { DEFAULT_SAMPLES } from '../impact/engine';
import { reportJson, reportText, toReport, type ImpactReport } from '../impact/report';
import { impactOfFile, impactVersions, type ImpactVersions } from '../impact/run';
import { afterVersion, beforeVersion, jobSchemaLabel, schemaVersion, SourceError, type VersionText } from '../impact/sources';
import { resolveTarget } from '../graph/workflow';
import { VersionError } from '../impact/version';
import { resolve } from 'node:path';
import { parseMappingFile } from '../../grammar/mapping/index';
import { mergeDeployTargets, readDeployTarget } from '../graph/deploy-target';
import { CACHE_FOLDER, readTenantUsers, type TenantRead } from '../impact/tenant';
import { oneOf, option, parseArgs, type ParsedArgs, UsageError } from './args';
import { withGraph } from './graph-commands';
import { formatImpactMarkdown, mdCode } from './format-markdown';
import { formatText } from './format-text';
import type { CliIO } from './io';
import { evaluationSettings } from './inputs';
import { toReported } from './report';
import { readFailureReason } from '../node/file-errors';

export function impactUsage(): string {
  return `${t('Usage:')} aadmap impact FILE.aadmap --users USERS.jsonl|tenant [--before OLD.aadmap|SCHEMA.json|git:REV] [options]

${t('Evaluates two versions of the mappings (before: --before; after: FILE) for every user of USERS.jsonl\n(one JSON object a line, as \'aadmap eval --input\' reads; "@assigned": false marks a user who is not\nassigned to the application) and counts who is created, updated, disabled, unchanged, out of scope,\nor cannot be exported (errors), and whose matching value changes (matchChanged). See docs/impact.md.')}
  --before OLD.aadmap      ${t("the mappings before the change: a .aadmap file, a Graph synchronizationSchema\n                           JSON (a backup, a pulled schema), or git:REV (FILE at a git revision);\n                           default: the job's current schema, read from Microsoft Graph (the file's\n                           deploy statement, or --service-principal ID [--job ID])")}
  --samples N              ${t('example users per category (default {0})', DEFAULT_SAMPLES)}
  --fail-on-disable N      ${t('exit 1 when N or more users would be disabled (for CI)')}
  --now ISO-8601           ${t('fixes Now() for both versions (default: the current time)')}
  --default-domain DOMAIN  ${t('what DefaultDomain() returns')}
  --format text|json|markdown   ${t('the summary for people (default), one JSON object, or Markdown\n                           tables (for a CI job summary)')}
  --users tenant           ${t("read the users from Microsoft Graph (the file's deploy statement, or\n                           --service-principal ID; --graph-endpoint, --tenant, --verbose as for deploy):\n                           /users with the attributes both versions read, assignment from\n                           appRoleAssignedTo, cached in .aadmap/cache/ with a delta link")}
  --refresh                ${t('with --users tenant: read every user again instead of the changes')}
${t('Exit status: 0 done, 1 a file cannot be read or checked (or --fail-on-disable is reached), 2 usage error.\nLines that are not JSON objects are reported on stderr with their line number and counted in errors.')}`;
}

export async function runImpact(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    users: { value: true },
    before: { value: true },
    samples: { value: true },
    'fail-on-disable': { value: true },
    format: { value: true },
    now: { value: true },
    'default-domain': { value: true },
    refresh: {},
    'service-principal': { value: true },
    job: { value: true },
    tenant: { value: true },
    'graph-endpoint': { value: true },
    verbose: {},
    help: {},
  });
  if (args.flags.has('help')) {
    io.out(impactUsage());
    return 0;
  }
  const format = oneOf(option(args, 'format'), ['text', 'json', 'markdown'] as const, 'format', 'text');
  if (args.positionals.length !== 1) throw new UsageError(t('impact takes exactly one FILE.aadmap (the mappings after the change)'));
  const file = args.positionals[0]!;
  const users = option(args, 'users');
  if (users === undefined) throw new UsageError(t('impact needs --users USERS.jsonl (one user a line)'));
  const beforeSpec = option(args, 'before');
  const samples = count(option(args, 'samples'), 'samples') ?? DEFAULT_SAMPLES;
  const failOnDisable = count(option(args, 'fail-on-disable'), 'fail-on-disable');
  const settings = evaluationSettings(args);

  let after: VersionText;
  let before: VersionText;
  let versions: ImpactVersions;
  try {
    after = afterVersion(file);
    if (beforeSpec === undefined) {
      const schema = await jobSchema(args, io, file, after.text);
      if (typeof schema === 'number') return schema;
      before = schemaVersion(schema, jobSchemaLabel(), file, after.text);
    } else before = beforeVersion(beforeSpec, file, after.text);
    for (const warning of before.warnings) io.err(t('warning: {0}', warning));
    versions = impactVersions(before, after);
  } catch (error) {
    if (error instanceof SourceError) {
      io.err(`aadmap impact: ${error.message}`);
      return 1;
    }
    if (error instanceof VersionError) {
      const input = { file: error.label, text: error.text, diagnostics: [...error.errors] };
      io.err(formatText([{ input, reported: toReported(input) }], { color: false }));
      io.err(`aadmap impact: ${t('{0} has errors: fix them first.', error.label)}`);
      return 1;
    }
    throw error;
  }

  let usersFile = users;
  let notEvaluated: string[] | undefined;
  if (users === 'tenant') {
    const read = await readFromTenant(args, io, file, after.text, new Set([...versions.before.reads, ...versions.after.reads]));
    if (typeof read === 'number') return read;
    usersFile = read.usersFile;
    notEvaluated = read.notEvaluated;
  }
  let report: ImpactReport;
  try {
    const run = () =>
      impactOfFile(versions, usersFile, {
        samples,
        settings,
        onBadLine: (bad) => io.err(`${users}:${bad.line}: ${bad.message}`),
      });
    // The JSON is an exact contract: its messages (a sample's error) stay English in every language.
    const tally = await (format === 'json' ? inEnglish(run) : run());
    report = toReport(tally);
  } catch (error) {
    io.err(`aadmap impact: ${t('cannot read {0}: {1}', users, readFailureReason(error))}`);
    return 1;
  }
  if (notEvaluated?.length)
    io.err(t("warning: not evaluated (Graph's /users cannot give them; read as null): {0}", notEvaluated.join(', ')));
  const printed = notEvaluated ? { ...report, notEvaluated } : report;
  if (format === 'markdown') {
    io.out(formatImpactMarkdown(report));
    if (notEvaluated?.length) io.out(`\n${t('Not evaluated (read as null): {0}', notEvaluated.map((name) => mdCode(name)).join(', '))}`);
  } else io.out(format === 'json' ? reportJson(printed) : reportText(report));
  if (failOnDisable !== undefined && report.disable >= failOnDisable) {
    io.err(
      `aadmap impact: ${report.disable === 1 ? t('1 user would be disabled (--fail-on-disable {0}).', failOnDisable) : t('{0} users would be disabled (--fail-on-disable {1}).', report.disable, failOnDisable)}`,
    );
    return 1;
  }
  return 0;
}

/** Without --before: the job's current schema, from the file's deploy statement (or --service-principal / --job). */
async function jobSchema(args: ParsedArgs, io: CliIO, file: string, text: string): Promise<unknown> {
  const wanted = mergeDeployTargets(readDeployTarget(parseMappingFile(text).ast), {
    servicePrincipal: option(args, 'service-principal'),
    job: option(args, 'job'),
    tenant: option(args, 'tenant'),
  });
  if (!wanted.servicePrincipal)
    throw new UsageError(
      t(
        "impact needs --before OLD.aadmap|SCHEMA.json|git:REV, or a deploy statement in {0} (or --service-principal ID) to read the job's current schema",
        file,
      ),
    );
  let schema: unknown;
  const code = await withGraph(args, io, wanted, async (api, steps, signal) => {
    const target = await resolveTarget(api, wanted, steps, signal);
    schema = (await api.schema(target.servicePrincipal.id, target.job.id, signal)).json;
    return 0;
  });
  return schema ?? code;
}

/** `--users tenant`: the directory through Microsoft Graph, cached under .aadmap/cache/ (server/impact/tenant.ts). */
async function readFromTenant(args: ParsedArgs, io: CliIO, file: string, text: string, reads: Set<string>): Promise<TenantRead | number> {
  const wanted = mergeDeployTargets(readDeployTarget(parseMappingFile(text).ast), {
    servicePrincipal: option(args, 'service-principal'),
    tenant: option(args, 'tenant'),
  });
  if (!wanted.servicePrincipal)
    throw new UsageError(t('--users tenant needs the service principal: a deploy statement in {0} or --service-principal ID', file));
  let result: TenantRead | undefined;
  const terminal = !!process.stderr.isTTY;
  const code = await withGraph(args, io, wanted, async (api, _steps, signal) => {
    const sp = await api.servicePrincipal(wanted.servicePrincipal!, signal);
    result = await readTenantUsers({
      client: api.graph,
      servicePrincipalId: sp.id,
      reads,
      cacheDir: resolve(CACHE_FOLDER),
      refresh: args.flags.has('refresh'),
      signal,
      progress: terminal ? (n) => n % 999 === 0 && process.stderr.write(`\r${t('Reading users from Microsoft Graph: {0}', n)}`) : undefined,
    });
    if (terminal)
      process.stderr.write(
        `\r${result.mode === 'delta' ? t('Read {0} changed users from Microsoft Graph.', result.downloaded) : t('Read {0} users from Microsoft Graph.', result.downloaded)}\n`,
      );
    return 0;
  });
  return result ?? code;
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(t("{0} must be a whole number (got '{1}')", `--${name}`, value));
  return Number(value);
}
