/** Modifiers that name Graph enum values: flowType, flowBehavior; and `none` sources that need a default. */
import { orList } from '../../diagnostic';
import { t } from '../../../../grammar/common/l10n';
import type { BlockRule } from '../context';
import { FLOW_BEHAVIOR_NAMES, FLOW_TYPE_NAMES } from '../../../../grammar/mapping/vocabulary';

export const flowRule: BlockRule = ({ mappings, sink }) => {
  for (const { mapping } of mappings) {
    let onCreate = false;
    let flowType = false;
    for (const modifier of mapping.modifiers) {
      if (modifier.kind === 'onCreate') onCreate = true;
      if (modifier.kind === 'flowType') {
        flowType = true;
        if (modifier.value && !(FLOW_TYPE_NAMES as readonly string[]).includes(modifier.value.text)) {
          sink.report('invalid-flow-type', modifier.value, t('flowType must be one of {0} (case-sensitive).', FLOW_TYPE_NAMES.join(', ')), {
            suggestions: FLOW_TYPE_NAMES.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
          });
        }
      }
      if (modifier.kind === 'flowBehavior' && modifier.value && !(FLOW_BEHAVIOR_NAMES as readonly string[]).includes(modifier.value.text)) {
        sink.report('invalid-flow-behavior', modifier.value, t('flowBehavior must be {0} (case-sensitive).', orList(FLOW_BEHAVIOR_NAMES)), {
          suggestions: FLOW_BEHAVIOR_NAMES.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
        });
      }
    }
    if (onCreate && flowType) {
      const modifier = mapping.modifiers.find((m) => m.kind === 'flowType')!;
      sink.report('conflicting-flow-type', modifier, t("'on create' already sets flowType ObjectAddOnly; keep one of the two."));
    }
    if (mapping.source.kind === 'none' && !mapping.modifiers.some((m) => m.kind === 'default')) {
      sink.report(
        'none-without-default',
        mapping.source,
        t('A \'none\' source writes only its default value: add default "…" or remove the mapping.'),
      );
    }
  }
};
