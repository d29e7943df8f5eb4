/**
 * The `.aadmap` view of a Graph synchronizationSchema: every object mapping of every rule, written
 * as the lines of a mapping block. Import prints it; the what-if diff compares two views line by
 * line; deploy verifies a PUT by comparing the views of what was sent and what the service returns.
 *
 * Scope operators: a Graph `operatorName` that is exactly one of the portal labels the language
 * knows (`EQUALS`, `NOT EQUALS`, `IS TRUE`, …) is written as that label; any other name as
 * `operator "NAME"`. Export sends labels as written, so a name read from Graph goes back unchanged.
 */
import { t } from '../../grammar/common/l10n';
import { encodeExpressionString } from '../../grammar/expression/index';
import { DEFAULT_OBJECT_FLOW_TYPES, KEYWORD_WORDS, SCOPE_OPERATORS, scopeOperatorByGraphName } from '../../grammar/mapping/vocabulary';
import { asArray, describeJson, isRecord, str } from './json';
import { sourceText } from './source-tree';

/** The portal labels the `.aadmap` lexer reads as scoping operators (grammar/mapping/vocabulary.ts). */
export const SCOPE_OPERATOR_LABELS: readonly string[] = SCOPE_OPERATORS.map((o) => o.label);

export { DEFAULT_OBJECT_FLOW_TYPES };

export interface AttributeMappingView {
  /** `targetAttributeName` exactly. */
  target: string;
  /** The mapping line without indentation or alignment. */
  line: string;
}

export interface ObjectMappingView {
  /** Where it is: `synchronizationRules[0].objectMappings[1]`. */
  path: string;
  ruleIndex: number;
  index: number;
  name: string;
  sourceObjectName: string;
  targetObjectName: string;
  /** `mapping "NAME" SOURCE -> TARGET {` */
  header: string;
  /** `enabled false`, `flowTypes …` (only when they differ from the defaults). */
  settings: string[];
  /** Attribute declarations (`attribute target "NAME" TYPE …`), written by import for attributes beyond the template. */
  declarations?: string[];
  /** Each scope group's lines, `scope "NAME" {` … `}`, unindented clauses. */
  scopes: string[][];
  mappings: AttributeMappingView[];
  /** Comments about what the view leaves out (kept by export): input and category filter groups. */
  notes: string[];
}

export interface RuleView {
  index: number;
  id: string;
  name: string;
  sourceDirectoryName: string;
  targetDirectoryName: string;
  objectMappings: ObjectMappingView[];
}

export interface SchemaView {
  rules: RuleView[];
  /** What cannot be written in `.aadmap` (import refuses, rather than lose it). */
  problems: string[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words the lexer reads as keywords or one-word scoping operators: an object name spelled so is quoted. */
const RESERVED = new Set<string>([...KEYWORD_WORDS, ...SCOPE_OPERATORS.map((o) => o.label).filter((label) => IDENTIFIER.test(label))]);

/** An object name as the mapping header writes it: bare when it is a plain identifier, else quoted. */
export function objectNameText(name: string): string {
  return IDENTIFIER.test(name) && !RESERVED.has(name) ? name : encodeExpressionString(name);
}

function quote(text: string): string {
  return encodeExpressionString(text);
}

const hasLineBreak = (text: string) => /[\r\n]/.test(text);

export function viewSchema(schema: unknown): SchemaView {
  const problems: string[] = [];
  const rules: RuleView[] = [];
  if (!isRecord(schema)) {
    problems.push(t('A synchronizationSchema must be a JSON object, found {0}.', describeJson(schema)));
    return { rules, problems };
  }
  const rawRules = schema.synchronizationRules;
  if (rawRules !== undefined && rawRules !== null && !Array.isArray(rawRules)) {
    problems.push(t('"synchronizationRules" must be an array, found {0}.', describeJson(rawRules)));
  }
  asArray(rawRules).forEach((rule, ruleIndex) => {
    const where = `synchronizationRules[${ruleIndex}]`;
    if (!isRecord(rule)) {
      problems.push(t('{0} must be an object, found {1}.', where, describeJson(rule)));
      return;
    }
    const view: RuleView = {
      index: ruleIndex,
      id: str(rule.id) ?? '',
      name: str(rule.name) ?? '',
      sourceDirectoryName: str(rule.sourceDirectoryName) ?? '',
      targetDirectoryName: str(rule.targetDirectoryName) ?? '',
      objectMappings: [],
    };
    if (rule.objectMappings !== undefined && rule.objectMappings !== null && !Array.isArray(rule.objectMappings)) {
      problems.push(t('{0}.objectMappings must be an array, found {1}.', where, describeJson(rule.objectMappings)));
    }
    asArray(rule.objectMappings).forEach((objectMapping, index) => {
      const mapping = viewObjectMapping(objectMapping, `${where}.objectMappings[${index}]`, problems);
      if (mapping) view.objectMappings.push({ ...mapping, ruleIndex, index });
    });
    rules.push(view);
  });
  return { rules, problems };
}

function viewObjectMapping(value: unknown, path: string, problems: string[]): Omit<ObjectMappingView, 'ruleIndex' | 'index'> | undefined {
  if (!isRecord(value)) {
    problems.push(t('{0} must be an object, found {1}.', path, describeJson(value)));
    return undefined;
  }
  const name = nullableString(value.name, `${path}.name`, problems) ?? '';
  const sourceObjectName = str(value.sourceObjectName);
  const targetObjectName = str(value.targetObjectName);
  if (sourceObjectName === undefined || targetObjectName === undefined) {
    problems.push(t('{0} needs sourceObjectName and targetObjectName strings.', path));
    return undefined;
  }
  if ([name, sourceObjectName, targetObjectName].some(hasLineBreak)) problems.push(t('{0}: a name contains a line break.', path));
  const where = `${path} ("${name}")`;
  const settings: string[] = [];
  if (value.enabled === false) settings.push('enabled false');
  else if (value.enabled !== true && value.enabled !== undefined && value.enabled !== null) {
    problems.push(t('{0}.enabled must be true or false, found {1}.', where, describeJson(value.enabled)));
  }
  if (value.flowTypes !== undefined && value.flowTypes !== null) {
    const flowTypes = parseFlowTypes(value.flowTypes);
    if (!flowTypes) problems.push(t('{0}.flowTypes {1} is not a comma-separated list of names.', where, JSON.stringify(value.flowTypes)));
    else if (!sameFlags(flowTypes, DEFAULT_OBJECT_FLOW_TYPES)) settings.push(`flowTypes ${flowTypes.join(', ')}`);
  }
  const { scopes, notes } = viewScope(value.scope, where, problems);
  const mappings: AttributeMappingView[] = [];
  if (value.attributeMappings !== undefined && value.attributeMappings !== null && !Array.isArray(value.attributeMappings)) {
    problems.push(t('{0}.attributeMappings must be an array, found {1}.', where, describeJson(value.attributeMappings)));
  }
  asArray(value.attributeMappings).forEach((attributeMapping, i) => {
    const view = viewAttributeMapping(attributeMapping, `${where}.attributeMappings[${i}]`, problems);
    if (view) mappings.push(view);
  });
  return {
    path,
    name,
    sourceObjectName,
    targetObjectName,
    header: `mapping ${quote(name)} ${objectNameText(sourceObjectName)} -> ${objectNameText(targetObjectName)} {`,
    settings,
    scopes,
    mappings,
    notes,
  };
}

function nullableString(value: unknown, where: string, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  problems.push(t('{0} must be a string, found {1}.', where, describeJson(value)));
  return undefined;
}

/** `"Add, Update, Delete"` → `['Add', 'Update', 'Delete']`; undefined when it is not a list of names. */
export function parseFlowTypes(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const names = value.split(',').map((part) => part.trim());
  return names.every((name) => IDENTIFIER.test(name) && !RESERVED.has(name)) ? names : undefined;
}

/** Flags compare as sets: `Add, Update` equals `Update,Add`. */
export function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((name) => y.has(name));
}

function viewScope(scope: unknown, where: string, problems: string[]): { scopes: string[][]; notes: string[] } {
  const scopes: string[][] = [];
  const notes: string[] = [];
  if (scope === undefined || scope === null) return { scopes, notes };
  if (!isRecord(scope)) {
    problems.push(t('{0}.scope must be an object or null, found {1}.', where, describeJson(scope)));
    return { scopes, notes };
  }
  for (const kind of ['inputFilterGroups', 'categoryFilterGroups']) {
    const groups = asArray(scope[kind]);
    if (groups.length)
      notes.push(`scope.${kind}: ${groups.length} group${groups.length === 1 ? '' : 's'} (not expressed in .aadmap; kept as is)`);
  }
  if (scope.groups !== undefined && scope.groups !== null && !Array.isArray(scope.groups)) {
    problems.push(t('{0}.scope.groups must be an array, found {1}.', where, describeJson(scope.groups)));
  }
  asArray(scope.groups).forEach((group, g) => {
    const here = `${where}.scope.groups[${g}]`;
    if (!isRecord(group)) {
      problems.push(t('{0} must be an object, found {1}.', here, describeJson(group)));
      return;
    }
    const name = nullableString(group.name, `${here}.name`, problems) ?? '';
    if (hasLineBreak(name)) problems.push(t('{0}.name contains a line break.', here));
    const lines = [`scope ${quote(name)} {`];
    asArray(group.clauses).forEach((clause, c) => {
      const line = viewClause(clause, `${here}.clauses[${c}]`, problems);
      if (line) lines.push(line);
    });
    lines.push('}');
    scopes.push(lines);
  });
  return { scopes, notes };
}

function viewClause(clause: unknown, where: string, problems: string[]): string | undefined {
  if (!isRecord(clause)) {
    problems.push(t('{0} must be an object, found {1}.', where, describeJson(clause)));
    return undefined;
  }
  const attribute = str(clause.sourceOperandName);
  const operator = str(clause.operatorName);
  if (attribute === undefined || /[\]\r\n]/.test(attribute)) {
    problems.push(t('{0}.sourceOperandName {1} cannot be written as [attribute].', where, JSON.stringify(clause.sourceOperandName)));
    return undefined;
  }
  if (operator === undefined || hasLineBreak(operator)) {
    problems.push(t('{0}.operatorName {1} is not a one-line string.', where, JSON.stringify(clause.operatorName)));
    return undefined;
  }
  const values: string[] = [];
  const operand = clause.targetOperand;
  if (operand !== undefined && operand !== null) {
    if (!isRecord(operand)) problems.push(t('{0}.targetOperand must be an object, found {1}.', where, describeJson(operand)));
    else
      asArray(operand.values).forEach((value, v) => {
        if (typeof value === 'string' && !hasLineBreak(value)) values.push(quote(value));
        else problems.push(t('{0}.targetOperand.values[{1}] must be a one-line string, found {2}.', where, v, JSON.stringify(value)));
      });
  }
  const label = scopeOperatorByGraphName(operator)?.label;
  const operatorText = label ?? `operator ${quote(operator)}`;
  return [`[${attribute}]`, operatorText, values.join(', ')].filter((part) => part !== '').join(' ');
}

/** Characters a target path may not start with on a mapping line (docs/language.md: mapping lines). */
const TARGET_START = /^[!$%&'*+\-./0-9:;=>?@A-Z\\^_`a-z|~]/;

function viewAttributeMapping(value: unknown, where: string, problems: string[]): AttributeMappingView | undefined {
  if (!isRecord(value)) {
    problems.push(t('{0} must be an object, found {1}.', where, describeJson(value)));
    return undefined;
  }
  const target = str(value.targetAttributeName);
  const here = `${where} ("${target ?? '?'}")`;
  if (target === undefined || !TARGET_START.test(target) || /[\r\n#]|<-|\s$/.test(target)) {
    problems.push(
      t('{0}: targetAttributeName {1} cannot be written as a mapping target.', here, JSON.stringify(value.targetAttributeName)),
    );
    return undefined;
  }
  let source: string;
  if (value.source === null || value.source === undefined) source = 'none';
  else {
    const text = sourceText(value.source);
    if ('problem' in text) {
      problems.push(t('{0}: the source cannot be written as an expression: {1}.', here, text.problem));
      return undefined;
    }
    source = text.text;
  }
  const modifiers: string[] = [];
  const priority = value.matchingPriority;
  if (priority !== undefined && priority !== null && priority !== 0) {
    if (typeof priority === 'number' && Number.isSafeInteger(priority) && priority > 0) modifiers.push(`match ${priority}`);
    else problems.push(t('{0}: matchingPriority {1} is not a whole number from 0 up.', here, JSON.stringify(priority)));
  }
  const defaultValue = nullableString(value.defaultValue, `${here}.defaultValue`, problems);
  if (defaultValue !== undefined) {
    if (hasLineBreak(defaultValue)) problems.push(t('{0}: defaultValue contains a line break.', here));
    modifiers.push(`default ${quote(defaultValue)}`);
  }
  const flowType = nullableString(value.flowType, `${here}.flowType`, problems);
  if (flowType === 'ObjectAddOnly') modifiers.push('on create');
  else if (flowType !== undefined && flowType !== 'Always') {
    if (IDENTIFIER.test(flowType) && !RESERVED.has(flowType)) modifiers.push(`flowType ${flowType}`);
    else problems.push(t('{0}: flowType {1} is not a name.', here, JSON.stringify(flowType)));
  }
  const flowBehavior = nullableString(value.flowBehavior, `${here}.flowBehavior`, problems);
  if (flowBehavior !== undefined && flowBehavior !== 'FlowWhenChanged') {
    if (IDENTIFIER.test(flowBehavior) && !RESERVED.has(flowBehavior)) modifiers.push(`flowBehavior ${flowBehavior}`);
    else problems.push(t('{0}: flowBehavior {1} is not a name.', here, JSON.stringify(flowBehavior)));
  }
  if (value.exportMissingReferences === true) modifiers.push('exportMissingReferences');
  else if (
    value.exportMissingReferences !== false &&
    value.exportMissingReferences !== undefined &&
    value.exportMissingReferences !== null
  ) {
    problems.push(t('{0}: exportMissingReferences must be true or false.', here));
  }
  return { target, line: [`${target} <- ${source}`, ...modifiers].join('  ') };
}

/** The column the `<-` of a block's lines align to: its longest target of at most 40 characters. */
export function alignmentWidth(mappings: readonly AttributeMappingView[]): number {
  return Math.min(40, Math.max(0, ...mappings.map((m) => (m.target.length <= 40 ? m.target.length : 0))));
}

/** The lines of a block; `width` aligns the `<-` (the what-if gives both sides of a block the same). */
export function blockLines(view: ObjectMappingView, width = alignmentWidth(view.mappings)): string[] {
  const lines = [view.header];
  for (const note of view.notes) lines.push(`  # ${note}`);
  for (const setting of view.settings) lines.push(`  ${setting}`);
  for (const declaration of view.declarations ?? []) lines.push(`  ${declaration}`);
  for (const scope of view.scopes) {
    lines.push(`  ${scope[0]}`);
    for (const clause of scope.slice(1, -1)) lines.push(`    ${clause}`);
    lines.push('  }');
  }
  if ((view.settings.length || view.declarations?.length || view.scopes.length) && view.mappings.length) lines.push('');
  for (const mapping of view.mappings) {
    const rest = mapping.line.slice(mapping.target.length + 1);
    lines.push(`  ${mapping.target.padEnd(width)} ${rest}`);
  }
  lines.push('}');
  return lines;
}

/** The blocks of a whole view; a comment names each rule when there are several. */
export function viewText(view: SchemaView, widthOf: (block: ObjectMappingView) => number = (b) => alignmentWidth(b.mappings)): string {
  const withMappings = view.rules.filter((rule) => rule.objectMappings.length > 0);
  const parts: string[] = [];
  for (const rule of withMappings) {
    for (const [i, objectMapping] of rule.objectMappings.entries()) {
      const lines = blockLines(objectMapping, widthOf(objectMapping));
      if (i === 0 && withMappings.length > 1) {
        lines.unshift(`# rule "${rule.name}" (${rule.id}): ${rule.sourceDirectoryName} -> ${rule.targetDirectoryName}`);
      }
      parts.push(lines.join('\n'));
    }
  }
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}
