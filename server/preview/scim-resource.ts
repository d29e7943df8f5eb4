/**
 * SCIM resources as the provisioning service writes them: a mapping's target path
 * (`title`, `name.givenName`, `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:department`)
 * placed in a POST body or read from an existing resource, and values converted to the target
 * attribute's type (a Switch's "True" becomes the Boolean true for `active`).
 */
import { t } from '../../grammar/common/l10n';
import type { ScimFilter, ScimPath } from '../../grammar/scim/ast';
import { isJsonNumber, isJsonObject, type JsonObject, type JsonValue, type OutputJson } from '../evaluator/json';
import { textOf, type SingleValue, type Value } from '../evaluator/values';
import type { AttributeDefinition } from '../schema/types';

export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** A target path reduced to what building and reading a resource needs. */
export interface ResourcePath {
  /** Extension schema URI, when the attribute belongs to one (core URIs are dropped). */
  extension?: string;
  attribute: string;
  /** `name.givenName` → `givenName`; `emails[…].value` → `value`. */
  subAttribute?: string;
  /** `emails[type eq "work"]` → [{ attribute: 'type', value: 'work' }] (only `eq` joined by `and`). */
  selector?: { attribute: string; value: string | boolean | number }[];
}

export class ResourcePathError extends Error {}

export function resourcePath(path: ScimPath): ResourcePath {
  const { uri, name } = path.attribute;
  const extension = uri && !/^urn:ietf:params:scim:schemas:core:2\.0:(user|group)$/i.test(uri) ? uri : undefined;
  const result: ResourcePath = { extension, attribute: name };
  if (path.filter) {
    result.selector = selectorOf(path.filter, path.text);
    if (path.attribute.subAttribute) throw new ResourcePathError(t("{0}: a sub-attribute before '[' is not supported", path.text));
    if (path.subAttribute) result.subAttribute = path.subAttribute.name;
  } else if (path.attribute.subAttribute) result.subAttribute = path.attribute.subAttribute;
  return result;
}

function selectorOf(filter: ScimFilter, text: string): NonNullable<ResourcePath['selector']> {
  if (filter.kind === 'logical' && filter.operator === 'and') return filter.operands.flatMap((operand) => selectorOf(operand, text));
  if (filter.kind === 'attributeExpression' && filter.operator === 'eq' && filter.value && !filter.path.subAttribute) {
    const v = filter.value;
    const value = v.kind === 'string' ? v.value : v.kind === 'boolean' ? v.value : v.kind === 'number' ? Number(v.raw) : undefined;
    if (value !== undefined) return [{ attribute: filter.path.name, value }];
  }
  throw new ResourcePathError(
    t('{0}: only value filters of the form [attribute eq value] (joined by and) can be turned into a SCIM body', text),
  );
}

// ───────────────────────────────────────────────────────────── values on the wire

export type BooleanForm = 'json' | 'string';

/**
 * The JSON value sent for a target attribute. `booleans: 'string'` writes Booleans as "True" /
 * "False" — Entra's PATCH without the aadOptscim062020 flag. Undefined for null.
 */
export function wireValue(
  value: Value,
  definition: AttributeDefinition | undefined,
  booleans: BooleanForm = 'json',
): OutputJson | undefined {
  if (value.kind === 'null') return undefined;
  if (value.kind === 'multi') {
    const items = value.values.map((item) => wireSingle(item, definition, booleans));
    return definition && !definition.multivalued && items.length === 1 ? items[0] : items;
  }
  // A multi-valued attribute is a JSON array in SCIM (RFC 7643 section 2.4), also with one value.
  if (definition?.multivalued && value.kind !== 'complex') return [wireSingle(value, definition, booleans)];
  return wireSingle(value, definition, booleans);
}

function wireSingle(value: SingleValue, definition: AttributeDefinition | undefined, booleans: BooleanForm): OutputJson {
  if (value.kind === 'complex') return value.value;
  switch (definition?.type) {
    case 'Boolean': {
      const b =
        value.kind === 'boolean' ? value.value : /^\s*(true|false)\s*$/i.test(textOf(value)) ? /true/i.test(textOf(value)) : undefined;
      if (b === undefined) return textOf(value);
      return booleans === 'string' ? (b ? 'True' : 'False') : b;
    }
    case 'Integer': {
      const text = textOf(value).trim();
      return /^[+-]?\d+$/.test(text) ? BigInt(text) : textOf(value);
    }
    case 'Reference':
      return { value: textOf(value) };
    default:
      if (definition === undefined && value.kind === 'boolean') return booleans === 'string' ? textOf(value) : value.value;
      if (definition === undefined && value.kind === 'integer') return value.value;
      return textOf(value);
  }
}

/** Whether a wire value equals what the target holds (strings ignore case unless caseExact; lists ignore order). */
export function sameValue(sent: OutputJson, existing: JsonValue | undefined, caseExact: boolean): boolean {
  if (existing === undefined || existing === null) return false;
  return comparisonKey(sent, caseExact) === comparisonKey(existing, caseExact);
}

/** A value as the target compares it: two values are the same for the target exactly when their keys are equal. */
export function comparisonKey(v: OutputJson | JsonValue, caseExact: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return `n:${v}`;
  if (typeof v === 'number') return `n:${Number.isInteger(v) ? BigInt(v) : v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (typeof v === 'string') {
    if (/^(true|false)$/i.test(v)) return `b:${v.toLowerCase()}`;
    return `s:${caseExact ? v : v.toLowerCase()}`;
  }
  if (isJsonNumber(v)) return `n:${/^-?\d+$/.test(v.raw) ? BigInt(v.raw) : Number(v.raw)}`;
  if (Array.isArray(v))
    return `a:${v
      .map((item) => comparisonKey(item, caseExact))
      .sort()
      .join('\u0000')}`;
  return `o:${Object.keys(v)
    .sort()
    .map((key) => `${key.toLowerCase()}=${comparisonKey((v as Record<string, OutputJson>)[key]!, caseExact)}`)
    .join('\u0000')}`;
}

// ───────────────────────────────────────────────────────────── reading and writing resources

/** SCIM attribute names are case-insensitive. */
function getKey(object: JsonObject, key: string): JsonValue | undefined {
  if (Object.hasOwn(object, key)) return object[key];
  const lower = key.toLowerCase();
  const found = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : object[found];
}

function selects(item: JsonValue, selector: NonNullable<ResourcePath['selector']>): boolean {
  if (!isJsonObject(item)) return false;
  return selector.every(({ attribute, value }) => {
    const actual = getKey(item, attribute);
    if (typeof value === 'string') return typeof actual === 'string' && actual.toLowerCase() === value.toLowerCase();
    if (typeof value === 'boolean') return actual === value || (typeof actual === 'string' && actual.toLowerCase() === String(value));
    return isJsonNumber(actual) && Number(actual.raw) === value;
  });
}

/** The value at a path of an existing resource; undefined when absent. */
export function readPath(resource: JsonObject, path: ResourcePath, fullName: string): JsonValue | undefined {
  let container: JsonValue | undefined = resource;
  if (path.extension) {
    const ext = getKey(resource, path.extension);
    // Some targets return extension attributes flat, under their full name.
    if (!isJsonObject(ext)) return getKey(resource, fullName);
    container = ext;
  }
  if (!isJsonObject(container)) return undefined;
  let value = getKey(container, path.attribute);
  if (path.selector) {
    if (!Array.isArray(value)) return undefined;
    value = value.find((item) => selects(item, path.selector!));
  }
  if (path.subAttribute) value = isJsonObject(value) ? getKey(value, path.subAttribute) : undefined;
  return value;
}

type Body = { [key: string]: OutputJson | undefined };

/** Places a value in a POST body, creating the extension object and multi-valued entries as needed. */
export function writePath(body: Body, path: ResourcePath, value: OutputJson): void {
  let container: Body = body;
  if (path.extension) container = (body[path.extension] ??= {}) as Body;
  if (path.selector) {
    const list = (container[path.attribute] ??= []) as OutputJson[];
    let entry = list.find(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item) &&
        typeof item !== 'bigint' &&
        path.selector!.every((s) => (item as Body)[s.attribute] === s.value),
    ) as Body | undefined;
    if (!entry) {
      entry = Object.fromEntries(path.selector.map((s) => [s.attribute, s.value]));
      list.push(entry);
    }
    entry[path.subAttribute ?? 'value'] = value;
    return;
  }
  if (path.subAttribute) {
    ((container[path.attribute] ??= {}) as Body)[path.subAttribute] = value;
    return;
  }
  container[path.attribute] = value;
}
