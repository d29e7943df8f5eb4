/**
 * `aadmap impact FILE.aadmap --users USERS.jsonl --before OLD.aadmap|SCHEMA.json|git:REV [--samples N]
 * [--fail-on-disable N] [--format text|json]` — flags and JSON output are an exact contract (docs/impact.md).
 */
import { DEFAULT_SAMPLES } from '../impact/engine';
import { reportJson, reportText, toReport, type ImpactReport } from '../impact/report';
import { impactOfFile, impactVersions, type ImpactVersions } from '../impact/run';
import { afterVersion, beforeVersion, SourceError, type VersionText } from '../impact/sources';
import { VersionError } from '../impact/version';
import { oneOf, option, parseArgs, UsageError } from './args';
import { formatText } from './format-text';
import type { CliIO } from './io';
import { evaluationSettings } from './inputs';
import { toReported } from './report';

export const IMPACT_USAGE = `Usage: aadmap impact FILE.aadmap --users USERS.jsonl --before OLD.aadmap|SCHEMA.json|git:REV [options]

Evaluates two versions of the mappings (before: --before; after: FILE) for every user of USERS.jsonl
(one JSON object a line, as 'aadmap eval --input' reads; "@assigned": false marks a user who is not
assigned to the application) and counts who is created, updated, disabled, unchanged, out of scope,
or cannot be exported (errors), and whose matching value changes (matchChanged). See docs/impact.md.
  --before OLD.aadmap      the mappings before the change: a .aadmap file, a Graph synchronizationSchema
                           JSON (a backup, a pulled schema), or git:REV (FILE at a git revision)
  --samples N              example users per category (default ${DEFAULT_SAMPLES})
  --fail-on-disable N      exit 1 when N or more users would be disabled (for CI)
  --now ISO-8601           fixes Now() for both versions (default: the current time)
  --default-domain DOMAIN  what DefaultDomain() returns
  --format text|json       the summary for people (default), or one JSON object
Exit status: 0 done, 1 a file cannot be read or checked (or --fail-on-disable is reached), 2 usage error.
Lines that are not JSON objects are reported on stderr with their line number and counted in errors.`;

export async function runImpact(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    users: { value: true },
    before: { value: true },
    samples: { value: true },
    'fail-on-disable': { value: true },
    format: { value: true },
    now: { value: true },
    'default-domain': { value: true },
    help: {},
  });
  if (args.flags.has('help')) {
    io.out(IMPACT_USAGE);
    return 0;
  }
  const format = oneOf(option(args, 'format'), ['text', 'json'] as const, 'format', 'text');
  if (args.positionals.length !== 1) throw new UsageError('impact takes exactly one FILE.aadmap (the mappings after the change)');
  const file = args.positionals[0]!;
  const users = option(args, 'users');
  if (users === undefined) throw new UsageError('impact needs --users USERS.jsonl (one user a line)');
  const beforeSpec = option(args, 'before');
  if (beforeSpec === undefined)
    throw new UsageError(
      "impact needs --before OLD.aadmap|SCHEMA.json|git:REV (reading the job's schema from the tenant is not built yet)",
    );
  const samples = count(option(args, 'samples'), 'samples') ?? DEFAULT_SAMPLES;
  const failOnDisable = count(option(args, 'fail-on-disable'), 'fail-on-disable');
  const settings = evaluationSettings(args);

  let after: VersionText;
  let before: VersionText;
  let versions: ImpactVersions;
  try {
    after = afterVersion(file);
    before = beforeVersion(beforeSpec, file, after.text);
    for (const warning of before.warnings) io.err(`warning: ${warning}`);
    versions = impactVersions(before, after);
  } catch (error) {
    if (error instanceof SourceError) {
      io.err(`aadmap impact: ${error.message}`);
      return 1;
    }
    if (error instanceof VersionError) {
      const input = { file: error.label, text: error.text, diagnostics: [...error.errors] };
      io.err(formatText([{ input, reported: toReported(input) }], { color: false }));
      io.err(`aadmap impact: ${error.message}: fix them first.`);
      return 1;
    }
    throw error;
  }

  let report: ImpactReport;
  try {
    const tally = await impactOfFile(versions, users, {
      samples,
      settings,
      onBadLine: (bad) => io.err(`${users}:${bad.line}: ${bad.message}`),
    });
    report = toReport(tally);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`aadmap impact: cannot read ${users}: ${code ?? (error as Error).message}`);
    return 1;
  }
  io.out(format === 'json' ? reportJson(report) : reportText(report));
  if (failOnDisable !== undefined && report.disable >= failOnDisable) {
    io.err(`aadmap impact: ${report.disable} user(s) would be disabled (--fail-on-disable ${failOnDisable}).`);
    return 1;
  }
  return 0;
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--${name} must be a whole number (got '${value}')`);
  return Number(value);
}
