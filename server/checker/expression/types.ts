/**
 * What an expression can produce, as far as the checker can tell without evaluating it: the leaves
 * that become the result (constants, attributes, calls) through the value-selecting functions
 * (Switch, IIF, Coalesce and the pass-through wrappers).
 */
import type { Argument, Expression } from '../../../grammar/expression/ast';
import { lookupFunction } from '../../catalogue/index';
import type { ValueType } from '../../catalogue/types';
import { findAttribute } from '../../schema/lookup';
import type { ObjectSchema } from '../../schema/types';

/**
 * Functions that return one of their arguments, by position: the positions `first`, `first + step`,
 * … up to `end` (exclusive; `undefined` = the argument count). Positions rather than arrays of them:
 * the target-type rule asks this for every mapping of a file.
 */
const SELECTORS: Record<string, { first: number; step: number; end?: number }> = {
  Switch: { first: 1, step: 2 }, // the default, then every value: 1, 3, 5, …
  IIF: { first: 1, step: 1, end: 3 },
  Coalesce: { first: 0, step: 1 },
  IgnoreFlowIfNullOrEmpty: { first: 0, step: 1, end: 1 },
  Redact: { first: 0, step: 1, end: 1 },
};

/** The nodes whose value can become the expression's value, in argument order (appended to `out`). */
export function resultLeaves(expression: Argument, out: Expression[] = []): Expression[] {
  if (expression.kind === 'empty') return out;
  if (expression.kind === 'call') {
    const selector = SELECTORS[expression.name];
    if (selector && lookupFunction(expression.name)) {
      const args = expression.args;
      const end = selector.end ?? args.length;
      for (let i = selector.first; i < end; i += selector.step) {
        const arg = args[i];
        if (arg) resultLeaves(arg, out);
      }
      return out;
    }
  }
  out.push(expression);
  return out;
}

/** The static type of a leaf, or undefined when it cannot be told. */
export function leafType(leaf: Expression, source: ObjectSchema | undefined): ValueType | undefined {
  switch (leaf.kind) {
    case 'string':
      return 'String';
    case 'number':
      return 'Number';
    case 'comparison':
      return 'Boolean';
    case 'attribute': {
      const found = source && findAttribute(source, leaf.name);
      return found ? found.attribute.type : undefined;
    }
    case 'call': {
      const signature = lookupFunction(leaf.name);
      return signature && signature.returns !== 'Any' ? signature.returns : undefined;
    }
    default:
      return undefined;
  }
}
