/**
 * A compact, unambiguous rendering of an expression tree for tests: calls as `Name(a, b)`, empty
 * positions `_`, missing expressions `?`, comparisons `(a = b)`, numbers `#raw`, strings as the
 * JSON of their decoded value.
 */
import type { Argument } from '../../grammar/expression/ast';

export function dumpExpression(node: Argument | undefined): string {
  if (!node) return '<none>';
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.args.map(dumpExpression).join(', ')})`;
    case 'identifier':
      return node.name;
    case 'attribute':
      return `[${node.name}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return `#${node.raw}`;
    case 'comparison':
      return `(${dumpExpression(node.left)} ${node.operator} ${dumpExpression(node.right)})`;
    case 'empty':
      return '_';
    case 'missing':
      return '?';
  }
}
