/** Block settings: `enabled` and `flowTypes` at most once each; flowTypes values from the Graph flags enum. */
import { t } from '../../../../grammar/common/l10n';
import type { BlockRule } from '../context';
import { OBJECT_FLOW_FLAGS } from '../../../../grammar/mapping/vocabulary';

export const settingsRule: BlockRule = ({ block, sink }) => {
  const seen = new Set<string>();
  for (const item of block.items) {
    if (item.kind !== 'enabled' && item.kind !== 'flowTypes') continue;
    if (seen.has(item.kind)) sink.report('duplicate-setting', item, t("'{0}' is already set in this block.", item.kind));
    seen.add(item.kind);
    if (item.kind !== 'flowTypes') continue;
    const names = item.values.map((v) => v.text);
    for (const value of item.values) {
      const valid = OBJECT_FLOW_FLAGS.includes(value.text) || value.text === 'None';
      if (!valid) {
        sink.report(
          'invalid-object-flow-types',
          value,
          t("flowTypes takes Add, Update and Delete (or None alone), not '{0}'.", value.text),
          {
            suggestions: [...OBJECT_FLOW_FLAGS, 'None'].filter((t) => t.toLowerCase() === value.text.toLowerCase()),
          },
        );
      } else if (names.filter((n) => n === value.text).length > 1 || (value.text === 'None' && names.length > 1)) {
        sink.report(
          'invalid-object-flow-types',
          value,
          value.text === 'None' ? t("'None' cannot be combined with other flow types.") : t("'{0}' is listed twice.", value.text),
        );
      }
    }
  }
};
