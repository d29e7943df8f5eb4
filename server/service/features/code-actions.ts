/**
 * Code actions. Quick fixes come from the diagnostics the client sends back (their code and
 * `data.suggestions`); refactorings from what is under the cursor:
 *   - replace the flagged text by a suggestion: wrong case of a function, attribute or target
 *     (preferred), did-you-mean for unknown names, closed-set argument values, …;
 *   - make `userName` (the filterable attribute) the matching attribute instead of a non-filterable one;
 *   - add the missing required `userName` mapping; add `match 1` to a block without matching attribute;
 *   - move a nested IgnoreFlowIfNullOrEmpty out to wrap the whole expression;
 *   - SCIM filters: the RFC 7644 form of the Entra value-path form, the SCIM operator for `==` & co.;
 *   - refactor: wrap a source in IgnoreFlowIfNullOrEmpty; `Not(x)` ↔ `Switch(x, , "False", "True", "True", "False")`.
 */
import type { IToken } from 'chevrotain';
import {
  type CodeAction,
  type CodeActionContext,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { TextRange } from '../../../grammar/common/text-range';
import { type Argument, type CallExpression, type Expression, parseExpression } from '../../../grammar/expression/index';
import { type AttributeMapping, attributeMappingsOf, type ObjectMappingBlock } from '../../../grammar/mapping/ast';
import type { ScimFilter, ScimValuePathExpression } from '../../../grammar/scim/ast';
import { entraValuePathToRfc, parseScimFilter, suggestOperator } from '../../../grammar/scim/index';
import { findAttribute, findObject } from '../../schema/lookup';
import type { DiagnosticData } from '../lsp-conversion';
import type { DocumentSnapshot } from '../snapshot';
import { table } from './descriptions';
import { LParen, RParen } from '../../../grammar/expression/tokens';
import { keywordOf, LeftArrow } from '../../../grammar/mapping/tokens';
import { is, statementAt, tokenEnd, typeOf } from '../../../grammar/mapping/statement-view';
import { t } from '../../../grammar/common/l10n';

/** Codes whose suggestions replace exactly the diagnostic's range. */
const REPLACING_CODES: Readonly<Record<string, { preferredWhenSingle: boolean; title: (s: string) => string }>> = table({
  'function-case': { preferredWhenSingle: true, title: (s) => t("Change to '{0}'", s) },
  'attribute-case': { preferredWhenSingle: true, title: (s) => t('Change to [{0}]', s) },
  'target-attribute-case': { preferredWhenSingle: true, title: (s) => t("Change to '{0}'", s) },
  'unknown-function': { preferredWhenSingle: true, title: (s) => t("Did you mean '{0}'?", s) },
  'unknown-attribute': { preferredWhenSingle: true, title: (s) => t('Did you mean [{0}]?', s) },
  'unknown-target-attribute': { preferredWhenSingle: true, title: (s) => t("Did you mean '{0}'?", s) },
  'unknown-filter-attribute': { preferredWhenSingle: true, title: (s) => t("Did you mean '{0}'?", s) },
  'unknown-target': { preferredWhenSingle: true, title: (s) => t("Did you mean '{0}'?", s) },
  'unknown-object': { preferredWhenSingle: false, title: (s) => t("Change to '{0}'", s) },
  'unknown-identifier': { preferredWhenSingle: false, title: (s) => t('Change to {0}', s) },
  'invalid-argument-value': { preferredWhenSingle: true, title: (s) => t('Change to {0}', s) },
  'invalid-flow-type': { preferredWhenSingle: true, title: (s) => t("Change to '{0}'", s) },
  'invalid-flow-behavior': { preferredWhenSingle: true, title: (s) => t("Change to '{0}'", s) },
  'invalid-object-flow-types': { preferredWhenSingle: true, title: (s) => t("Change to '{0}'", s) },
  'date-argument': { preferredWhenSingle: true, title: (s) => t('Change to {0}', s) },
  'missing-argument': { preferredWhenSingle: true, title: (s) => t('Write {0}', s) },
  'role-function-argument': { preferredWhenSingle: true, title: (s) => t('Change to {0}', s) },
  'target-type-mismatch': { preferredWhenSingle: false, title: (s) => t('Change to {0}', s) },
  'non-filterable-attribute': { preferredWhenSingle: false, title: (s) => t("Filter on '{0}' instead", s) },
  'unquoted-scope-value': { preferredWhenSingle: true, title: (s) => t('Quote the value: {0}', s) },
});

const IGNORE_FLOW = 'IgnoreFlowIfNullOrEmpty';
const NOT_AS_SWITCH = ', , "False", "True", "True", "False")';

export function codeActions(snapshot: DocumentSnapshot, range: Range, context: CodeActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const wanted = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  if (wanted(CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== undefined && diagnostic.source !== 'aadmap') continue;
      actions.push(...quickFixes(snapshot, diagnostic));
    }
  }
  if (wanted(CodeActionKind.RefactorRewrite) && snapshot.languageId === 'aadmap') actions.push(...refactorings(snapshot, range));
  return actions;
}

function edit(snapshot: DocumentSnapshot, edits: TextEdit[]) {
  return { changes: { [snapshot.uri]: edits } };
}

function replace(snapshot: DocumentSnapshot, range: TextRange, newText: string): TextEdit {
  return { range: { start: snapshot.lines.positionAt(range.start), end: snapshot.lines.positionAt(range.end) }, newText };
}

function quickFixes(snapshot: DocumentSnapshot, diagnostic: Diagnostic): CodeAction[] {
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : String(diagnostic.code ?? '');
  const suggestions = ((diagnostic.data as DiagnosticData | undefined)?.suggestions ?? []).filter((s) => typeof s === 'string');
  const fix = (title: string, edits: TextEdit[], isPreferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: edit(snapshot, edits),
    ...(isPreferred ? { isPreferred } : {}),
  });
  const replacing = REPLACING_CODES[code];
  if (replacing && code !== 'non-filterable-attribute') {
    return suggestions.map((s) =>
      fix(replacing.title(s), [{ range: diagnostic.range, newText: s }], replacing.preferredWhenSingle && suggestions.length === 1),
    );
  }
  switch (code) {
    case 'non-filterable-attribute':
      return snapshot.languageId === 'scimfilter'
        ? suggestions.map((s) => fix(REPLACING_CODES[code]!.title(s), [{ range: diagnostic.range, newText: s }]))
        : [];
    case 'non-filterable-matching-attribute':
      return guarded(() => matchOnFilterable(snapshot, diagnostic, suggestions[0]), fix);
    case 'missing-required-attribute':
      return guarded(() => addRequiredMappings(snapshot, diagnostic, suggestions), fix);
    case 'no-matching-attribute':
      return guarded(() => addMatching(snapshot, diagnostic), fix);
    case 'ignore-flow-placement':
      return guarded(() => moveIgnoreFlowOut(snapshot, diagnostic), fix);
    case 'scim-entra-value-path':
      return guarded(() => entraToRfc(snapshot, diagnostic), fix);
    case 'scim-unknown-operator': {
      const start = snapshot.lines.offsetAt(diagnostic.range.start);
      const end = snapshot.lines.offsetAt(diagnostic.range.end);
      const suggestion = suggestOperator(snapshot.text.slice(start, end));
      return suggestion ? [fix(t("Change to '{0}'", suggestion), [{ range: diagnostic.range, newText: suggestion }], true)] : [];
    }
    default:
      return [];
  }
}

type Fix = { title: string; edits: TextEdit[]; preferred?: boolean };

/** A fix computed from the document may find the document changed under it: then there is none. */
function guarded(
  compute: () => Fix | undefined,
  fix: (title: string, edits: TextEdit[], isPreferred?: boolean) => CodeAction,
): CodeAction[] {
  try {
    const result = compute();
    return result ? [fix(result.title, result.edits, result.preferred)] : [];
  } catch {
    return [];
  }
}

// ───────────────────────────────────────────── mapping-block fixes (read the syntax tree)

function blockAt(snapshot: DocumentSnapshot, offset: number): ObjectMappingBlock | undefined {
  if (snapshot.languageId !== 'aadmap') return undefined;
  return snapshot.parsed.ast.mappings.find((b) => b.start <= offset && offset <= b.end);
}

function lineIndent(snapshot: DocumentSnapshot, offset: number): string {
  const start = snapshot.lines.lineStart(snapshot.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(snapshot.text.slice(start))![0];
}

function mappingEnd(mapping: AttributeMapping): number {
  return Math.max(mapping.source.end, ...mapping.modifiers.map((m) => m.end));
}

function matchModifier(mapping: AttributeMapping) {
  return mapping.modifiers.find((m) => m.kind === 'match');
}

/** Where a new mapping line goes: before the first mapping, else before the closing brace. */
function insertionPoint(snapshot: DocumentSnapshot, block: ObjectMappingBlock): { offset: number; indent: string } | undefined {
  const first = attributeMappingsOf(block)[0];
  if (first) {
    const lineStart = snapshot.lines.lineStart(snapshot.lines.positionAt(first.start).line);
    return { offset: lineStart, indent: lineIndent(snapshot, first.start) };
  }
  if (block.closeBrace === undefined) return undefined;
  const braceLine = snapshot.lines.positionAt(block.closeBrace).line;
  const lineStart = snapshot.lines.lineStart(braceLine);
  if (snapshot.text.slice(lineStart, block.closeBrace).trim() !== '') return undefined;
  return { offset: lineStart, indent: `${lineIndent(snapshot, block.closeBrace)}  ` };
}

function defaultSource(snapshot: DocumentSnapshot, block: ObjectMappingBlock, target: string): string {
  if (target === 'userName') return '[userPrincipalName]';
  const source = findObject(snapshot.schemas.source, block.sourceObject?.text ?? 'User');
  const same = source && findAttribute(source, target);
  return same?.exactCase ? `[${same.attribute.name}]` : '""';
}

function nextPriority(block: ObjectMappingBlock): number {
  const used = new Set(attributeMappingsOf(block).map((m) => Number(matchModifier(m)?.value?.raw ?? NaN)));
  let free = 1;
  while (used.has(free)) free++;
  return free;
}

function eolOf(snapshot: DocumentSnapshot): string {
  return /\r\n|\r|\n/.exec(snapshot.text)?.[0] ?? '\n';
}

function addRequiredMappings(snapshot: DocumentSnapshot, diagnostic: Diagnostic, names: string[]): Fix | undefined {
  const block = blockAt(snapshot, snapshot.lines.offsetAt(diagnostic.range.start));
  if (!block || names.length === 0) return undefined;
  const at = insertionPoint(snapshot, block);
  if (!at) return undefined;
  const hasMatching = attributeMappingsOf(block).some((m) => matchModifier(m));
  const eol = eolOf(snapshot);
  const lines = names.map((name, i) => {
    const matching = !hasMatching && i === 0 && name === 'userName' ? `  match ${nextPriority(block)}` : '';
    return `${at.indent}${name} <- ${defaultSource(snapshot, block, name)}${matching}${eol}`;
  });
  const title =
    names.length === 1 ? t("Add the required '{0}' mapping", names[0]!) : t('Add the required mappings ({0})', names.join(', '));
  return { title, edits: [replace(snapshot, { start: at.offset, end: at.offset }, lines.join(''))], preferred: true };
}

function matchOnFilterable(snapshot: DocumentSnapshot, diagnostic: Diagnostic, filterable: string | undefined): Fix | undefined {
  if (!filterable) return undefined;
  const offset = snapshot.lines.offsetAt(diagnostic.range.start);
  const block = blockAt(snapshot, offset);
  if (!block) return undefined;
  const mappings = attributeMappingsOf(block);
  const wrong = mappings.find((m) => m.target.start === offset);
  const modifier = wrong && matchModifier(wrong);
  if (!wrong || !modifier?.value) return undefined;
  // Remove ` match N` with the spaces before it.
  let removeFrom = modifier.start;
  while (removeFrom > 0 && (snapshot.text[removeFrom - 1] === ' ' || snapshot.text[removeFrom - 1] === '\t')) removeFrom--;
  const edits = [replace(snapshot, { start: removeFrom, end: modifier.end }, '')];
  const right = mappings.find((m) => m.target.text.toLowerCase() === filterable.toLowerCase());
  const priority = modifier.value.raw;
  if (right) {
    if (!matchModifier(right)) edits.push(replace(snapshot, { start: mappingEnd(right), end: mappingEnd(right) }, `  match ${priority}`));
  } else {
    const at = insertionPoint(snapshot, block);
    if (!at) return undefined;
    edits.push(
      replace(
        snapshot,
        { start: at.offset, end: at.offset },
        `${at.indent}${filterable} <- ${defaultSource(snapshot, block, filterable)}  match ${priority}${eolOf(snapshot)}`,
      ),
    );
  }
  return { title: t("Match on '{0}' instead of '{1}'", filterable, wrong.target.text), edits, preferred: true };
}

function addMatching(snapshot: DocumentSnapshot, diagnostic: Diagnostic): Fix | undefined {
  const block = blockAt(snapshot, snapshot.lines.offsetAt(diagnostic.range.start));
  const target = snapshot.schemas.target;
  const object = target && block?.targetObject && findObject(target, block.targetObject.text);
  if (!block || !object) return undefined;
  const filterable = object.attributes.find((a) => a.filterable === true);
  const mapping = filterable && attributeMappingsOf(block).find((m) => m.target.text.toLowerCase() === filterable.name.toLowerCase());
  if (!mapping) return undefined;
  return {
    title: t("Match on '{0}'", mapping.target.text),
    edits: [replace(snapshot, { start: mappingEnd(mapping), end: mappingEnd(mapping) }, '  match 1')],
    preferred: true,
  };
}

// ───────────────────────────────────────────── expression fixes and refactorings (local)

interface SourceExpression {
  ast: Expression;
  start: number;
  end: number;
}

/** The source expression of the mapping line at `offset`, parsed on its own (absolute offsets). */
function sourceExpressionAt(snapshot: DocumentSnapshot, offset: number): SourceExpression | undefined {
  const statement = statementAt(snapshot, offset, { whole: true });
  const tokens = statement.tokens;
  const arrow = tokens.findIndex((t) => is(t, LeftArrow));
  if (arrow === -1 || statement.container.kind !== 'mapping') return undefined;
  let depth = 0;
  const source: IToken[] = [];
  for (const token of tokens.slice(arrow + 1)) {
    const type = typeOf(token);
    if (depth === 0 && keywordOf(type) !== undefined) break;
    if (type === LParen) depth++;
    else if (type === RParen) depth--;
    source.push(token);
  }
  if (
    source.length === 0 ||
    statement.comments.some((c) => c.startOffset > source[0]!.startOffset && c.startOffset < tokenEnd(source[source.length - 1]!))
  )
    return undefined;
  const start = source[0]!.startOffset;
  const end = tokenEnd(source[source.length - 1]!);
  const parsed = parseExpression(snapshot.text.slice(start, end));
  if (!parsed.ast || parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { ast: shifted(parsed.ast, start), start, end };
}

function shifted<T>(node: T, base: number): T {
  if (Array.isArray(node)) return node.map((n) => shifted(n, base)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    result[key] =
      typeof value === 'number' && ['start', 'end', 'openParen', 'closeParen'].includes(key) ? value + base : shifted(value, base);
  }
  return result as T;
}

/** Innermost call of the tree whose range holds `offset`. */
function callAround(node: Argument, offset: number, found?: CallExpression): CallExpression | undefined {
  if (node.start > offset || offset > node.end) return found;
  let result = found;
  if (node.kind === 'call') {
    result = node;
    for (const arg of node.args) result = callAround(arg, offset, result);
  } else if (node.kind === 'comparison') {
    result = callAround(node.right, offset, callAround(node.left, offset, result));
  }
  return result;
}

function textOf(snapshot: DocumentSnapshot, range: TextRange): string {
  return snapshot.text.slice(range.start, range.end);
}

function moveIgnoreFlowOut(snapshot: DocumentSnapshot, diagnostic: Diagnostic): Fix | undefined {
  const offset = snapshot.lines.offsetAt(diagnostic.range.start);
  const source = sourceExpressionAt(snapshot, offset);
  const wrapper = source && callAround(source.ast, offset);
  const inner = wrapper?.name === IGNORE_FLOW && wrapper.args.length === 1 ? wrapper.args[0]! : undefined;
  if (!source || !wrapper || !inner || inner.kind === 'empty' || wrapper === source.ast) return undefined;
  const before = snapshot.text.slice(source.start, wrapper.start);
  const after = snapshot.text.slice(wrapper.end, source.end);
  const rewritten = `${IGNORE_FLOW}(${before}${textOf(snapshot, inner)}${after})`;
  return {
    title: t('Wrap the whole expression in {0} instead', IGNORE_FLOW),
    edits: [replace(snapshot, source, rewritten)],
    preferred: true,
  };
}

function refactorings(snapshot: DocumentSnapshot, range: Range): CodeAction[] {
  const offset = snapshot.lines.offsetAt(range.start);
  let source: SourceExpression | undefined;
  try {
    source = sourceExpressionAt(snapshot, offset);
  } catch {
    return [];
  }
  if (!source) return [];
  const actions: CodeAction[] = [];
  const rewrite = (title: string, target: TextRange, text: string) =>
    actions.push({ title, kind: CodeActionKind.RefactorRewrite, edit: edit(snapshot, [replace(snapshot, target, text)]) });

  const root = source.ast;
  if (!(root.kind === 'call' && root.name === IGNORE_FLOW)) {
    rewrite(t('Wrap in {0}(…)', IGNORE_FLOW), source, `${IGNORE_FLOW}(${textOf(snapshot, source)})`);
  }
  const call = callAround(root, offset);
  if (call?.name === 'Not' && call.args.length === 1 && call.args[0]!.kind !== 'empty' && call.closeParen !== undefined) {
    rewrite(t('Convert Not(…) to the Switch form'), call, `Switch(${textOf(snapshot, call.args[0]!)}${NOT_AS_SWITCH}`);
  }
  if (call && isNotSwitch(call)) rewrite(t('Convert to Not(…)'), call, `Not(${textOf(snapshot, call.args[0]!)})`);
  return actions;
}

/** `Switch(x, , "False", "True", "True", "False")`: the Switch form of Not(x). */
function isNotSwitch(call: CallExpression): boolean {
  if (call.name !== 'Switch' || call.args.length !== 6 || call.closeParen === undefined) return false;
  const [source, fallback, ...pairs] = call.args;
  if (!source || source.kind === 'empty' || fallback?.kind !== 'empty') return false;
  const values = pairs.map((p) => (p.kind === 'string' ? p.value : undefined));
  return values.join(',') === 'False,True,True,False';
}

// ───────────────────────────────────────────── SCIM

function entraToRfc(snapshot: DocumentSnapshot, diagnostic: Diagnostic): Fix | undefined {
  const start = snapshot.lines.offsetAt(diagnostic.range.start);
  const end = snapshot.lines.offsetAt(diagnostic.range.end);
  const line = snapshot.lines.positionAt(start).line;
  const lineStart = snapshot.lines.lineStart(line);
  const lineEnd = line + 1 < snapshot.lines.lineCount ? snapshot.lines.lineStart(line + 1) : snapshot.text.length;
  const text = snapshot.text.slice(lineStart, lineEnd).replace(/[\r\n]+$/, '');
  const ast = parseScimFilter(text, { baseOffset: lineStart }).ast;
  const node = ast && findValuePath(ast, start, end);
  if (!node) return undefined;
  const rfc = entraValuePathToRfc(node);
  return { title: t('Change to the RFC 7644 form: {0}', rfc), edits: [replace(snapshot, { start, end }, rfc)], preferred: true };
}

function findValuePath(node: ScimFilter, start: number, end: number): ScimValuePathExpression | undefined {
  switch (node.kind) {
    case 'valuePath':
      return node.start === start && node.end === end ? node : undefined;
    case 'logical':
      for (const operand of node.operands) {
        const found = findValuePath(operand, start, end);
        if (found) return found;
      }
      return undefined;
    case 'not':
      return findValuePath(node.operand, start, end);
    default:
      return undefined;
  }
}
