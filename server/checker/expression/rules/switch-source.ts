/** Switch compares strings: not a reference attribute, not a Boolean test function. */
import { t } from '../../../../grammar/common/l10n';
import { findAttribute } from '../../../schema/lookup';
import type { ExpressionRule } from '../context';

const NULL_TESTS = new Set(['IsPresent', 'IsNull', 'IsNullOrEmpty']);

export const switchSourceRule: ExpressionRule = {
  call({ call, signature }, _site, { sink, source }) {
    if (signature?.name !== 'Switch') return;
    const first = call.args[0];
    if (!first) return;
    if (first.kind === 'attribute' && source) {
      const found = findAttribute(source, first.name);
      if (found?.attribute.type === 'Reference') {
        sink.report(
          'switch-reference-source',
          first,
          t('Switch compares strings; [{0}] is a reference attribute, which Switch does not support.', found.attribute.name),
        );
      }
    }
    if (first.kind === 'call' && NULL_TESTS.has(first.name)) {
      sink.report(
        'switch-boolean-source',
        first.nameRange,
        t(
          'Don\'t use {0} as the Switch source: Switch compares strings. Use an empty-string key instead, e.g. Switch([x], [x], "", "default").',
          first.name,
        ),
      );
    }
  },
};
