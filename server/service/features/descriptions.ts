/**
 * The words the editor shows: function, attribute, keyword and SCIM-path descriptions in Markdown,
 * shared by hover, completion and signature help so that each says the same thing.
 */
import type { ScimCompareValue, ScimFilter, ScimPath } from '../../../grammar/scim/ast';
import { printScimValue } from '../../../grammar/scim/index';
import { formatSignature, type FunctionSignature, type ParameterSpec } from '../../catalogue/index';
import { DATE_INTERVALS } from '../../catalogue/index';
import type { AttributeDefinition, DirectorySchema } from '../../schema/types';
import { FLOW_BEHAVIORS, FLOW_TYPES, KEYWORDS, OBJECT_FLOW_TYPES, SCOPE_OPERATORS } from '../../../grammar/mapping/vocabulary';

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
function filterWords(filter: ScimFilter, depth = 0): string {
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

const docsOf = (entries: readonly { readonly name: string; readonly doc: string }[]) =>
  table(Object.fromEntries(entries.map((e) => [e.name, e.doc])));

// The `.aadmap` vocabulary's own documentation (grammar/mapping/vocabulary.ts), as lookup tables.
export const FLOW_TYPE_DOCS: Readonly<Record<string, string>> = docsOf(FLOW_TYPES);
export const FLOW_BEHAVIOR_DOCS: Readonly<Record<string, string>> = docsOf(FLOW_BEHAVIORS);
export const OBJECT_FLOW_TYPE_DOCS: Readonly<Record<string, string>> = docsOf(OBJECT_FLOW_TYPES);
export const SCOPE_OPERATOR_DOCS: Readonly<Record<string, string>> = docsOf(SCOPE_OPERATORS.map((o) => ({ name: o.label, doc: o.doc })));
export const KEYWORD_DOCS: Readonly<Record<string, string>> = docsOf(KEYWORDS.map((k) => ({ name: k.word, doc: k.doc })));

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
