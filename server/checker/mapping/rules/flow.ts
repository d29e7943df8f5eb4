/** Modifiers that name Graph enum values: flowType, flowBehavior; and `none` sources that need a default. */
import type { BlockRule } from '../context';

export const FLOW_TYPES = ['Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly'] as const;
export const FLOW_BEHAVIORS = ['FlowWhenChanged', 'FlowAlways'] as const;

export const flowRule: BlockRule = ({ mappings, sink }) => {
  for (const { mapping } of mappings) {
    let onCreate = false;
    let flowType = false;
    for (const modifier of mapping.modifiers) {
      if (modifier.kind === 'onCreate') onCreate = true;
      if (modifier.kind === 'flowType') {
        flowType = true;
        if (modifier.value && !(FLOW_TYPES as readonly string[]).includes(modifier.value.text)) {
          sink.report('invalid-flow-type', modifier.value, `flowType must be one of ${FLOW_TYPES.join(', ')} (case-sensitive).`, {
            suggestions: FLOW_TYPES.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
          });
        }
      }
      if (modifier.kind === 'flowBehavior' && modifier.value && !(FLOW_BEHAVIORS as readonly string[]).includes(modifier.value.text)) {
        sink.report('invalid-flow-behavior', modifier.value, `flowBehavior must be ${FLOW_BEHAVIORS.join(' or ')} (case-sensitive).`, {
          suggestions: FLOW_BEHAVIORS.filter((t) => t.toLowerCase() === modifier.value!.text.toLowerCase()),
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
