/**
 * Public API of the SCIM 2.0 filter and attribute-path grammar (RFC 7644 §3.4.2.2 and §3.5.2).
 *
 *   parseScimFilter('userName eq "bjensen"')                       → filter AST + diagnostics
 *   parseAttributePath('emails[type eq "work"].value')             → path AST (targetAttributeName)
 *   parsePatchPath('members[value eq "2819c223"].displayName')     → path AST (PATCH "path")
 *   printScimFilter / printScimPath                                → canonical text
 *   collectFilterAttributes                                        → attribute paths used
 *
 * The functions never throw and always terminate: unexpected failures become a
 * `scim-internal-error` diagnostic, and nesting deeper than `MAX_SCIM_NESTING` is reported
 * (`scim-nesting-too-deep`) instead of being parsed (it would overflow the stack).
 *
 * Whitespace policy. RFC 7644's ABNF requires exactly one SP between tokens. Here any run of
 * whitespace (spaces, tabs, line breaks — JS `\s`) separates tokens and leading/trailing whitespace
 * is ignored, without a diagnostic: servers commonly accept it, and a filter never spans lines in
 * practice. Whitespace is only reported (warning `scim-whitespace`) where it changes the
 * structure the RFC describes or is clearly accidental:
 *   - a missing space around `and`/`or` or between an operator and its value (`eq"x"`, `)and(`);
 *   - a space inside an attribute path: before `[` (`emails [`) or between `]` and `.sub`;
 *   - unusual whitespace characters (no-break space, em space, …), typically pasted from documents.
 * Spaces just inside `( )` and `[ ]` are accepted silently (several servers accept them).
 */
import { t } from '../common/l10n';
import { inputText } from '../common/input-text';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { ScimFilter, ScimPath } from './ast';
import { scimDiagnostic } from './diagnostics';
import { fastParseFilter, fastParsePath } from './fast-path';
import { loadReferenceParser } from './reference.lazy';
import { describeMode, MAX_DIAGNOSTICS, type Mode } from './limits';

export type * from './ast';
export { SCIM_DIAGNOSTIC_CODES, SCIM_DIAGNOSTIC_SEVERITIES, type ScimDiagnosticCode } from './diagnostics';
export { entraValuePathToRfc, printScimFilter, printScimPath, printScimValue } from './printer';
export { collectFilterAttributes } from './collect';
export { suggestOperator } from './operators';
export { MAX_SCIM_NESTING } from './limits';

export interface ScimParseOptions {
  /** Offset of the text in the enclosing document; added to every range. Default 0. */
  baseOffset?: number;
}

export interface ScimParseResult<T> {
  /**
   * Undefined for empty input, too-deep nesting or an internal error, and for a path that does
   * not even start with a name. A broken filter yields a tree with `error` nodes instead.
   */
  ast: T | undefined;
  /** Sorted by start offset. */
  diagnostics: SyntaxDiagnostic[];
}

export function parseScimFilter(text: string, options?: ScimParseOptions): ScimParseResult<ScimFilter> {
  return run(text, options, 'filter', true) as ScimParseResult<ScimFilter>;
}

/**
 * The reference parser alone (chevrotain + visitor), without the fast path of fast-path.ts. Not part
 * of the library entry: the tests compare both paths with it, and the benchmarks can time it.
 */
export function parseScimFilterReference(text: string, options?: ScimParseOptions): ScimParseResult<ScimFilter> {
  return run(text, options, 'filter', false) as ScimParseResult<ScimFilter>;
}

/** parseAttributePath without the fast path (for the tests). */
export function parseAttributePathReference(text: string, options?: ScimParseOptions): ScimParseResult<ScimPath> {
  return run(text, options, 'attributePath', false) as ScimParseResult<ScimPath>;
}

/** parsePatchPath without the fast path (for the tests). */
export function parsePatchPathReference(text: string, options?: ScimParseOptions): ScimParseResult<ScimPath> {
  return run(text, options, 'patchPath', false) as ScimParseResult<ScimPath>;
}

/**
 * A mapping's `targetAttributeName`: `attrPath [ "[" valFilter "]" [ "." ATTRNAME ] ]`
 * (`userName`, `name.givenName`, `emails[type eq "work"].value`, `urn:…:User:department`).
 */
export function parseAttributePath(text: string, options?: ScimParseOptions): ScimParseResult<ScimPath> {
  return run(text, options, 'attributePath', true) as ScimParseResult<ScimPath>;
}

/** RFC 7644 §3.5.2 PATCH `PATH = attrPath / valuePath [subAttr]` (same syntax as parseAttributePath). */
export function parsePatchPath(text: string, options?: ScimParseOptions): ScimParseResult<ScimPath> {
  return run(text, options, 'patchPath', true) as ScimParseResult<ScimPath>;
}

function run(input: string, options: ScimParseOptions | undefined, mode: Mode, fast: boolean): ScimParseResult<ScimFilter | ScimPath> {
  const text = inputText(input);
  const rawBase = options?.baseOffset;
  const base = typeof rawBase === 'number' && Number.isFinite(rawBase) ? rawBase : 0;
  if (fast) {
    // Well-formed input (nearly all of it) needs no chevrotain: same tree, no diagnostics.
    const tree = mode === 'filter' ? fastParseFilter(text, base) : fastParsePath(text, base);
    if (tree !== undefined) return { ast: tree, diagnostics: [] };
  }
  const diagnostics: SyntaxDiagnostic[] = [];
  let ast: ScimFilter | ScimPath | undefined;
  try {
    // Input the fast path declines (broken, or unusual) is read by chevrotain, loaded on first use.
    ast = loadReferenceParser().analyse(text, base, mode, diagnostics);
  } catch (error) {
    ast = undefined;
    diagnostics.length = 0;
    const detail = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      scimDiagnostic(
        'scim-internal-error',
        base,
        base + text.length,
        t('Internal error while parsing the SCIM {0}: {1}', describeMode(mode), detail),
      ),
    );
  }
  return { ast, diagnostics: finish(diagnostics, base, text.length) };
}

/** Sorts, clamps into [base, base + length] and caps the diagnostics. */
function finish(diagnostics: SyntaxDiagnostic[], base: number, length: number): SyntaxDiagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const max = base + length;
  for (const d of diagnostics) {
    if (!(d.start >= base)) d.start = base;
    if (!(d.start <= max)) d.start = max;
    if (!(d.end >= d.start)) d.end = d.start;
    if (!(d.end <= max)) d.end = max;
  }
  if (diagnostics.length > 1) diagnostics.sort((a, b) => a.start - b.start); // stable: emission order within an offset
  if (diagnostics.length > MAX_DIAGNOSTICS) diagnostics.length = MAX_DIAGNOSTICS;
  return diagnostics;
}
