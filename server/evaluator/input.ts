/**
 * Sample users: a JSON object of attribute name → value, as the CLI's `--input` file and the
 * editor's `*.user.json` files hold it. Strings, Booleans, numbers (kept exact), arrays
 * (multi-valued), objects (complex values such as app role assignments) and null; an absent key is
 * null, and so is an empty array. Attribute names are case-sensitive, as in the service.
 */
import { t } from '../../grammar/common/l10n';
import type { ObjectSchema } from '../schema/types';
import { findAttribute } from '../schema/lookup';
import { isJsonNumber, isJsonObject, type JsonObject, type JsonValue } from './json';
import { multi, NULL, type SingleValue, type Value } from './values';

export class SampleUserError extends Error {}

export interface SampleUser {
  /** The attribute values, by exact name. */
  attributes: ReadonlyMap<string, Value>;
}

/** Converts a parsed sample-user file; `source` tells which attributes are references (manager). */
export function readSampleUser(json: JsonValue, source?: ObjectSchema): SampleUser {
  if (!isJsonObject(json)) throw new SampleUserError(t('A sample user must be a JSON object of attribute name → value'));
  const attributes = new Map<string, Value>();
  for (const [name, raw] of Object.entries(json)) attributes.set(name, toValue(raw, name, isReferenceAttribute(name, source)));
  return { attributes };
}

/** Whether a sample user's string value of `name` is a reference (an object id, as `manager` holds). */
export function isReferenceAttribute(name: string, source: ObjectSchema | undefined): boolean {
  const definition = source && findAttribute(source, name);
  return !!definition?.exactCase && definition.attribute.type === 'Reference' && name !== 'appRoleAssignments';
}

function toValue(raw: JsonValue, name: string, reference: boolean): Value {
  if (Array.isArray(raw)) {
    const values: SingleValue[] = [];
    for (const item of raw) {
      if (item === null) continue;
      if (Array.isArray(item)) throw new SampleUserError(t('{0}: a multi-valued attribute holds single values, not arrays', name));
      values.push(toValue(item, name, reference) as SingleValue);
    }
    return multi(values);
  }
  return toSingle(raw, reference);
}

function toSingle(raw: JsonValue, reference: boolean): Value {
  if (raw === null) return NULL;
  if (typeof raw === 'string') return reference ? { kind: 'reference', id: raw } : { kind: 'string', value: raw };
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (isJsonNumber(raw)) return /^-?\d+$/.test(raw.raw) ? { kind: 'integer', value: BigInt(raw.raw) } : { kind: 'decimal', text: raw.raw };
  const object = raw as JsonObject;
  if (reference && typeof object['value'] === 'string') return { kind: 'reference', id: object['value'] };
  return { kind: 'complex', value: object };
}
