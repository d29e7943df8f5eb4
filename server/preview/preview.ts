/**
 * The provisioning preview: for one sample user and each enabled user mapping block of a file,
 * every target attribute's value, the lookup the service sends (`GET /Users?filter=…` on the
 * matching attributes in precedence order), then `POST` for a new user, the `PATCH` operations
 * for an existing one, or the deprovisioning `PATCH` (active false) for a user out of scope.
 *
 * Modelled service behaviour (docs/evaluation.md, "Modelled service behaviour"):
 * - scoping groups OR'ed, clauses AND'ed; a user out of scope is not created, and an existing one is
 *   disabled (when the block's flowTypes include Delete);
 * - default values apply on create only, to null values; ObjectAddOnly mappings apply on create only;
 *   null and empty values are never sent; IgnoreFlowIfNullOrEmpty leaves the attribute out;
 * - updates send only changed attributes (strings compared ignoring case unless caseExact;
 *   FlowAlways sends them anyway); AttributeAddOnly / ValueAddOnly only fill empty attributes;
 * - PATCH flavours: Entra's default (capitalised op, Booleans as "True"/"False") and the
 *   RFC-compliant one enabled by the aadOptscim062020 feature flag.
 */
import { t } from '../../grammar/common/l10n';
import type { TextRange } from '../../grammar/common/text-range';
import { scopesOf, type AttributeMapping, type ObjectMappingBlock } from '../../grammar/mapping/ast';
import { parseScimFilter, printScimFilter } from '../../grammar/scim/index';
import { DiagnosticSink } from '../checker/diagnostic';
import type { CheckedBlock, CheckedMapping } from '../checker/mapping/context';
import { checkFilterAttributes } from '../checker/scim/check-filter';
import {
  createEnvironment,
  evaluateExpression,
  type EvaluationOutcome,
  type EvaluationSettings,
  type SampleUser,
} from '../evaluator/index';
import type { EvaluationEnvironment } from '../evaluator/evaluate';
import type { JsonObject, JsonValue, OutputJson } from '../evaluator/json';
import { isNullOrEmpty, str, type Value } from '../evaluator/values';
import type { DirectorySchema } from '../schema/types';
import { evaluateScopes, type ScopeResult } from './scope';
import {
  CORE_GROUP_SCHEMA,
  CORE_USER_SCHEMA,
  readPath,
  type ResourcePath,
  resourcePath,
  ResourcePathError,
  sameValue,
  wireValue,
  writePath,
} from './scim-resource';

/** `default`: Entra's PATCH as sent without the flag; `aadOptscim062020`: the RFC 7644-compliant PATCH. */
export type PatchFlavour = 'default' | 'aadOptscim062020';

export interface PreviewOptions {
  user: SampleUser;
  /** The target object as the app holds it (a SCIM resource with an `id`), if the user exists there. */
  existing?: JsonObject;
  settings?: EvaluationSettings;
  patchFlavour?: PatchFlavour;
}

export type AttributeFlow =
  /** In the POST body or a PATCH operation. */
  | 'sent'
  /** Update: the target already holds this value. */
  | 'unchanged'
  /** The value is null or empty: not sent (and no default value applies). */
  | 'null'
  /** IgnoreFlowIfNullOrEmpty: the attribute does not flow. */
  | 'ignored'
  /** Update: the mapping applies only when the object is created. */
  | 'createOnly'
  /** Update: the flow type (AttributeAddOnly, ValueAddOnly …) keeps the target's value. */
  | 'flowType'
  /** Nothing is sent for this object (out of scope, skipped, failed). */
  | 'notSent'
  /** The expression failed to evaluate. */
  | 'error';

export interface AttributePreview extends TextRange {
  target: string;
  matchingPriority: number;
  outcome: EvaluationOutcome | { kind: 'blocked'; message: string };
  /** The value written (the wire form), when sent. */
  sent?: OutputJson;
  flow: AttributeFlow;
  /** The default value replaced a null value (create only). */
  defaultApplied?: boolean;
}

export interface ScimRequest {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path and query as sent, e.g. `/Users?filter=userName+eq+%22a%40b.c%22`. */
  path: string;
  /** GET: the filter, canonical (printScimFilter). */
  filter?: string;
  /** GET: the matching attribute the filter is built from. */
  matchingAttribute?: string;
  /** GET: whether the existing target object matches (`--existing`); false when there is none. */
  matched?: boolean;
  body?: OutputJson;
  /** Problems with this request (e.g. a filter on an attribute the target cannot filter on). */
  warnings?: string[];
}

export type PreviewAction = 'create' | 'update' | 'deprovision' | 'none' | 'skip' | 'failed';

export interface BlockPreview extends TextRange {
  name: string;
  sourceObject: string;
  targetObject: string;
  scope: ScopeResult;
  action: PreviewAction;
  /** One sentence: why this action. */
  reason: string;
  attributes: AttributePreview[];
  requests: ScimRequest[];
}

export interface MappingPreview {
  patchFlavour: PatchFlavour;
  mappings: BlockPreview[];
}

/** Previews every enabled block whose source object is a user. */
export function previewBlocks(
  blocks: readonly CheckedBlock[],
  target: DirectorySchema | undefined,
  options: PreviewOptions,
): MappingPreview {
  const flavour = options.patchFlavour ?? 'default';
  const env = createEnvironment(options.user, options.settings);
  const mappings = blocks
    .filter((checked) => (checked.sourceObject?.name ?? checked.block.sourceObject?.text) === 'User')
    .map((checked) => previewBlock(checked, target, env, options.existing, flavour));
  return { patchFlavour: flavour, mappings };
}

const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

interface Line {
  checked: CheckedMapping;
  preview: AttributePreview;
  path?: ResourcePath;
  pathError?: string;
  value?: Value;
}

function previewBlock(
  checked: CheckedBlock,
  target: DirectorySchema | undefined,
  env: EvaluationEnvironment,
  existing: JsonObject | undefined,
  flavour: PatchFlavour,
): BlockPreview {
  const { block } = checked;
  const targetName = checked.targetObject?.name ?? block.targetObject?.text ?? 'User';
  const isGroup = /group$/i.test(targetName) || !!checked.targetObject?.aliases.some((a) => /^group$/i.test(a));
  const endpoint = isGroup ? '/Groups' : '/Users';
  const preview: BlockPreview = {
    start: block.start,
    end: block.end,
    name: block.name?.value ?? '',
    sourceObject: block.sourceObject?.text ?? '',
    targetObject: block.targetObject?.text ?? '',
    scope: evaluateScopes(scopesOf(block), env),
    action: 'none',
    reason: '',
    attributes: [],
    requests: [],
  };
  const lines = checked.mappings.map((m) => evaluateLine(m, env));
  preview.attributes = lines.map((line) => line.preview);
  /** `planned`: the attribute flows were decided (create/update planning ran), keep them. */
  const finish = (action: PreviewAction, reason: string, planned = action === 'create' || action === 'update'): BlockPreview => {
    preview.action = action;
    preview.reason = reason;
    if (!planned) for (const line of lines) if (line.preview.flow !== 'error') line.preview.flow = 'notSent';
    return preview;
  };

  if (isDisabled(block)) return finish('skip', t('The mapping is disabled (enabled false).'));
  const flowTypes = objectFlowTypes(block);
  if (preview.scope.error) return finish('failed', t('The scoping filter cannot be evaluated: {0}.', preview.scope.error));

  // Lookup: matching attributes in precedence order until one finds the target object.
  const matching = lines
    .filter((l) => l.checked.properties.matchingPriority > 0)
    .sort((a, b) => a.checked.properties.matchingPriority - b.checked.properties.matchingPriority);
  let found: JsonObject | undefined;
  const lookups: ScimRequest[] = [];
  let lookupProblem: string | undefined;
  for (const line of matching) {
    const outcome = line.preview.outcome;
    if (outcome.kind !== 'value' || isNullOrEmpty(outcome.value)) continue;
    const request = lookupRequest(line, outcome.value, endpoint, target, checked, existing);
    if ('problem' in request) {
      lookupProblem ??= request.problem;
      continue;
    }
    lookups.push(request);
    if (request.matched) {
      found = existing;
      break;
    }
  }

  if (!preview.scope.inScope) {
    if (!found) return finish('skip', t('The user is out of scope and does not exist in the target: nothing is sent.'));
    preview.requests.push(...lookups);
    if (!flowTypes.has('Delete'))
      return finish(
        'none',
        t("The user left the scope, but the mapping's flowTypes do not include Delete: the target object is left as it is."),
      );
    const id = found['id'];
    if (typeof id !== 'string' || id === '')
      return finish('failed', t('The existing target object has no "id", so it cannot be disabled.'));
    const active = found['active'];
    if (active === false || (typeof active === 'string' && /^false$/i.test(active)))
      return finish('none', t('The user left the scope; the target object is already inactive.'));
    const operation =
      flavour === 'default' ? { op: 'Replace', path: 'active', value: 'False' } : { op: 'replace', path: 'active', value: false };
    preview.requests.push({
      method: 'PATCH',
      path: `${endpoint}/${encodeURIComponent(id)}`,
      body: { schemas: [PATCH_SCHEMA], Operations: [operation] },
    });
    return finish('deprovision', t('The user is out of scope: the target object is disabled (active false).'));
  }

  const failed = lines.find((l) => l.preview.flow === 'error');
  preview.requests.push(...lookups);
  if (failed)
    return finish('failed', t('The mapping of {0} cannot be evaluated, so the service would not export this user.', failed.preview.target));
  if (matching.length === 0)
    return finish(
      'failed',
      t('No attribute is marked as a matching attribute (match 1), so the service cannot look the user up in the target.'),
    );
  if (lookups.length === 0) {
    return finish(
      'failed',
      lookupProblem ?? t('Every matching attribute is null or empty for this user, so the service cannot look the user up in the target.'),
    );
  }

  if (!found) {
    if (!flowTypes.has('Add'))
      return finish('skip', t("No target object matched and the mapping's flowTypes do not include Add: nothing is created."));
    const body: { [key: string]: OutputJson | undefined } = { schemas: [isGroup ? CORE_GROUP_SCHEMA : CORE_USER_SCHEMA] };
    const extensions = new Set<string>();
    for (const line of lines) {
      if (!planCreate(line)) continue;
      if (!line.path) {
        line.preview.flow = 'error';
        line.preview.outcome = { kind: 'blocked', message: line.pathError ?? t('the target path cannot be placed in a SCIM body') };
        return finish('failed', t('The target path {0} cannot be turned into a SCIM body: {1}', line.preview.target, line.pathError ?? ''));
      }
      writePath(body, line.path, line.preview.sent!);
      if (line.path.extension) extensions.add(line.path.extension);
    }
    body['schemas'] = [...(body['schemas'] as string[]), ...extensions];
    preview.requests.push({ method: 'POST', path: endpoint, body });
    return finish(
      'create',
      existing
        ? t('The existing target object does not match the lookup: a new user is created.')
        : t('No target object matched the lookup: the user is created.'),
    );
  }

  if (!flowTypes.has('Update'))
    return finish('none', t("The user exists in the target, but the mapping's flowTypes do not include Update."));
  const operations = planUpdate(lines, found, flavour);
  if (operations === undefined) return finish('failed', t('A target path cannot be turned into a PATCH operation.'));
  if (operations.length === 0)
    return finish('none', t('The user exists in the target and every attribute is up to date: nothing is sent.'), true);
  const id = found['id'];
  if (typeof id !== 'string' || id === '') return finish('failed', t('The existing target object has no "id", so it cannot be updated.'));
  preview.requests.push({
    method: 'PATCH',
    path: `${endpoint}/${encodeURIComponent(id)}`,
    body: { schemas: [PATCH_SCHEMA], Operations: operations },
  });
  return finish('update', t('The user exists in the target: the changed attributes are updated.'));
}

function evaluateLine(checked: CheckedMapping, env: EvaluationEnvironment): Line {
  const { mapping, properties } = checked;
  const outcome = mappingOutcome(mapping, env);
  const preview: AttributePreview = {
    start: mapping.start,
    end: mapping.end,
    target: mapping.target.text,
    matchingPriority: properties.matchingPriority,
    outcome,
    flow: outcome.kind === 'value' ? 'sent' : outcome.kind === 'ignored' ? 'ignored' : 'error',
  };
  const line: Line = { checked, preview };
  if (outcome.kind === 'value') line.value = outcome.value;
  if (mapping.target.path) {
    try {
      line.path = resourcePath(mapping.target.path);
    } catch (error) {
      if (!(error instanceof ResourcePathError)) throw error;
      line.pathError = error.message;
    }
  } else line.pathError = t('the target path does not parse');
  return line;
}

function mappingOutcome(mapping: AttributeMapping, env: EvaluationEnvironment): AttributePreview['outcome'] {
  const source = mapping.source;
  if (source.kind === 'none') return { kind: 'value', value: { kind: 'null' } };
  if (source.kind === 'missing') return { kind: 'blocked', message: t('the mapping has no source expression') };
  return evaluateExpression(source, env);
}

/** Decides a line's part in a POST body; true when it is sent (its wire value is then set). */
function planCreate(line: Line): boolean {
  const { preview, checked } = line;
  if (line.value === undefined) return false;
  let value = line.value;
  if (isNullOrEmpty(value)) {
    if (checked.properties.defaultValue === null) {
      preview.flow = 'null';
      return false;
    }
    value = str(checked.properties.defaultValue);
    preview.defaultApplied = true;
  }
  preview.sent = wireValue(value, checked.targetAttribute);
  preview.flow = 'sent';
  return preview.sent !== undefined;
}

type Operation = { op: string; path?: string; value: OutputJson };

function planUpdate(lines: Line[], existing: JsonObject, flavour: PatchFlavour): Operation[] | undefined {
  const booleans = flavour === 'default' ? 'string' : 'json';
  const ops: Operation[] = [];
  const merged: { [path: string]: OutputJson } = {};
  const opName = (name: 'add' | 'replace') => (flavour === 'default' ? `${name[0]!.toUpperCase()}${name.slice(1)}` : name);
  for (const line of lines) {
    const { preview, checked } = line;
    if (line.value === undefined) continue;
    const { flowType, flowBehavior } = checked.properties;
    if (flowType === 'ObjectAddOnly') {
      preview.flow = 'createOnly';
      continue;
    }
    if (isNullOrEmpty(line.value)) {
      preview.flow = 'null';
      continue;
    }
    if (!line.path) {
      preview.flow = 'error';
      preview.outcome = { kind: 'blocked', message: line.pathError ?? t('the target path cannot be used in a PATCH') };
      return undefined;
    }
    const current = readPath(existing, line.path, preview.target);
    const present = current !== undefined && current !== null && !(Array.isArray(current) && current.length === 0) && current !== '';
    const definition = checked.targetAttribute;
    let sent = wireValue(line.value, definition, booleans)!;
    const compareWith = wireValue(line.value, definition, 'json')!;
    preview.sent = sent;
    if ((flowType === 'AttributeAddOnly' || (flowType === 'ValueAddOnly' && !Array.isArray(sent))) && present) {
      preview.flow = 'flowType';
      continue;
    }
    if ((flowType === 'MultiValueAddOnly' || flowType === 'ValueAddOnly') && Array.isArray(sent)) {
      // Only values the target lacks are added; nothing is removed.
      const have = Array.isArray(current) ? current : present ? [current as JsonValue] : [];
      const missing = sent.filter((item) => !have.some((h) => sameValue(item, h, !!definition?.caseExact)));
      if (missing.length === 0) {
        preview.flow = 'unchanged';
        continue;
      }
      sent = missing;
      preview.sent = sent;
      ops.push({ op: opName('add'), path: preview.target, value: sent });
      preview.flow = 'sent';
      continue;
    }
    if (present && flowBehavior !== 'FlowAlways' && sameValue(compareWith, current, !!definition?.caseExact)) {
      preview.flow = 'unchanged';
      continue;
    }
    preview.flow = 'sent';
    if (!present) ops.push({ op: opName('add'), path: preview.target, value: sent });
    else if (flavour === 'aadOptscim062020' && !line.path.selector) merged[preview.target] = sent;
    else ops.push({ op: opName('replace'), path: preview.target, value: sent });
  }
  // With aadOptscim062020 the single-valued replacements travel in one path-less operation.
  if (Object.keys(merged).length) ops.push({ op: 'replace', value: merged });
  return ops;
}

function lookupRequest(
  line: Line,
  value: Value,
  endpoint: string,
  target: DirectorySchema | undefined,
  checked: CheckedBlock,
  existing: JsonObject | undefined,
): ScimRequest | { problem: string } {
  const definition = line.checked.targetAttribute;
  const sent = wireValue(value, definition);
  if (sent === undefined || Array.isArray(sent) || (typeof sent === 'object' && sent !== null && typeof sent !== 'bigint')) {
    return { problem: t('The matching attribute {0} has no single value to look the user up with.', line.preview.target) };
  }
  const literal = typeof sent === 'bigint' ? sent.toString() : typeof sent === 'boolean' ? String(sent) : JSON.stringify(sent);
  const written = `${line.preview.target} eq ${literal}`;
  const parsed = parseScimFilter(written);
  const warnings: string[] = [];
  let filter = written;
  if (parsed.ast) {
    filter = printScimFilter(parsed.ast);
    const sink = new DiagnosticSink();
    sink.addAll(parsed.diagnostics);
    if (target && checked.targetObject) checkFilterAttributes(parsed.ast, target, checked.targetObject, sink);
    warnings.push(...sink.items.filter((d) => d.severity !== 'info').map((d) => d.message));
  } else warnings.push(...parsed.diagnostics.map((d) => d.message));
  const query = encodeURIComponent(filter).replace(/%20/g, '+');
  const matched = !!existing && !!line.path && sameValue(sent, readPath(existing, line.path, line.preview.target), !!definition?.caseExact);
  const request: ScimRequest = {
    method: 'GET',
    path: `${endpoint}?filter=${query}`,
    filter,
    matchingAttribute: line.preview.target,
    matched,
  };
  if (warnings.length) request.warnings = warnings;
  return request;
}

function isDisabled(block: ObjectMappingBlock): boolean {
  return block.items.some((item) => item.kind === 'enabled' && !item.value);
}

function objectFlowTypes(block: ObjectMappingBlock): Set<string> {
  const setting = block.items.find((item) => item.kind === 'flowTypes');
  if (!setting || setting.kind !== 'flowTypes') return new Set(['Add', 'Update', 'Delete']);
  return new Set(setting.values.map((v) => v.text));
}
