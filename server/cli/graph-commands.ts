/**
 * `aadmap import | export | pull | deploy | rollback` — the Graph commands (docs/cli.md; flags are a contract).
 * Exit status: 0 success, 1 refused or failed (nothing written), 2 usage error, 3 the PUT was sent but
 * the result is not verified (docs/security.md).
 */
import { t } from '../../grammar/common/l10n';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMappingFile } from '../../grammar/mapping/index';
import { LineIndex } from '../../grammar/common/line-index';
import { createBackupStore, BACKUP_FOLDER } from '../node/backup-store';
import { cannotRead } from '../node/bounded-read';
import { readFailureReason } from '../node/file-errors';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { analyzeMappingText } from '../service/analysis';
import { GraphCancelledError, GraphClient, GraphError, DEFAULT_GRAPH_ENDPOINT, type GraphLog } from '../graph/client';
import { type DeployTarget, mergeDeployTargets, readDeployTarget } from '../graph/deploy-target';
import { exportSchema } from '../graph/export';
import { functionListPathFor } from '../catalogue/index';
import { fitsChatwork, importSchema } from '../graph/import';
import { SynchronizationApi } from '../graph/sync-api';
import { recognizeSynchronizationSchema } from '../schema/graph-schema';
import { executePlan, planDeploy, planRollback, pull, type Plan, rollbackHint, type Steps, WorkflowError } from '../graph/workflow';
import { type ParsedArgs, oneOf, option, parseArgs, UsageError } from './args';
import { formatWhatIfMarkdown, mdText } from './format-markdown';
import { FileReadError, readTextInput } from './files';
import { createTokenProvider } from './graph-auth';
import { JsonSyntaxError, parsePlainJson } from '../evaluator/json';
import { visible } from './format-text';
import { DEPLOY_IMPACT_OPTIONS, deployImpactUsage, type DeployImpact, deployImpact } from './deploy-impact';
import type { CliIO } from './io';
import { afterDeployNote } from '../graph/lifecycle/catalogue';

export function importUsage(): string {
  return `${t('Usage:')} aadmap import SCHEMA.json [--target chatwork|PATH] [--out FILE]

${t("Prints (or writes to FILE) the .aadmap text of a Microsoft Graph synchronizationSchema JSON file (or\nof a synchronization job's JSON with its \"schema\"; anything else is refused, exit 1). The target\nstatement is 'target chatwork' when the mappings fit the built-in Chatwork schema, else the schema\nfile itself: relative to FILE's folder with --out, else relative to the current folder (a note on\nstderr says so); --target overrides. Exit 1 when something cannot be written in .aadmap.")}`;
}

export function exportUsage(): string {
  return `${t('Usage:')} aadmap export FILE.aadmap --base SCHEMA.json

${t('Prints the complete synchronizationSchema JSON: the base schema with the attribute mappings, scopes\nand object-mapping fields the file expresses replaced, and everything else kept exactly.\nExit 1 when the file has syntax errors or a mapping cannot be built; checker findings go to stderr.')}`;
}

export function graphOptions(): string {
  return `  --graph-endpoint URL   ${t('Graph host (default {0}; /v1.0 is added); sovereign clouds: https://graph.microsoft.us, …', DEFAULT_GRAPH_ENDPOINT)}
  --tenant ID|DOMAIN     ${t("tenant to sign in to (default: the file's deploy statement, else the credential's)")}
  --verbose              ${t('log every HTTP request (method, URL, status, request-id) to stderr')}
${t("Auth: a token in AADMAP_GRAPH_TOKEN, else @azure/identity: AZURE_CLIENT_ID + AZURE_TENANT_ID + AZURE_CLIENT_SECRET\nor AZURE_CLIENT_CERTIFICATE_PATH, else AZURE_CLIENT_ID + AZURE_TENANT_ID + AZURE_FEDERATED_TOKEN_FILE (workload identity\nfederation), else the Azure CLI's login (az login), else a device code (interactive terminals).")}`;
}

/** A PUT was sent, but what the job holds could not be confirmed as what was sent (docs/security.md). */
export const EXIT_UNVERIFIED = 3;

export function pullUsage(): string {
  return `${t('Usage:')} aadmap pull --service-principal ID [--job ID] [--out FILE] [options]

${t("Reads the job's schema and prints (or writes to FILE) its .aadmap text with a deploy statement.")}
${graphOptions()}`;
}

export function deployUsage(): string {
  return `${t('Usage:')} aadmap deploy FILE.aadmap [--service-principal ID] [--job ID] [--dry-run] [--yes] [options]

${t("Checks the file first and refuses it when it has errors (before any request to Graph). Then resolves\nthe service principal and job (flags override the file's deploy statement), reads the job's\nschema, builds the new schema and prints the what-if. Then,\nafter confirmation (--yes skips it), saves a backup in .aadmap/backups/, checks the schema did not\nchange meanwhile, PUTs the new schema and verifies it. Exit 3: the PUT was sent but the result is\nnot verified (the message says what the job holds, the backup and how to roll back).")}
  --dry-run              ${t('print the what-if only; exit 0, or 1 when the deploy would be refused')}
  --no-validate          ${t('do not ask the service to parse changed expressions (parseExpression)')}
  --backup-dir DIR       ${t('where backups go (default ./{0})', BACKUP_FOLDER.replace(/\\/g, '/'))}
  -f, --format text|markdown   ${t("the what-if as text (default) or as Markdown, rendered from the diff\n                         (for a pull request's job summary; docs/pipelines.md)")}
${deployImpactUsage()}
${graphOptions()}`;
}

export function rollbackUsage(): string {
  return `${t('Usage:')} aadmap rollback BACKUP.json [--service-principal ID] [--job ID] [--dry-run] [--yes] [options]

${t('Puts a backup taken by deploy back, byte for byte (after a what-if, a confirmation and a backup of\nthe current schema).')}
  --other-job            ${t('allow a backup of another job (its meta file names the job it came from)')}
  --backup-dir DIR       ${t('where the backup of the current schema goes (default ./{0})', BACKUP_FOLDER.replace(/\\/g, '/'))}
${graphOptions()}`;
}

// ───────────────────────────────────────────── import / export

export function runImport(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { target: { value: true }, out: { value: true }, help: {} });
  if (args.flags.has('help')) return usage(io, importUsage());
  if (args.positionals.length !== 1) throw new UsageError(t('import takes exactly one SCHEMA.json'));
  const file = args.positionals[0]!;
  const out = option(args, 'out');
  if (out !== undefined) checkOutFile(out);
  const json = readJsonFile(file, io);
  if (json === undefined) return 1;
  const recognized = recognizeSynchronizationSchema(json);
  if ('problem' in recognized) {
    io.err(`aadmap import: ${file}: ${recognized.problem}. ${t('Nothing was imported.')}`);
    return 1;
  }
  const schema = recognized.schema;
  const targetOption = option(args, 'target');
  // A schema-file target is read relative to the .aadmap file: the folder of --out, else (stdout) the current one.
  const schemaPath = relative(out ? dirname(resolve(out)) : process.cwd(), resolve(file)).replace(/\\/g, '/');
  const target =
    targetOption === 'chatwork'
      ? { builtin: 'chatwork' }
      : targetOption
        ? { path: targetOption }
        : fitsChatwork(schema)
          ? { builtin: 'chatwork' }
          : { path: schemaPath };
  const result = importSchema(schema, { target });
  if (result.problems.length) {
    io.err(`aadmap import: ${t('{0} cannot be written as .aadmap without losing something:', file)}\n  ${result.problems.join('\n  ')}`);
    return 1;
  }
  if (out) {
    writeFileSync(out, result.text);
    io.err(t('Wrote {0}.', out));
    return 0;
  }
  if (!targetOption && 'path' in target)
    io.err(
      `aadmap import: ${t('the target "{0}" is relative to the current folder; save the text there, or use --out FILE (the path is then written relative to FILE).', target.path ?? '')}`,
    );
  io.out(result.text.replace(/\n$/, ''));
  return 0;
}

export function runExport(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { base: { value: true }, help: {} });
  if (args.flags.has('help')) return usage(io, exportUsage());
  if (args.positionals.length !== 1) throw new UsageError(t('export takes exactly one FILE.aadmap'));
  const baseFile = option(args, 'base');
  if (!baseFile) throw new UsageError(t('export needs --base SCHEMA.json (the schema the mappings go into)'));
  const file = args.positionals[0]!;
  const text = readTextFile(file, io);
  const baseJson = readJsonFile(baseFile, io);
  if (text === undefined || baseJson === undefined) return 1;
  const recognized = recognizeSynchronizationSchema(baseJson);
  if ('problem' in recognized) {
    io.err(`aadmap export: ${baseFile}: ${recognized.problem}. ${t('Nothing was exported.')}`);
    return 1;
  }
  const base = recognized.schema;
  const lines = new LineIndex(text);
  const where = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${file}:${p.line + 1}:${p.character + 1}`;
  };
  const analysis = analyzeMappingText(text, pathToFileURL(resolve(file)).href, createFileSchemaReader());
  const blocking = analysis.diagnostics.filter((d) => d.severity === 'error' && SYNTAX_CODES.has(d.code));
  if (blocking.length) {
    io.err(
      `aadmap export: ${t('{0} has syntax errors; nothing was exported:', file)}\n${blocking.map((d) => `  ${where(d.start)}: ${d.message}`).join('\n')}`,
    );
    return 1;
  }
  for (const d of analysis.diagnostics.filter((d) => d.severity !== 'info'))
    io.err(`${where(d.start)}: ${d.severity} [${d.code}] ${d.message}`);
  const exported = exportSchema(parseMappingFile(text).ast, base);
  if (!exported.schema) {
    io.err(
      `aadmap export: ${t('the schema cannot be built; nothing was exported:')}\n${exported.problems.map((p) => `  ${where(p.start)}: ${p.message}`).join('\n')}`,
    );
    return 1;
  }
  io.out(JSON.stringify(exported.schema, null, 2));
  return 0;
}

/** Parser findings that mean the syntax tree is incomplete (a line may be missing from it). */
const SYNTAX_CODES = new Set([
  'syntax-error',
  'empty-expression',
  'unterminated-string',
  'unterminated-attribute',
  'duplicate-modifier',
  'internal-error',
]);

// ───────────────────────────────────────────── pull / deploy / rollback

/**
 * `--out FILE` is checked before any request or write: a folder (`--out .`) or a file in a folder
 * that does not exist is a usage error, so nothing is written beside it and no raw EISDIR/ENOENT.
 */
function checkOutFile(out: string): void {
  if (isFolder(out)) throw new UsageError(t('--out {0} is a folder: name the file to write (--out {1})', out, join(out, 'app.aadmap')));
  const folder = dirname(resolve(out));
  if (!isFolder(folder)) throw new UsageError(t('--out {0}: the folder {1} does not exist', out, dirname(out)));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const graphSpec = {
  'service-principal': { value: true },
  job: { value: true },
  tenant: { value: true },
  'graph-endpoint': { value: true },
  verbose: {},
  help: {},
} as const;

export async function runPull(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { ...graphSpec, out: { value: true }, target: { value: true } });
  if (args.flags.has('help')) return usage(io, pullUsage());
  if (args.positionals.length) throw new UsageError(t("pull takes no FILE argument (use --out FILE), got '{0}'", args.positionals[0]!));
  const wanted = targetFromFlags(args);
  if (!wanted.servicePrincipal)
    throw new UsageError(t("pull needs --service-principal ID (the enterprise application's object id or appId)"));
  const out = option(args, 'out');
  if (out !== undefined) checkOutFile(out);
  return withGraph(args, io, wanted, async (api, steps, signal) => {
    const targetOption = option(args, 'target');
    const sidecar = out ? join(dirname(out), `${basename(out).replace(/\.aadmap$/i, '')}.schema.json`) : undefined;
    const result = await pull(api, wanted, {
      steps,
      signal,
      // The function list is kept beside the schema file pull writes (docs/real-schemas.md).
      withFunctions: Boolean(sidecar) && !targetOption,
      targetPath: (chatwork) =>
        targetOption === 'chatwork'
          ? { builtin: 'chatwork' }
          : targetOption
            ? { path: targetOption }
            : chatwork
              ? { builtin: 'chatwork' }
              : sidecar
                ? { path: basename(sidecar) }
                : undefined,
    });
    if (out) {
      if (!result.chatwork && !targetOption && sidecar) {
        writeFileSync(sidecar, result.bytes);
        io.err(t("Wrote the job's schema to {0} (the file's target).", sidecar));
        if (result.functions) {
          const functionsFile = functionListPathFor(sidecar);
          writeFileSync(functionsFile, result.functions);
          io.err(t("Wrote the job's function list to {0} (the checker reads it beside the schema).", functionsFile));
        }
      }
      writeFileSync(out, result.text);
      io.err(t('Wrote {0}.', out));
    } else io.out(result.text.replace(/\n$/, ''));
    return 0;
  });
}

export async function runDeploy(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    ...graphSpec,
    'dry-run': {},
    yes: {},
    'no-validate': {},
    'backup-dir': { value: true },
    ...DEPLOY_IMPACT_OPTIONS,
    format: { value: true },
  });
  if (args.flags.has('help')) return usage(io, deployUsage());
  if (args.positionals.length !== 1) throw new UsageError(t('deploy takes exactly one FILE.aadmap'));
  const format = oneOf(option(args, 'format'), ['text', 'markdown'] as const, 'format', 'text');
  const file = args.positionals[0]!;
  const text = readTextFile(file, io);
  if (text === undefined) return 1;
  const fromFile = parseMappingFile(text).ast;
  const overrides = targetFromFlags(args);
  const wanted = mergeDeployTargets(readDeployTarget(fromFile), overrides);
  return withGraph(args, io, wanted, async (api, steps, signal) => {
    const plan = await planDeploy(
      api,
      {
        text,
        uri: pathToFileURL(resolve(file)).href,
        schemaFiles: createFileSchemaReader(),
        overrides,
        validate: !args.flags.has('no-validate'),
      },
      steps,
      signal,
    );
    const impact = await deployImpact(args, io, file, plan, api, signal);
    const markdown = format === 'markdown' ? { file } : undefined;
    return confirmAndExecute(plan, api, args, io, steps, signal, `before deploy of ${basename(file)}`, impact, markdown);
  });
}

export async function runRollback(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { ...graphSpec, 'dry-run': {}, yes: {}, 'backup-dir': { value: true }, 'other-job': {} });
  if (args.flags.has('help')) return usage(io, rollbackUsage());
  if (args.positionals.length !== 1) throw new UsageError(t('rollback takes exactly one BACKUP.json'));
  const location = resolve(args.positionals[0]!);
  if (!existsSync(location)) {
    io.err(`aadmap rollback: ${t('no such backup: {0}', args.positionals[0]!)}`);
    return 1;
  }
  const overrides = targetFromFlags(args);
  const store = createBackupStore(dirname(location));
  let meta;
  try {
    meta = (await store.read(location)).meta;
  } catch (error) {
    // A folder, a file without permission: said in words (docs/cli-conventions.md), not as an errno code.
    io.err(`aadmap rollback: ${cannotRead(args.positionals[0]!, readFailureReason(error)).message}`);
    return 1;
  }
  return withGraph(args, io, { tenant: meta?.tenant, ...dropEmpty(overrides) }, async (api, steps, signal) => {
    const plan = await planRollback(api, store, location, overrides, steps, signal, { otherJob: args.flags.has('other-job') });
    return confirmAndExecute(plan, api, args, io, steps, signal, `before rollback to ${basename(location)}`);
  });
}

async function confirmAndExecute(
  plan: Plan,
  api: SynchronizationApi,
  args: ParsedArgs,
  io: CliIO,
  steps: Steps,
  signal: AbortSignal,
  reason: string,
  impact?: DeployImpact,
  markdown?: { file: string },
): Promise<number> {
  // Markdown (--format markdown) is rendered from the plan's structured diff, not from its text.
  const say = markdown ? (line: string) => io.out(`\n${mdText(line)}`) : (line: string) => io.out(line);
  if (markdown) {
    io.out(
      formatWhatIfMarkdown({
        file: markdown.file,
        summary: plan.summary,
        diff: plan.diff,
        warnings: plan.warnings,
        impact: impact && { report: impact.report, lines: impact.notes, refused: impact.refused },
        dryRun: args.flags.has('dry-run'),
      }),
    );
  } else io.out(`${t('What-if: {0}', plan.summary)}\n${plan.details}`);
  for (const warning of plan.warnings) io.err(t('warning: {0}', warning));
  if (impact && !markdown) io.out(impact.text);
  if (impact?.refused) {
    io.err(t('The deploy is refused by the impact guard; nothing was written.'));
    return 1;
  }
  if (args.flags.has('dry-run')) return 0;
  if (plan.diff.total === 0 && plan.kind === 'deploy') {
    say(t('Nothing to deploy.'));
    return 0;
  }
  if (!args.flags.has('yes')) {
    const answer = await ask(io, `${plan.kind === 'deploy' ? t('Deploy? {0}', plan.summary) : t('Roll back? {0}', plan.summary)} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.err(t('Not confirmed; nothing was written. (Use --yes in scripts.)'));
      return 1;
    }
  }
  const backupDir = resolve(option(args, 'backup-dir') ?? BACKUP_FOLDER);
  // Kernel file systems accept a mkdir or a write and then hang or lose it: backups go on disk.
  if (/^\/(proc|sys|dev)(\/|$)/.test(backupDir)) throw new UsageError(t('--backup-dir must be a folder on disk, not {0}', backupDir));
  const backups = createBackupStore(backupDir);
  const report = await executePlan(api, plan, backups, steps, signal, reason);
  say(report.message);
  if (plan.kind === 'deploy') afterDeployHint(plan).split('\n').forEach(say);
  return 0;
}

export async function withGraph(
  args: ParsedArgs,
  io: CliIO,
  wanted: DeployTarget,
  run: (api: SynchronizationApi, steps: Steps, signal: AbortSignal) => Promise<number>,
): Promise<number> {
  const verbose = args.flags.has('verbose');
  const log: GraphLog = (level, message) => {
    if (verbose || level === 'warn' || level === 'error') io.err(`[${level}] ${message}`);
  };
  let client: GraphClient;
  try {
    const endpoint = option(args, 'graph-endpoint') ?? DEFAULT_GRAPH_ENDPOINT;
    client = new GraphClient({ endpoint, getToken: createTokenProvider({ endpoint, tenant: wanted.tenant, io }), log });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const controller = new AbortController();
  /** The backup of the previous schema while a PUT was sent and its outcome is not known yet. */
  let putInFlight: string | undefined;
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      // The second Ctrl-C: stop waiting, but never as if nothing were written.
      io.err(
        putInFlight
          ? t('Stopped waiting. The PUT was sent; the job may hold the new schema. The {0}.', rollbackHint(putInFlight))
          : t('Stopped.'),
      );
      process.exit(putInFlight ? EXIT_UNVERIFIED : 130);
    }
    interrupted = true;
    io.err(
      putInFlight
        ? t(
            'The PUT was sent: it will finish and its result will be checked (Ctrl-C again stops waiting; the job may then hold the new schema).',
          )
        : t('Cancelling…'),
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  const steps: Steps = {
    step: (message) => io.err(message),
    putInFlight: (inFlight, backup) => (putInFlight = inFlight ? backup : undefined),
  };
  try {
    return await run(new SynchronizationApi(client), steps, controller.signal);
  } catch (error) {
    const message = client.sanitizer.clean(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) throw error;
    if (error instanceof WorkflowError && error.kind === 'usage') throw new UsageError(message);
    if (error instanceof WorkflowError && error.kind === 'unverified') {
      io.err(`aadmap: ${message}`);
      return EXIT_UNVERIFIED;
    }
    if (error instanceof GraphError && error.code === 'AuthenticationFailed') {
      io.err(`aadmap: ${signInHelp()}${verbose ? `\n${message}` : ` ${t('(--verbose shows why the sign-in library failed.)')}`}`);
      return 1;
    }
    if (error instanceof WorkflowError || error instanceof GraphError || error instanceof GraphCancelledError) {
      io.err(`aadmap: ${message}`);
      return 1;
    }
    io.err(`aadmap: ${message}`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

/** What to do when no token could be had: the three ways to sign in, in one paragraph. */
export function signInHelp(): string {
  return t(
    "Could not sign in to Microsoft Graph. Sign in one of three ways: run `az login` (the Azure CLI's account is used), or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_FEDERATED_TOKEN_FILE for workload identity federation) for an app registration, or set AADMAP_GRAPH_TOKEN to an access token for Microsoft Graph. In an interactive terminal a device code sign-in is offered as well.",
  );
}

export function targetFromFlags(args: ParsedArgs): DeployTarget {
  return { servicePrincipal: option(args, 'service-principal'), job: option(args, 'job'), tenant: option(args, 'tenant') };
}

function dropEmpty(target: DeployTarget): DeployTarget {
  return Object.fromEntries(Object.entries(target).filter(([, v]) => v)) as DeployTarget;
}

export function usage(io: CliIO, text: string): number {
  io.out(text);
  return 0;
}

export function readTextFile(file: string, io: CliIO): string | undefined {
  try {
    return readTextInput(file);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    io.err(`aadmap: ${t('{0}; nothing was sent', error.message)}`);
    return undefined;
  }
}

function readJsonFile(file: string, io: CliIO): unknown {
  const text = readTextFile(file, io);
  if (text === undefined) return undefined;
  try {
    return parsePlainJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    // A position, never the file's text (V8's message quotes it: docs/security.md), as eval --input.
    io.err(`aadmap: ${file}:${error.line}:${error.column}: ${visible(t('{0} is not JSON: {1}', file, error.message))}`);
    return undefined;
  }
}

/** One line from stdin (empty at end of input: a non-interactive run never confirms by accident). */
export function ask(io: CliIO, question: string): Promise<string> {
  io.err(question.trimEnd());
  return new Promise((resolveAnswer) => {
    let buffer = '';
    const done = (answer: string) => {
      process.stdin.removeListener('data', onData);
      process.stdin.removeListener('end', onEnd);
      process.stdin.pause();
      resolveAnswer(answer);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline >= 0) done(buffer.slice(0, newline));
    };
    const onEnd = () => done(buffer);
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.resume();
  });
}

/** Printed after a deploy: a mapping change starts a new initial cycle by itself (docs/watch-and-troubleshoot.md). */
export function afterDeployHint(plan: Plan): string {
  const { servicePrincipal, job } = plan.target;
  return `${afterDeployNote()}\n${t('Watch it: {0}', `aadmap status --service-principal ${servicePrincipal.id} --job ${job.id}`)}`;
}
