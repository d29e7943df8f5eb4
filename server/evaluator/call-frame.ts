/**
 * What a function implementation (functions.ts) sees of the evaluator: the environment and its
 * call's arguments, bound to the catalogue's parameters by position and evaluated on demand.
 * Declared apart from the evaluator (evaluate.ts implements it) so that the implementations and the
 * evaluator do not import each other.
 */
import type { CallExpression, Expression } from '../../grammar/expression/ast';
import type { FunctionCatalogue } from '../catalogue/index';
import type { RandomSource } from './random';
import type { SingleValue, Value } from './values';

/** What an evaluation can see besides the expression. */
export interface EvaluationEnvironment {
  /** A source attribute's value; null when the object has no such attribute. */
  attribute(name: string): Value;
  /** Now() — .NET ticks, UTC. */
  now: bigint;
  /** DefaultDomain(); undefined = the tenant has none (an evaluation error). */
  defaultDomain?: string;
  /** SelectUniqueValue: whether the target already holds this value. */
  isTaken(value: string): boolean;
  random: RandomSource;
  /** The functions the job knows (EvaluationSettings.functions). */
  functions?: FunctionCatalogue;
}

/** The arguments of one call. A position is a number or a fixed parameter's catalogue name. */
export interface CallFrame {
  readonly env: EvaluationEnvironment;
  readonly call: CallExpression;
  readonly argumentCount: number;
  /** The argument node at a position, when written and not empty. */
  node(at: string | number): Expression | undefined;
  given(at: string | number): boolean;
  /** The argument's value (null for an empty or omitted position), evaluated once. */
  value(at: string | number): Value;
  /** Positions of the repeating group, one array per repetition (Switch: [key, value] pairs). */
  repetitions(): number[][];
  /** The documented name of the parameter at a position (for messages). */
  parameterName(at: string | number): string;
  /** A line of the trace shown in hovers. */
  note(text: string): void;
  /** Fails the evaluation with a message at this call. */
  fail(message: string): never;
  /** A single value (multi-valued → error naming the parameter). */
  single(at: string | number): SingleValue | undefined;
  /** Text of a single value; null stays null. */
  text(at: string | number): string | null;
  /** An Integer parameter: digits, an optional sign, or VBA hex (`&HF7`); null stays null. */
  integer(at: string | number): bigint | null;
  /** A small Integer parameter as a JavaScript number (positions, counts). */
  smallInteger(at: string | number): number | null;
  /** A Number parameter (DateAdd's value): integers, decimals, numeric text. */
  number(at: string | number): number | null;
  /** A DateTime parameter: a DateTime value, or text CDate can parse; null stays null. */
  dateTime(at: string | number): bigint | null;
  /** Boolean conversion as CBool. */
  boolean(at: string | number): boolean | null;
  /** Evaluates the condition of IIF, refusing null or empty attributes. */
  condition(at: string | number): boolean;
}

/** A function implementation: reads its arguments through the frame, returns a value or fails. */
export type FunctionImplementation = (frame: CallFrame) => Value;
