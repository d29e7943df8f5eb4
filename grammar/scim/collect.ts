/**
 * Attribute paths a filter refers to (for "not filterable" checks, completions, hovers).
 */
import type { ScimFilter } from './ast';

/**
 * Distinct leaf attribute paths in order of appearance. Paths inside `[…]` are prefixed with their
 * parent (`emails[type eq "work"]` → `emails.type`; the Entra form
 * `emails[type eq "work"].value eq "x"` → `emails.type`, `emails.value`); other paths are returned
 * as written (URN prefix kept). Comparison is case-insensitive; the first spelling wins.
 */
export function collectFilterAttributes(ast: ScimFilter): string[] {
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = path.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    result.push(path);
  };
  // Explicit stack (pre-order, left to right): no recursion, whatever the tree depth. An entry
  // is either a node to visit or a deferred path (the Entra sub-attribute, after its brackets).
  const stack: Array<{ node: ScimFilter; prefix: string } | string> = [{ node: ast, prefix: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (typeof entry === 'string') {
      add(entry);
      continue;
    }
    const { node, prefix } = entry;
    switch (node.kind) {
      case 'attributeExpression':
        add(prefix + node.path.text);
        break;
      case 'valuePath': {
        const parent = prefix + node.path.text;
        if (node.subAttribute !== undefined && node.subAttribute.name.length > 0) {
          stack.push(`${parent}.${node.subAttribute.name}`);
        }
        stack.push({ node: node.filter, prefix: `${parent}.` });
        break;
      }
      case 'logical':
        for (let i = node.operands.length - 1; i >= 0; i--) stack.push({ node: node.operands[i]!, prefix });
        break;
      case 'not':
        stack.push({ node: node.operand, prefix });
        break;
      case 'error':
        break;
    }
  }
  return result;
}
