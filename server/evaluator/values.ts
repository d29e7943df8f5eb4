/**
 * The values an expression produces. Null (an absent attribute) and the empty string are
 * different values; Booleans render as `True`/`False` wherever the service turns them into text
 * (Switch keys, Join, Append); integers are BigInt (FILETIME numbers exceed 2^53); DateTime is
 * ticks in UTC, rendered `M/d/yyyy h:mm:ss tt`. "Not flowing" (IgnoreFlowIfNullOrEmpty) is not a
 * value: it stops the evaluation (see FlowIgnored in evaluate.ts).
 */
import { renderServiceDateTime } from './datetime';
import type { JsonObject, OutputJson } from './json';

export type Value =
  | { kind: 'null' }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'integer'; value: bigint }
  /** A non-integer number from a sample user's JSON, kept as written. */
  | { kind: 'decimal'; text: string }
  | { kind: 'dateTime'; ticks: bigint }
  /** A reference attribute (manager): the referenced object's id or distinguished name. */
  | { kind: 'reference'; id: string }
  /** A complex value: an app role assignment or a role object produced for a SCIM roles attribute. */
  | { kind: 'complex'; value: JsonObject }
  /** A multi-valued value; never nested, never holding null. */
  | { kind: 'multi'; values: SingleValue[] };

export type SingleValue = Exclude<Value, { kind: 'multi' } | { kind: 'null' }>;

export const NULL: Value = { kind: 'null' };
export const str = (value: string): Value => ({ kind: 'string', value });
export const bool = (value: boolean): Value => ({ kind: 'boolean', value });
export const int = (value: bigint | number): Value => ({ kind: 'integer', value: BigInt(value) });
export const date = (ticks: bigint): Value => ({ kind: 'dateTime', ticks });
export const multi = (values: SingleValue[]): Value => (values.length === 0 ? NULL : { kind: 'multi', values });

/** Null, `""`, or no values. */
export const isNullOrEmpty = (v: Value): boolean =>
  v.kind === 'null' || (v.kind === 'string' && v.value === '') || (v.kind === 'multi' && v.values.length === 0);

/** How a single value reads as text in the service (undefined for null). */
export function textOf(v: SingleValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'boolean':
      return v.value ? 'True' : 'False';
    case 'integer':
      return v.value.toString();
    case 'decimal':
      return v.text;
    case 'dateTime':
      return renderServiceDateTime(v.ticks);
    case 'reference':
      return v.id;
    case 'complex':
      return JSON.stringify(v.value, (_key, item) => (isRawNumber(item) ? Number(item.raw) : item));
  }
}

function isRawNumber(item: unknown): item is { kind: 'number'; raw: string } {
  return (
    typeof item === 'object' &&
    item !== null &&
    (item as { kind?: unknown }).kind === 'number' &&
    typeof (item as { raw?: unknown }).raw === 'string'
  );
}

/** The value as written to the target, in the CLI's JSON contract. */
export function toOutputJson(v: Value): OutputJson {
  switch (v.kind) {
    case 'null':
      return null;
    case 'string':
      return v.value;
    case 'boolean':
      return v.value;
    case 'integer':
      return v.value;
    case 'decimal':
      return { kind: 'number', raw: v.text };
    case 'dateTime':
      return renderServiceDateTime(v.ticks);
    case 'reference':
      return v.id;
    case 'complex':
      return v.value;
    case 'multi':
      return v.values.map(toOutputJson);
  }
}

/** A short, unambiguous rendering for hovers, CodeLens and traces: `"text"`, True, 42, null, [a, b]. */
export function displayValue(v: Value, maxLength = 120): string {
  const text = (() => {
    switch (v.kind) {
      case 'null':
        return 'null';
      case 'string':
      case 'reference':
        return JSON.stringify(v.kind === 'string' ? v.value : v.id);
      case 'multi':
        return `[${v.values.map((item) => displayValue(item, maxLength)).join(', ')}]`;
      case 'dateTime':
        return `${textOf(v)} (DateTime)`;
      default:
        return textOf(v);
    }
  })();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A one-word description of a value's type, for error messages. */
export function typeName(v: Value): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a Boolean';
    case 'integer':
    case 'decimal':
      return 'a number';
    case 'dateTime':
      return 'a DateTime';
    case 'reference':
      return 'a reference';
    case 'complex':
      return 'a complex value';
    case 'multi':
      return 'a multi-valued value';
  }
}

const NUMERIC_TEXT = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

/** CBool's conversion: Booleans, "True"/"False" in any case, numbers (non-zero = True); undefined otherwise. */
export function toBoolean(value: SingleValue): boolean | undefined {
  switch (value.kind) {
    case 'boolean':
      return value.value;
    case 'integer':
      return value.value !== 0n;
    case 'decimal':
      return Number(value.text) !== 0;
    case 'string': {
      const text = value.value.trim();
      if (/^true$/i.test(text)) return true;
      if (/^false$/i.test(text)) return false;
      if (NUMERIC_TEXT.test(text)) return Number(text) !== 0;
      return undefined;
    }
    default:
      return undefined;
  }
}
