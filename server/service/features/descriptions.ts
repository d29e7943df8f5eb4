/**
 * The words the editor shows: function, attribute, keyword and SCIM-path descriptions in Markdown,
 * shared by hover, completion and signature help so that each says the same thing.
 */
import type { ScimCompareValue, ScimFilter, ScimPath } from '../../../grammar/scim/ast';
import { printScimValue } from '../../../grammar/scim/index';
import { formatSignature, type FunctionSignature, type ParameterSpec } from '../../catalogue/index';
import { DATE_INTERVALS } from '../../catalogue/index';
import type { AttributeDefinition, DirectorySchema } from '../../schema/types';

/** Markdown of a function: signature, summary, details, examples and the reference link. */
export function functionMarkdown(sig: FunctionSignature, options: { details?: boolean; examples?: number } = {}): string {
  const parts = ['```aadmap', formatSignature(sig, { withReturnType: true }), '```', sig.summary];
  if (sig.status === 'legacy') parts.push("*Legacy: only in Graph's old function list; the service may reject it.*");
  if (options.details !== false && sig.details) parts.push(sig.details);
  const examples = sig.examples.slice(0, options.examples ?? 1);
  for (const example of examples) {
    const input = example.input ? ` — with ${example.input}` : '';
    parts.push(`Example${input}:\n\`\`\`aadmap\n${example.expression}\n\`\`\`\n→ \`${example.output}\``);
  }
  parts.push(`[Microsoft reference](${sig.docUrl})`);
  return parts.join('\n\n');
}

/** One line per parameter fact: its doc, and the accepted values when the set is closed. */
export function parameterMarkdown(parameter: ParameterSpec): string {
  let text = parameter.doc;
  if (parameter.allowed) {
    const quote = parameter.allowed.form === 'string' ? (v: string) => `"${v}"` : (v: string) => v;
    text += `\n\nAccepted: ${parameter.allowed.values.map((v) => `\`${quote(v)}\``).join(', ')}`;
  }
  return text;
}

export function typePhrase(attribute: AttributeDefinition): string {
  return `${attribute.type}${attribute.multivalued ? ', multi-valued' : ''}`;
}

/** A source (Azure AD) attribute: type, flags and description. */
export function sourceAttributeMarkdown(attribute: AttributeDefinition, objectName: string, directory: DirectorySchema): string {
  const flags = [typePhrase(attribute)];
  if (attribute.required) flags.push('required');
  if (attribute.anchor) flags.push('anchor');
  if (attribute.referencedObjects?.length) flags.push(`refers to ${attribute.referencedObjects.join(', ')}`);
  return [`**[${attribute.name}]** — ${directory.displayName} ${objectName} attribute (${flags.join(', ')})`, attribute.description ?? '']
    .filter(Boolean)
    .join('\n\n');
}

/** A target attribute: type, whether it is required and whether the target can filter on it. */
export function targetAttributeMarkdown(attribute: AttributeDefinition, directory: DirectorySchema): string {
  const flags = [typePhrase(attribute), attribute.required ? 'required' : 'optional'];
  if (attribute.filterable === true) flags.push('filterable: can be a matching attribute');
  else if (attribute.filterable === false) flags.push(`not filterable: ${directory.displayName} cannot look users up by it`);
  return [`**${attribute.name}** — ${directory.displayName} attribute (${flags.join('; ')})`, attribute.description ?? '']
    .filter(Boolean)
    .join('\n\n');
}

export const DIRECTORY_EXTENSION_MARKDOWN =
  'Directory extension attribute (`extension_<appId>_<name>`): defined per tenant, so aadmap cannot check it offline. ' +
  'Its name is case-sensitive; it may have to be added to the source attribute list by hand.';

/**
 * A lookup table keyed by words from the document: no prototype, so `table['toString']` is
 * undefined rather than Object.prototype.toString.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

// ───────────────────────────────────────────── SCIM paths and filters in words

const OPERATOR_WORDS: Readonly<Record<string, string>> = table({
  eq: 'equals',
  ne: 'does not equal',
  co: 'contains',
  sw: 'starts with',
  ew: 'ends with',
  gt: 'is greater than',
  ge: 'is greater than or equal to',
  lt: 'is less than',
  le: 'is less than or equal to',
});

function valueWords(value: ScimCompareValue | undefined): string {
  return value ? printScimValue(value) : '…';
}

/** A value filter in words: `type eq "work"` → `type equals "work"`. Depth-limited. */
export function filterWords(filter: ScimFilter, depth = 0): string {
  if (depth > 8) return '…';
  switch (filter.kind) {
    case 'attributeExpression':
      return filter.operator === 'pr'
        ? `${filter.path.text} is present`
        : `${filter.path.text} ${OPERATOR_WORDS[filter.operator]} ${valueWords(filter.value)}`;
    case 'valuePath':
      return `${filter.path.text} has a value where ${filterWords(filter.filter, depth + 1)}`;
    case 'logical':
      return filter.operands
        .map((o) => (o.kind === 'logical' ? `(${filterWords(o, depth + 1)})` : filterWords(o, depth + 1)))
        .join(` ${filter.operator} `);
    case 'not':
      return `not (${filterWords(filter.operand, depth + 1)})`;
    case 'error':
      return '…';
  }
}

const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:user';

function schemaPhrase(uri: string): string {
  const lower = uri.toLowerCase();
  if (lower === ENTERPRISE_USER) return `the enterprise user extension \`${uri}\``;
  if (lower === CORE_USER) return `the core user schema \`${uri}\``;
  return `the schema \`${uri}\``;
}

/** What a SCIM attribute path (a mapping's target) addresses, in one or two sentences. */
export function describeScimPath(path: ScimPath): string {
  const attribute = path.attribute;
  let where = `attribute \`${attribute.name}\``;
  if (attribute.uri) where += ` of ${schemaPhrase(attribute.uri)}`;
  if (!path.filter) {
    if (attribute.subAttribute) return `Addresses the sub-attribute \`${attribute.subAttribute}\` of the complex ${where}.`;
    return `Addresses the ${where}.`;
  }
  const selection = `the values of the multi-valued ${where} where ${filterWords(path.filter)}`;
  if (path.subAttribute)
    return `Addresses the \`${path.subAttribute.name}\` sub-attribute of ${selection}. The service creates such a value when none matches.`;
  return `Addresses ${selection}.`;
}

// ───────────────────────────────────────────── keywords

export const INTERVAL_WORDS: Readonly<Record<string, string>> = table({
  yyyy: 'year',
  q: 'quarter',
  m: 'month',
  y: 'day of year',
  d: 'day',
  w: 'weekday',
  ww: 'week',
  h: 'hour',
  n: 'minute',
  s: 'second',
});
if (DATE_INTERVALS.some((i) => !(i in INTERVAL_WORDS))) throw new Error('INTERVAL_WORDS misses a DATE_INTERVALS entry');

/** Common .NET culture names (ToLower/ToUpper `culture`): completion offers them; any RFC 4646 name is accepted. */
export const CULTURE_NAMES: readonly string[] = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IN',
  'ja-JP',
  'de-DE',
  'de-CH',
  'fr-FR',
  'fr-CA',
  'es-ES',
  'es-MX',
  'it-IT',
  'pt-BR',
  'pt-PT',
  'nl-NL',
  'sv-SE',
  'nb-NO',
  'da-DK',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
  'hu-HU',
  'el-GR',
  'tr-TR',
  'ru-RU',
  'uk-UA',
  'he-IL',
  'ar-SA',
  'hi-IN',
  'th-TH',
  'vi-VN',
  'id-ID',
  'ko-KR',
  'zh-CN',
  'zh-TW',
];

export const FLOW_TYPE_DOCS: Readonly<Record<string, string>> = table({
  Always: 'Apply the mapping on create and on update (the default).',
  ObjectAddOnly: 'Apply the mapping only when the object is created (the portal\'s "Only during object creation"; same as `on create`).',
  MultiValueAddOnly: 'For multi-valued attributes: only add values, never remove them.',
  ValueAddOnly: 'Only write the attribute when the target has no value yet.',
  AttributeAddOnly: 'Only write the attribute when it is added.',
});

export const FLOW_BEHAVIOR_DOCS: Readonly<Record<string, string>> = table({
  FlowWhenChanged: 'Export the value only when it changed (the default).',
  FlowAlways: 'Export the value on every synchronization cycle, changed or not.',
});

export const OBJECT_FLOW_TYPE_DOCS: Readonly<Record<string, string>> = table({
  Add: 'Create objects in the target.',
  Update: 'Update objects that exist in the target.',
  Delete: 'Delete (deprovision) objects in the target.',
  None: 'No flow at all (cannot be combined with the others).',
});

export const SCOPE_OPERATOR_DOCS: Readonly<Record<string, string>> = table({
  EQUALS: 'True when the attribute equals the value exactly (case-sensitive).',
  'NOT EQUALS': 'True when the attribute does not equal the value (case-sensitive).',
  'IS TRUE': 'True when the Boolean attribute is true. Takes no value.',
  'IS FALSE': 'True when the Boolean attribute is false. Takes no value.',
  'IS NULL': 'True when the attribute is empty. Takes no value.',
  'IS NOT NULL': 'True when the attribute is not empty. Takes no value.',
  'REGEX MATCH': 'True when the attribute matches the .NET regular expression (case-sensitive).',
  'NOT REGEX MATCH': 'True when the attribute does not match the regular expression; false when the attribute is empty.',
  Greater_Than: 'True when the integer attribute is greater than the integer value.',
  Greater_Than_OR_EQUALS: 'True when the integer attribute is greater than or equal to the integer value.',
  Includes: 'True when the attribute contains the value (case-sensitive substring).',
  ENDS_WITH: 'True when the attribute ends with the value.',
  '&': 'Documented only as "the attribute exists in the given string"; the exact semantics are unclear.',
  '!&': 'The negation of `&`.',
});

/** The scoping operators that take no value. */
export const UNARY_SCOPE_OPERATORS = new Set(['IS TRUE', 'IS FALSE', 'IS NULL', 'IS NOT NULL']);

export const KEYWORD_DOCS: Readonly<Record<string, string>> = table({
  target:
    '`target chatwork` checks the file against the built-in Chatwork schema (the default); `target "schema.json"` against the target directory of a Graph `synchronizationSchema` file, relative to this file.',
  mapping:
    '`mapping "NAME" SOURCE -> TARGET { … }`: an object mapping (Graph `objectMapping`: `name`, `sourceObjectName`, `targetObjectName`).',
  scope:
    '`scope "NAME" { … }`: a scoping filter group (`scope.groups[]`). Groups are OR\'ed; the clauses of a group, one per line, are AND\'ed.',
  enabled: '`enabled true|false`: whether the object mapping is enabled (`objectMapping.enabled`, default true).',
  flowTypes: '`flowTypes Add, Update, Delete` (or `None`): which operations the object mapping performs (`objectMapping.flowTypes`).',
  none: '`none`: the mapping has no source and writes only its default value (Graph `source: null`).',
  match:
    '`match N`: use this attribute to match source and target objects (`matchingPriority`, 1 is tried first). The target must be able to filter on it — for Chatwork only `userName`.',
  default: '`default "VALUE"`: the value written when the source is null (`defaultValue`). Applied only when the object is created.',
  on: '`on create`: apply this mapping only during object creation (`flowType: ObjectAddOnly`).',
  create: '`on create`: apply this mapping only during object creation (`flowType: ObjectAddOnly`).',
  flowType:
    '`flowType NAME`: when the mapping applies — `Always` (default), `ObjectAddOnly`, `MultiValueAddOnly`, `ValueAddOnly`, `AttributeAddOnly`.',
  flowBehavior: '`flowBehavior NAME`: when the value is exported — `FlowWhenChanged` (default) or `FlowAlways`.',
  exportMissingReferences:
    '`exportMissingReferences`: export references to objects that are not (yet) in the target (`exportMissingReferences: true`).',
  operator: '`operator "NAME"`: a scoping operator by its Graph `operatorName`, sent as written (aadmap cannot check it).',
  true: 'Boolean true.',
  false: 'Boolean false.',
});

export const SCIM_OPERATOR_DOCS: Readonly<Record<string, string>> = table({
  eq: "`eq`: the attribute and the value are identical (strings compare by the attribute's caseExact; `userName` ignores case).",
  ne: '`ne`: the attribute and the value are not identical.',
  co: '`co`: the value is a substring of the attribute.',
  sw: '`sw`: the attribute starts with the value.',
  ew: '`ew`: the attribute ends with the value.',
  gt: '`gt`: the attribute is greater than the value (strings lexicographically, dates chronologically).',
  ge: '`ge`: the attribute is greater than or equal to the value.',
  lt: '`lt`: the attribute is less than the value.',
  le: '`le`: the attribute is less than or equal to the value.',
  pr: '`pr`: the attribute has a non-empty value. Takes no value.',
  and: '`and`: both sides are true (binds tighter than `or`).',
  or: '`or`: either side is true.',
  not: '`not (…)`: negates the parenthesised filter.',
});

export const VB_COMPARE_DOCS: Readonly<Record<string, string>> = table({
  vbBinaryCompare: '`vbBinaryCompare`: InStr compares case-sensitively (binary).',
  vbTextCompare: '`vbTextCompare`: InStr compares ignoring case.',
});
