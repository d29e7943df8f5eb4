/**
 * Attribute paths (RFC 7644 `attrPath = [URI ":"] ATTRNAME *1subAttr`, RFC 7644 §3.4.2.2, Figure 1).
 *
 * A path arrives as one lexer word. The URI prefix is everything before the LAST `:` and must
 * itself contain a `:` (`urn:attr` is not URI + name). ATTRNAME = ALPHA *("-" / "_" / DIGIT / ALPHA),
 * ASCII only. `$ref` is accepted with a warning (RFC 7643 defines `$ref` sub-attributes).
 */
import { t } from '../common/l10n';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { ScimAttributePath } from './ast';
import { scimDiagnostic } from './diagnostics';

function isAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isNameChar(code: number): boolean {
  return isAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f;
}

/** RFC 3986 characters allowed in a URI (brackets and parentheses never reach here). */
function isUriChar(code: number): boolean {
  if (isAlpha(code) || (code >= 0x30 && code <= 0x39)) return true;
  // - . _ ~ % ! $ & ' * + , ; = : @ / ? #
  return "-._~%!$&'*+,;=:@/?#".indexOf(String.fromCharCode(code)) >= 0 && code < 0x80;
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

/**
 * Validates one ATTRNAME (`name` starts at absolute offset `absStart`). `role` names it in messages.
 * Returns nothing; reports into `diagnostics`.
 */
export function checkAttributeName(
  name: string,
  absStart: number,
  role: 'attribute name' | 'sub-attribute name',
  diagnostics: SyntaxDiagnostic[],
): void {
  if (name.length === 0) return;
  if (name.length === 4 && name.toLowerCase() === '$ref') {
    diagnostics.push(
      scimDiagnostic(
        'scim-ref-attribute',
        absStart,
        absStart + 4,
        t("'$ref' is not a valid RFC 7644 attribute name (names start with a letter), but RFC 7643 defines it; some servers reject it"),
      ),
    );
    return;
  }
  if (!isAlpha(name.charCodeAt(0))) {
    diagnostics.push(
      scimDiagnostic(
        'scim-invalid-attribute-name',
        absStart,
        absStart + name.length,
        t("Invalid {0} '{1}': attribute names must start with a letter (A-Z, a-z)", roleText(role), name),
      ),
    );
    return;
  }
  for (let i = 1; i < name.length; i++) {
    if (!isNameChar(name.charCodeAt(i))) {
      const ch = charAt(name, i);
      diagnostics.push(
        scimDiagnostic(
          'scim-invalid-attribute-name',
          absStart + i,
          absStart + i + ch.length,
          t("Invalid character '{0}' in {1} '{2}': only ASCII letters, digits, '-' and '_' are allowed", ch, roleText(role), name),
        ),
      );
      return;
    }
  }
}

function checkSchemaUri(uri: string, absStart: number, fullText: string, diagnostics: SyntaxDiagnostic[]): void {
  const end = absStart + uri.length;
  if (uri.indexOf(':') < 0) {
    diagnostics.push(
      scimDiagnostic(
        'scim-invalid-schema-uri',
        absStart,
        absStart + fullText.length,
        t(
          "'{0}' is not a valid attribute path: a schema URI prefix must itself contain ':' (e.g. urn:ietf:params:scim:schemas:core:2.0:User:userName)",
          fullText,
        ),
      ),
    );
    return;
  }
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  let i = 0;
  if (!isAlpha(uri.charCodeAt(0))) {
    diagnostics.push(
      scimDiagnostic(
        'scim-invalid-schema-uri',
        absStart,
        end,
        t("Invalid schema URI '{0}': a URI starts with a scheme such as 'urn:'", uri),
      ),
    );
    return;
  }
  for (i = 1; i < uri.length; i++) {
    const code = uri.charCodeAt(i);
    if (code === 0x3a) break;
    if (!(isAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e)) {
      diagnostics.push(
        scimDiagnostic(
          'scim-invalid-schema-uri',
          absStart,
          end,
          t("Invalid schema URI '{0}': a URI starts with a scheme such as 'urn:'", uri),
        ),
      );
      return;
    }
  }
  for (; i < uri.length; i++) {
    if (!isUriChar(uri.charCodeAt(i))) {
      const ch = charAt(uri, i);
      diagnostics.push(
        scimDiagnostic(
          'scim-invalid-schema-uri',
          absStart + i,
          absStart + i + ch.length,
          t("Invalid character '{0}' in schema URI '{1}'", ch, uri),
        ),
      );
      return;
    }
  }
}

/**
 * Validates `name[.sub[.more]]` starting at `absStart`: at most one sub-attribute.
 * Returns the part after the first `.` (undefined when there is no `.`).
 */
function checkDottedName(rest: string, absStart: number, diagnostics: SyntaxDiagnostic[]): { name: string; sub: string | undefined } {
  const firstDot = rest.indexOf('.');
  const name = firstDot < 0 ? rest : rest.substring(0, firstDot);
  const sub = firstDot < 0 ? undefined : rest.substring(firstDot + 1);
  checkAttributeName(name, absStart, 'attribute name', diagnostics);
  if (sub !== undefined) {
    const subStart = absStart + firstDot + 1;
    const secondDot = sub.indexOf('.');
    if (sub.length === 0 || secondDot === 0) {
      diagnostics.push(scimDiagnostic('scim-missing-attribute-name', subStart - 1, subStart, t("Expected a sub-attribute name after '.'")));
    } else if (secondDot > 0) {
      checkAttributeName(sub.substring(0, secondDot), subStart, 'sub-attribute name', diagnostics);
      const extraStart = subStart + secondDot;
      const parent = rest.substring(0, firstDot + 1 + secondDot);
      diagnostics.push(
        scimDiagnostic(
          'scim-too-many-subattributes',
          extraStart,
          absStart + rest.length,
          t(
            "An attribute path has at most one sub-attribute ('{0}'): '{1}' is not allowed",
            parent,
            rest.substring(firstDot + 1 + secondDot),
          ),
        ),
      );
    } else {
      checkAttributeName(sub, subStart, 'sub-attribute name', diagnostics);
    }
  }
  return { name, sub };
}

/** One lexer word (at absolute `start`) → attribute path node, reporting every problem found. */
export function buildAttributePath(text: string, start: number, diagnostics: SyntaxDiagnostic[]): ScimAttributePath {
  const end = start + text.length;
  const colon = text.lastIndexOf(':');
  if (colon < 0) {
    const { name, sub } = checkDottedName(text, start, diagnostics);
    return sub === undefined
      ? { kind: 'attributePath', name, text, start, end }
      : { kind: 'attributePath', name, subAttribute: sub, text, start, end };
  }
  const uri = text.substring(0, colon);
  const rest = text.substring(colon + 1);
  checkSchemaUri(uri, start, text, diagnostics);
  if (rest.length === 0 || rest.charCodeAt(0) === 0x2e) {
    diagnostics.push(
      scimDiagnostic(
        'scim-missing-attribute-name',
        start,
        end,
        rest.length === 0
          ? t("Expected an attribute name after the schema URI '{0}:'", uri)
          : t("Expected an attribute name after the schema URI '{0}:', found '.'", uri),
      ),
    );
    const sub = rest.length === 0 ? undefined : rest.substring(1);
    return sub === undefined
      ? { kind: 'attributePath', uri, name: '', text, start, end }
      : { kind: 'attributePath', uri, name: '', subAttribute: sub, text, start, end };
  }
  const { name, sub } = checkDottedName(rest, start + colon + 1, diagnostics);
  return sub === undefined
    ? { kind: 'attributePath', uri, name, text, start, end }
    : { kind: 'attributePath', uri, name, subAttribute: sub, text, start, end };
}

/** How a message names the role of an ATTRNAME, in the user's language. */
function roleText(role: 'attribute name' | 'sub-attribute name'): string {
  return role === 'attribute name' ? t('attribute name') : t('sub-attribute name');
}
