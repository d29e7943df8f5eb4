/**
 * Checks shared by the property tests: well-formed diagnostics (offset-based and LSP), AST ranges
 * inside the text and inside their parents, and a time limit per input. Every check throws an
 * Error naming what is wrong, so fast-check reports it with the (shrunk) counter-example.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Argument } from '../../grammar/expression/ast';
import type { MappingFile } from '../../grammar/mapping/ast';
import type { ScimFilter, ScimPath } from '../../grammar/scim/ast';

/**
 * A hang guard, not a speed check (speed is measured by `npm run bench`): a single input taking
 * this much CPU means catastrophic backtracking or exponential recovery. Generous, so a loaded CI
 * machine cannot trip it.
 */
export const TIME_LIMIT_MS = 15_000;

/**
 * `numRuns` scaled by AADMAP_PROPERTY_RUNS (a factor, default 1), e.g. `AADMAP_PROPERTY_RUNS=20
 * npx vitest run test/property` for a long exploratory run.
 */
export function runs(numRuns: number): number {
  const factor = Number(process.env['AADMAP_PROPERTY_RUNS'] ?? '1');
  return Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

const CODE = /^[a-z][a-z0-9-]*$/;
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** Diagnostics that only exist because something threw inside the product (a caught bug). */
export const INTERNAL_ERROR_CODES = new Set(['internal-error', 'scim-internal-error']);

export class InvariantError extends Error {}

function fail(message: string, detail?: unknown): never {
  throw new InvariantError(detail === undefined ? message : `${message}: ${safeJson(detail)}`);
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, (key, v) => (key === 'ast' ? '[ast]' : v));
    return text.length > 600 ? `${text.slice(0, 600)}…` : text;
  } catch {
    return String(value);
  }
}

/**
 * Runs `fn`, failing when it throws or takes longer than TIME_LIMIT_MS of CPU time. CPU time of this
 * process (not wall time), so that other processes competing for the machine do not make the
 * limit flaky; a hang or an exponential blow-up burns CPU all the same.
 */
export function timed<T>(label: string, fn: () => T, limit = TIME_LIMIT_MS): T {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let result: T;
  try {
    result = fn();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new InvariantError(`${label} threw ${detail}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (cpuMs > limit)
    fail(
      `${label} took ${Math.round(cpuMs)} ms of CPU time, ${Math.round(performance.now() - wallBefore)} ms wall time (limit ${limit} ms)`,
    );
  return result;
}

export interface OffsetDiagnostic {
  start: number;
  end: number;
  severity: string;
  code: string;
  message: string;
}

/**
 * `0 <= start <= end <= length` (integers), a message, a code in kebab case, a known severity, no
 * internal error (unless allowed); sorted by start offset (every producer sorts them).
 */
export function checkDiagnostics(
  diagnostics: readonly OffsetDiagnostic[],
  length: number,
  options: { base?: number; internalErrors?: boolean; sorted?: boolean } = {},
): void {
  if (!Array.isArray(diagnostics)) fail('diagnostics is not an array', diagnostics);
  const base = options.base ?? 0;
  if (options.sorted !== false) checkSorted(diagnostics);
  for (const d of diagnostics) {
    if (!Number.isInteger(d.start) || !Number.isInteger(d.end)) fail('diagnostic offsets are not integers', d);
    if (!(base <= d.start && d.start <= d.end && d.end <= base + length))
      fail(`diagnostic range outside [${base}, ${base + length}] or reversed`, d);
    if (typeof d.message !== 'string' || d.message.trim() === '') fail('diagnostic without a message', d);
    if (typeof d.code !== 'string' || !CODE.test(d.code)) fail('diagnostic code is not kebab case', d);
    if (!SEVERITIES.has(d.severity)) fail('diagnostic severity is not error|warning|info', d);
    if (!options.internalErrors && INTERNAL_ERROR_CODES.has(d.code)) fail('internal error (a caught exception) reported', d);
  }
}

/** Diagnostics come sorted by start offset. */
export function checkSorted(diagnostics: readonly OffsetDiagnostic[]): void {
  for (let i = 1; i < diagnostics.length; i++) {
    if (diagnostics[i]!.start < diagnostics[i - 1]!.start)
      fail('diagnostics are not sorted by start offset', [diagnostics[i - 1], diagnostics[i]]);
  }
}

/** Line lengths without terminators, with the same line breaks as LineIndex (\r\n, \r, \n). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** LSP diagnostics: lines exist, characters within their line, start <= end, message, code, severity 1–3. */
export function checkLspDiagnostics(diagnostics: readonly Diagnostic[], text: string, options: { internalErrors?: boolean } = {}): void {
  if (!Array.isArray(diagnostics)) fail('validate() did not return an array', diagnostics);
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    for (const position of [d.range.start, d.range.end]) {
      if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) fail('LSP position is not integral', d);
      if (position.line < 0 || position.line >= lengths.length) fail(`LSP line outside [0, ${lengths.length})`, d);
      if (position.character < 0 || position.character > lengths[position.line]!)
        fail(`LSP character outside its line (length ${lengths[position.line]})`, d);
    }
    const { start, end } = d.range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) fail('LSP range reversed', d);
    if (typeof d.message !== 'string' || d.message.trim() === '') fail('LSP diagnostic without a message', d);
    if (typeof d.code !== 'string' || !CODE.test(d.code)) fail('LSP diagnostic code is not kebab case', d);
    if (d.severity !== 1 && d.severity !== 2 && d.severity !== 3) fail('LSP severity is not Error|Warning|Information', d);
    if (!options.internalErrors && INTERNAL_ERROR_CODES.has(d.code)) fail('internal error (a caught exception) reported', d);
  }
}

interface Ranged {
  start: number;
  end: number;
}

function isRanged(value: unknown): value is Ranged & Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as Ranged).start === 'number' && typeof (value as Ranged).end === 'number'
  );
}

/**
 * Every object reachable from `root` that has numeric `start`/`end` lies within
 * `[base, base + length]` with `start <= end` (integers). Iterative: ASTs may be thousands deep.
 */
export function checkAstBounds(root: unknown, length: number, base = 0): void {
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value: root, path: 'ast' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (isRanged(value)) {
      const { start, end } = value;
      if (!Number.isInteger(start) || !Number.isInteger(end) || !(base <= start && start <= end && end <= base + length)) {
        fail(`AST node ${path} has range [${start}, ${end}) outside [${base}, ${base + length}] or reversed`, shallow(value));
      }
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, path: `${path}.${key}` });
    }
  }
}

function shallow(node: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    result[key] =
      typeof value === 'object' && value !== null
        ? isRanged(value)
          ? `{${(value as Ranged).start},${(value as Ranged).end}}`
          : '…'
        : value;
  }
  return result;
}

function within(child: Ranged | undefined, parent: Ranged, what: string): void {
  if (child === undefined) return;
  if (child.start < parent.start || child.end > parent.end) {
    fail(`${what} [${child.start}, ${child.end}) is not within its parent [${parent.start}, ${parent.end})`, {
      child: shallow(child as never),
      parent: shallow(parent as never),
    });
  }
}

function offsetWithin(offset: number | undefined, parent: Ranged, what: string): void {
  if (offset === undefined) return;
  if (!Number.isInteger(offset) || offset < parent.start || offset >= parent.end)
    fail(`${what} ${offset} is not within [${parent.start}, ${parent.end})`, shallow(parent as never));
}

/** Expressions: arguments within calls, operands within comparisons, names within their nodes. */
export function checkExpressionNesting(root: Argument | undefined): void {
  if (root === undefined) return;
  const stack: Argument[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'call') {
      within(node.nameRange, node, `call '${node.name}' name`);
      offsetWithin(node.openParen, node, `call '${node.name}' '('`);
      offsetWithin(node.closeParen, node, `call '${node.name}' ')'`);
      let previousEnd = node.openParen + 1;
      for (const arg of node.args) {
        within(arg, node, `argument (${arg.kind}) of call '${node.name}'`);
        if (arg.start < previousEnd)
          fail(
            `arguments of call '${node.name}' overlap or are out of order`,
            node.args.map((a) => [a.kind, a.start, a.end]),
          );
        previousEnd = arg.end;
        stack.push(arg);
      }
    } else if (node.kind === 'comparison') {
      within(node.left, node, 'comparison left operand');
      within(node.right, node, 'comparison right operand');
      within(node.operatorRange, node, 'comparison operator');
      stack.push(node.left, node.right);
    } else if (node.kind === 'attribute') {
      within(node.nameRange, node, 'attribute name');
    }
  }
}

/** `.aadmap` files: blocks within the file, items within blocks, clauses within scopes, parts within mapping lines. */
export function checkMappingNesting(file: MappingFile, length: number): void {
  if (file.kind !== 'file' || file.start !== 0 || file.end !== length) fail('file node does not span the text', shallow(file as never));
  for (const target of file.targets) within(target.value, target, 'target value');
  for (const block of file.mappings) {
    within(block, file, 'mapping block');
    within(block.keyword, block, 'mapping keyword');
    for (const item of block.items) {
      within(item, block, `block item (${item.kind})`);
      if (item.kind === 'attributeMapping') {
        within(item.target, item, 'mapping target');
        within(item.target.path, item.target, 'mapping target path');
        within(item.source, item, `mapping source (${item.source.kind})`);
        offsetWithin(item.arrow, item, "mapping '<-'");
        for (const modifier of item.modifiers) {
          within(modifier, item, `modifier (${modifier.kind})`);
          if ('value' in modifier) within(modifier.value, modifier, `value of modifier ${modifier.kind}`);
        }
        if (item.source.kind !== 'none') checkExpressionNesting(item.source);
        if (item.target.path) checkScimNesting(item.target.path);
      } else if (item.kind === 'scope') {
        for (const clause of item.clauses) {
          within(clause, item, 'scoping clause');
          within(clause.attribute, clause, 'clause attribute');
          within(clause.operator, clause, 'clause operator');
          for (const value of clause.values) within(value, clause, 'clause value');
        }
      } else if (item.kind === 'flowTypes') {
        for (const value of item.values) within(value, item, 'flowTypes value');
      }
    }
  }
}

/**
 * The header of a mapping block (name, source and target object) lies within the block, and a
 * scope's name within the scope.
 */
export function checkMappingHeaderNesting(file: MappingFile): void {
  for (const block of file.mappings) {
    within(block.name, block, 'mapping block name');
    within(block.sourceObject, block, 'mapping block source object');
    within(block.targetObject, block, 'mapping block target object');
    offsetWithin(block.closeBrace, block, "mapping block '}'");
    for (const item of block.items) {
      if (item.kind !== 'scope') continue;
      within(item.name, item, 'scope name');
      offsetWithin(item.closeBrace, item, "scope '}'");
    }
  }
}

/** SCIM trees: operands within logical/not nodes, paths and values within expressions, filters within value paths. */
export function checkScimNesting(root: ScimFilter | ScimPath | undefined): void {
  if (root === undefined) return;
  const stack: (ScimFilter | ScimPath)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case 'path':
        within(node.attribute, node, 'path attribute');
        within(node.filter, node, 'path value filter');
        within(node.subAttribute, node, 'path sub-attribute');
        if (node.filter) stack.push(node.filter);
        break;
      case 'logical':
        for (const operand of node.operands) {
          within(operand, node, `'${node.operator}' operand`);
          stack.push(operand);
        }
        break;
      case 'not':
        within(node.operand, node, "'not' operand");
        stack.push(node.operand);
        break;
      case 'attributeExpression':
        within(node.path, node, 'compared attribute path');
        within(node.operatorToken, node, 'comparison operator');
        within(node.value, node, 'compared value');
        break;
      case 'valuePath':
        within(node.path, node, 'value path attribute');
        within(node.filter, node, 'value path filter');
        within(node.subAttribute, node, 'value path sub-attribute');
        within(node.operatorToken, node, 'value path operator');
        within(node.value, node, 'value path value');
        stack.push(node.filter);
        break;
      case 'error':
        break;
    }
  }
}

/**
 * The AST without positions: what must survive printing and re-parsing. With `scim`, also without
 * what the SCIM printer normalises: the `raw` text of string values (re-encoded; the decoded
 * `value` stays) and the as-written `text` of a whole path (its attribute path's text stays).
 */
export function shapeOf(node: unknown, scim = false): unknown {
  if (Array.isArray(node)) return node.map((n) => shapeOf(n, scim));
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  const kind = (node as { kind?: unknown }).kind;
  for (const [key, value] of Object.entries(node)) {
    if (['start', 'end', 'nameRange', 'openParen', 'closeParen', 'operatorRange', 'operatorToken'].includes(key)) continue;
    if (scim && ((kind === 'string' && key === 'raw') || (kind === 'path' && key === 'text'))) continue;
    result[key] = shapeOf(value, scim);
  }
  return result;
}

/** Whether the tree holds a placeholder node (`missing` expression, SCIM `error`), which must come with an error. */
export function hasPlaceholder(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const kind = (value as { kind?: unknown }).kind;
    if (kind === 'missing' || kind === 'error') return true;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return false;
}

/** A placeholder node in the tree (or no tree at all, when `astRequired`) must come with an error diagnostic. */
export function checkPlaceholdersReported(ast: unknown, diagnostics: readonly OffsetDiagnostic[], what: string): void {
  if (hasPlaceholder(ast) && !diagnostics.some((d) => d.severity === 'error'))
    fail(`${what}: the tree has a missing/error node but no error diagnostic`, diagnostics);
}

/**
 * AST nodes that carry their source text agree with the text at their range: literals' `raw`,
 * names, attribute paths, comments, operators, parentheses. `base` is the offset of `text` in the
 * document the ranges refer to (SCIM `baseOffset`).
 */
export function checkSourceSlices(root: unknown, text: string, base = 0): void {
  const slice = (range: Ranged) => text.slice(range.start - base, range.end - base);
  const expect = (actual: string, expected: string, what: string, node: unknown) => {
    if (actual !== expected)
      fail(
        `${what}: the text at its range is ${JSON.stringify(actual)}, the node says ${JSON.stringify(expected)}`,
        shallow(node as never),
      );
  };
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const node = value as Record<string, unknown> & Ranged;
    switch (node['kind']) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
        if (typeof node['raw'] === 'string') expect(slice(node), node['raw'], `${String(node['kind'])} literal`, node);
        break;
      case 'identifier':
        expect(slice(node), node['name'] as string, 'identifier', node);
        break;
      case 'call':
        expect(slice(node['nameRange'] as Ranged), node['name'] as string, 'call name', node);
        expect(text[(node['openParen'] as number) - base] ?? '', '(', "call '('", node);
        if (node['closeParen'] !== undefined) expect(text[(node['closeParen'] as number) - base] ?? '', ')', "call ')'", node);
        break;
      case 'attribute':
        expect(slice(node['nameRange'] as Ranged), node['name'] as string, 'attribute name', node);
        expect(slice(node).slice(0, 1), '[', "attribute '['", node);
        break;
      case 'comparison':
        expect(slice(node['operatorRange'] as Ranged), node['operator'] as string, 'comparison operator', node);
        break;
      case 'comment':
      case 'targetAttribute':
      case 'attributePath':
      case 'path':
        expect(slice(node), node['text'] as string, String(node['kind']), node);
        break;
      case 'name':
        if (node['quoted'] === false) expect(slice(node), node['text'] as string, 'unquoted name', node);
        else expect(slice(node).slice(0, 1), '"', 'quoted name', node);
        break;
      case 'attributeExpression':
      case 'valuePath': {
        const operator = node['operatorToken'] as (Ranged & { text: string }) | undefined;
        if (operator) expect(slice(operator), operator.text, 'SCIM operator', node);
        const sub = node['subAttribute'] as (Ranged & { name: string }) | undefined;
        if (sub) expect(slice(sub), sub.name, 'SCIM sub-attribute', node);
        break;
      }
    }
    if (node['kind'] === 'path') {
      const sub = node['subAttribute'] as (Ranged & { name: string }) | undefined;
      if (sub) expect(slice(sub), sub.name, 'path sub-attribute', node);
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

/** Every reported code is a registered one (it has a severity and a documentation anchor). */
export function checkRegisteredCodes(diagnostics: readonly OffsetDiagnostic[], registered: ReadonlySet<string>): void {
  for (const d of diagnostics) if (!registered.has(d.code)) fail(`diagnostic code '${d.code}' is not registered`, d);
}
