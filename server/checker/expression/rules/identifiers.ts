/** Bare names: InStr's compare types are fine, a function name without `()` is not, nor anything else. */
import { lookupFunction, lookupFunctionIgnoreCase } from '../../../catalogue/index';
import type { ExpressionRule } from '../context';

const FLOW_KEYWORDS = new Set(['IgnoreAttributeFlow', 'IgnoreObjectFlow']);

export const identifiersRule: ExpressionRule = {
  node(node, site, { sink }) {
    if (node.kind !== 'identifier') return;
    if (site.parameter?.allowed?.form === 'identifier') return; // checked against the allowed values by the arguments rule
    if (FLOW_KEYWORDS.has(node.name)) {
      sink.report(
        'flow-keyword',
        node,
        `${node.name} appears only in Microsoft's Workday guide; it is not documented for other provisioning flows.`,
      );
      return;
    }
    const fn = lookupFunction(node.name) ?? lookupFunctionIgnoreCase(node.name);
    if (fn) {
      sink.report('unknown-identifier', node, `${fn.name} is a function: write ${fn.name}(${fn.parameters.length ? '…' : ''}).`, {
        suggestions: [`${fn.name}()`],
      });
      return;
    }
    sink.report(
      'unknown-identifier',
      node,
      `Unexpected name '${node.name}': write an attribute as [${node.name}], a constant as "${node.name}", or call a function with parentheses.`,
      { suggestions: [`[${node.name}]`, `"${node.name}"`] },
    );
  },
};
