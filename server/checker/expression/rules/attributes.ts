/** Source attributes: unknown names (with did-you-mean) and wrong case (names are case-sensitive). */
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
      `Attribute names are case-sensitive: write [${found.attribute.name}], not [${node.name}].`,
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
      `Unknown source attribute [${node.name}]: ${node.name} is Microsoft Graph's name; the provisioning schema calls it [${provisioningName}].`,
      { suggestions: [provisioningName] },
    );
    return;
  }
  const suggestions = suggestNames(node.name, attributeNames(source));
  const hint = node.name.trim() !== node.name ? ' (spaces inside the brackets are part of the name)' : '';
  sink.report(
    'unknown-attribute',
    node.nameRange,
    `Unknown source attribute [${node.name}]${hint}: ${source.name} has no such attribute.${didYouMean(suggestions, (s) => `[${s}]`)}`,
    { suggestions },
  );
}
