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

/** Functions that return one of their arguments (by position: which ones can be the result). */
const SELECTORS: Record<string, (argCount: number) => number[]> = {
  Switch: (n) => [1, ...range(3, n, 2)],
  IIF: () => [1, 2],
  Coalesce: (n) => range(0, n, 1),
  IgnoreFlowIfNullOrEmpty: () => [0],
  Redact: () => [0],
};

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i += step) out.push(i);
  return out;
}

/** The nodes whose value can become the expression's value. */
export function resultLeaves(expression: Argument): Expression[] {
  if (expression.kind === 'empty') return [];
  if (expression.kind === 'call') {
    const selector = SELECTORS[expression.name];
    if (selector && lookupFunction(expression.name)) {
      return selector(expression.args.length).flatMap((i) => (expression.args[i] ? resultLeaves(expression.args[i]!) : []));
    }
  }
  return [expression];
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
