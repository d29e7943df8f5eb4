import { t } from '../common/l10n';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';

/**
 * Decodes a double-quoted string of the expression language. Only `\\` and `\"` are documented
 * escapes; any other backslash sequence is kept as written (the service's behaviour is unspecified by the function
 * reference, https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data) and reported as a warning so that a regex like "\d" is not silently different from "\\d".
 */
export function decodeExpressionString(raw: string, start: number, diagnostics: SyntaxDiagnostic[]): string {
  const terminated = raw.length >= 2 && raw.endsWith('"') && !isEscapedQuoteAtEnd(raw);
  const body = raw.slice(1, terminated ? -1 : undefined);
  if (!body.includes('\\')) return body;
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === '\\' || next === '"') {
      value += next;
      i++;
    } else if (next === undefined) {
      value += ch;
    } else {
      const at = start + 1 + i;
      diagnostics.push({
        start: at,
        end: at + 2,
        severity: 'warning',
        code: 'unknown-escape',
        message: t(
          "'\\{0}' is not an escape of the expression language (only \\\\ and \\\" are); it is kept as written. Write '\\\\{0}' for a backslash followed by '{0}'.",
          next,
        ),
      });
      value += ch + next;
      i++;
    }
  }
  return value;
}

/** `"abc\"` ends in an escaped quote: the string is unterminated. */
function isEscapedQuoteAtEnd(raw: string): boolean {
  let backslashes = 0;
  for (let i = raw.length - 2; i >= 1 && raw[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The source text of a string constant holding `value` (the inverse of decoding). */
export function encodeExpressionString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
