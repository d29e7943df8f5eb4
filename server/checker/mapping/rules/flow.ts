/** Modifiers that name Graph enum values: flowType, flowBehavior; and `none` sources that need a default. */
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
          sink.report('invalid-flow-type', modifier.value, `flowType must be one of ${FLOW_TYPE_NAMES.join(', ')} (case-sensitive).`, {
            suggestions: FLOW_TYPE_NAMES.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
          });
        }
      }
      if (modifier.kind === 'flowBehavior' && modifier.value && !(FLOW_BEHAVIOR_NAMES as readonly string[]).includes(modifier.value.text)) {
        sink.report('invalid-flow-behavior', modifier.value, `flowBehavior must be ${FLOW_BEHAVIOR_NAMES.join(' or ')} (case-sensitive).`, {
          suggestions: FLOW_BEHAVIOR_NAMES.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
        });
      }
    }
    if (onCreate && flowType) {
      const modifier = mapping.modifiers.find((m) => m.kind === 'flowType')!;
      sink.report('conflicting-flow-type', modifier, "'on create' already sets flowType ObjectAddOnly; keep one of the two.");
    }
    if (mapping.source.kind === 'none' && !mapping.modifiers.some((m) => m.kind === 'default')) {
      sink.report(
        'none-without-default',
        mapping.source,
        'A \'none\' source writes only its default value: add default "…" or remove the mapping.',
      );
    }
  }
};
