/**
 * What the source produces must fit the target's type. For a Boolean target (Chatwork `active`) every
 * constant the expression can return must read "True" or "False"; a String-typed attribute or
 * function result is suspicious but possible.
 */
import { t } from '../../../../grammar/common/l10n';
import type { Expression } from '../../../../grammar/expression/ast';
import type { ObjectSchema } from '../../../schema/types';
import { leafType, resultLeaves } from '../../expression/types';
import type { BlockRule } from '../context';

const BOOLEAN_TEXT = /^(true|false)$/i;
const INTEGER_TEXT = /^-?\d+$/;

export const targetTypeRule: BlockRule = ({ mappings, sourceObject, sink }) => {
  for (const { mapping, targetAttribute } of mappings) {
    if (!targetAttribute || mapping.source.kind === 'none') continue;
    const type = targetAttribute.type;
    if (type !== 'Boolean' && type !== 'Integer') continue;
    for (const leaf of resultLeaves(mapping.source)) check(leaf, type, targetAttribute.name, sourceObject, sink);
    const defaultModifier = mapping.modifiers.find((m) => m.kind === 'default');
    if (defaultModifier?.kind === 'default' && defaultModifier.value)
      check(defaultModifier.value, type, targetAttribute.name, sourceObject, sink);
  }
};

function check(
  leaf: Expression,
  type: 'Boolean' | 'Integer',
  target: string,
  source: ObjectSchema | undefined,
  sink: Parameters<BlockRule>[0]['sink'],
): void {
  if (leaf.kind === 'string' || leaf.kind === 'number') {
    const text = leaf.kind === 'string' ? leaf.value : leaf.raw;
    const ok = type === 'Boolean' ? BOOLEAN_TEXT.test(text) : INTEGER_TEXT.test(text);
    if (!ok) {
      sink.report(
        'target-type-mismatch',
        leaf,
        type === 'Boolean'
          ? t('\'{0}\' is a Boolean: this value must be "True" or "False", not {1}.', target, leaf.kind === 'string' ? leaf.raw : text)
          : t("'{0}' is an Integer: {1} is not a whole number.", target, leaf.kind === 'string' ? leaf.raw : text),
        { suggestions: type === 'Boolean' ? ['"True"', '"False"'] : [] },
      );
    }
    return;
  }
  const actual = leafType(leaf, source);
  const fits =
    actual === undefined ||
    actual === type ||
    actual === 'Any' ||
    (type === 'Integer' && actual === 'Number') ||
    (type === 'Boolean' && actual === 'Boolean');
  if (!fits) {
    sink.report(
      'target-type-mismatch',
      leaf,
      type === 'Integer'
        ? t("'{0}' is an Integer, but this gives a {1}.", target, actual!)
        : t("'{0}' is a Boolean, but this gives a {1}.", target, actual!),
      { severity: 'warning' },
    );
  }
}
