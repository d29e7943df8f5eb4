/**
 * Unknown functions (with did-you-mean), wrong case (the service is case-sensitive), and functions
 * Microsoft's reference does not list: Graph's old list warns; those schemas the service runs use,
 * or the job's own function list names, get an information note (docs/real-schemas.md).
 */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import { BUILTIN_CATALOGUE, suggestNames } from '../../../catalogue/index';
import { didYouMean } from '../../diagnostic';
import type { ExpressionRule } from '../context';

export const functionNamesRule: ExpressionRule = {
  call({ call, signature, exactCase }, _site, { sink, functions = BUILTIN_CATALOGUE }) {
    if (!signature) {
      const suggestions = suggestNames(call.name, functions.names());
      sink.report('unknown-function', call.nameRange, joinSentences(t("Unknown function '{0}'.", call.name), didYouMean(suggestions)), {
        suggestions,
      });
      return;
    }
    if (!exactCase) {
      sink.report(
        'function-case',
        call.nameRange,
        t("Function names are case-sensitive: write '{0}', not '{1}'.", signature.name, call.name),
        {
          suggestions: [signature.name],
        },
      );
    }
    if (signature.status === 'service') {
      sink.report(
        'legacy-function',
        call.nameRange,
        t("'{0}' is not in Microsoft's public reference; schemas the service runs use it, so aadmap knows it.", signature.name),
        { severity: 'info' },
      );
    } else if (signature.status === 'tenant') {
      sink.report(
        'legacy-function',
        call.nameRange,
        functions.listFile
          ? t("'{0}' is not in Microsoft's public reference; the job's function list ({1}) names it.", signature.name, functions.listFile)
          : t("'{0}' is not in Microsoft's public reference; the job's function list names it.", signature.name),
        { severity: 'info' },
      );
    } else if (signature.status === 'legacy') {
      sink.report(
        'legacy-function',
        call.nameRange,
        t("'{0}' appears only in Graph's old function list, not in the current reference; the service may reject it.", signature.name),
      );
    }
  },
};
