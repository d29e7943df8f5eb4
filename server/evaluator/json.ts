/**
 * Lossless JSON for sample users, target resources and the CLI's output. `JSON.parse` turns
 * FILETIME numbers (beyond 2^53) into approximations, so numbers are read as their text and written
 * back from BigInt unchanged. Parse errors carry a 1-based line and column.
 */
import { t } from '../../grammar/common/l10n';

/** A JSON value whose numbers keep the exact text they were written with. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
export interface JsonNumber {
  kind: 'number';
  raw: string;
}

/** What the writer accepts: plain JSON plus BigInt (written as digits) and raw numbers. */
export type OutputJson = null | boolean | string | number | bigint | JsonNumber | OutputJson[] | { [key: string]: OutputJson | undefined };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(t('{0} at line {1}, column {2}', message, line, column));
  }
}

export const isJsonNumber = (value: unknown): value is JsonNumber =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (value as JsonNumber).kind === 'number' &&
  typeof (value as JsonNumber).raw === 'string' &&
  Object.keys(value).length === 2;

export const isJsonObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isJsonNumber(value);

const MAX_DEPTH = 256;

/**
 * JSON.parse (plain values: schemas, backups, user lines), with an error that gives a position and
 * never quotes the text (V8's message quotes it; docs/security.md): the JsonSyntaxError of parseJson.
 */
export function parsePlainJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    parseJson(text); // throws the JsonSyntaxError at the first error
    // Both follow the same grammar (RFC 8259), so this is not reached; still, never V8's message.
    throw new JsonSyntaxError(t('Unexpected {0}', t('end of input')), 1, 1);
  }
}

/** Parses strict JSON (RFC 8259); a leading BOM is skipped. */
export function parseJson(text: string): JsonValue {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = i): never => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    throw new JsonSyntaxError(message, line, at - lineStart + 1);
  };

  const skipWhite = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const describe = () => (i >= text.length ? t('end of input') : `'${text[i]}'`);

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail(t('Unterminated string'), start);
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next !== undefined && next in simple) {
          out += simple[next];
          i += 2;
          continue;
        }
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        fail(t('Invalid escape in string'));
      }
      if (ch.charCodeAt(0) < 0x20) fail(t('Control character in string'));
      out += ch;
      i++;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(t('JSON nested too deeply'));
    skipWhite();
    const ch = text[i];
    if (ch === '"') return parseString();
    if (ch === '{') {
      i++;
      const object: JsonObject = {};
      skipWhite();
      if (text[i] === '}') {
        i++;
        return object;
      }
      for (;;) {
        skipWhite();
        if (text[i] !== '"') fail(t('Expected a property name in double quotes, found {0}', describe()));
        const key = parseString();
        skipWhite();
        if (text[i] !== ':') fail(t("Expected ':' after a property name, found {0}", describe()));
        i++;
        // Own data property even for "__proto__".
        Object.defineProperty(object, key, { value: parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipWhite();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object;
        }
        fail(t("Expected ',' or '}', found {0}", describe()));
      }
    }
    if (ch === '[') {
      i++;
      const array: JsonValue[] = [];
      skipWhite();
      if (text[i] === ']') {
        i++;
        return array;
      }
      for (;;) {
        array.push(parseValue(depth + 1));
        skipWhite();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return array;
        }
        fail(t("Expected ',' or ']', found {0}", describe()));
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0] !== '') {
      i += number[0].length;
      return { kind: 'number', raw: number[0] };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(t('Unexpected {0}', describe()));
  };

  const value = parseValue(0);
  skipWhite();
  if (i < text.length) fail(t('Unexpected {0} after the JSON value', describe()));
  return value;
}

/** Writes JSON like `JSON.stringify(value, null, indent)`, with BigInt and raw numbers written exactly. */
export function stringifyJson(value: OutputJson, indent = 2): string {
  const pad = (level: number) => (indent > 0 ? `\n${' '.repeat(indent * level)}` : '');
  const write = (v: OutputJson | undefined, level: number): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((item) => `${pad(level + 1)}${write(item, level + 1)}`).join(',')}${pad(level)}]`;
    }
    if (isJsonNumber(v)) return v.raw;
    const entries = Object.entries(v).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const colon = indent > 0 ? ': ' : ':';
    return `{${entries.map(([key, item]) => `${pad(level + 1)}${JSON.stringify(key)}${colon}${write(item, level + 1)}`).join(',')}${pad(level)}}`;
  };
  return write(value, 0);
}

/** A plain-JavaScript view (numbers as `number`), for callers that do not need exactness. */
export function toPlainJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (isJsonNumber(value)) return Number(value.raw);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainJson(item)]));
}

/** The reverse of toPlainJson for values built in code (tests, the editor's settings). */
export function fromPlainJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { kind: 'number', raw: Number.isFinite(value) ? String(value) : '0' };
  if (typeof value === 'bigint') return { kind: 'number', raw: value.toString() };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromPlainJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromPlainJson(item)]));
  return String(value);
}
