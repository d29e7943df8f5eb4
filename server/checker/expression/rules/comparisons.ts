/** Comparison operators are only part of IIF conditions and CBool arguments. */
import { t } from '../../../../grammar/common/l10n';
import type { ExpressionRule } from '../context';

const CONDITION_FUNCTIONS = new Set(['IIF', 'CBool']);

export const comparisonsRule: ExpressionRule = {
  node(node, site, { sink }) {
    if (node.kind !== 'comparison') return;
    const fn = site.parent?.signature?.name;
    if (fn && CONDITION_FUNCTIONS.has(fn) && site.index === 0) return;
    sink.report(
      'comparison-outside-condition',
      node.operatorRange,
      t('\'{0}\' compares values only inside an IIF condition or a CBool argument, e.g. IIF([country] = "US", "a", "b").', node.operator),
    );
  },
};
