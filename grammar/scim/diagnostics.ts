/**
 * Diagnostic codes of the SCIM filter / attribute-path grammar, with their severity and a one-line
 * description (docs/diagnostics.md is generated from `SCIM_DIAGNOSTIC_CODES`: npm run docs:diagnostics).
 */
import type { Severity, SyntaxDiagnostic } from '../common/syntax-diagnostic';

export type ScimDiagnosticCode =
  | 'syntax-error'
  | 'scim-empty-filter'
  | 'scim-empty-path'
  | 'scim-unterminated-string'
  | 'scim-invalid-escape'
  | 'scim-control-character'
  | 'scim-unknown-operator'
  | 'scim-missing-operator'
  | 'scim-missing-value'
  | 'scim-pr-value'
  | 'scim-not-without-parens'
  | 'scim-unbalanced-brackets'
  | 'scim-empty-group'
  | 'scim-trailing-input'
  | 'scim-unquoted-value'
  | 'scim-single-quoted-string'
  | 'scim-literal-case'
  | 'scim-invalid-number'
  | 'scim-too-many-subattributes'
  | 'scim-invalid-attribute-name'
  | 'scim-missing-attribute-name'
  | 'scim-invalid-schema-uri'
  | 'scim-nested-value-path'
  | 'scim-value-path-comparison'
  | 'scim-entra-value-path'
  | 'scim-ref-attribute'
  | 'scim-keyword-attribute'
  | 'scim-whitespace'
  | 'scim-nesting-too-deep'
  | 'scim-internal-error';

/** Every code the SCIM grammar emits, with a one-line description. */
export const SCIM_DIAGNOSTIC_CODES: Readonly<Record<ScimDiagnosticCode, string>> = {
  'syntax-error': "Generic SCIM syntax error: an unexpected token, e.g. a missing expression after 'and'.",
  'scim-empty-filter': 'The filter is empty.',
  'scim-empty-path': 'The attribute path is empty.',
  'scim-unterminated-string': 'A string value has no closing double quote.',
  'scim-invalid-escape': 'A string contains an escape JSON does not allow (e.g. \\a, or \\u without four hex digits).',
  'scim-control-character': 'A string contains a raw control character (U+0000–U+001F); it must be escaped.',
  'scim-unknown-operator': 'Not a SCIM comparison operator (e.g. ==, =, !=, lte, contains); suggests the SCIM one.',
  'scim-missing-operator': "An attribute path is not followed by a comparison operator or 'pr'.",
  'scim-missing-value': 'A comparison operator is not followed by a value.',
  'scim-pr-value': "'pr' (present) takes no value.",
  'scim-not-without-parens': "'not' must be followed by a parenthesised filter: not (…).",
  'scim-unbalanced-brackets': "A '(' or '[' is never closed, or a ')' or ']' has no opening partner.",
  'scim-empty-group': "Empty parentheses '()' or empty value filter '[]'.",
  'scim-trailing-input': 'Unexpected text after the end of the filter or path.',
  'scim-unquoted-value': 'String values must be in double quotes.',
  'scim-single-quoted-string': 'Strings must use double quotes, not single quotes.',
  'scim-literal-case': 'JSON literals are case-sensitive: write true, false, null in lower case.',
  'scim-invalid-number': 'Not a JSON number (e.g. 01, +1, .5, 1., 1e, 0x1F).',
  'scim-too-many-subattributes': 'An attribute path has at most one sub-attribute (a.b, not a.b.c).',
  'scim-invalid-attribute-name': 'Attribute names start with a letter and contain only letters, digits, - and _.',
  'scim-missing-attribute-name': "A schema URI prefix or a '.' is not followed by an attribute name.",
  'scim-invalid-schema-uri': "The schema URI prefix is not an absolute URI (it must contain ':', e.g. urn:…:User:name).",
  'scim-nested-value-path': "A value filter '[…]' cannot contain another value filter.",
  'scim-value-path-comparison': 'A value filter \'[…]\' cannot be compared directly (emails[…] eq "x", emails[…] pr).',
  'scim-entra-value-path': 'Entra ID form emails[type eq "work"].value eq "x": accepted, but not RFC 7644 syntax.',
  'scim-ref-attribute': "'$ref' is not an RFC 7644 ATTRNAME (RFC 7643 uses it); some servers reject it.",
  'scim-keyword-attribute': 'A SCIM keyword (and, or, not, pr, eq, …) is used as an attribute name.',
  'scim-whitespace': "Whitespace RFC 7644 does not allow: missing around an operator, before '[' or '.', or an unusual space character.",
  'scim-nesting-too-deep': 'Parentheses, brackets or not are nested too deeply to analyse.',
  'scim-internal-error': 'The parser failed unexpectedly (a bug); the text was not analysed.',
};

export const SCIM_DIAGNOSTIC_SEVERITIES: Readonly<Record<ScimDiagnosticCode, Severity>> = {
  'syntax-error': 'error',
  'scim-empty-filter': 'error',
  'scim-empty-path': 'error',
  'scim-unterminated-string': 'error',
  'scim-invalid-escape': 'error',
  'scim-control-character': 'error',
  'scim-unknown-operator': 'error',
  'scim-missing-operator': 'error',
  'scim-missing-value': 'error',
  'scim-pr-value': 'error',
  'scim-not-without-parens': 'error',
  'scim-unbalanced-brackets': 'error',
  'scim-empty-group': 'error',
  'scim-trailing-input': 'error',
  'scim-unquoted-value': 'error',
  'scim-single-quoted-string': 'error',
  'scim-literal-case': 'error',
  'scim-invalid-number': 'error',
  'scim-too-many-subattributes': 'error',
  'scim-invalid-attribute-name': 'error',
  'scim-missing-attribute-name': 'error',
  'scim-invalid-schema-uri': 'error',
  'scim-nested-value-path': 'error',
  'scim-value-path-comparison': 'error',
  'scim-entra-value-path': 'warning',
  'scim-ref-attribute': 'warning',
  'scim-keyword-attribute': 'warning',
  'scim-whitespace': 'warning',
  'scim-nesting-too-deep': 'error',
  'scim-internal-error': 'error',
};

/** Creates a diagnostic with the code's severity. Offsets are absolute. */
export function scimDiagnostic(code: ScimDiagnosticCode, start: number, end: number, message: string): SyntaxDiagnostic {
  return { start, end, severity: SCIM_DIAGNOSTIC_SEVERITIES[code], code, message };
}
