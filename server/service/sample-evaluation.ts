/**
 * Evaluation on top of the checked model: one expression against a sample user (`aadmap eval`),
 * and every mapping line of an analysed `.aadmap` file (CodeLens, hover, preview). The checker
 * runs first; an expression with errors is not evaluated.
 */
import { type Expression, walkExpression } from '../../grammar/expression/ast';
import { parseExpression } from '../../grammar/expression/index';
import type { AttributeMapping } from '../../grammar/mapping/ast';
import { type CheckDiagnostic, DiagnosticSink } from '../checker/diagnostic';
import { checkExpression } from '../checker/expression/check-expression';
import type { CheckedBlock } from '../checker/mapping/context';
import {
  createEnvironment,
  evaluateExpression,
  type EvaluationOutcome,
  type EvaluationSettings,
  type SampleUser,
} from '../evaluator/index';
import type { Value } from '../evaluator/values';
import { BUILTIN_SOURCE } from '../schema/index';
import { findAttribute, findObject } from '../schema/lookup';
import type { AttributeDefinition, AttributeType, ObjectSchema } from '../schema/types';
import { guard, type MappingAnalysis, type MappingBlocksAnalysis } from './analysis';

export interface ExpressionEvaluation {
  text: string;
  ast?: Expression;
  /** Syntax and checker findings (warnings included). */
  diagnostics: CheckDiagnostic[];
  /** The first error that prevents evaluation, if any. */
  blockingError?: CheckDiagnostic;
  /** Undefined when a syntax or check error blocked the evaluation. */
  outcome?: EvaluationOutcome;
}

/**
 * The source object an expression is checked against: the Azure AD user plus every attribute the
 * sample user holds (HR sources such as StatusHireDate are allowed), typed from its values.
 */
function sampleSourceObject(
  user: SampleUser | undefined,
  base: ObjectSchema | undefined = findObject(BUILTIN_SOURCE, 'User'),
): ObjectSchema | undefined {
  if (!user || !base) return base;
  const extra: AttributeDefinition[] = [];
  for (const [name, value] of user.attributes) {
    if (findAttribute(base, name)?.exactCase) continue;
    extra.push({ name, type: attributeTypeOf(value), multivalued: value.kind === 'multi', required: false });
  }
  return extra.length ? { ...base, attributes: [...base.attributes, ...extra] } : base;
}

function attributeTypeOf(value: Value): AttributeType {
  const single = value.kind === 'multi' ? value.values[0] : value;
  switch (single?.kind) {
    case 'boolean':
      return 'Boolean';
    case 'integer':
      return 'Integer';
    case 'reference':
      return 'Reference';
    default:
      return 'String';
  }
}

/**
 * Checks and evaluates one expression used as a mapping source. An attribute the source schema
 * does not know is not an error here: an absent attribute is simply null (HR sources such as
 * StatusHireDate). A reference that cannot name any attribute (`[]`, `[ mail]`) still is one.
 */
export function evaluateExpressionText(
  text: string,
  user: SampleUser | undefined,
  settings: EvaluationSettings = {},
  options: { trace?: boolean } = {},
): ExpressionEvaluation {
  const parsed = parseExpression(text);
  const sink = new DiagnosticSink();
  sink.addAll(parsed.diagnostics);
  const ast = parsed.ast;
  if (ast)
    guard(sink, () => checkExpression(ast, { sink, source: sampleSourceObject(user), usage: { kind: 'standalone' }, text }), undefined);
  const diagnostics = sink.items
    .filter((d) => !(d.code === 'unknown-attribute' && isPlausibleAttributeName(text.slice(d.start, d.end))))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const blockingError = diagnostics.find((d) => d.severity === 'error') ?? (ast ? undefined : diagnostics[0]);
  if (blockingError || !ast) return { text, ast, diagnostics, blockingError };
  return { text, ast, diagnostics, outcome: evaluateExpression(ast, createEnvironment(user, settings), options) };
}

/** A name an attribute of some source could have: not empty, no spaces around it. */
function isPlausibleAttributeName(name: string): boolean {
  return name !== '' && name.trim() === name;
}

/** The attribute names an expression reads, in order of first appearance. */
export function attributesRead(ast: Expression | undefined): string[] {
  const names = new Set<string>();
  if (ast) walkExpression(ast, (node) => void (node.kind === 'attribute' && names.add(node.name)));
  return [...names];
}

/** One mapping line of a file, evaluated. */
export interface MappingLineEvaluation {
  block: CheckedBlock;
  mapping: AttributeMapping;
  /** `none` sources evaluate to null. Undefined when the line has errors that block evaluation. */
  outcome?: EvaluationOutcome;
  /** The error diagnostic inside this line's source that blocked evaluation. */
  blockingError?: CheckDiagnostic;
}

/** Evaluates every attribute mapping of an analysed file against one sample user. */
export function evaluateMappingLines(
  analysis: MappingAnalysis,
  user: SampleUser | undefined,
  settings: EvaluationSettings = {},
  options: { trace?: boolean } = {},
): MappingLineEvaluation[] {
  return [...mappingLineEvaluations(analysis, user, settings, options)];
}

/**
 * The same evaluations one line at a time, in the file's order: a caller with a time budget (the
 * lenses) can show the lines done so far when the rest is stopped.
 */
export function* mappingLineEvaluations(
  analysis: MappingAnalysis,
  user: SampleUser | undefined,
  settings: EvaluationSettings = {},
  options: { trace?: boolean } = {},
): Generator<MappingLineEvaluation, void, undefined> {
  // One clock and one random sequence for the whole file, as one provisioning pass.
  const environment = createEnvironment(user, withJobFunctions(analysis, settings));
  const errors = blockingErrors(analysis);
  for (const block of analysis.blocks) {
    for (const { mapping } of block.mappings) yield evaluateLine(analysis.text, block, mapping, environment, errors, options);
  }
}

/**
 * Evaluates one attribute mapping line of an analysed file (the hover's): the same result as its
 * entry in evaluateMappingLines, without evaluating the file's other lines.
 */
export function evaluateMappingLine(
  analysis: MappingBlocksAnalysis,
  block: CheckedBlock,
  mapping: AttributeMapping,
  user: SampleUser | undefined,
  settings: EvaluationSettings = {},
  options: { trace?: boolean } = {},
): MappingLineEvaluation {
  return evaluateLine(
    analysis.text,
    block,
    mapping,
    createEnvironment(user, withJobFunctions(analysis, settings)),
    blockingErrors(analysis),
    options,
  );
}

/** The settings with the file's function list, so a function only the job's list names is said to be the service's own. */
function withJobFunctions(analysis: MappingBlocksAnalysis, settings: EvaluationSettings): EvaluationSettings {
  const functions = analysis.schemas.functions;
  return functions ? { ...settings, functions } : settings;
}

function blockingErrors(analysis: MappingBlocksAnalysis): CheckDiagnostic[] {
  return analysis.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unknown-attribute');
}

/**
 * The line's value, unless an error blocks it: an error inside its source, or a syntax error after
 * it on the same line — the parser's recovery ends the source before the unexpected token
 * (`"a" & [b]` reads as `"a"`), so the value would be of an expression nobody wrote.
 */
function evaluateLine(
  text: string,
  block: CheckedBlock,
  mapping: AttributeMapping,
  environment: ReturnType<typeof createEnvironment>,
  errors: readonly CheckDiagnostic[],
  options: { trace?: boolean },
): MappingLineEvaluation {
  const source = mapping.source;
  if (source.kind === 'none') return { block, mapping, outcome: { kind: 'value', value: { kind: 'null' } } };
  const lineBreak = text.indexOf('\n', mapping.end);
  const lineEnd = lineBreak === -1 ? text.length : lineBreak;
  const blockingError = errors.find(
    (d) =>
      (d.start >= source.start && d.start < Math.max(source.end, source.start + 1)) ||
      (d.code === 'syntax-error' && d.start >= source.start && d.start < lineEnd),
  );
  if (blockingError || source.kind === 'missing') return { block, mapping, blockingError };
  return { block, mapping, outcome: evaluateExpression(source, environment, options) };
}
