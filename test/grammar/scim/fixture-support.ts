/**
 * Helpers shared by the SCIM grammar tests: fixture readers and a compact S-expression dump.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SyntaxDiagnostic } from '../../../grammar/common/syntax-diagnostic';
import {
  parseAttributePath,
  parsePatchPath,
  parseScimFilter,
  printScimValue,
  type ScimAttributePath,
  type ScimFilter,
  type ScimPath,
} from '../../../grammar/scim/index';

export type Mode = 'filter' | 'path' | 'patch';

export function readFixture(name: string): string[] {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8').split(/\r?\n/);
}

export interface ArrowCase {
  line: number;
  mode: Mode;
  input: string;
  expected: string;
}

/** `INPUT  =>  EXPECTED` lines (two spaces around `=>`); `#` comments, blank lines and `@mode` skipped. */
export function readArrowFixture(name: string): ArrowCase[] {
  const cases: ArrowCase[] = [];
  let mode: Mode = 'filter';
  readFixture(name).forEach((text, index) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    if (text.startsWith('@mode ')) {
      mode = text.slice(6).trim() as Mode;
      return;
    }
    const separator = text.indexOf('  =>  ');
    if (separator < 0) throw new Error(`${name}:${index + 1}: missing '  =>  ' in ${JSON.stringify(text)}`);
    cases.push({ line: index + 1, mode, input: text.slice(0, separator), expected: text.slice(separator + 6).trim() });
  });
  return cases;
}

export interface ExpectedDiagnostic {
  start: number;
  end: number;
  severity: string;
  code: string;
  messageIncludes?: string;
}

export interface DiagnosticCase {
  line: number;
  mode: Mode;
  input: string;
  expected: ExpectedDiagnostic[];
  canonical?: string;
}

const CARET_LINE = /^(\s*)(\^+|@)\s+(error|warning|info)\s+(\S+)(?:\s+"(.*)")?\s*$/;

/** The caret format of diagnostics.txt (see its header). */
export function readDiagnosticFixture(name: string): DiagnosticCase[] {
  const cases: DiagnosticCase[] = [];
  let mode: Mode = 'filter';
  let current: DiagnosticCase | undefined;
  readFixture(name).forEach((text, index) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    if (text.startsWith('@mode ')) {
      mode = text.slice(6).trim() as Mode;
      current = undefined;
      return;
    }
    const caret = CARET_LINE.exec(text);
    if (caret) {
      if (!current) throw new Error(`${name}:${index + 1}: expectation without an input`);
      const start = caret[1]!.length;
      const width = caret[2] === '@' ? 0 : caret[2]!.length;
      const expectation: ExpectedDiagnostic = { start, end: start + width, severity: caret[3]!, code: caret[4]! };
      if (caret[5] !== undefined) expectation.messageIncludes = caret[5];
      current.expected.push(expectation);
      return;
    }
    if (text.startsWith('=> ')) {
      if (!current) throw new Error(`${name}:${index + 1}: canonical form without an input`);
      current.canonical = text.slice(3);
      return;
    }
    current = { line: index + 1, mode, input: text, expected: [] };
    cases.push(current);
  });
  return cases;
}

export function parseIn(
  mode: Mode,
  text: string,
  baseOffset?: number,
): { ast: ScimFilter | ScimPath | undefined; diagnostics: SyntaxDiagnostic[] } {
  const options = baseOffset === undefined ? undefined : { baseOffset };
  if (mode === 'filter') return parseScimFilter(text, options);
  if (mode === 'path') return parseAttributePath(text, options);
  return parsePatchPath(text, options);
}

/** Renders diagnostics in the fixture's caret notation (for readable assertion failures). */
export function renderDiagnostics(diagnostics: readonly { start: number; end: number; severity: string; code: string }[]): string[] {
  return diagnostics.map((d) => `${' '.repeat(d.start)}${d.end > d.start ? '^'.repeat(d.end - d.start) : '@'} ${d.severity} ${d.code}`);
}

// ---------------------------------------------------------------------------------------------
// S-expression dump
// ---------------------------------------------------------------------------------------------

export function sexpr(node: ScimFilter): string {
  switch (node.kind) {
    case 'attributeExpression':
      return node.value === undefined
        ? `(${node.operator} ${node.path.text})`
        : `(${node.operator} ${node.path.text} ${printScimValue(node.value)})`;
    case 'logical':
      return `(${node.operator} ${node.operands.map(sexpr).join(' ')})`;
    case 'not':
      return `(not ${sexpr(node.operand)})`;
    case 'valuePath': {
      let result = `(valuePath ${node.path.text} ${sexpr(node.filter)}`;
      if (node.subAttribute) result += ` .${node.subAttribute.name}`;
      if (node.operator) result += ` ${node.operator}`;
      if (node.value) result += ` ${printScimValue(node.value)}`;
      return `${result})`;
    }
    case 'error':
      return '<error>';
  }
}

function attributeParts(path: ScimAttributePath): string {
  return `${path.uri ?? ''}|${path.name}|${path.subAttribute ?? ''}`;
}

export function pathSexpr(path: ScimPath): string {
  let result = `(path ${attributeParts(path.attribute)}`;
  if (path.filter) result += ` ${sexpr(path.filter)}`;
  if (path.subAttribute) result += ` .${path.subAttribute.name}`;
  return `${result})`;
}

/** Every range in a tree (nodes, paths, operators, values, sub-attributes). */
export function collectRanges(node: ScimFilter | ScimPath, out: Array<{ start: number; end: number; what: string }> = []): typeof out {
  const add = (range: { start: number; end: number } | undefined, what: string): void => {
    if (range) out.push({ start: range.start, end: range.end, what });
  };
  if (node.kind === 'path') {
    add(node, 'path');
    add(node.attribute, 'attributePath');
    add(node.subAttribute, 'subAttribute');
    if (node.filter) collectRanges(node.filter, out);
    return out;
  }
  add(node, node.kind);
  switch (node.kind) {
    case 'attributeExpression':
      add(node.path, 'attributePath');
      add(node.operatorToken, 'operatorToken');
      add(node.value, 'value');
      break;
    case 'valuePath':
      add(node.path, 'attributePath');
      add(node.subAttribute, 'subAttribute');
      add(node.operatorToken, 'operatorToken');
      add(node.value, 'value');
      collectRanges(node.filter, out);
      break;
    case 'logical':
      for (const operand of node.operands) collectRanges(operand, out);
      break;
    case 'not':
      collectRanges(node.operand, out);
      break;
    case 'error':
      break;
  }
  return out;
}

/** Whether the tree contains an error node. */
export function hasErrorNode(node: ScimFilter | ScimPath): boolean {
  if (node.kind === 'path') return node.filter !== undefined && hasErrorNode(node.filter);
  switch (node.kind) {
    case 'error':
      return true;
    case 'logical':
      return node.operands.some(hasErrorNode);
    case 'not':
      return hasErrorNode(node.operand);
    case 'valuePath':
      return hasErrorNode(node.filter);
    default:
      return false;
  }
}
