/**
 * Pull, what-if, deploy and rollback — the steps of issue 5, shared by the CLI and the editor:
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
import { LineIndex } from '../../grammar/common/line-index';
import { analyzeMappingText } from '../service/analysis';
import type { SchemaFileReader } from '../service/schema-resolver';
import { GraphCancelledError, GraphError } from './client';
import { type DeployTarget, mergeDeployTargets, readDeployTarget } from './deploy-target';
import { diffSchemas, formatDiff, type SchemaDiff } from './diff';
import { exportSchema } from './export';
import { fitsChatwork, importSchema } from './import';
import { asArray, deepEqual, isRecord, type JsonObject } from './json';
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
}

/** A failure the user must act on; `message` is complete and safe to show. */
export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly kind: 'refused' | 'failed' | 'usage' = 'failed',
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
      'No service principal: record it in the file (deploy servicePrincipal "<object id>") or pass --service-principal ID.',
      'usage',
    );
  }
  steps.step?.(`Resolving service principal ${servicePrincipalId}…`);
  const servicePrincipal = await api.servicePrincipal(servicePrincipalId, signal);
  steps.step?.(`Listing the provisioning jobs of ${servicePrincipal.displayName || servicePrincipal.id}…`);
  const jobs = await api.jobs(servicePrincipal.id, signal);
  let jobId = wanted.job;
  if (jobId && !jobs.some((j) => j.id === jobId)) {
    throw new WorkflowError(
      `Service principal ${describeServicePrincipal(servicePrincipal)} has no job "${jobId}" (jobs: ${jobs.map((j) => j.id).join(', ') || 'none'}).`,
      'refused',
    );
  }
  if (!jobId) {
    if (jobs.length === 0)
      throw new WorkflowError(
        `Service principal ${describeServicePrincipal(servicePrincipal)} has no provisioning job: set up provisioning in the portal first.`,
        'refused',
      );
    if (jobs.length === 1) jobId = jobs[0]!.id;
    else jobId = await steps.pickJob?.(jobs);
    if (!jobId)
      throw new WorkflowError(
        `Service principal ${describeServicePrincipal(servicePrincipal)} has several jobs (${jobs.map((j) => j.id).join(', ')}): choose one with --job ID or deploy job "…".`,
        'usage',
      );
  }
  return { tenant: wanted.tenant, servicePrincipal, job: jobs.find((j) => j.id === jobId)! };
}

function describeServicePrincipal(sp: ServicePrincipalInfo): string {
  return sp.displayName ? `"${sp.displayName}" (${sp.id})` : sp.id;
}

function describeTarget(target: ResolvedTarget): string {
  return `job ${target.job.id} of ${describeServicePrincipal(target.servicePrincipal)}${target.tenant ? ` in tenant ${target.tenant}` : ''}`;
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
      `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was deployed:\n${listed.join('\n')}${errors.length > 20 ? '\n  …' : ''}`,
      'refused',
    );
  }
  const wanted = mergeDeployTargets(readDeployTarget(analysis.ast), input.overrides ?? {});
  const target = await resolveTarget(api, wanted, steps, signal);
  steps.step?.(`Reading the schema of ${describeTarget(target)}…`);
  const current = await api.schema(target.servicePrincipal.id, target.job.id, signal);

  steps.step?.('Building the new schema…');
  let exported = exportSchema(analysis.ast, current.json);
  refuseOnProblems(exported.problems, lines);
  const warnings: string[] = [];
  if ((input.validate ?? true) && exported.changedExpressions.length) {
    const texts = [...new Set(exported.changedExpressions.map((c) => c.text))];
    steps.step?.(`Asking the service to parse ${texts.length} changed expression${texts.length === 1 ? '' : 's'}…`);
    const trees = new Map<string, unknown>();
    const failures: string[] = [];
    for (const text of texts) {
      const parsed = await api.parseExpression(target.servicePrincipal.id, target.job.id, text, signal);
      if (!parsed.parsingSucceeded || !isRecord(parsed.parsedExpression))
        failures.push(`  ${text}: ${parsed.error ?? 'the service could not parse it'}`);
      else trees.set(text, parsed.parsedExpression);
    }
    if (failures.length)
      throw new WorkflowError(
        `The service did not accept ${failures.length} expression${failures.length === 1 ? '' : 's'}; nothing was deployed:\n${failures.join('\n')}`,
        'refused',
      );
    exported = exportSchema(analysis.ast, current.json, { serviceTrees: trees });
    refuseOnProblems(exported.problems, lines);
    warnings.push(...(await operatorWarnings(api, target, exported.schema!, signal)));
  }
  const next = exported.schema!;
  return makePlan('deploy', target, current, JSON.stringify(next), next, warnings);
}

function refuseOnProblems(problems: { start: number; message: string }[], lines: LineIndex): void {
  if (!problems.length) return;
  const listed = problems.map((p) => {
    const at = lines.positionAt(p.start);
    return `  ${at.line + 1}:${at.character + 1} ${p.message}`;
  });
  throw new WorkflowError(`The new schema cannot be built; nothing was deployed:\n${listed.join('\n')}`, 'refused');
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
      .map((name) => `Scoping operator "${name}" is not in the job's filterOperators list; the service may reject it.`);
  } catch (error) {
    if (error instanceof GraphCancelledError) throw error;
    return [
      `Could not read the job's filterOperators to check scoping operator names: ${error instanceof Error ? error.message : String(error)}`,
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
  const summary =
    changes === 0
      ? `No mapping changes on ${describeTarget(target)}.`
      : `${changes} mapping${changes === 1 ? '' : 's'} change${changes === 1 ? 's' : ''} on ${describeTarget(target)}.`;
  return { kind, target, current, body, next, diff, summary, details: formatDiff(diff), warnings };
}

/**
 * Backup → re-GET (abort when the schema changed since the plan) → PUT → GET and compare the
 * mappings with what was sent.
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
  steps.step?.('Saving a backup of the current schema…');
  const backup = await backups.save(plan.current.bytes, {
    tenant: plan.target.tenant,
    servicePrincipalId: servicePrincipal.id,
    jobId: job.id,
    savedAt: new Date().toISOString(),
    reason,
  });
  steps.step?.('Checking that the schema has not changed since the what-if…');
  const again = await api.schema(servicePrincipal.id, job.id, signal);
  if (!deepEqual(again.json, plan.current.json)) {
    const before = plan.current.json.version;
    const after = again.json.version;
    throw new WorkflowError(
      `The job's schema changed since the what-if${before !== after ? ` (version ${String(before)} → ${String(after)})` : ''}; nothing was written. Run the what-if again.`,
      'refused',
    );
  }
  if (signal?.aborted) throw new GraphCancelledError();
  // From here on the PUT is sent and verified whatever the caller's cancellation says.
  steps.step?.(`Replacing the schema of ${describeTarget(plan.target)} (PUT)…`);
  await api.putSchema(servicePrincipal.id, job.id, plan.body);
  steps.step?.('Verifying the result…');
  const written = await api.schema(servicePrincipal.id, job.id);
  const expected = viewText(viewSchema(plan.next));
  const actual = viewText(viewSchema(written.json));
  const verified = expected === actual;
  if (!verified) {
    throw new WorkflowError(
      `The PUT succeeded but the job's mappings differ from what was sent; the previous schema is in ${backup} (roll back with it if needed).\n${formatDiff(diffSchemas(plan.next, written.json))}`,
      'failed',
    );
  }
  return { backup, verified, summary: plan.summary, message: `Deployed: ${plan.summary} Backup of the previous schema: ${backup}` };
}

export interface PullResult {
  text: string;
  target: ResolvedTarget;
  schema: JsonObject;
  bytes: Uint8Array;
  /** Set when the mappings fit the built-in Chatwork target. */
  chatwork: boolean;
}

/** GET the job's schema and turn it into `.aadmap` text (with a deploy statement for the same job). */
export async function pull(
  api: SynchronizationApi,
  wanted: DeployTarget,
  options: {
    steps?: Steps;
    signal?: AbortSignal;
    targetPath?: (chatwork: boolean) => { builtin: string } | { path: string } | undefined;
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
      `The job's schema cannot be written as .aadmap without losing something:\n  ${imported.problems.join('\n  ')}`,
      'failed',
    );
  return { text: imported.text, target, schema: snapshot.json, bytes: snapshot.bytes, chatwork };
}

/** What-if of restoring a backup: the job named by the backup (or the overrides) gets its bytes back. */
export async function planRollback(
  api: SynchronizationApi,
  backups: BackupStore,
  location: string,
  overrides: DeployTarget = {},
  steps: Steps = {},
  signal?: AbortSignal,
): Promise<Plan> {
  const backup = await backups.read(location);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(backup.bytes));
  } catch {
    throw new WorkflowError(`${location} is not a schema backup (not JSON).`, 'refused');
  }
  if (!isRecord(json)) throw new WorkflowError(`${location} is not a schema backup (not a JSON object).`, 'refused');
  const wanted = mergeDeployTargets(
    { tenant: backup.meta?.tenant, servicePrincipal: backup.meta?.servicePrincipalId, job: backup.meta?.jobId },
    overrides,
  );
  const target = await resolveTarget(api, wanted, steps, signal);
  steps.step?.(`Reading the schema of ${describeTarget(target)}…`);
  const current = await api.schema(target.servicePrincipal.id, target.job.id, signal);
  return makePlan('rollback', target, current, backup.bytes, json, []);
}

export { GraphError, GraphCancelledError };
