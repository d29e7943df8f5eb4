/** Small helpers for schema JSON: narrowing, structural equality, cloning. */
import { t } from '../../grammar/common/l10n';

export type JsonObject = { [key: string]: unknown };

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Deep structural equality of JSON values (key order ignored, array order kept). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const x = a as JsonObject;
  const y = b as JsonObject;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(y, key) && deepEqual(x[key], y[key]));
}

export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Describes a JSON value's kind for messages ("an array", "null", "a number"). */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('an array');
  switch (typeof value) {
    case 'object':
      return t('an object');
    case 'string':
      return t('a string');
    case 'number':
      return t('a number');
    case 'boolean':
      return t('a boolean');
    default:
      return t('a value of type {0}', typeof value);
  }
}
