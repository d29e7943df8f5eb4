/**
 * Pull, what-if, deploy and rollback — the steps of docs/deploy.md, shared by the CLI and the editor:
 *
 *   deploy: refuse if the file has errors → resolve the service principal → the job → GET the
 *           schema → build the new schema → what-if (diff; parseExpression on changed expressions)
 *           ── the caller confirms ──
 *           backup of the current schema → re-GET, abort if it changed → PUT → GET, verify → report.
 *
 * `plan…` functions write nothing; `executePlan` is the only one that PUTs. After the PUT has been
 * sent, cancellation no longer applies: the PUT and its verification run to the end, so the report
 * always says what the job holds.
 */
import { t } from '../../grammar/common/l10n';
import { LineIndex } from '../../grammar/common/line-index';
import { analyzeMappingText } from '../service/analysis';
import type { SchemaFileReader } from '../service/schema-resolver';
import { GraphCancelledError, GraphError } from './client';
import { type DeployTarget, mergeDeployTargets, readDeployTarget } from './deploy-target';
import { describeCounts, diffSchemas, formatDiff, type SchemaDiff } from './diff';
import { fileSideBySide } from './side-by-side';
import { exportSchema } from './export';
import { fitsChatwork, importSchema } from './import';
import { asArray, deepEqual, isRecord, type JsonObject } from './json';
import { JsonSyntaxError, parsePlainJson } from '../evaluator/json';
import { viewSchema, viewText } from './mapping-view';
import type { JobInfo, ServicePrincipalInfo, SynchronizationApi } from './sync-api';

export interface BackupMeta {
  tenant?: string;
  servicePrincipalId: string;
  jobId: string;
  /** ISO time the backup was taken. */
  savedAt: string;
  /** Why: "before deploy of chatwork.aadmap", "before rollback to …". */
  reason: string;
}

export interface BackupInfo extends BackupMeta {
  /** Where the backup is (a path for the Node store). */
  location: string;
}

export interface BackupStore {
  save(bytes: Uint8Array, meta: BackupMeta): Promise<string>;
  read(location: string): Promise<{ bytes: Uint8Array; meta?: BackupMeta }>;
  list(): Promise<BackupInfo[]>;
  /** Takes the deploy lock of a job (refusing with a WorkflowError when held); resolves to its release. */
  lock?(servicePrincipalId: string, jobId: string): Promise<() => Promise<void>>;
}

/** A failure the user must act on; `message` is complete and safe to show. */
export class WorkflowError extends Error {
  constructor(
    message: string,
    /** 'unverified': a PUT was sent and the job holds, or may hold, something other than verified. */
    readonly kind: 'refused' | 'failed' | 'usage' | 'unverified' = 'failed',
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

export interface Steps {
  /** One line per step, for progress and logs. */
  step?: (message: string) => void;
  /** Chooses among several service principals / jobs; undefined = refuse and say which exist. */
  pickServicePrincipal?: () => Promise<string | undefined>;
  pickJob?: (jobs: JobInfo[]) => Promise<string | undefined>;
  /**
   * True (with the backup of the previous schema) while a PUT is being sent or retried, until its
   * outcome is known: cancelling then no longer stops it.
   */
  putInFlight?: (inFlight: boolean, backup?: string) => void;
}

export interface ResolvedTarget {
  tenant?: string;
  servicePrincipal: ServicePrincipalInfo;
  job: JobInfo;
}

export interface Plan {
  kind: 'deploy' | 'rollback';
  target: ResolvedTarget;
  /** The schema as GET returned it (what the backup keeps). */
  current: { bytes: Uint8Array; json: JsonObject };
  /** The body the PUT sends. */
  body: string | Uint8Array;
  next: unknown;
  diff: SchemaDiff;
  /** "3 mappings change on job X in tenant Y." */
  summary: string;
  /** The diff as text, one line per change. */
  details: string;
  warnings: string[];
}

export interface DeployReport {
  backup: string;
  verified: boolean;
  summary: string;
  message: string;
}

export async function resolveTarget(
  api: SynchronizationApi,
  wanted: DeployTarget,
  steps: Steps,
  signal?: AbortSignal,
): Promise<ResolvedTarget> {
  let servicePrincipalId = wanted.servicePrincipal;
  if (!servicePrincipalId) servicePrincipalId = await steps.pickServicePrincipal?.();
  if (!servicePrincipalId) {
    throw new WorkflowError(
      t('No service principal: record it in the file (deploy servicePrincipal "<object id>") or pass --service-principal ID.'),
      'usage',
    );
  }
  steps.step?.(t('Resolving service principal {0}…', servicePrincipalId));
  const servicePrincipal = await api.servicePrincipal(servicePrincipalId, signal);
  steps.step?.(t('Listing the provisioning jobs of {0}…', servicePrincipal.displayName || servicePrincipal.id));
  const jobs = await api.jobs(servicePrincipal.id, signal);
  let jobId = wanted.job;
  if (jobId && !jobs.some((j) => j.id === jobId)) {
    throw new WorkflowError(
      jobs.length
        ? t(
            'Service principal {0} has no job "{1}" (jobs: {2}).',
            describeServicePrincipal(servicePrincipal),
            jobId,
            jobs.map((j) => j.id).join(', '),
          )
        : t('Service principal {0} has no job "{1}" (jobs: none).', describeServicePrincipal(servicePrincipal), jobId),
      'refused',
    );
  }
  if (!jobId) {
    if (jobs.length === 0)
      throw new WorkflowError(
        t(
          'Service principal {0} has no provisioning job: set up provisioning in the portal first.',
          describeServicePrincipal(servicePrincipal),
        ),
        'refused',
      );
    if (jobs.length === 1) jobId = jobs[0]!.id;
    else jobId = await steps.pickJob?.(jobs);
    if (!jobId)
      throw new WorkflowError(
        t(
          'Service principal {0} has several jobs ({1}): choose one with --job ID or deploy job "…".',
          describeServicePrincipal(servicePrincipal),
          jobs.map((j) => j.id).join(', '),
        ),
        'usage',
      );
  }
  return { tenant: wanted.tenant, servicePrincipal, job: jobs.find((j) => j.id === jobId)! };
}

function describeServicePrincipal(sp: ServicePrincipalInfo): string {
  return sp.displayName ? `"${sp.displayName}" (${sp.id})` : sp.id;
}

function describeTarget(target: ResolvedTarget): string {
  const servicePrincipal = describeServicePrincipal(target.servicePrincipal);
  return target.tenant
    ? t('job {0} of {1} in tenant {2}', target.job.id, servicePrincipal, target.tenant)
    : t('job {0} of {1}', target.job.id, servicePrincipal);
}

export interface DeployInput {
  text: string;
  uri: string;
  schemaFiles: SchemaFileReader;
  /** Flags or editor choices; they override the file's deploy statement. */
  overrides?: DeployTarget;
  /** Ask the service to parse every changed expression (and use its trees). Default true. */
  validate?: boolean;
}

export async function planDeploy(api: SynchronizationApi, input: DeployInput, steps: Steps = {}, signal?: AbortSignal): Promise<Plan> {
  const analysis = analyzeMappingText(input.text, input.uri, input.schemaFiles);
  // The local file first: a file with errors is refused before any request (and any sign-in).
  const lines = new LineIndex(input.text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const listed = errors.slice(0, 20).map((d) => {
      const p = lines.positionAt(d.start);
      return `  ${p.line + 1}:${p.character + 1} [${d.code}] ${d.message}`;
    });
    throw new WorkflowError(
      `${errors.length === 1 ? t('The file has {0} error; nothing was deployed:', 1) : t('The file has {0} errors; nothing was deployed:', errors.length)}\n${listed.join('\n')}${errors.length > 20 ? '\n  …' : ''}`,
      'refused',
    );
  }
  const wanted = mergeDeployTargets(readDeployTarget(analysis.ast), input.overrides ?? {});
  const target = await resolveTarget(api, wanted, steps, signal);
  steps.step?.(t('Reading the schema of {0}…', describeTarget(target)));
  const current = await api.schema(target.servicePrincipal.id, target.job.id, signal);

  steps.step?.(t('Building the new schema…'));
  let exported = exportSchema(analysis.ast, current.json);
  refuseOnProblems(exported.problems, lines);
  const warnings: string[] = [];
  if ((input.validate ?? true) && exported.changedExpressions.length) {
    const texts = [...new Set(exported.changedExpressions.map((c) => c.text))];
    steps.step?.(
      texts.length === 1
        ? t('Asking the service to parse {0} changed expression…', 1)
        : t('Asking the service to parse {0} changed expressions…', texts.length),
    );
    const trees = new Map<string, unknown>();
    const failures: string[] = [];
    for (const text of texts) {
      const parsed = await api.parseExpression(target.servicePrincipal.id, target.job.id, text, signal);
      if (!parsed.parsingSucceeded || !isRecord(parsed.parsedExpression))
        failures.push(`  ${text}: ${parsed.error ?? t('the service could not parse it')}`);
      else trees.set(text, parsed.parsedExpression);
    }
    if (failures.length)
      throw new WorkflowError(
        `${failures.length === 1 ? t('The service did not accept {0} expression; nothing was deployed:', 1) : t('The service did not accept {0} expressions; nothing was deployed:', failures.length)}\n${failures.join('\n')}`,
        'refused',
      );
    exported = exportSchema(analysis.ast, current.json, { serviceTrees: trees });
    refuseOnProblems(exported.problems, lines);
    warnings.push(...(await operatorWarnings(api, target, exported.schema!, signal)));
  }
  const next = exported.schema!;
  const plan = makePlan('deploy', target, current, JSON.stringify(next), next, warnings);
  // The editor's diff shows the file's own text against the job's mappings in the file's layout.
  return { ...plan, diff: { ...plan.diff, ...fileSideBySide(analysis.ast, input.text, current.json, next) } };
}

function refuseOnProblems(problems: { start: number; message: string }[], lines: LineIndex): void {
  if (!problems.length) return;
  const listed = problems.map((p) => {
    const at = lines.positionAt(p.start);
    return `  ${at.line + 1}:${at.character + 1} ${p.message}`;
  });
  throw new WorkflowError(`${t('The new schema cannot be built; nothing was deployed:')}\n${listed.join('\n')}`, 'refused');
}

/** Scoping operators the job's filterOperators list does not name (only EQUALS is documented). */
async function operatorWarnings(
  api: SynchronizationApi,
  target: ResolvedTarget,
  schema: JsonObject,
  signal?: AbortSignal,
): Promise<string[]> {
  const used = new Set<string>();
  for (const rule of asArray(schema.synchronizationRules)) {
    for (const objectMapping of asArray(isRecord(rule) ? rule.objectMappings : undefined)) {
      const scope = isRecord(objectMapping) ? objectMapping.scope : undefined;
      for (const group of asArray(isRecord(scope) ? scope.groups : undefined)) {
        for (const clause of asArray(isRecord(group) ? group.clauses : undefined)) {
          if (isRecord(clause) && typeof clause.operatorName === 'string') used.add(clause.operatorName);
        }
      }
    }
  }
  if (used.size === 0) return [];
  try {
    const known = new Set(await api.filterOperators(target.servicePrincipal.id, target.job.id, signal));
    return [...used]
      .filter((name) => !known.has(name))
      .map((name) => t('Scoping operator "{0}" is not in the job\'s filterOperators list; the service may reject it.', name));
  } catch (error) {
    if (error instanceof GraphCancelledError) throw error;
    return [
      t(
        "Could not read the job's filterOperators to check scoping operator names: {0}",
        error instanceof Error ? error.message : String(error),
      ),
    ];
  }
}

function makePlan(
  kind: Plan['kind'],
  target: ResolvedTarget,
  current: { bytes: Uint8Array; json: JsonObject },
  body: string | Uint8Array,
  next: unknown,
  warnings: string[],
): Plan {
  const diff = diffSchemas(current.json, next);
  const changes = diff.total;
  // The one place the totals are said: the CLI prints it above the details, VS Code as the dialog's message.
  const summary =
    changes === 0
      ? t('No mapping changes on {0}.', describeTarget(target))
      : changes === 1
        ? t('{0} change on {1}: {2}.', 1, describeTarget(target), describeCounts(diff.counts, diff.attributes))
        : t('{0} changes on {1}: {2}.', changes, describeTarget(target), describeCounts(diff.counts, diff.attributes));
  return { kind, target, current, body, next, diff, summary, details: formatDiff(diff), warnings };
}

/**
 * Backup → [re-GET, compare with the what-if → PUT] per attempt → GET and compare with what was sent.
 *
 * Graph documents no ETag or If-Match for the synchronization schema (the update page lists only the
 * Authorization header: https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-update),
 * so a lost update is prevented by reading and comparing right before every PUT attempt, retries
 * included, by a lock against deploys from the same workspace, and detected afterwards by comparing
 * the read-back with what was sent. Once a PUT was sent every outcome says so: a failure after it is
 * a WorkflowError of kind 'unverified' that names the backup and the rollback command.
 */
export async function executePlan(
  api: SynchronizationApi,
  plan: Plan,
  backups: BackupStore,
  steps: Steps = {},
  signal?: AbortSignal,
  reason = 'before deploy',
): Promise<DeployReport> {
  const { servicePrincipal, job } = plan.target;
  if (signal?.aborted) throw new GraphCancelledError();
  const release = await backups.lock?.(servicePrincipal.id, job.id);
  try {
    steps.step?.(t('Saving a backup of the current schema…'));
    const backup = await backups.save(plan.current.bytes, {
      tenant: plan.target.tenant,
      servicePrincipalId: servicePrincipal.id,
      jobId: job.id,
      savedAt: new Date().toISOString(),
      reason,
    });
    return await putAndVerify(api, plan, backup, steps, signal);
  } finally {
    steps.putInFlight?.(false);
    await release?.();
  }
}

/** The schema without its `version` (which changes on every write), for comparing content. */
function content(schema: unknown): unknown {
  if (!isRecord(schema)) return schema;
  const { version: _version, ...rest } = schema;
  void _version;
  return rest;
}

const RETRYABLE_PUT = new Set([429, 503, 504]);

async function putAndVerify(
  api: SynchronizationApi,
  plan: Plan,
  backup: string,
  steps: Steps,
  signal?: AbortSignal,
): Promise<DeployReport> {
  const { servicePrincipal, job } = plan.target;
  const rollback = rollbackHint(backup);
  const sentOnly = (detail: string, holds: string) =>
    new WorkflowError(t('The PUT was sent{0}; {1}. The {2}.', detail, holds, rollback), 'unverified');
  /** Reads the job after a failure to say what it holds; `undefined` when it cannot be read. */
  const readAfter = async (): Promise<JsonObject | undefined> => {
    try {
      return (await api.schema(servicePrincipal.id, job.id)).json;
    } catch {
      return undefined;
    }
  };
  const attempts = Math.max(1, api.graph.maxAttempts);
  /** A PUT was sent that may have been applied (anything but a 429 or a refusal). */
  let maybeApplied = false;
  let lastFailure = '';
  for (let attempt = 1; ; attempt++) {
    steps.step?.(
      attempt === 1
        ? t('Checking that the schema has not changed since the what-if…')
        : t('Checking the schema again before retrying the PUT (attempt {0}/{1})…', attempt, attempts),
    );
    let before: JsonObject;
    try {
      before = (await api.schema(servicePrincipal.id, job.id, maybeApplied ? undefined : signal)).json;
    } catch (error) {
      if (!maybeApplied) throw error;
      throw sentOnly(` (${lastFailure})`, t('the job may hold the new schema; it could not be read back ({0})', messageOf(error)));
    }
    if (!deepEqual(before, plan.current.json)) {
      if (maybeApplied && deepEqual(content(before), content(plan.next))) {
        steps.step?.(t('The earlier PUT was applied ({0}).', lastFailure));
        return verified(plan, backup, before, t('the earlier attempt ended with {0} but was applied', lastFailure));
      }
      if (maybeApplied) {
        throw sentOnly(
          ` (${lastFailure})`,
          t('the job now holds a schema that is neither the previous one nor this one: someone else changed it meanwhile'),
        );
      }
      const was = plan.current.json.version;
      const now = before.version;
      throw new WorkflowError(
        was !== now
          ? attempt > 1
            ? t(
                "The job's schema changed since the what-if (version {0} → {1}); nothing was written (the earlier attempt ended with {2}). Run the what-if again.",
                String(was),
                String(now),
                lastFailure,
              )
            : t(
                "The job's schema changed since the what-if (version {0} → {1}); nothing was written. Run the what-if again.",
                String(was),
                String(now),
              )
          : attempt > 1
            ? t(
                "The job's schema changed since the what-if; nothing was written (the earlier attempt ended with {0}). Run the what-if again.",
                lastFailure,
              )
            : t("The job's schema changed since the what-if; nothing was written. Run the what-if again."),
        'refused',
      );
    }
    if (signal?.aborted && !maybeApplied) throw new GraphCancelledError();
    // From here on the PUT is sent and verified whatever the caller's cancellation says.
    steps.putInFlight?.(true, backup);
    steps.step?.(t('Replacing the schema of {0} (PUT)…', describeTarget(plan.target)));
    try {
      await api.putSchema(servicePrincipal.id, job.id, plan.body, undefined, { retry: false });
      break;
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      const status = error.status;
      const transient = status === undefined || RETRYABLE_PUT.has(status) || status >= 500;
      lastFailure = status === undefined ? messageOf(error).replace(/\.$/, '') : `HTTP ${status}`;
      // A 429 and any other 4xx are refusals: the service did not apply them.
      if (status === undefined || status >= 500) maybeApplied = true;
      const wait =
        RETRYABLE_PUT.has(status ?? 0) || status === undefined ? api.graph.retryDelay(attempt, error.details.retryAfterMs) : undefined;
      if (transient && wait !== undefined && attempt < attempts) {
        steps.step?.(
          t('The PUT ended with {0}; waiting {1} s, then checking the schema again before retrying…', lastFailure, Math.ceil(wait / 1000)),
        );
        await api.graph.pause(wait);
        continue;
      }
      const giveUp =
        wait === undefined && error.details.retryAfterMs !== undefined
          ? ` ${t('Graph asks to wait {0} s before retrying; try again later.', Math.round(error.details.retryAfterMs / 1000))}`
          : transient
            ? ` ${attempt === 1 ? t('Gave up after {0} attempt.', 1) : t('Gave up after {0} attempts.', attempt)}`
            : '';
      if (!maybeApplied) throw new GraphError(`${error.message}${giveUp} ${t('Nothing was written.')}`, error.details);
      // The last attempt may have been applied: find out what the job holds.
      const now = await readAfter();
      if (now !== undefined && deepEqual(now, plan.current.json))
        throw new GraphError(
          `${error.message}${giveUp} ${t('The job still holds the previous schema; nothing was written.')}`,
          error.details,
        );
      if (now !== undefined && deepEqual(content(now), content(plan.next)))
        return verified(plan, backup, now, t('the PUT ended with {0} but was applied', lastFailure));
      throw sentOnly(
        ` ${t('(it ended with: {0})', `${error.message}${giveUp}`)}`,
        now === undefined
          ? t('the job may hold the new schema; it could not be read back')
          : t('the job holds a schema that is neither the previous one nor this one'),
      );
    }
  }
  steps.step?.(t('Verifying the result…'));
  let written: JsonObject;
  try {
    written = (await api.schema(servicePrincipal.id, job.id)).json;
  } catch (error) {
    throw sentOnly(
      ` ${t('and answered 2xx')}`,
      t('the job should hold the new schema, but reading it back failed ({0})', messageOf(error)),
    );
  }
  return verified(plan, backup, written, '');
}

/** Compares the read-back with what was sent: the mappings, then everything else but the version. */
function verified(plan: Plan, backup: string, written: JsonObject, note: string): DeployReport {
  const rollback = rollbackHint(backup);
  const expected = viewText(viewSchema(plan.next));
  const actual = viewText(viewSchema(written));
  if (expected !== actual) {
    throw new WorkflowError(
      `${t("The PUT was sent, but the job's mappings now differ from what was sent (someone else may have written after it). The {0}.", rollback)}\n${formatDiff(diffSchemas(plan.next, written))}`,
      'unverified',
    );
  }
  if (!deepEqual(content(written), content(plan.next))) {
    const parts =
      isRecord(written) && isRecord(plan.next)
        ? Object.keys({ ...written, ...plan.next }).filter((k) => k !== 'version' && !deepEqual(written[k], (plan.next as JsonObject)[k]))
        : [];
    throw new WorkflowError(
      parts.length
        ? t(
            "The PUT was sent and the mappings are as sent, but the job's schema differs from what was sent in {0} (someone else may have written after it). The {1}.",
            parts.join(', '),
            rollback,
          )
        : t(
            "The PUT was sent and the mappings are as sent, but the job's schema differs from what was sent in its content (someone else may have written after it). The {0}.",
            rollback,
          ),
      'unverified',
    );
  }
  return {
    backup,
    verified: true,
    summary: plan.summary,
    message: note
      ? t('Deployed: {0} Backup of the previous schema: {1} ({2})', plan.summary, backup, note)
      : t('Deployed: {0} Backup of the previous schema: {1}', plan.summary, backup),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where the previous schema is and how to restore it, as every "the PUT was sent" message says it. */
export function rollbackHint(backup: string): string {
  return t('previous schema: {0} (roll back with: {1})', backup, `aadmap rollback ${quoteArg(backup)}`);
}

/** A path as one shell argument. */
function quoteArg(path: string): string {
  return /^[\w./\\:@%+=-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

export interface PullResult {
  text: string;
  target: ResolvedTarget;
  schema: JsonObject;
  bytes: Uint8Array;
  /** Set when the mappings fit the built-in Chatwork target. */
  chatwork: boolean;
  /**
   * The job's function list as Graph returned it (`GET …/schema/functions`), kept beside the schema
   * file (docs/real-schemas.md); undefined when the service would not give it (a note says why).
   */
  functions?: Uint8Array;
}

/** GET the job's schema and turn it into `.aadmap` text (with a deploy statement for the same job). */
export async function pull(
  api: SynchronizationApi,
  wanted: DeployTarget,
  options: {
    steps?: Steps;
    signal?: AbortSignal;
    targetPath?: (chatwork: boolean) => { builtin: string } | { path: string } | undefined;
    /** Also read the job's function list (`GET …/schema/functions`). */
    withFunctions?: boolean;
  } = {},
): Promise<PullResult> {
  const target = await resolveTarget(api, wanted, options.steps ?? {}, options.signal);
  options.steps?.step?.(`Reading the schema of ${describeTarget(target)}…`);
  const snapshot = await api.schema(target.servicePrincipal.id, target.job.id, options.signal);
  const chatwork = fitsChatwork(snapshot.json);
  const imported = importSchema(snapshot.json, {
    header: [
      `Pulled from Microsoft Graph: ${describeTarget(target)}`,
      `schema version ${String(snapshot.json.version ?? '?')}, ${new Date().toISOString()}`,
    ],
    target: options.targetPath ? options.targetPath(chatwork) : chatwork ? { builtin: 'chatwork' } : undefined,
    deploy: { tenant: target.tenant, servicePrincipal: target.servicePrincipal.id, job: target.job.id },
  });
  if (imported.problems.length)
    throw new WorkflowError(
      `${t("The job's schema cannot be written as .aadmap without losing something:")}\n  ${imported.problems.join('\n  ')}`,
      'failed',
    );
  let functions: Uint8Array | undefined;
  if (options.withFunctions) {
    options.steps?.step?.(t('Reading the function list of {0}…', describeTarget(target)));
    try {
      functions = (await api.functions(target.servicePrincipal.id, target.job.id, options.signal)).bytes;
    } catch (error) {
      // The list refines the check; a pull without it still holds the whole schema.
      if (!(error instanceof GraphError) || error.status === 401) throw error;
      options.steps?.step?.(
        t("The job's function list could not be read ({0}); only the built-in functions will be known.", error.message),
      );
    }
  }
  return { text: imported.text, target, schema: snapshot.json, bytes: snapshot.bytes, chatwork, ...(functions ? { functions } : {}) };
}

/**
 * What-if of restoring a backup: the job named by the backup (or the overrides) gets its bytes back.
 * Only a synchronization schema is accepted (directories and synchronizationRules arrays), a backup
 * of another job only with `otherJob`, and the what-if warns about everything beyond mappings the
 * rollback would remove (a directory, a rule, a top-level property).
 */
export async function planRollback(
  api: SynchronizationApi,
  backups: BackupStore,
  location: string,
  overrides: DeployTarget = {},
  steps: Steps = {},
  signal?: AbortSignal,
  options: { otherJob?: boolean } = {},
): Promise<Plan> {
  const backup = await backups.read(location);
  let json: unknown;
  try {
    json = parsePlainJson(new TextDecoder().decode(backup.bytes));
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new WorkflowError(
      `${location}:${error.line}:${error.column}: ${t('{0} is not a schema backup (not JSON); nothing was written.', location)}`,
      'refused',
    );
  }
  if (!isRecord(json) || !Array.isArray(json.directories) || !Array.isArray(json.synchronizationRules)) {
    throw new WorkflowError(
      t('{0} is not a synchronization schema (it needs "directories" and "synchronizationRules" arrays); nothing was written.', location),
      'refused',
    );
  }
  const meta = backup.meta;
  if (meta && !options.otherJob) {
    const other =
      (overrides.job && meta.jobId && overrides.job !== meta.jobId) ||
      (overrides.servicePrincipal && meta.servicePrincipalId && overrides.servicePrincipal !== meta.servicePrincipalId);
    if (other) {
      throw new WorkflowError(
        t(
          '{0} is a backup of job {1}, not of job {2} (service principal {3}); nothing was written. Put it on another job only on purpose (--other-job).',
          location,
          String(meta.jobId),
          overrides.job ?? String(meta.jobId),
          overrides.servicePrincipal ?? String(meta.servicePrincipalId),
        ),
        'refused',
      );
    }
  }
  const wanted = mergeDeployTargets({ tenant: meta?.tenant, servicePrincipal: meta?.servicePrincipalId, job: meta?.jobId }, overrides);
  const target = await resolveTarget(api, wanted, steps, signal);
  steps.step?.(t('Reading the schema of {0}…', describeTarget(target)));
  const current = await api.schema(target.servicePrincipal.id, target.job.id, signal);
  return makePlan('rollback', target, current, backup.bytes, json, removedBeyondMappings(current.json, json));
}

/** What restoring `next` over `current` removes besides attribute mappings, one warning each. */
function removedBeyondMappings(current: JsonObject, next: JsonObject): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(current)) {
    if (!(key in next)) warnings.push(t('The rollback removes the property "{0}" from the job\'s schema.', key));
  }
  const names = (list: unknown) => asArray(list).map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : undefined));
  const kept = new Set(names(next.directories));
  for (const name of names(current.directories)) {
    if (name !== undefined && !kept.has(name)) warnings.push(t('The rollback removes directory "{0}" from the job\'s schema.', name));
  }
  const keptRules = new Set(names(next.synchronizationRules));
  for (const name of names(current.synchronizationRules)) {
    if (name !== undefined && !keptRules.has(name))
      warnings.push(t('The rollback removes synchronization rule "{0}" from the job\'s schema.', name));
  }
  return warnings;
}

export { GraphError, GraphCancelledError };
