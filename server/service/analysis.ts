/**
 * Text → checked model → diagnostics, for each kind of input. The LSP handlers, the CLI and the
 * tests all come through here; later features (completion, hover, evaluation, Graph export) read
 * the same analysis.
 */
import type { Expression } from '../../grammar/expression/ast';
import { parseExpression } from '../../grammar/expression/index';
import type { MappingFile } from '../../grammar/mapping/ast';
import { parseMappingFile, parseMappingPiece, type MappingFileParseResult } from '../../grammar/mapping/index';
import type { ScimFilter } from '../../grammar/scim/ast';
import { collectFilterAttributes, parseScimFilter, printScimFilter } from '../../grammar/scim/index';
import { type CheckDiagnostic, DiagnosticSink } from '../checker/diagnostic';
import { checkExpression } from '../checker/expression/check-expression';
import { checkBlock, checkMappingFile } from '../checker/mapping/check-file';
import type { CheckedBlock, ResolvedSchemas } from '../checker/mapping/context';
import { checkFilterAttributes } from '../checker/scim/check-filter';
import { BUILTIN_SOURCE, BUILTIN_TARGETS } from '../schema/index';
import { findObject } from '../schema/lookup';
import type { DirectorySchema } from '../schema/types';
import { DEFAULT_TARGET, resolveSchemas, type SchemaFileReader } from './schema-resolver';
import { t } from '../../grammar/common/l10n';

/**
 * The checked blocks of a stretch of a `.aadmap` file, with the whole file's diagnostics: what a
 * feature about one mapping line (the evaluation hover) needs, without checking the thousands of
 * other lines of a large file. A whole file's MappingAnalysis is one too.
 */
export interface MappingBlocksAnalysis {
  language: 'aadmap';
  text: string;
  schemas: ResolvedSchemas;
  blocks: CheckedBlock[];
  diagnostics: CheckDiagnostic[];
}

export interface MappingAnalysis extends MappingBlocksAnalysis {
  ast: MappingFile;
}

export interface ScimFilterLineAnalysis {
  /** Offset of the line's first character. */
  start: number;
  text: string;
  ast?: ScimFilter;
}

export interface ScimFilterFileAnalysis {
  language: 'scimfilter';
  text: string;
  lines: ScimFilterLineAnalysis[];
  target: DirectorySchema;
  diagnostics: CheckDiagnostic[];
}

export interface ExpressionAnalysis {
  text: string;
  ast?: Expression;
  diagnostics: CheckDiagnostic[];
}

const byPosition = (a: CheckDiagnostic, b: CheckDiagnostic) => a.start - b.start || a.end - b.end;

/** `parsed`: the parse of `text` when the caller already has it (the editor's document snapshot). */
export function analyzeMappingText(
  text: string,
  uri: string,
  reader: SchemaFileReader,
  parsed: MappingFileParseResult = parseMappingFile(text),
): MappingAnalysis {
  const sink = new DiagnosticSink();
  sink.addAll(parsed.diagnostics);
  const schemas = resolveSchemas(parsed.ast, uri, reader, sink);
  const blocks = guard(sink, () => checkMappingFile(parsed.ast, text, schemas, sink), []);
  return { language: 'aadmap', text, ast: parsed.ast, schemas, blocks, diagnostics: sink.items.sort(byPosition) };
}

/** One expression used as a mapping source against the Azure AD user (`aadmap check --expr`). */
export function analyzeExpressionText(text: string): ExpressionAnalysis {
  const parsed = parseExpression(text);
  const sink = new DiagnosticSink();
  sink.addAll(parsed.diagnostics);
  const ast = parsed.ast;
  if (ast) {
    guard(
      sink,
      () => checkExpression(ast, { sink, source: findObject(BUILTIN_SOURCE, 'User'), usage: { kind: 'standalone' }, text }),
      undefined,
    );
  }
  return { text, ast, diagnostics: sink.items.sort(byPosition) };
}

/**
 * A `.scimfilter` file: one filter per line; blank lines and lines starting with `#` are skipped.
 * Filters are checked against the target's user object (Chatwork unless a schema is given).
 */
export function analyzeScimFilterText(text: string, target: DirectorySchema = DEFAULT_TARGET): ScimFilterFileAnalysis {
  const sink = new DiagnosticSink();
  const lines: ScimFilterLineAnalysis[] = [];
  const user = findObject(target, 'User');
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      const parsed = parseScimFilter(line, { baseOffset: start });
      sink.addAll(parsed.diagnostics);
      const ast = parsed.ast;
      if (ast && user) guard(sink, () => checkFilterAttributes(ast, target, user, sink), undefined);
      lines.push({ start, text: line, ast });
    }
    if (!match) break;
    start = match.index + match[0].length;
  }
  return { language: 'scimfilter', text, lines, target, diagnostics: sink.items.sort(byPosition) };
}

export interface FilterReport {
  valid: boolean;
  normalized?: string;
  attributes?: string[];
  diagnostics: CheckDiagnostic[];
}

/** `aadmap filter`: one filter, optionally checked against a built-in target schema. */
export function analyzeFilter(filter: string, schemaId?: string): FilterReport {
  const parsed = parseScimFilter(filter);
  const sink = new DiagnosticSink();
  sink.addAll(parsed.diagnostics);
  const target = schemaId ? BUILTIN_TARGETS.get(schemaId) : undefined;
  const user = target && findObject(target, 'User');
  if (parsed.ast && target && user) {
    const ast = parsed.ast;
    guard(sink, () => checkFilterAttributes(ast, target, user, sink), undefined);
  }
  const diagnostics = sink.items.sort(byPosition);
  const valid = parsed.ast !== undefined && !diagnostics.some((d) => d.severity === 'error');
  if (!valid || !parsed.ast) return { valid: false, diagnostics };
  return { valid: true, normalized: printScimFilter(parsed.ast), attributes: collectFilterAttributes(parsed.ast), diagnostics };
}

/** A checker bug must not hide the syntax diagnostics already found, nor crash the caller. */
/**
 * The blocks of text[start, end) — a piece as parseMappingFile cuts the file (incremental
 * diagnostics know where) — checked against `schemas` as the whole file's analysis checks them,
 * with `diagnostics`, the whole file's. Undefined when the checker fails on them (the caller then
 * falls back to the whole analysis, which reports it).
 */
export function analyzeMappingBlocks(
  text: string,
  start: number,
  end: number,
  schemas: ResolvedSchemas,
  diagnostics: CheckDiagnostic[],
): MappingBlocksAnalysis | undefined {
  const sink = new DiagnosticSink();
  const blocks = guard(
    sink,
    () => parseMappingPiece(text, start, end).ast.mappings.map((block) => checkBlock(block, text, schemas, sink)),
    undefined,
  );
  return blocks && { language: 'aadmap', text, schemas, blocks, diagnostics };
}

export function guard<T>(sink: DiagnosticSink, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    sink.items.push({
      start: 0,
      end: 0,
      severity: 'error',
      code: 'internal-error',
      message: t('Internal error while checking (please report it): {0}', error instanceof Error ? error.message : String(error)),
    });
    return fallback;
  }
}

/** What the analysis of one document holds: a mapping file's checked blocks, or a SCIM filter file's filters. */
export type DocumentAnalysis = MappingAnalysis | ScimFilterFileAnalysis;
