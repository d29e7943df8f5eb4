/** Unknown functions (with did-you-mean), wrong case (the service is case-sensitive), legacy names. */
import { functionNames, suggestNames } from '../../../catalogue/index';
import { didYouMean } from '../../diagnostic';
import type { ExpressionRule } from '../context';

export const functionNamesRule: ExpressionRule = {
  call({ call, signature, exactCase }, _site, { sink }) {
    if (!signature) {
      const suggestions = suggestNames(call.name, functionNames());
      sink.report('unknown-function', call.nameRange, `Unknown function '${call.name}'.${didYouMean(suggestions)}`, { suggestions });
      return;
    }
    if (!exactCase) {
      sink.report('function-case', call.nameRange, `Function names are case-sensitive: write '${signature.name}', not '${call.name}'.`, {
        suggestions: [signature.name],
      });
    }
    if (signature.status === 'legacy') {
      sink.report(
        'legacy-function',
        call.nameRange,
        `'${signature.name}' appears only in Graph's old function list, not in the current reference; the service may reject it.`,
      );
    }
  },
};
