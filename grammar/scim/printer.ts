/**
 * Canonical printer for SCIM filters and paths.
 *
 * Rules (other code and external tests depend on them):
 *  - keywords and operators lower-case, exactly one space between tokens;
 *  - attribute paths exactly as written (URN prefix and case kept);
 *  - redundant parentheses removed and chains of one operator printed flat; an `and` or `or`
 *    chain under the other operator is wrapped in parentheses (`a or (b and c)`, even where
 *    precedence would not need them, so the canonical form never relies on precedence); the top
 *    level and the inside of `[ ]` are never wrapped;
 *  - `not` always as `not (…)`;
 *  - strings decoded, then re-encoded with `JSON.stringify`; numbers and literals as written.
 *
 * For a tree produced by the parser, `parse(print(ast))` yields the same tree (the parser
 * flattens chains across parentheses), so printing is idempotent.
 */
import type { ScimCompareValue, ScimFilter, ScimPath, ScimValuePathExpression } from './ast';

/** Printed in place of an error node (only broken trees contain them). */
const ERROR_PLACEHOLDER = '<error>';

export function printScimValue(value: ScimCompareValue): string {
  return value.kind === 'string' ? JSON.stringify(value.value) : value.raw;
}

function printNode(node: ScimFilter, parent: 'and' | 'or' | undefined): string {
  switch (node.kind) {
    case 'attributeExpression':
      return node.value === undefined
        ? `${node.path.text} ${node.operator}`
        : `${node.path.text} ${node.operator} ${printScimValue(node.value)}`;
    case 'valuePath': {
      let result = `${node.path.text}[${printNode(node.filter, undefined)}]`;
      if (node.subAttribute !== undefined) result += `.${node.subAttribute.name}`;
      if (node.operator !== undefined) result += ` ${node.operator}`;
      if (node.value !== undefined) result += ` ${printScimValue(node.value)}`;
      return result;
    }
    case 'logical': {
      const separator = node.operator === 'and' ? ' and ' : ' or ';
      let result = '';
      for (let i = 0; i < node.operands.length; i++) {
        if (i > 0) result += separator;
        result += printNode(node.operands[i]!, node.operator);
      }
      return parent !== undefined && parent !== node.operator && node.operands.length > 1 ? `(${result})` : result;
    }
    case 'not':
      return `not (${printNode(node.operand, undefined)})`;
    case 'error':
      return ERROR_PLACEHOLDER;
  }
}

/** Canonical text of a filter. */
export function printScimFilter(ast: ScimFilter): string {
  return printNode(ast, undefined);
}

/** Canonical text of an attribute / PATCH path. */
export function printScimPath(ast: ScimPath): string {
  let result = ast.attribute.text;
  if (ast.filter !== undefined) result += `[${printNode(ast.filter, undefined)}]`;
  if (ast.subAttribute !== undefined) result += `.${ast.subAttribute.name}`;
  return result;
}

/**
 * The RFC 7644 equivalent of the Entra form `emails[type eq "work"].value eq "x"`:
 * `emails[type eq "work" and value eq "x"]` (an `or` inside the brackets is parenthesised).
 */
export function entraValuePathToRfc(node: ScimValuePathExpression): string {
  const inner = printScimFilter(node.filter);
  const wrapped = node.filter.kind === 'logical' && node.filter.operator === 'or' ? `(${inner})` : inner;
  let comparison = `${node.subAttribute?.name ?? 'value'} ${node.operator ?? 'eq'}`;
  if (node.value !== undefined) comparison += ` ${printScimValue(node.value)}`;
  return `${node.path.text}[${wrapped} and ${comparison}]`;
}
