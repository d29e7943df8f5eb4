/** Bare names: InStr's compare types are fine, a function name without `()` is not, nor anything else. */
import { t } from '../../../../grammar/common/l10n';
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
        t("{0} appears only in Microsoft's Workday guide; it is not documented for other provisioning flows.", node.name),
      );
      return;
    }
    const fn = lookupFunction(node.name) ?? lookupFunctionIgnoreCase(node.name);
    if (fn) {
      sink.report(
        'unknown-identifier',
        node,
        t('{0} is a function: write {1}.', fn.name, `${fn.name}(${fn.parameters.length ? '…' : ''})`),
        {
          suggestions: [`${fn.name}()`],
        },
      );
      return;
    }
    sink.report(
      'unknown-identifier',
      node,
      t('Unexpected name \'{0}\': write an attribute as [{0}], a constant as "{0}", or call a function with parentheses.', node.name),
      { suggestions: [`[${node.name}]`, `"${node.name}"`] },
    );
  },
};
