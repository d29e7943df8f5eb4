/**
 * The words the editor shows: function, attribute, keyword and SCIM-path descriptions in Markdown,
 * shared by hover, completion and signature help so that each says the same thing.
 */
import type { ScimCompareValue, ScimFilter, ScimPath } from '../../../grammar/scim/ast';
import { printScimValue } from '../../../grammar/scim/index';
import { formatSignature, type FunctionSignature, type ParameterSpec } from '../../catalogue/index';
import { DATE_INTERVALS } from '../../catalogue/index';
import type { AttributeDefinition, DirectorySchema } from '../../schema/types';
import { localized, t } from '../../../grammar/common/l10n';
import {
  ATTRIBUTE_FLAGS,
  ATTRIBUTE_TYPES,
  DEPLOY_FIELD_ENTRIES,
  FLOW_BEHAVIORS,
  FLOW_TYPES,
  KEYWORDS,
  OBJECT_FLOW_TYPES,
  SCOPE_OPERATORS,
} from '../../../grammar/mapping/vocabulary';

/** Markdown of a function: signature, summary, details, examples and the reference link. */
export function functionMarkdown(sig: FunctionSignature, options: { details?: boolean; examples?: number } = {}): string {
  const parts = ['```aadmap', formatSignature(sig, { withReturnType: true }), '```', localized(sig.summary)];
  if (sig.status === 'legacy') parts.push(t("*Legacy: only in Graph's old function list; the service may reject it.*"));
  if (options.details !== false && sig.details) parts.push(localized(sig.details));
  const examples = sig.examples.slice(0, options.examples ?? 1);
  for (const example of examples) {
    // An input or output in words ('displayName absent', '(attribute not sent)') has a translation; code has none and stays.
    const heading = example.input ? t('Example — with {0}:', localized(example.input)) : t('Example:');
    parts.push(`${heading}\n\`\`\`aadmap\n${example.expression}\n\`\`\`\n→ \`${localized(example.output)}\``);
  }
  parts.push(microsoftReference(sig.docUrl));
  return parts.join('\n\n');
}

/** The link to a function's section of Microsoft's reference. */
export function microsoftReference(url: string): string {
  return t('[Microsoft reference]({0})', url);
}

/** One line per parameter fact: its doc, and the accepted values when the set is closed. */
export function parameterMarkdown(parameter: ParameterSpec): string {
  let text = localized(parameter.doc);
  if (parameter.allowed) {
    const quote = parameter.allowed.form === 'string' ? (v: string) => `"${v}"` : (v: string) => v;
    text += `\n\n${t('Accepted: {0}', parameter.allowed.values.map((v) => `\`${quote(v)}\``).join(', '))}`;
  }
  return text;
}

export function typePhrase(attribute: AttributeDefinition): string {
  return attribute.multivalued ? t('{0}, multi-valued', attribute.type) : attribute.type;
}

/** A source (Azure AD) attribute: type, flags and description. */
export function sourceAttributeMarkdown(attribute: AttributeDefinition, objectName: string, directory: DirectorySchema): string {
  const flags = [typePhrase(attribute)];
  if (attribute.required) flags.push(t('required'));
  if (attribute.anchor) flags.push(t('anchor'));
  if (attribute.referencedObjects?.length) flags.push(t('refers to {0}', attribute.referencedObjects.join(', ')));
  return [
    t('**[{0}]** — {1} {2} attribute ({3})', attribute.name, directory.displayName, objectName, flags.join(', ')),
    attribute.description ? localized(attribute.description) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A target attribute: type, whether it is required and whether the target can filter on it. */
export function targetAttributeMarkdown(attribute: AttributeDefinition, directory: DirectorySchema): string {
  const flags = [typePhrase(attribute), attribute.required ? t('required') : t('optional')];
  if (attribute.filterable === true) flags.push(t('filterable: can be a matching attribute'));
  else if (attribute.filterable === false) flags.push(t('not filterable: {0} cannot look users up by it', directory.displayName));
  return [
    t('**{0}** — {1} attribute ({2})', attribute.name, directory.displayName, flags.join('; ')),
    attribute.description ? localized(attribute.description) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** What a directory extension attribute (`extension_<appId>_<name>`) is, for hover and completion. */
export function directoryExtensionMarkdown(): string {
  return t(
    'Directory extension attribute (`extension_<appId>_<name>`): defined per tenant, so aadmap cannot check it offline. Its name is case-sensitive; it may have to be added to the source attribute list by hand.',
  );
}

/**
 * A lookup table keyed by words from the document: no prototype, so `table['toString']` is
 * undefined rather than Object.prototype.toString.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

// ───────────────────────────────────────────── SCIM paths and filters in words

/** `path OPERATOR value` in words, one sentence per operator. */
function comparisonWords(operator: string, path: string, value: string): string {
  switch (operator) {
    case 'eq':
      return t('{0} equals {1}', path, value);
    case 'ne':
      return t('{0} does not equal {1}', path, value);
    case 'co':
      return t('{0} contains {1}', path, value);
    case 'sw':
      return t('{0} starts with {1}', path, value);
    case 'ew':
      return t('{0} ends with {1}', path, value);
    case 'gt':
      return t('{0} is greater than {1}', path, value);
    case 'ge':
      return t('{0} is greater than or equal to {1}', path, value);
    case 'lt':
      return t('{0} is less than {1}', path, value);
    case 'le':
      return t('{0} is less than or equal to {1}', path, value);
    default:
      return `${path} undefined ${value}`;
  }
}

function valueWords(value: ScimCompareValue | undefined): string {
  return value ? printScimValue(value) : '…';
}

/** A value filter in words: `type eq "work"` → `type equals "work"`. Depth-limited. */
function filterWords(filter: ScimFilter, depth = 0): string {
  if (depth > 8) return '…';
  switch (filter.kind) {
    case 'attributeExpression':
      return filter.operator === 'pr'
        ? t('{0} is present', filter.path.text)
        : comparisonWords(filter.operator, filter.path.text, valueWords(filter.value));
    case 'valuePath':
      return t('{0} has a value where {1}', filter.path.text, filterWords(filter.filter, depth + 1));
    case 'logical':
      return filter.operands
        .map((o) => (o.kind === 'logical' ? `(${filterWords(o, depth + 1)})` : filterWords(o, depth + 1)))
        .join(` ${filter.operator} `);
    case 'not':
      return t('not ({0})', filterWords(filter.operand, depth + 1));
    case 'error':
      return '…';
  }
}

const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:user';

/** `attribute \`NAME\``, with the schema it belongs to when the path names one. */
function attributePhrase(name: string, uri: string | undefined): string {
  if (!uri) return t('attribute `{0}`', name);
  const lower = uri.toLowerCase();
  if (lower === ENTERPRISE_USER) return t('attribute `{0}` of the enterprise user extension `{1}`', name, uri);
  if (lower === CORE_USER) return t('attribute `{0}` of the core user schema `{1}`', name, uri);
  return t('attribute `{0}` of the schema `{1}`', name, uri);
}

/** What a SCIM attribute path (a mapping's target) addresses, in one or two sentences. */
export function describeScimPath(path: ScimPath): string {
  const attribute = path.attribute;
  const where = attributePhrase(attribute.name, attribute.uri);
  if (!path.filter) {
    if (attribute.subAttribute) return t('Addresses the sub-attribute `{0}` of the complex {1}.', attribute.subAttribute, where);
    return t('Addresses the {0}.', where);
  }
  const selection = t('the values of the multi-valued {0} where {1}', where, filterWords(path.filter));
  if (path.subAttribute)
    return t(
      'Addresses the `{0}` sub-attribute of {1}. The service creates such a value when none matches.',
      path.subAttribute.name,
      selection,
    );
  return t('Addresses {0}.', selection);
}

// ───────────────────────────────────────────── keywords

/** The unit a DateAdd/DateDiff interval code (`"d"`) stands for, in words; undefined for another text. */
export function intervalWord(code: string): string | undefined {
  switch (code) {
    case 'yyyy':
      return t('year');
    case 'q':
      return t('quarter');
    case 'm':
      return t('month');
    case 'y':
      return t('day of year');
    case 'd':
      return t('day');
    case 'w':
      return t('weekday');
    case 'ww':
      return t('week');
    case 'h':
      return t('hour');
    case 'n':
      return t('minute');
    case 's':
      return t('second');
    default:
      return undefined;
  }
}
if (DATE_INTERVALS.some((i) => intervalWord(i) === undefined)) throw new Error('intervalWord misses a DATE_INTERVALS entry');

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

/**
 * The `.aadmap` vocabulary's own documentation (grammar/mapping/vocabulary.ts) as a lookup: the
 * English text is data, shown in the user's language (`localized`).
 */
function docLookup(entries: readonly { readonly name: string; readonly doc: string }[]): (name: string) => string | undefined {
  const docs = table(Object.fromEntries(entries.map((e) => [e.name, e.doc])));
  return (name) => {
    const doc = docs[name];
    return doc === undefined ? undefined : localized(doc);
  };
}

export const flowTypeDoc = docLookup(FLOW_TYPES);
export const flowBehaviorDoc = docLookup(FLOW_BEHAVIORS);
export const objectFlowTypeDoc = docLookup(OBJECT_FLOW_TYPES);
export const scopeOperatorDoc = docLookup(SCOPE_OPERATORS.map((o) => ({ name: o.label, doc: o.doc })));
export const keywordDoc = docLookup(KEYWORDS.map((k) => ({ name: k.word, doc: k.doc })));
/** What `target` or `source` means right after `attribute` (a declaration's side). */
export const declarationSideDoc = docLookup(
  KEYWORDS.map((k) => ({ name: k.word, doc: 'declarationDoc' in k && k.declarationDoc ? k.declarationDoc : k.doc })),
);
export const attributeTypeDoc = docLookup(ATTRIBUTE_TYPES);
export const attributeFlagDoc = docLookup(ATTRIBUTE_FLAGS);
export const deployFieldDoc = docLookup(DEPLOY_FIELD_ENTRIES);

/** What a SCIM filter operator or logical word (lower case) means; undefined for another word. */
export function scimOperatorDoc(word: string): string | undefined {
  switch (word) {
    case 'eq':
      return t("`eq`: the attribute and the value are identical (strings compare by the attribute's caseExact; `userName` ignores case).");
    case 'ne':
      return t('`ne`: the attribute and the value are not identical.');
    case 'co':
      return t('`co`: the value is a substring of the attribute.');
    case 'sw':
      return t('`sw`: the attribute starts with the value.');
    case 'ew':
      return t('`ew`: the attribute ends with the value.');
    case 'gt':
      return t('`gt`: the attribute is greater than the value (strings lexicographically, dates chronologically).');
    case 'ge':
      return t('`ge`: the attribute is greater than or equal to the value.');
    case 'lt':
      return t('`lt`: the attribute is less than the value.');
    case 'le':
      return t('`le`: the attribute is less than or equal to the value.');
    case 'pr':
      return t('`pr`: the attribute has a non-empty value. Takes no value.');
    case 'and':
      return t('`and`: both sides are true (binds tighter than `or`).');
    case 'or':
      return t('`or`: either side is true.');
    case 'not':
      return t('`not (…)`: negates the parenthesised filter.');
    default:
      return undefined;
  }
}

/** InStr's compare modes (bare identifiers). */
export const VB_COMPARE_NAMES: ReadonlySet<string> = new Set(['vbBinaryCompare', 'vbTextCompare']);

/** What an InStr compare mode means; undefined for another word. */
export function vbCompareDoc(name: string): string | undefined {
  if (name === 'vbBinaryCompare') return t('`vbBinaryCompare`: InStr compares case-sensitively (binary).');
  if (name === 'vbTextCompare') return t('`vbTextCompare`: InStr compares ignoring case.');
  return undefined;
}
