/**
 * Target attributes: known to the schema, spelled as the schema spells them, written once; required
 * ones mapped where the service needs them: when it creates objects, i.e. in an enabled object
 * mapping whose flowTypes include Add (docs/real-schemas.md).
 */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import { suggestNames } from '../../../catalogue/index';
import { attributeNames } from '../../../schema/lookup';
import { didYouMean } from '../../diagnostic';
import type { BlockContext, BlockRule } from '../context';
import { resolveTargetAttribute } from '../resolve';

/** Target objects with at most this many attributes are listed in full in `unknown-target-attribute`. */
const LISTED_ATTRIBUTES_MAX = 15;

export const targetAttributesRule: BlockRule = ({ block, targetObject, mappings, sink, schemas, disabled }) => {
  const seen = new Map<string, number>();
  for (const { mapping } of mappings) {
    const key = mapping.target.text.toLowerCase();
    if (seen.has(key)) {
      sink.report(
        'duplicate-target-attribute',
        mapping.target,
        t("'{0}' is already mapped earlier in this block; a target attribute takes one mapping.", mapping.target.text),
      );
    } else seen.set(key, mapping.start);
  }
  if (!targetObject) return;
  for (const { mapping } of mappings) {
    const found = resolveTargetAttribute(targetObject, mapping.target);
    if (!found) {
      const names = attributeNames(targetObject);
      const suggestions = suggestNames(mapping.target.text, names);
      const target = schemas.target?.displayName ?? t('The target');
      // A short list (Chatwork's) is worth reading in full; a long one is what completion is for.
      const listed = names.length <= LISTED_ATTRIBUTES_MAX ? t('{0} has {1}.', target, names.map((n) => `'${n}'`).join(', ')) : '';
      sink.report(
        'unknown-target-attribute',
        mapping.target,
        joinSentences(t("{0} has no attribute '{1}'.", target, mapping.target.text), didYouMean(suggestions), listed),
        { suggestions },
      );
    } else if (!found.exactCase) {
      sink.report('target-attribute-case', mapping.target, t("The schema spells this attribute '{0}'.", found.attribute.name), {
        suggestions: [found.attribute.name],
      });
    }
  }
  if (disabled || !createsObjects(block)) return;
  const mapped = new Set(mappings.map((m) => m.targetAttribute?.name).filter(Boolean));
  const missing = targetObject.attributes.filter((a) => a.required && !mapped.has(a.name));
  if (missing.length) {
    const names = missing.map((a) => a.name);
    sink.report(
      'missing-required-attribute',
      block.targetObject ?? block.keyword,
      t(
        '{0} requires {1}; add a mapping such as: {2} <- [userPrincipalName]',
        schemas.target?.displayName ?? t('The target'),
        names.map((n) => `'${n}'`).join(', '),
        names[0]!,
      ),
      { suggestions: names },
    );
  }
};

/** Whether the service creates target objects through this block: its flowTypes (default Add, Update, Delete) include Add. */
function createsObjects(block: BlockContext['block']): boolean {
  let flowTypes: readonly string[] | undefined;
  for (const item of block.items) if (item.kind === 'flowTypes') flowTypes = item.values.map((v) => v.text);
  return flowTypes === undefined || flowTypes.includes('Add');
}
