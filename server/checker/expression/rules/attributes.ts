/** Source attributes: unknown names (with did-you-mean) and wrong case (names are case-sensitive). */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import { suggestNames } from '../../../catalogue/index';
import { isDirectoryExtensionAttribute, provisioningNameOfGraphProperty } from '../../../schema/azure-ad';
import { attributeNames, findAttribute } from '../../../schema/lookup';
import { didYouMean } from '../../diagnostic';
import type { AttributeReference } from '../../../../grammar/expression/ast';
import type { ObjectSchema } from '../../../schema/types';
import type { DiagnosticSink } from '../../diagnostic';
import type { ExpressionRule } from '../context';

export const attributesRule: ExpressionRule = {
  node(node, _site, { sink, source }) {
    if (node.kind === 'attribute' && source) checkSourceAttribute(node, source, sink);
  },
};

/** Shared with scoping-filter clauses, whose attributes are source attributes too. */
export function checkSourceAttribute(node: AttributeReference, source: ObjectSchema, sink: DiagnosticSink): void {
  const found = findAttribute(source, node.name);
  if (found?.exactCase) return;
  if (found) {
    sink.report(
      'attribute-case',
      node.nameRange,
      t('Attribute names are case-sensitive: write [{0}], not [{1}].', found.attribute.name, node.name),
      {
        suggestions: [found.attribute.name],
      },
    );
    return;
  }
  // Directory extensions are tenant-specific; their names cannot be checked offline.
  if (isDirectoryExtensionAttribute(node.name)) return;
  const provisioningName = provisioningNameOfGraphProperty(node.name);
  if (provisioningName !== undefined && findAttribute(source, provisioningName)?.exactCase) {
    sink.report(
      'unknown-attribute',
      node.nameRange,
      t(
        "Unknown source attribute [{0}]: {0} is Microsoft Graph's name; the provisioning schema calls it [{1}].",
        node.name,
        provisioningName,
      ),
      { suggestions: [provisioningName] },
    );
    return;
  }
  const suggestions = suggestNames(node.name, attributeNames(source));
  const unknown =
    node.name.trim() !== node.name
      ? t(
          'Unknown source attribute [{0}] (spaces inside the brackets are part of the name): {1} has no such attribute.',
          node.name,
          source.name,
        )
      : t('Unknown source attribute [{0}]: {1} has no such attribute.', node.name, source.name);
  sink.report(
    'unknown-attribute',
    node.nameRange,
    joinSentences(
      unknown,
      didYouMean(suggestions, (s) => `[${s}]`),
    ),
    { suggestions },
  );
}
