/**
 * `.aadmap` + base synchronizationSchema → the complete schema to PUT.
 *
 * Only what the file expresses is replaced; every other property of the base is kept exactly
 * (directories, rules and their metadata, object-mapping metadata, unknown fields, `version`):
 *  - each mapping block replaces one object mapping of the base: the one with the same name and
 *    objects (the k-th block with a given name and objects takes the k-th such object mapping), else
 *    the only unclaimed one with the same objects; a block that matches none becomes a new object
 *    mapping of the rule whose directories hold its objects;
 *  - the block's lines become the object mapping's whole `attributeMappings` list, in file order:
 *    a line updates the base mapping with the same `targetAttributeName` (k-th to k-th), keeping
 *    its unknown fields; base mappings without a line are removed;
 *  - a field is written only when the file's value differs from the base's (a missing or null base
 *    field counts as Graph's default), so an unchanged line leaves its base JSON untouched — the same
 *    expression keeps the service's own `source` tree — and import → export gives back the base;
 *  - `scope.groups` is replaced when the file's groups differ; `inputFilterGroups` and
 *    `categoryFilterGroups` are kept.
 * Object mappings that no block names are left as they are.
 *
 * A block's attribute declarations (docs/custom-attributes.md) add or update attributeDefinitions
 * in the directory objects of its object mapping, or remove them (server/graph/declarations.ts);
 * attributes the file does not declare are kept.
 */
import { t } from '../../grammar/common/l10n';
import type { Expression } from '../../grammar/expression/ast';
import { printExpression } from '../../grammar/expression/index';
import {
  attributeMappingsOf,
  type AttributeMapping,
  type MappingFile,
  mappingProperties,
  type ObjectMappingBlock,
  type ScopeClause,
  scopesOf,
} from '../../grammar/mapping/ast';
import {
  FLOW_BEHAVIOR_NAMES as FLOW_BEHAVIORS,
  FLOW_TYPE_NAMES as FLOW_TYPES,
  OBJECT_FLOW_FLAGS,
  scopeOperatorGraphName,
} from '../../grammar/mapping/vocabulary';
import { objectAliases } from '../schema/graph-schema';
import { applyDeclarations, type PendingDeclarations } from './declarations';
import { asArray, cloneJson, describeJson, isRecord, type JsonObject, str } from './json';
import { DEFAULT_OBJECT_FLOW_TYPES, parseFlowTypes, sameFlags } from './mapping-view';
import { sourceText, toSourceTree } from './source-tree';

export interface ExportProblem {
  start: number;
  end: number;
  message: string;
}

/** An expression the export had to turn into a new tree (deploy asks parseExpression about these). */
export interface ChangedExpression {
  /** Canonical text: the key of `ExportOptions.serviceTrees`. */
  text: string;
  start: number;
  end: number;
  targetAttributeName: string;
  objectMappingName: string;
}

export interface ExportOptions {
  /** Trees the service returned from parseExpression, by canonical expression text; used instead of aadmap's. */
  serviceTrees?: ReadonlyMap<string, unknown>;
}

export interface ExportResult {
  /** Undefined when a problem prevents a faithful export. */
  schema?: JsonObject;
  problems: ExportProblem[];
  changedExpressions: ChangedExpression[];
}

interface Slot {
  rule: JsonObject;
  objectMapping: JsonObject;
  claimed: boolean;
}

const OBJECT_FLOW_TYPES = OBJECT_FLOW_FLAGS;

export function exportSchema(file: MappingFile, base: unknown, options: ExportOptions = {}): ExportResult {
  const problems: ExportProblem[] = [];
  const changedExpressions: ChangedExpression[] = [];
  const at = (range: { start: number; end: number }, message: string) => problems.push({ start: range.start, end: range.end, message });
  if (!isRecord(base)) {
    at({ start: 0, end: 0 }, t('The base schema must be a JSON object, found {0}.', describeJson(base)));
    return { problems, changedExpressions };
  }
  if (base.synchronizationRules !== undefined && base.synchronizationRules !== null && !Array.isArray(base.synchronizationRules)) {
    at(
      { start: 0, end: 0 },
      t("The base schema's synchronizationRules must be an array, found {0}.", describeJson(base.synchronizationRules)),
    );
    return { problems, changedExpressions };
  }
  const schema = cloneJson(base);
  const slots: Slot[] = [];
  for (const rule of asArray(schema.synchronizationRules)) {
    if (!isRecord(rule)) continue;
    for (const objectMapping of asArray(rule.objectMappings))
      if (isRecord(objectMapping)) slots.push({ rule, objectMapping, claimed: false });
  }

  // Pass 1: same name and objects, k-th to k-th. Pass 2: the only unclaimed slot with the same objects.
  const assigned = new Map<ObjectMappingBlock, Slot>();
  for (const block of file.mappings) {
    const slot = slots.find(
      (s) => !s.claimed && (str(s.objectMapping.name) ?? '') === (block.name?.value ?? '') && sameObjects(s.objectMapping, block),
    );
    if (slot) {
      slot.claimed = true;
      assigned.set(block, slot);
    }
  }
  for (const block of file.mappings) {
    if (assigned.has(block)) continue;
    const candidates = slots.filter((s) => !s.claimed && sameObjects(s.objectMapping, block));
    if (candidates.length === 1) {
      candidates[0]!.claimed = true;
      assigned.set(block, candidates[0]!);
    }
  }

  const pending: PendingDeclarations[] = [];
  for (const block of file.mappings) {
    if (!block.name || !block.sourceObject || !block.targetObject) {
      at(block.keyword, t('This mapping block is incomplete (name, source and target objects are needed).'));
      continue;
    }
    let slot = assigned.get(block);
    if (!slot) {
      const created = newObjectMapping(schema, block);
      if ('problem' in created) {
        at(block.keyword, created.problem);
        continue;
      }
      slot = { rule: created.rule, objectMapping: created.objectMapping, claimed: true };
    }
    applyBlock(block, slot.objectMapping, { at, changedExpressions, serviceTrees: options.serviceTrees });
    if (block.items.some((item) => item.kind === 'attributeDeclaration'))
      pending.push({ block, rule: slot.rule, objectMapping: slot.objectMapping });
  }
  if (pending.length) applyDeclarations(schema, pending, ({ range, message }) => at(range, message));
  return problems.length ? { problems, changedExpressions } : { schema, problems, changedExpressions };
}

function objectMatches(graphName: unknown, fileName: string | undefined): boolean {
  if (typeof graphName !== 'string' || fileName === undefined) return false;
  if (graphName === fileName || objectAliases(graphName).includes(fileName)) return true;
  // Object names resolve ignoring case too (as the checker does): `user` must not create a second User mapping.
  const lower = fileName.toLowerCase();
  return graphName.toLowerCase() === lower || objectAliases(graphName).some((alias) => alias.toLowerCase() === lower);
}

function sameObjects(objectMapping: JsonObject, block: ObjectMappingBlock): boolean {
  return (
    objectMatches(objectMapping.sourceObjectName, block.sourceObject?.text) &&
    objectMatches(objectMapping.targetObjectName, block.targetObject?.text)
  );
}

/** A directory object by the name a block writes: exact, alias, then ignoring case. */
function findDirectoryObject(schema: JsonObject, directoryName: unknown, name: string): string | undefined {
  const directory = asArray(schema.directories).find((d) => isRecord(d) && d.name === directoryName);
  if (!isRecord(directory)) return undefined;
  const names = asArray(directory.objects)
    .map((o) => (isRecord(o) ? str(o.name) : undefined))
    .filter((n): n is string => n !== undefined);
  return (
    names.find((n) => n === name) ??
    names.find((n) => objectAliases(n).includes(name)) ??
    names.find((n) => n.toLowerCase() === name.toLowerCase()) ??
    names.find((n) => objectAliases(n).some((a) => a.toLowerCase() === name.toLowerCase()))
  );
}

function newObjectMapping(
  schema: JsonObject,
  block: ObjectMappingBlock,
): { rule: JsonObject; objectMapping: JsonObject } | { problem: string } {
  for (const rule of asArray(schema.synchronizationRules)) {
    if (!isRecord(rule)) continue;
    const sourceObjectName = findDirectoryObject(schema, rule.sourceDirectoryName, block.sourceObject!.text);
    const targetObjectName = findDirectoryObject(schema, rule.targetDirectoryName, block.targetObject!.text);
    if (sourceObjectName === undefined || targetObjectName === undefined) continue;
    const objectMapping: JsonObject = {
      name: block.name!.value,
      enabled: true,
      flowTypes: DEFAULT_OBJECT_FLOW_TYPES.join(', '),
      sourceObjectName,
      targetObjectName,
      scope: null,
      metadata: [],
      attributeMappings: [],
    };
    if (!Array.isArray(rule.objectMappings)) rule.objectMappings = [];
    (rule.objectMappings as unknown[]).push(objectMapping);
    return { rule, objectMapping };
  }
  return {
    problem: `No object mapping of the schema is "${block.name!.value}" (${block.sourceObject!.text} -> ${block.targetObject!.text}), and no rule connects directories holding these objects, so it cannot be added.`,
  };
}

interface ApplyContext {
  at: (range: { start: number; end: number }, message: string) => void;
  changedExpressions: ChangedExpression[];
  serviceTrees: ReadonlyMap<string, unknown> | undefined;
}

function applyBlock(block: ObjectMappingBlock, objectMapping: JsonObject, context: ApplyContext): void {
  const { at } = context;
  const name = block.name!.value;
  if ((str(objectMapping.name) ?? '') !== name) objectMapping.name = name;

  const enabledSetting = block.items.find((i) => i.kind === 'enabled');
  const enabled = enabledSetting?.kind === 'enabled' ? enabledSetting.value : true;
  if (enabled !== (objectMapping.enabled ?? true)) objectMapping.enabled = enabled;

  const flowSetting = block.items.find((i) => i.kind === 'flowTypes');
  const flowTypes = flowSetting?.kind === 'flowTypes' ? flowSetting.values.map((v) => v.text) : DEFAULT_OBJECT_FLOW_TYPES;
  const baseFlowTypes =
    objectMapping.flowTypes === undefined || objectMapping.flowTypes === null
      ? DEFAULT_OBJECT_FLOW_TYPES
      : parseFlowTypes(objectMapping.flowTypes);
  if (!baseFlowTypes || !sameFlags(flowTypes, baseFlowTypes)) {
    const valid =
      flowTypes.length > 0 &&
      new Set(flowTypes).size === flowTypes.length &&
      (flowTypes.every((type) => OBJECT_FLOW_TYPES.includes(type)) || (flowTypes.length === 1 && flowTypes[0] === 'None'));
    if (!valid)
      at(flowSetting ?? block.keyword, t('flowTypes must be Add, Update and Delete (each at most once, exact case) or None alone.'));
    else objectMapping.flowTypes = OBJECT_FLOW_TYPES.filter((type) => flowTypes.includes(type)).join(', ') || 'None';
  }

  applyScope(block, objectMapping);
  objectMapping.attributeMappings = attributeMappingList(block, asArray(objectMapping.attributeMappings), context, name);
}

// ───────────────────────────────────────────── scope groups

type ClauseKey = [attribute: string, operator: string, values: string[]];

function fileClause(clause: ScopeClause): ClauseKey {
  const values = clause.values.map((v) => (v.kind === 'string' ? v.value : v.kind === 'number' ? v.raw : String(v.value)));
  return [clause.attribute.name, clause.operator ? scopeOperatorGraphName(clause.operator) : '', values];
}

function baseClause(clause: unknown): ClauseKey | undefined {
  if (!isRecord(clause)) return undefined;
  const operand = clause.targetOperand;
  const values = isRecord(operand) ? asArray(operand.values) : [];
  return [
    String(clause.sourceOperandName),
    String(clause.operatorName),
    values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  ];
}

function applyScope(block: ObjectMappingBlock, objectMapping: JsonObject): void {
  const fileGroups = scopesOf(block).map((g) => ({ name: g.name?.value ?? '', clauses: g.clauses.map(fileClause) }));
  const scope = objectMapping.scope;
  const baseGroups = isRecord(scope) ? asArray(scope.groups) : [];
  const baseKeys = baseGroups.map((g) =>
    isRecord(g) ? { name: str(g.name) ?? '', clauses: asArray(g.clauses).map(baseClause) } : undefined,
  );
  if (JSON.stringify(baseKeys) === JSON.stringify(fileGroups)) return;

  const used = new Set<number>();
  const groups = fileGroups.map((group) => {
    const index = baseKeys.findIndex((b, i) => !used.has(i) && b?.name === group.name);
    if (index >= 0) used.add(index);
    const baseGroup = index >= 0 ? (baseGroups[index] as JsonObject) : undefined;
    const baseClauses = baseGroup ? asArray(baseGroup.clauses) : [];
    const clauses = group.clauses.map(([sourceOperandName, operatorName, values], c) => {
      const previous = baseClauses[c];
      if (JSON.stringify(baseClause(previous)) === JSON.stringify([sourceOperandName, operatorName, values])) return previous;
      return { sourceOperandName, operatorName, targetOperand: { values } };
    });
    return { ...(baseGroup ?? {}), name: group.name, clauses };
  });
  objectMapping.scope = isRecord(scope) ? { ...scope, groups } : { categoryFilterGroups: [], groups, inputFilterGroups: [] };
}

// ───────────────────────────────────────────── attribute mappings

function attributeMappingList(block: ObjectMappingBlock, base: unknown[], context: ApplyContext, objectMappingName: string): unknown[] {
  const claimed = new Set<number>();
  return attributeMappingsOf(block).map((line) => {
    const index = base.findIndex((m, i) => !claimed.has(i) && isRecord(m) && m.targetAttributeName === line.target.text);
    if (index >= 0) claimed.add(index);
    const previous = index >= 0 ? (base[index] as JsonObject) : undefined;
    const mapping: JsonObject = previous
      ? { ...previous }
      : {
          targetAttributeName: line.target.text,
          defaultValue: null,
          exportMissingReferences: false,
          flowBehavior: 'FlowWhenChanged',
          flowType: 'Always',
          matchingPriority: 0,
          source: null,
        };
    applyLine(line, mapping, context, objectMappingName);
    return mapping;
  });
}

function applyLine(line: AttributeMapping, mapping: JsonObject, context: ApplyContext, objectMappingName: string): void {
  const { at } = context;
  const properties = mappingProperties(line);
  const modifier = (kind: string) => line.modifiers.find((m) => m.kind === kind) ?? line.target;

  applySource(line, mapping, context, objectMappingName);

  if (properties.defaultValue !== (mapping.defaultValue ?? null)) mapping.defaultValue = properties.defaultValue;

  const matchModifier = line.modifiers.find((m) => m.kind === 'match');
  if (matchModifier?.kind === 'match' && !(matchModifier.value && /^\d+$/.test(matchModifier.value.raw))) {
    at(matchModifier, 'match takes a whole number from 1 up.');
  } else if (properties.matchingPriority !== (mapping.matchingPriority ?? 0)) {
    if (!Number.isSafeInteger(properties.matchingPriority)) at(modifier('match'), t('The matching priority is too large.'));
    else mapping.matchingPriority = properties.matchingPriority;
  }

  if (properties.flowType !== (mapping.flowType ?? 'Always')) {
    if ((FLOW_TYPES as readonly string[]).includes(properties.flowType)) mapping.flowType = properties.flowType;
    else at(modifier('flowType'), t('flowType must be one of {0} (Graph enum values are case-sensitive).', FLOW_TYPES.join(', ')));
  }
  if (properties.flowBehavior !== (mapping.flowBehavior ?? 'FlowWhenChanged')) {
    if ((FLOW_BEHAVIORS as readonly string[]).includes(properties.flowBehavior)) mapping.flowBehavior = properties.flowBehavior;
    else at(modifier('flowBehavior'), t('flowBehavior must be {0} (Graph enum values are case-sensitive).', FLOW_BEHAVIORS.join(' or ')));
  }
  if (properties.exportMissingReferences !== (mapping.exportMissingReferences ?? false))
    mapping.exportMissingReferences = properties.exportMissingReferences;
}

function applySource(line: AttributeMapping, mapping: JsonObject, context: ApplyContext, objectMappingName: string): void {
  const source = line.source;
  if (source.kind === 'none') {
    if (mapping.source !== null && mapping.source !== undefined) mapping.source = null;
    return;
  }
  const text = printExpression(source);
  if (mapping.source !== null && mapping.source !== undefined) {
    const previous = sourceText(mapping.source);
    if ('text' in previous && previous.text === text) return;
  }
  context.changedExpressions.push({ text, start: source.start, end: source.end, targetAttributeName: line.target.text, objectMappingName });
  const serviceTree = context.serviceTrees?.get(text);
  if (serviceTree !== undefined) {
    mapping.source = cloneJson(serviceTree);
    return;
  }
  const built = toSourceTree(source as Expression);
  if ('problem' in built) context.at(built.problem, built.problem.message);
  else mapping.source = built.tree;
}
