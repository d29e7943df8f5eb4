/**
 * `aadmap provision FILE --user UPN|ID`: provisionOnDemand for one user
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand; rate
 * limit 5 requests per 10 seconds, waited out by the GraphClient's Retry-After handling), then the
 * same user read from Graph and run through aadmap's own preview, and every target attribute the
 * service modified whose value differs from aadmap's prediction. This is how the offline evaluator
 * is checked against the service (docs/watch-and-troubleshoot.md).
 *
 * Values are compared as text the way the service reports them (a Boolean as `True`). What aadmap
 * cannot compute offline (a custom scoping operator, an attribute Graph's /users does not return,
 * an expression that fails) is listed under `notPredicted` and never counted as a difference.
 */
import { localized, t } from '../../../grammar/common/l10n';
import { walkExpression } from '../../../grammar/expression/ast';
import { attributeMappingsOf, scopesOf } from '../../../grammar/mapping/ast';
import { fromPlainJson, readSampleUser, textOf, toOutputJson, type OutputJson, type Value } from '../../evaluator/index';
import { findAttribute, findObject } from '../../schema/lookup';
import { BUILTIN_SOURCE } from '../../schema/index';
import type { BlockPreview } from '../../preview/preview';
import type { MappingAnalysis } from '../../service/analysis';
import { previewMapping } from '../../service/checked-preview';
import { GraphError } from '../client';
import { asArray, isRecord, str } from '../json';
import { differencesHeading, modifiedPropertyLine } from './catalogue';
import type { SynchronizationApi } from '../sync-api';
import { type ResolvedTarget, WorkflowError } from '../workflow';

const enc = encodeURIComponent;

export interface DirectoryUserInfo {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

export interface ProvisionStep {
  type: string;
  status: string;
  description: string;
  name: string;
  details: Record<string, string>;
}

export interface ProvisionReport {
  user: DirectoryUserInfo;
  ruleId: string;
  /** The service's: Success, Failure, Skipped, Warning. */
  result: string;
  action: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  changeId: string | null;
  steps: ProvisionStep[];
  modified: { name: string; old: string | null; new: string | null }[];
  /** aadmap's preview: target attribute → value (null when nothing flows). */
  predicted: Record<string, OutputJson>;
  /** aadmap's scope decision (null when it cannot be made offline). */
  predictedInScope: boolean | null;
  predictedAction: string | null;
  differences: { attribute: string; service: string | null; aadmap: string | null }[];
  /** `reason` in English (the JSON contract); `shown` in the user's language (the text report). */
  notPredicted: { attribute: string; reason: string; shown: string }[];
}

/**
 * Source attributes that are not Graph user properties of the same name, and how aadmap fills them.
 * A reason is data: English in the JSON output, shown through `localized` in the text report.
 */
export const SPECIAL_SOURCE: Readonly<Record<string, { graph?: string; reason?: string }>> = {
  objectId: { graph: 'id' },
  // Users that GET /users returns are not soft-deleted (deleted users live under /directory/deletedItems).
  IsSoftDeleted: {},
  manager: { reason: 'the manager is a reference the service resolves itself' },
  appRoleAssignments: { reason: 'app role assignments are computed by the service' },
  singleAppRoleAssignment: { reason: 'app role assignments are computed by the service' },
};
const EXTENSION_ATTRIBUTE = /^extensionAttribute([1-9]|1[0-5])$/;
/** Why an attribute outside the source schema's Graph properties is not predicted (data, as SPECIAL_SOURCE's reasons). */
export const NOT_ON_USERS = 'Graph does not return this attribute on /users';

/** Looks a user up by object id or user principal name (GET /users/{id|upn}). */
async function findUser(api: SynchronizationApi, idOrUpn: string, select: readonly string[] = [], signal?: AbortSignal) {
  const fields = [...new Set(['id', 'userPrincipalName', 'displayName', ...select])];
  try {
    const { json } = await api.graph.getJson(`/users/${enc(idOrUpn)}?$select=${fields.map(enc).join(',')}`, signal);
    if (!isRecord(json) || typeof json.id !== 'string') throw new WorkflowError(t('GET /users/{0} returned no user.', idOrUpn));
    return json;
  } catch (error) {
    if (error instanceof GraphError && error.status === 404)
      throw new WorkflowError(t('No user "{0}" in this tenant (give a user principal name or an object id).', idOrUpn), 'refused');
    throw error;
  }
}

/** Users whose display name or UPN starts with `prefix` (the editor's picker). */
export async function searchUsers(api: SynchronizationApi, prefix: string, signal?: AbortSignal): Promise<DirectoryUserInfo[]> {
  const q = prefix.replace(/'/g, "''");
  const filter = enc(`startswith(displayName,'${q}') or startswith(userPrincipalName,'${q}')`);
  const { json } = await api.graph.getJson(`/users?$filter=${filter}&$select=id,displayName,userPrincipalName&$top=25`, signal);
  return asArray(isRecord(json) ? json.value : undefined)
    .filter(isRecord)
    .filter((u) => typeof u.id === 'string')
    .map((u) => ({ id: u.id as string, displayName: str(u.displayName) ?? '', userPrincipalName: str(u.userPrincipalName) ?? '' }));
}

/** The synchronization rule whose object mappings start from users (the schema's synchronizationRules[].id). */
export function userRuleId(schema: Record<string, unknown>): string | undefined {
  const rules = asArray(schema.synchronizationRules).filter(isRecord);
  const forUsers = rules.find((rule) =>
    asArray(rule.objectMappings).some((m) => isRecord(m) && str(m.sourceObjectName)?.toLowerCase() === 'user' && m.enabled !== false),
  );
  return str((forUsers ?? rules[0])?.id);
}

export async function provisionOnDemand(
  api: SynchronizationApi,
  target: ResolvedTarget,
  analysis: MappingAnalysis,
  idOrUpn: string,
  steps: { step?: (message: string) => void } = {},
  signal?: AbortSignal,
): Promise<ProvisionReport> {
  const blocking = analysis.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unknown-attribute');
  if (blocking.length) throw new WorkflowError(t('The file has errors ({0}): fix them first.', blocking[0]!.message), 'refused');
  const { select, notRead } = sourceAttributes(analysis);
  steps.step?.(t('Reading user {0}…', idOrUpn));
  const graphUser = await findUser(api, idOrUpn, select, signal);
  const user: DirectoryUserInfo = {
    id: graphUser.id as string,
    userPrincipalName: str(graphUser.userPrincipalName) ?? '',
    displayName: str(graphUser.displayName) ?? '',
  };
  steps.step?.(t('Reading the synchronization rule id from the job schema…'));
  const schema = await api.schema(target.servicePrincipal.id, target.job.id, signal);
  const ruleId = userRuleId(schema.json);
  if (!ruleId) throw new WorkflowError(t("The job's schema has no synchronization rule for users."), 'refused');
  steps.step?.(t('Provisioning {0} on demand…', user.userPrincipalName || user.id));
  const answer = await api.graph.postJson(
    `/servicePrincipals/${enc(target.servicePrincipal.id)}/synchronization/jobs/${enc(target.job.id)}/provisionOnDemand`,
    { parameters: [{ ruleId, subjects: [{ objectId: user.id, objectTypeName: 'User' }] }] },
    signal,
  );
  const report = readOnDemandAnswer(answer, user, ruleId);
  compareWithPreview(report, analysis, graphUser, notRead);
  return report;
}

/** The source attributes the file's user blocks read: which to `$select`, which Graph cannot give. */
function sourceAttributes(analysis: MappingAnalysis): { select: string[]; notRead: Map<string, string> } {
  const source = findObject(BUILTIN_SOURCE, 'User');
  const select = new Set<string>();
  const notRead = new Map<string, string>();
  const visit = (name: string) => {
    const special = SPECIAL_SOURCE[name];
    if (special) {
      if (special.graph) select.add(special.graph);
      if (special.reason) notRead.set(name, special.reason);
    } else if (EXTENSION_ATTRIBUTE.test(name)) select.add('onPremisesExtensionAttributes');
    else if (/^extension_[0-9a-f]{32}_\w+$/i.test(name) || (source && findAttribute(source, name)?.exactCase)) select.add(name);
    else notRead.set(name, NOT_ON_USERS);
  };
  for (const checked of analysis.blocks) {
    if ((checked.sourceObject?.name ?? checked.block.sourceObject?.text) !== 'User') continue;
    for (const mapping of attributeMappingsOf(checked.block)) {
      if (mapping.source.kind === 'none') continue;
      walkExpression(mapping.source as never, (node) => {
        if ((node as { kind: string }).kind === 'attribute') visit((node as unknown as { name: string }).name);
      });
    }
    for (const group of scopesOf(checked.block)) for (const clause of group.clauses) visit(clause.attribute.name);
  }
  return { select: [...select], notRead };
}

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The answer is a stringKeyStringValuePair: `key` the result JSON, `value` the log-like record JSON (an array in some versions). */
export function readOnDemandAnswer(answer: unknown, user: DirectoryUserInfo, ruleId: string): ProvisionReport {
  const envelope = isRecord(answer) ? answer : {};
  const key = parseJsonText(envelope.key);
  const rawValue = parseJsonText(envelope.value);
  const record = isRecord(rawValue) ? rawValue : isRecord(asArray(rawValue)[0]) ? (asArray(rawValue)[0] as Record<string, unknown>) : {};
  const statusInfo = isRecord(record.statusInfo) ? record.statusInfo : {};
  const details = isRecord(key) && isRecord(key.details) ? key.details : {};
  const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  return {
    user,
    ruleId,
    result: (isRecord(key) ? str(key.result) : undefined) ?? str(statusInfo.status) ?? 'Unknown',
    action: str(record.action) ?? null,
    errorCode: str(details.errorCode) ?? str(statusInfo.errorCode) ?? null,
    errorMessage: str(details.errorMessage) ?? str(statusInfo.reason) ?? null,
    changeId: str(record.changeId) ?? null,
    steps: asArray(record.provisioningSteps)
      .filter(isRecord)
      .map((s) => ({
        name: str(s.name) ?? '',
        type: str(s.type) ?? str(s.provisioningStepType) ?? '',
        status: str(s.status) ?? '',
        description: str(s.description) ?? '',
        details: isRecord(s.details) ? Object.fromEntries(Object.entries(s.details).map(([k, v]) => [k, text(v) ?? ''])) : {},
      })),
    modified: asArray(record.modifiedProperties)
      .filter(isRecord)
      .map((p) => ({ name: str(p.displayName) ?? '', old: text(p.oldValue), new: text(p.newValue) })),
    predicted: {},
    predictedInScope: null,
    predictedAction: null,
    differences: [],
    notPredicted: [],
  };
}

/** Graph's user object → a sample user for the preview (attribute names as the provisioning source schema spells them). */
function sampleUserFromGraph(graphUser: Record<string, unknown>) {
  const plain: Record<string, unknown> = { ...graphUser, objectId: graphUser.id, IsSoftDeleted: false };
  const extensions = isRecord(graphUser.onPremisesExtensionAttributes) ? graphUser.onPremisesExtensionAttributes : {};
  for (const [name, value] of Object.entries(extensions)) plain[name] = value;
  delete plain.onPremisesExtensionAttributes;
  delete plain['@odata.context'];
  return readSampleUser(fromPlainJson(plain), findObject(BUILTIN_SOURCE, 'User'));
}

function serviceText(value: Value): string | null {
  if (value.kind === 'null') return null;
  if (value.kind === 'multi') return value.values.map(textOf).join(', ') || null;
  return textOf(value);
}

function compareWithPreview(
  report: ProvisionReport,
  analysis: MappingAnalysis,
  graphUser: Record<string, unknown>,
  notRead: Map<string, string>,
) {
  const outcome = previewMapping(analysis, { user: sampleUserFromGraph(graphUser) });
  if (outcome.kind === 'errors') return;
  const block: BlockPreview | undefined = outcome.preview.mappings.find((m) => m.action !== 'skip') ?? outcome.preview.mappings[0];
  if (!block) return;
  report.predictedAction = block.action;
  const unreadInScope = block.scope.groups.flatMap((g) => g.clauses).filter((c) => notRead.has(c.attribute));
  if (block.scope.error || unreadInScope.length) {
    report.notPredicted.push(
      block.scope.error !== undefined
        ? { attribute: 'scope', reason: block.scope.error, shown: block.scope.error }
        : unreadReason('scope', unreadInScope[0]!.attribute, notRead),
    );
  } else report.predictedInScope = block.scope.inScope;
  const lines = new Map(
    attributeMappingsOf(analysis.blocks.find((b) => b.block.start === block.start)?.block ?? analysis.blocks[0]!.block).map((m) => [
      m.start,
      m,
    ]),
  );
  for (const attribute of block.attributes) {
    const mapping = lines.get(attribute.start);
    const unread: string[] = [];
    if (mapping && mapping.source.kind !== 'none')
      walkExpression(mapping.source as never, (node) => {
        const name =
          (node as unknown as { kind: string; name: string }).kind === 'attribute' ? (node as unknown as { name: string }).name : undefined;
        if (name && notRead.has(name)) unread.push(name);
      });
    if (unread.length) {
      report.notPredicted.push(unreadReason(attribute.target, unread[0]!, notRead));
      continue;
    }
    if (attribute.outcome.kind === 'error' || attribute.outcome.kind === 'blocked') {
      const message = attribute.outcome.kind === 'error' ? attribute.outcome.error.message : attribute.outcome.message;
      report.notPredicted.push({ attribute: attribute.target, reason: message, shown: message });
      continue;
    }
    report.predicted[attribute.target] = attribute.outcome.kind === 'value' ? toOutputJson(attribute.outcome.value) : null;
    const modified = report.modified.find((p) => p.name.toLowerCase() === attribute.target.toLowerCase());
    if (!modified) continue;
    const aadmap = attribute.outcome.kind === 'value' ? serviceText(attribute.outcome.value) : null;
    if ((modified.new ?? null) !== aadmap) report.differences.push({ attribute: attribute.target, service: modified.new, aadmap });
  }
}

export function provisionToJson(report: ProvisionReport): Record<string, unknown> {
  return {
    user: report.user,
    ruleId: report.ruleId,
    result: report.result,
    action: report.action,
    errorCode: report.errorCode,
    errorMessage: report.errorMessage,
    changeId: report.changeId,
    steps: report.steps.map((s) => ({ type: s.type, status: s.status, description: s.description, name: s.name, details: s.details })),
    modified: report.modified,
    predicted: report.predicted,
    predictedInScope: report.predictedInScope,
    predictedAction: report.predictedAction,
    differences: report.differences,
    notPredicted: report.notPredicted.map(({ attribute, reason }) => ({ attribute, reason })),
  };
}

export function formatProvisionText(report: ProvisionReport): string {
  const lines: string[] = [];
  const who = report.user.userPrincipalName || report.user.id;
  lines.push(
    report.action
      ? t('Provision on demand: {0} — {1} ({2})', who, report.result, report.action)
      : t('Provision on demand: {0} — {1}', who, report.result),
  );
  if (report.errorCode || report.errorMessage) lines.push(`  ${[report.errorCode, report.errorMessage].filter(Boolean).join(': ')}`);
  lines.push('', t('Steps:'));
  for (const step of report.steps) {
    lines.push(`  ${step.type}: ${step.status} — ${step.description}`);
    if (step.type.toLowerCase() === 'scoping') {
      const filters = parseJsonText(step.details.ScopeEvaluationResult);
      for (const [name, value] of Object.entries(isRecord(filters) ? filters : {})) lines.push(`      ${value ? '✓' : '✗'} ${name}`);
      for (const [name, value] of Object.entries(step.details)) if (name !== 'ScopeEvaluationResult') lines.push(`      ${name}: ${value}`);
    }
  }
  if (report.modified.length) {
    lines.push('', t('Modified properties:'));
    for (const p of report.modified) lines.push(`  ${modifiedPropertyLine(p)}`);
  }
  lines.push('');
  if (report.differences.length) {
    lines.push(differencesHeading(report.differences.length));
    for (const d of report.differences)
      lines.push(`  ${t('{0}: service {1}, aadmap {2}', d.attribute, JSON.stringify(d.service), JSON.stringify(d.aadmap))}`);
  } else lines.push(t("No differences from aadmap's preview."));
  if (report.notPredicted.length) {
    lines.push(t('Not predicted offline:'));
    for (const n of report.notPredicted) lines.push(`  ${n.attribute}: ${n.shown}`);
  }
  return lines.join('\n');
}

/** An attribute not predicted because it reads `source`, which Graph's /users cannot give. */
function unreadReason(attribute: string, source: string, notRead: Map<string, string>): ProvisionReport['notPredicted'][number] {
  const why = notRead.get(source)!;
  return { attribute, reason: `[${source}]: ${why}`, shown: `[${source}]: ${localized(why)}` };
}
