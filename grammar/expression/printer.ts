/**
 * Canonical text of an expression: no space before `(`, `, ` between arguments (an empty position
 * prints as nothing, so `Switch([x], , "a", "b")` and `Replace([x], "-", , , "_", , )` keep their
 * documented look), one space around comparison operators; strings and numbers as written.
 */
import type { Argument } from './ast';

export function printExpression(node: Argument): string {
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'identifier':
      return node.name;
    case 'attribute':
      return `[${node.name}]`;
    case 'string':
    case 'number':
      return node.raw;
    case 'comparison':
      return `${printExpression(node.left)} ${node.operator} ${printExpression(node.right)}`;
    case 'empty':
    case 'missing':
      return '';
  }
}
