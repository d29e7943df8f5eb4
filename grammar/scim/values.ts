/**
 * compValue handling (RFC 7644 §3.4.2.2 → RFC 8259): strict JSON strings, numbers and literals.
 * Everything here works on a token's text and reports diagnostics at absolute offsets.
 */
import { t } from '../common/l10n';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { ScimCompareValue } from './ast';
import { scimDiagnostic } from './diagnostics';

/** RFC 8259 `number`. Kept as written: `12345678901234567890` does not survive a JS number. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** Characters that force the slow path of the string decoder: backslash and C0 controls. */
// eslint-disable-next-line no-control-regex -- C0 controls are what this finds
const NEEDS_DECODING = /[\\\u0000-\u001f]/;

const CONTROL_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

function codeUnitLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Decodes the body of a JSON string (without quotes) that starts at absolute offset `absStart`.
 * Invalid escapes are kept literally (so `"domain\user"` decodes to `domain\user`) and reported.
 */
function decodeJsonStringBody(body: string, absStart: number, diagnostics: SyntaxDiagnostic[]): string {
  if (!NEEDS_DECODING.test(body)) return body;
  let out = '';
  let runStart = 0;
  const length = body.length;
  let i = 0;
  while (i < length) {
    const code = body.charCodeAt(i);
    if (code < 0x20) {
      const escape = CONTROL_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
      diagnostics.push(
        scimDiagnostic(
          'scim-control-character',
          absStart + i,
          absStart + i + 1,
          t("Raw control character {0} is not allowed in a JSON string; write '{1}'", codeUnitLabel(code), escape),
        ),
      );
      i++;
      continue;
    }
    if (code !== 0x5c) {
      i++;
      continue;
    }
    out += body.substring(runStart, i);
    const next = body.charCodeAt(i + 1);
    let decoded: string | undefined;
    let width = 2;
    switch (next) {
      case 0x22:
        decoded = '"';
        break;
      case 0x5c:
        decoded = '\\';
        break;
      case 0x2f:
        decoded = '/';
        break;
      case 0x62:
        decoded = '\b';
        break;
      case 0x66:
        decoded = '\f';
        break;
      case 0x6e:
        decoded = '\n';
        break;
      case 0x72:
        decoded = '\r';
        break;
      case 0x74:
        decoded = '\t';
        break;
      case 0x75: {
        // \uXXXX: exactly four hex digits, any case. Surrogate pairs combine by concatenation.
        let value = 0;
        let digits = 0;
        while (digits < 4) {
          const h = hexValue(body.charCodeAt(i + 2 + digits));
          if (h < 0) break;
          value = value * 16 + h;
          digits++;
        }
        if (digits === 4) {
          decoded = String.fromCharCode(value);
          width = 6;
        } else {
          // Include the offending character (if any) in the range: `\u00G`.
          width = Math.min(3 + digits, length - i);
          diagnostics.push(
            scimDiagnostic(
              'scim-invalid-escape',
              absStart + i,
              absStart + i + width,
              t(
                "Invalid escape '{0}': '\\u' must be followed by four hex digits (write '\\\\' for a backslash)",
                body.substring(i, i + width),
              ),
            ),
          );
        }
        break;
      }
      default: {
        if (i + 1 >= length) {
          // A lone backslash at the end of an unterminated string; the caller reports that.
          width = 1;
          decoded = '\\';
          break;
        }
        const shown = String.fromCodePoint(body.codePointAt(i + 1)!);
        width = 1 + shown.length;
        diagnostics.push(
          scimDiagnostic(
            'scim-invalid-escape',
            absStart + i,
            absStart + i + width,
            t(
              "Invalid escape '\\{0}' in string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write '\\\\' for a backslash)",
              shown,
            ),
          ),
        );
      }
    }
    out += decoded ?? body.substring(i, i + width);
    i += width;
    runStart = i;
  }
  return out + body.substring(runStart);
}

/** A double-quoted token (possibly unterminated) → string value. */
export function buildStringValue(image: string, start: number, diagnostics: SyntaxDiagnostic[]): ScimCompareValue {
  const end = start + image.length;
  const terminated = image.length >= 2 && image.charCodeAt(image.length - 1) === 0x22 && !endsWithEscapedQuote(image);
  const body = terminated ? image.substring(1, image.length - 1) : image.substring(1);
  if (!terminated) {
    const message =
      image.length >= 2 && image.charCodeAt(image.length - 1) === 0x22
        ? t("Unterminated string: missing closing '\"' (the last '\"' is escaped by a backslash)")
        : t("Unterminated string: missing closing '\"'");
    diagnostics.push(scimDiagnostic('scim-unterminated-string', start, end, message));
  }
  const value = decodeJsonStringBody(body, start + 1, diagnostics);
  return { kind: 'string', value, raw: image, start, end };
}

/** Whether the final `"` of `image` (which starts with `"`) is escaped, i.e. preceded by an odd run of `\`. */
function endsWithEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** `'abc'` → string value with an error suggesting double quotes. */
export function buildSingleQuotedValue(image: string, start: number, diagnostics: SyntaxDiagnostic[]): ScimCompareValue {
  const end = start + image.length;
  const terminated = image.length >= 2 && image.endsWith("'");
  const value = terminated ? image.substring(1, image.length - 1) : image.substring(1);
  diagnostics.push(
    scimDiagnostic('scim-single-quoted-string', start, end, t('Strings must be in double quotes: {0}', JSON.stringify(value))),
  );
  return { kind: 'string', value, raw: image, start, end };
}

/** Words reported as malformed numbers rather than unquoted strings: `01`, `+1`, `.5`, `1e`, `0x1F`. */
const NUMBER_LIKE = /^(?:[+-]?\.?[0-9][0-9.eE+-]*|[+-]?0[xX][0-9A-Fa-f]+)$/;

function invalidNumberReason(word: string): string {
  if (word.startsWith('+')) return t("a JSON number cannot start with '+'");
  if (/^-?0[xX]/.test(word)) return t('hexadecimal numbers are not allowed in JSON');
  if (/^-?0[0-9]/.test(word)) return t('leading zeros are not allowed in JSON numbers');
  if (/^-?\./.test(word)) return t("a JSON number needs a digit before '.' (write {0})", word.replace('.', '0.'));
  if (/\.(?![0-9])/.test(word)) return t("a JSON number needs digits after '.'");
  if (/[eE](?![+-]?[0-9])/.test(word)) return t('the exponent needs digits');
  return t('not a JSON number');
}

/**
 * An unquoted word in value position: a JSON number or literal, or an error (literal in the wrong
 * case, malformed number, unquoted string). Always returns a value node so the tree stays usable.
 */
export function buildWordValue(word: string, start: number, diagnostics: SyntaxDiagnostic[]): ScimCompareValue {
  const end = start + word.length;
  switch (word) {
    case 'true':
      return { kind: 'boolean', value: true, raw: word, start, end };
    case 'false':
      return { kind: 'boolean', value: false, raw: word, start, end };
    case 'null':
      return { kind: 'null', raw: word, start, end };
  }
  if (JSON_NUMBER.test(word)) return { kind: 'number', raw: word, start, end };
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') {
    diagnostics.push(
      scimDiagnostic('scim-literal-case', start, end, t("JSON literals are case-sensitive: write '{0}' instead of '{1}'", lower, word)),
    );
    return lower === 'null' ? { kind: 'null', raw: word, start, end } : { kind: 'boolean', value: lower === 'true', raw: word, start, end };
  }
  if (NUMBER_LIKE.test(word)) {
    diagnostics.push(scimDiagnostic('scim-invalid-number', start, end, t("Invalid number '{0}': {1}", word, invalidNumberReason(word))));
    return { kind: 'number', raw: word, start, end };
  }
  diagnostics.push(
    scimDiagnostic('scim-unquoted-value', start, end, t('String values must be in double quotes: {0}', JSON.stringify(word))),
  );
  return { kind: 'string', value: word, raw: word, start, end };
}
