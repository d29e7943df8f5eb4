/**
 * The impact for the editor (docs/impact.md, "In VS Code"): the Impact view and the deploy modal ask
 * the language server (`aadmap/graph/impact`), which runs it here, off the extension host. The after
 * version is the editor's text (saved or not); the before version a file, the file at a git revision,
 * the job's current schema or the schema of a deploy plan; the users a JSONL file or the tenant
 * (the directory cache of tenant.ts). The run is streamed as for the CLI and cancellable between chunks.
 * The examples carry their users' attributes, so a click in the view can open the provisioning preview
 * for that user: a second pass over the file keeps those few lines only.
 */
import { t } from '../../grammar/common/l10n';
import { fileURLToPath } from 'node:url';
import { GraphCancelledError } from '../graph/client';
import { parseMappingFile } from '../../grammar/mapping/index';
import { type DeployTarget, mergeDeployTargets, readDeployTarget } from '../graph/deploy-target';
import type { SynchronizationApi } from '../graph/sync-api';
import { resolveTarget, WorkflowError } from '../graph/workflow';
import { analyzeMappingText } from '../service/analysis';
import type { SchemaFileReader } from '../service/schema-resolver';
import { CATEGORIES, type Category } from './classify';
import { type BadLine, ImpactEngine } from './engine';
import { type DeleteThreshold, guardDecision, thresholdFromSecrets } from './guard';
import { forEachLine } from './read-lines';
import { type ImpactReport, toReport } from './report';
import { beforeVersion, jobSchemaLabel, schemaVersion, SourceError, type VersionText } from './sources';
import type { ImpactSample } from './tally';
import { readTenantUsers } from './tenant';
import { ASSIGNED_KEY } from './users';
import { impactVersion, VersionError } from './version';

/** The version before the change. `plan`: the job's schema a deploy what-if read (its plan id is in the request). */
export type ImpactBefore = { kind: 'file'; path: string } | { kind: 'git'; rev: string } | { kind: 'job' } | { kind: 'plan' };
/** Where the users come from; `tenant` reads (or brings up to date) the directory cache in `cacheDir`. */
export type ImpactUsers = { kind: 'file'; path: string } | { kind: 'tenant'; cacheDir: string };

export interface EditorImpactParams {
  /** The mapping file (relative target schemas and `git:` resolve against it). */
  uri: string;
  /** Its text in the editor: the version after the change. */
  text: string;
  before: ImpactBefore;
  users: ImpactUsers;
  /** The job (before `job`, users `tenant`); the deploy statement's, completed by the editor's pickers. */
  target?: DeployTarget;
  /** With before `plan`: the deploy what-if's plan. */
  planId?: string;
  samples?: number;
  defaultDomain?: string;
}

export interface ImpactExample extends ImpactSample {
  category: Category | 'matchChanged';
  /** The users-file line (1-based). */
  line: number;
  /** The user as the file holds it (source attribute names), for the provisioning preview; absent for lines that are not users. */
  attributes?: Record<string, unknown>;
}

export interface EditorImpact {
  report: ImpactReport;
  /** Every sample of the report, in category order, then the matchChanged ones. */
  examples: ImpactExample[];
  /** What was compared, for the view's heading. */
  beforeLabel: string;
  usersLabel: string;
  /** Source attributes Graph cannot give (tenant users): read as null. */
  notEvaluated: string[];
  warnings: string[];
  /** The first lines that are not users (all are counted in `errors`). */
  badLines: BadLine[];
  /** With before `plan`: the deploy guard (docs/impact.md, "The deploy guard"). */
  guard?: { threshold: DeleteThreshold; refused: boolean; reasons: string[] };
}

export interface ImpactContext {
  schemaFiles: SchemaFileReader;
  signal: AbortSignal;
  /** Present when the request carried a Graph connection. */
  api?: SynchronizationApi;
  /** The plan named by `planId`, when it is still held. */
  plan?: { current: { json: unknown }; target: { servicePrincipal: { id: string }; job: { id: string } } };
  step?: (message: string) => void;
}

const BAD_LINES_KEPT = 20;

/** Whether the request needs Microsoft Graph (and so a sign-in). */
export function impactNeedsGraph(params: Pick<EditorImpactParams, 'before' | 'users'>): boolean {
  return params.before?.kind === 'job' || params.before?.kind === 'plan' || params.users?.kind === 'tenant';
}

export async function editorImpact(params: EditorImpactParams, context: ImpactContext): Promise<EditorImpact> {
  const { signal } = context;
  const file = params.uri.startsWith('file:') ? fileURLToPath(params.uri) : params.uri;
  const analyze = (text: string) => analyzeMappingText(text, params.uri, context.schemaFiles);
  // The job: the file's deploy statement, completed or overridden by the editor's pickers.
  const wanted = mergeDeployTargets(readDeployTarget(parseMappingFile(params.text).ast), params.target ?? {});
  const after: VersionText = { label: t('the editor'), text: params.text, analysis: analyze(params.text), warnings: [] };
  const before = await beforeText(params, context, file, after.text, wanted);
  let versions;
  try {
    versions = { before: impactVersion(before.analysis, before.label), after: impactVersion(after.analysis, after.label) };
  } catch (error) {
    if (error instanceof VersionError)
      throw new WorkflowError(t('{0} has errors: the impact needs both versions without errors.', error.label), 'refused');
    throw error;
  }

  let usersFile: string;
  let usersLabel: string;
  let notEvaluated: string[] = [];
  const servicePrincipal = async () =>
    context.plan?.target.servicePrincipal.id ??
    (await resolveTarget(requireApi(context), wanted, { step: context.step }, signal)).servicePrincipal.id;
  if (params.users.kind === 'tenant') {
    const api = requireApi(context);
    const read = await readTenantUsers({
      client: api.graph,
      servicePrincipalId: await servicePrincipal(),
      reads: new Set([...versions.before.reads, ...versions.after.reads]),
      cacheDir: params.users.cacheDir,
      progress: (n) => n % 999 === 0 && context.step?.(t('{0} users read', n)),
      signal,
    });
    usersFile = read.usersFile;
    notEvaluated = read.notEvaluated;
    usersLabel =
      read.mode === 'delta'
        ? t('the tenant (cache, {0} changes read)', read.downloaded)
        : t('the tenant ({0} users read)', read.downloaded);
  } else {
    usersFile = params.users.path;
    usersLabel = params.users.path;
  }

  const engine = new ImpactEngine(versions.before, versions.after, {
    samples: params.samples,
    settings: { defaultDomain: params.defaultDomain || undefined },
  });
  const badLines: BadLine[] = [];
  context.step?.(t('evaluating both versions for every user'));
  try {
    await forEachLine(usersFile, (text, line) => {
      if (signal.aborted) throw new GraphCancelledError('Cancelled.');
      const bad = engine.addLine(text, line);
      if (bad && badLines.length < BAD_LINES_KEPT) badLines.push(bad);
    });
  } catch (error) {
    if (error instanceof GraphCancelledError) throw error;
    throw new WorkflowError(
      t('cannot read {0}: {1}', usersLabel, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
      'failed',
    );
  }
  const report = toReport(engine.tally);
  const examples = await examplesOf(engine, usersFile, signal);

  let guard: EditorImpact['guard'];
  if (params.before.kind === 'plan') {
    const api = requireApi(context);
    let secrets: unknown;
    try {
      secrets = (
        await api.graph.getJson(`/servicePrincipals/${encodeURIComponent(await servicePrincipal())}/synchronization/secrets`, signal)
      ).json;
    } catch (error) {
      if (error instanceof GraphCancelledError) throw error;
      secrets = undefined; // unreadable: the default threshold applies (guard.ts)
    }
    const threshold = thresholdFromSecrets(secrets);
    const decision = guardDecision(report, threshold, {});
    guard = { threshold, refused: decision.refused, reasons: decision.reasons };
  }
  return {
    report,
    examples,
    beforeLabel: before.label,
    usersLabel,
    notEvaluated,
    warnings: before.warnings,
    badLines,
    guard,
  };
}

function requireApi(context: ImpactContext): SynchronizationApi {
  if (!context.api) throw new WorkflowError(t('This impact needs Microsoft Graph: sign in and run it again.'), 'usage');
  return context.api;
}

async function beforeText(
  params: EditorImpactParams,
  context: ImpactContext,
  file: string,
  afterText: string,
  wanted: DeployTarget,
): Promise<VersionText> {
  const before = params.before;
  try {
    switch (before.kind) {
      case 'file':
        return beforeVersion(before.path, file, afterText);
      case 'git':
        return beforeVersion(`git:${before.rev}`, file, afterText);
      case 'plan': {
        if (!context.plan) throw new WorkflowError(t('This what-if has expired; run it again.'), 'refused');
        return schemaVersion(context.plan.current.json, jobSchemaLabel(), file, afterText);
      }
      case 'job': {
        const api = requireApi(context);
        const target = await resolveTarget(api, wanted, { step: context.step }, context.signal);
        const schema = await api.schema(target.servicePrincipal.id, target.job.id, context.signal);
        return schemaVersion(schema.json, jobSchemaLabel(), file, afterText);
      }
    }
  } catch (error) {
    if (error instanceof SourceError) throw new WorkflowError(error.message, 'failed');
    throw error;
  }
  throw new WorkflowError('Unknown kind of before version.', 'usage');
}

/** The report's samples with their lines, and the attributes of those users (one more pass, keeping only their lines). */
async function examplesOf(engine: ImpactEngine, usersFile: string, signal: AbortSignal): Promise<ImpactExample[]> {
  const { tally } = engine;
  const examples: ImpactExample[] = [];
  for (const c of CATEGORIES) for (const r of tally.samples[c]) examples.push({ ...r.sample, category: c, line: r.line });
  for (const r of tally.matchChangedSamples) examples.push({ ...r.sample, category: 'matchChanged', line: r.line });
  const wanted = new Map<number, ImpactExample[]>();
  for (const e of examples) wanted.set(e.line, [...(wanted.get(e.line) ?? []), e]);
  if (wanted.size === 0) return examples;
  await forEachLine(usersFile, (text, line) => {
    if (signal.aborted) throw new GraphCancelledError('Cancelled.');
    const those = wanted.get(line);
    if (!those) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const { [ASSIGNED_KEY]: _assigned, ...attributes } = value as Record<string, unknown>;
    for (const e of those) e.attributes = attributes;
  });
  return examples;
}
