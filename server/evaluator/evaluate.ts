/**
 * Evaluates an expression AST against one source object, the way the provisioning service does:
 * arguments bind to the catalogue's parameters by position, value-selecting functions (IIF,
 * Switch, Coalesce) evaluate only what they select, and IgnoreFlowIfNullOrEmpty stops the flow of
 * the whole attribute. Every call can be traced (value, branch taken) for hovers.
 */
import { t } from '../../grammar/common/l10n';
import type { Argument, CallExpression, ComparisonExpression, Expression } from '../../grammar/expression/ast';
import { printExpression } from '../../grammar/expression/printer';
import type { TextRange } from '../../grammar/common/text-range';
import { lookupFunction, lookupFunctionIgnoreCase, splitParameters } from '../catalogue/index';
import type { FunctionSignature, ParameterSpec } from '../catalogue/types';
import { parseDateTime } from './datetime';
import { EvaluationError, FlowIgnored } from './errors';
import { FUNCTION_IMPLEMENTATIONS } from './functions';
import type { CallFrame, EvaluationEnvironment } from './call-frame';
import { displayValue, isNullOrEmpty, NULL, type SingleValue, str, textOf, toBoolean, typeName, type Value } from './values';

export { EvaluationError, FlowIgnored } from './errors';

export type { CallFrame, EvaluationEnvironment, FunctionImplementation } from './call-frame';

/** One evaluated node: its value and, for value-selecting functions, the branch taken. */
export interface TraceNode {
  start: number;
  end: number;
  /** The node as text, shortened (`Switch([IsSoftDeleted], , "False", …)`). */
  label: string;
  /** The value rendered for people (`"True"`, `False`, `null`, `not sent`), absent when the node failed. */
  value?: string;
  notes: string[];
  children: TraceNode[];
}

export interface EvaluationErrorInfo {
  message: string;
  start: number;
  end: number;
}

export type EvaluationOutcome =
  | { kind: 'value'; value: Value; trace?: TraceNode }
  /** IgnoreFlowIfNullOrEmpty (or IgnoreAttributeFlow) stopped the flow: the attribute is not sent at all. */
  | { kind: 'ignored'; at: TextRange; trace?: TraceNode }
  | { kind: 'error'; error: EvaluationErrorInfo; trace?: TraceNode };

export function evaluateExpression(
  expression: Expression,
  env: EvaluationEnvironment,
  options: { trace?: boolean } = {},
): EvaluationOutcome {
  const evaluator = new Evaluator(env, !!options.trace);
  const root: TraceNode | undefined = options.trace
    ? { start: expression.start, end: expression.end, label: '', notes: [], children: [] }
    : undefined;
  evaluator.traceParent = root;
  try {
    const value = evaluator.evaluate(expression);
    return { kind: 'value', value, trace: root?.children[0] };
  } catch (signal) {
    if (signal instanceof FlowIgnored) return { kind: 'ignored', at: signal.range, trace: root?.children[0] };
    if (signal instanceof EvaluationError) {
      return {
        kind: 'error',
        error: { message: signal.message, start: signal.range.start, end: signal.range.end },
        trace: root?.children[0],
      };
    }
    const message = signal instanceof Error ? signal.message : String(signal);
    return {
      kind: 'error',
      error: {
        message: t('Internal error while evaluating (please report it): {0}', message),
        start: expression.start,
        end: expression.end,
      },
      trace: root?.children[0],
    };
  }
}

const LABEL_LIMIT = 60;

function label(node: Argument): string {
  const text = printExpression(node);
  if (text.length <= LABEL_LIMIT) return text;
  if (node.kind === 'call') {
    const head = `${node.name}(`;
    let shown = head;
    for (const [i, arg] of node.args.entries()) {
      const part = `${i ? ', ' : ''}${printExpression(arg)}`;
      if (shown.length + part.length > LABEL_LIMIT - 2) return `${shown}${i ? ', ' : ''}…)`;
      shown += part;
    }
    return `${shown})`;
  }
  return `${text.slice(0, LABEL_LIMIT - 1)}…`;
}

class Evaluator {
  traceParent: TraceNode | undefined;
  /** While an IIF condition is evaluated: the attributes it reads. */
  attributeReads: { name: string; value: Value }[] | undefined;

  constructor(
    readonly env: EvaluationEnvironment,
    private readonly tracing: boolean,
  ) {}

  evaluate(node: Argument): Value {
    if (!this.tracing || node.kind === 'string' || node.kind === 'number' || node.kind === 'empty') return this.compute(node, undefined);
    const trace: TraceNode = { start: node.start, end: node.end, label: label(node), notes: [], children: [] };
    const parent = this.traceParent;
    parent?.children.push(trace);
    this.traceParent = trace;
    try {
      const value = this.compute(node, trace);
      trace.value = displayValue(value);
      return value;
    } catch (signal) {
      if (signal instanceof FlowIgnored) trace.value = t('not sent (flow ignored)');
      else if (signal instanceof EvaluationError && trace.notes.length === 0 && trace.children.every((c) => c.value !== undefined))
        trace.notes.push(t('error: {0}', signal.message));
      throw signal;
    } finally {
      this.traceParent = parent;
    }
  }

  private compute(node: Argument, trace: TraceNode | undefined): Value {
    switch (node.kind) {
      case 'empty':
        return NULL;
      case 'missing':
        throw new EvaluationError(t('The expression is incomplete'), node);
      case 'string':
        return str(node.value);
      case 'number':
        // Graph stores an unquoted number as the constant "1": the same value as the quoted digits.
        return str(node.raw);
      case 'identifier':
        if (node.name === 'IgnoreAttributeFlow') throw new FlowIgnored({ start: node.start, end: node.end });
        if (node.name === 'IgnoreObjectFlow')
          throw new EvaluationError(t('IgnoreObjectFlow (Workday guide only) skips the whole object; aadmap does not evaluate it'), node);
        throw new EvaluationError(t('\'{0}\' is not a value: write an attribute as [{0}] or a constant as "{0}"', node.name), node);
      case 'attribute': {
        const value = this.env.attribute(node.name);
        this.attributeReads?.push({ name: node.name, value });
        return value;
      }
      case 'comparison':
        return { kind: 'boolean', value: this.compare(node) };
      case 'call':
        return this.call(node, trace);
    }
  }

  private call(node: CallExpression, trace: TraceNode | undefined): Value {
    const signature = lookupFunction(node.name);
    if (!signature) {
      if (this.env.functions?.lookup(node.name))
        throw new EvaluationError(
          t("{0} is known only from the job's function list: aadmap cannot evaluate it offline", node.name),
          node.nameRange,
        );
      const other = lookupFunctionIgnoreCase(node.name);
      throw new EvaluationError(
        other ? t('Function names are case-sensitive: write {0}', other.name) : t("Unknown function '{0}'", node.name),
        node.nameRange,
      );
    }
    const implementation = FUNCTION_IMPLEMENTATIONS.get(signature.name);
    if (!implementation) throw new EvaluationError(t('{0} cannot be evaluated offline', signature.name), node);
    if (node.closeParen === undefined) throw new EvaluationError(t('{0}( is not closed', signature.name), node);
    return implementation(new Frame(this, node, signature, trace));
  }

  /** `left op right` in an IIF or CBool condition. */
  compare(node: ComparisonExpression): boolean {
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    if (left.kind === 'multi' || right.kind === 'multi')
      throw new EvaluationError(t('A comparison needs single values; use Item(), Count() or Join() on multi-valued attributes'), node);
    const order = compareValues(left, right);
    switch (node.operator) {
      case '=':
        return order === 0;
      case '<>':
        return order !== 0;
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '>=':
        return order >= 0;
    }
  }
}

const NUMERIC = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

/**
 * Ordering used by comparisons: numerically when both sides are numbers (or numeric text), by
 * instant when both are dates (text parsed as a date), otherwise ordinal, case-sensitive text
 * (Booleans as True/False, null as "").
 */
export function compareValues(left: Value, right: Value): number {
  const text = (v: Value) => (v.kind === 'null' || v.kind === 'multi' ? '' : textOf(v));
  const isNumber = (v: Value) => v.kind === 'integer' || v.kind === 'decimal' || (v.kind === 'string' && NUMERIC.test(v.value));
  if (isNumber(left) && isNumber(right)) {
    const a = text(left).trim();
    const b = text(right).trim();
    if (/^[+-]?\d+$/.test(a) && /^[+-]?\d+$/.test(b)) {
      const x = BigInt(a);
      const y = BigInt(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return Math.sign(Number(a) - Number(b));
  }
  if (left.kind === 'dateTime' || right.kind === 'dateTime') {
    const ticks = (v: Value) => (v.kind === 'dateTime' ? v.ticks : v.kind === 'string' ? parseDateTime(v.value) : undefined);
    const a = ticks(left);
    const b = ticks(right);
    if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = text(left);
  const b = text(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The arguments of one call, bound to the catalogue's parameters by position, evaluated on demand. */
class Frame implements CallFrame {
  private readonly values = new Map<number, Value>();
  private readonly fixed: readonly ParameterSpec[];
  private readonly group: readonly ParameterSpec[];

  constructor(
    readonly evaluator: Evaluator,
    readonly call: CallExpression,
    readonly signature: FunctionSignature,
    private readonly trace: TraceNode | undefined,
  ) {
    ({ fixed: this.fixed, group: this.group } = splitParameters(signature));
  }

  get env(): EvaluationEnvironment {
    return this.evaluator.env;
  }

  get argumentCount(): number {
    return this.call.args.length;
  }

  /** The position of a fixed parameter, by its catalogue name. */
  position(name: string): number {
    const index = this.fixed.findIndex((p) => p.name === name);
    if (index === -1) throw new Error(`${this.signature.name} has no parameter '${name}' in the catalogue`);
    return index;
  }

  /** The argument node at a position, when written and not empty. */
  node(at: string | number): Expression | undefined {
    const arg = this.call.args[typeof at === 'number' ? at : this.position(at)];
    return arg && arg.kind !== 'empty' ? arg : undefined;
  }

  given(at: string | number): boolean {
    return this.node(at) !== undefined;
  }

  /** The argument's value (null for an empty or omitted position), evaluated once. */
  value(at: string | number): Value {
    const index = typeof at === 'number' ? at : this.position(at);
    const cached = this.values.get(index);
    if (cached) return cached;
    const node = this.node(index);
    const value = node ? this.evaluator.evaluate(node) : NULL;
    this.values.set(index, value);
    return value;
  }

  /** Positions of the repeating group, one array per repetition (Switch: [key, value] pairs). */
  repetitions(): number[][] {
    const out: number[][] = [];
    const size = this.group.length;
    if (size === 0) return out;
    for (let first = this.fixed.length; first < this.argumentCount; first += size) {
      // A plain loop: Array.from with a mapping function cost a tenth of a whole evaluation (benchmark 5).
      const positions: number[] = [];
      for (let at = first; at < first + size && at < this.argumentCount; at++) positions.push(at);
      out.push(positions);
    }
    return out;
  }

  /** The documented name of the parameter at a position (for messages). */
  parameterName(at: string | number): string {
    if (typeof at === 'string') return at;
    if (at < this.fixed.length) return this.fixed[at]!.name;
    return this.group[(at - this.fixed.length) % Math.max(this.group.length, 1)]?.name ?? `argument ${at + 1}`;
  }

  note(text: string): void {
    this.trace?.notes.push(text);
  }

  fail(message: string): never {
    throw new EvaluationError(t('{0}: {1}', this.signature.name, message), this.call);
  }

  /** A single value (multi-valued → error naming the parameter). */
  single(at: string | number): SingleValue | undefined {
    const value = this.value(at);
    if (value.kind === 'null') return undefined;
    if (value.kind === 'multi') {
      this.fail(
        t(
          '{0} is multi-valued ({1} values); use Item(), Join() or Count() to get a single value',
          this.parameterName(at),
          value.values.length,
        ),
      );
    }
    return value as SingleValue;
  }

  /** Text of a single value; null stays null. */
  text(at: string | number): string | null {
    const value = this.single(at);
    return value === undefined ? null : textOf(value);
  }

  /** An Integer parameter: digits, an optional sign, or VBA hex (`&HF7`); null stays null. */
  integer(at: string | number): bigint | null {
    const value = this.single(at);
    if (value === undefined) return null;
    if (value.kind === 'integer') return value.value;
    if (value.kind === 'string') {
      const text = value.value.trim();
      if (/^[+-]?\d+$/.test(text)) return BigInt(text);
      const hex = /^&H([0-9A-F]+)$/i.exec(text);
      if (hex) return BigInt(`0x${hex[1]}`);
    }
    return this.fail(
      t(
        '{0} must be a whole number; got {1}',
        this.parameterName(at),
        value.kind === 'string' ? JSON.stringify(value.value) : typeName(value),
      ),
    );
  }

  /** A small Integer parameter as a JavaScript number (positions, counts). */
  smallInteger(at: string | number): number | null {
    const value = this.integer(at);
    if (value === null) return null;
    if (value > 2_147_483_647n || value < -2_147_483_648n) this.fail(t('{0} is out of range ({1})', this.parameterName(at), String(value)));
    return Number(value);
  }

  /** A Number parameter (DateAdd's value): integers, decimals, numeric text. */
  number(at: string | number): number | null {
    const value = this.single(at);
    if (value === undefined) return null;
    if (value.kind === 'integer') return Number(value.value);
    const text = value.kind === 'string' || value.kind === 'decimal' ? textOf(value).trim() : '';
    if (NUMERIC.test(text)) return Number(text);
    return this.fail(
      t('{0} must be a number; got {1}', this.parameterName(at), value.kind === 'string' ? JSON.stringify(value.value) : typeName(value)),
    );
  }

  /** A DateTime parameter: a DateTime value, or text CDate can parse; null stays null. */
  dateTime(at: string | number): bigint | null {
    const value = this.single(at);
    if (value === undefined) return null;
    if (value.kind === 'dateTime') return value.ticks;
    if (value.kind === 'string') {
      const ticks = parseDateTime(value.value);
      if (ticks !== undefined) return ticks;
      return this.fail(t('{0}: {1} is not a date and time', this.parameterName(at), JSON.stringify(value.value)));
    }
    return this.fail(t('{0} must be a DateTime; got {1}', this.parameterName(at), typeName(value)));
  }

  /** Boolean conversion as CBool: Booleans, "True"/"False" in any case, numbers (non-zero = True). */
  boolean(at: string | number): boolean | null {
    const value = this.single(at);
    if (value === undefined) return null;
    const result = toBoolean(value);
    if (result === undefined) this.fail(t('{0}: {1} is not True or False', this.parameterName(at), displayValue(value)));
    return result!;
  }

  /** Evaluates the condition of IIF, refusing null or empty attributes (the service's "condition check fails"). */
  condition(at: string | number): boolean {
    const node = this.node(at);
    if (!node) return this.fail(t('the condition is missing'));
    const previous = this.evaluator.attributeReads;
    const reads: { name: string; value: Value }[] = [];
    this.evaluator.attributeReads = reads;
    let value: Value;
    try {
      value = this.value(at);
    } finally {
      this.evaluator.attributeReads = previous;
      previous?.push(...reads);
    }
    const empty = reads.find((read) => isNullOrEmpty(read.value));
    if (empty) {
      this.fail(
        empty.value.kind === 'null'
          ? t(
              'the condition check fails because [{0}] is null (the service does not evaluate IIF conditions over null or empty attributes; use Switch([{0}], [{0}], "", …) instead)',
              empty.name,
            )
          : t(
              'the condition check fails because [{0}] is empty (the service does not evaluate IIF conditions over null or empty attributes; use Switch([{0}], [{0}], "", …) instead)',
              empty.name,
            ),
      );
    }
    if (value.kind === 'null' || value.kind === 'multi') this.fail(t('the condition is {0}, not True or False', typeName(value)));
    const result = toBoolean(value as SingleValue);
    if (result === undefined) this.fail(t('the condition {0} is not True or False', displayValue(value)));
    return result!;
  }
}
