/**
 * SCIM filters against a target schema: every attribute a filter tests must exist, and the target
 * must be able to filter on it (Chatwork filters on userName only).
 */
import { joinSentences, t } from '../../../grammar/common/l10n';
import type { TextRange } from '../../../grammar/common/text-range';
import type { ScimAttributePath, ScimFilter } from '../../../grammar/scim/ast';
import { suggestNames } from '../../catalogue/index';
import { attributeNames, findTargetAttribute } from '../../schema/lookup';
import type { DirectorySchema, ObjectSchema } from '../../schema/types';
import { didYouMean, type DiagnosticSink } from '../diagnostic';

/** A tested attribute: its full path text (valuePath parents prefixed) and where it is written. */
export interface FilterAttributeUse {
  text: string;
  range: TextRange;
  /** The attribute's name without sub-attribute, URN-qualified when written so. */
  attributeName: string;
  hasSubAttribute: boolean;
}

function filterAttributeUses(filter: ScimFilter, parent?: ScimAttributePath): FilterAttributeUse[] {
  const uses: FilterAttributeUse[] = [];
  const walk = (node: ScimFilter, within?: ScimAttributePath): void => {
    switch (node.kind) {
      case 'attributeExpression':
        uses.push(use(node.path, within));
        break;
      case 'valuePath':
        walk(node.filter, node.path);
        if (node.subAttribute) {
          uses.push({
            text: `${node.path.text}.${node.subAttribute.name}`,
            range: node.subAttribute,
            attributeName: qualifiedName(node.path),
            hasSubAttribute: true,
          });
        }
        break;
      case 'logical':
        node.operands.forEach((operand) => walk(operand, within));
        break;
      case 'not':
        walk(node.operand, within);
        break;
      case 'error':
        break;
    }
  };
  walk(filter, parent);
  return uses;
}

function qualifiedName(path: ScimAttributePath): string {
  return path.uri ? `${path.uri}:${path.name}` : path.name;
}

function use(path: ScimAttributePath, within: ScimAttributePath | undefined): FilterAttributeUse {
  if (within) return { text: `${within.text}.${path.text}`, range: path, attributeName: qualifiedName(within), hasSubAttribute: true };
  return { text: path.text, range: path, attributeName: qualifiedName(path), hasSubAttribute: path.subAttribute !== undefined };
}

export function checkFilterAttributes(filter: ScimFilter, directory: DirectorySchema, object: ObjectSchema, sink: DiagnosticSink): void {
  const filterable = object.attributes.filter((a) => a.filterable === true).map((a) => a.name);
  for (const attributeUse of filterAttributeUses(filter)) {
    const found = findTargetAttribute(object, attributeUse.attributeName);
    if (!found) {
      const suggestions = suggestNames(attributeUse.attributeName, attributeNames(object));
      if (directory.filterabilityKnown) {
        sink.report(
          'non-filterable-attribute',
          attributeUse.range,
          joinSentences(
            t(
              "'{0}' is not a {1} attribute; {1} can filter only on {2}.",
              attributeUse.text,
              directory.displayName,
              filterable.map((n) => `'${n}'`).join(', '),
            ),
            didYouMean(suggestions),
          ),
          { suggestions },
        );
      } else {
        sink.report(
          'unknown-filter-attribute',
          attributeUse.range,
          joinSentences(t("'{0}' is not in the {1} schema.", attributeUse.text, directory.displayName), didYouMean(suggestions)),
          { suggestions },
        );
      }
      continue;
    }
    if (directory.filterabilityKnown && (found.attribute.filterable !== true || attributeUse.hasSubAttribute)) {
      sink.report(
        'non-filterable-attribute',
        attributeUse.range,
        t(
          "{0} cannot filter on '{1}'; it can filter only on {2}.",
          directory.displayName,
          attributeUse.text,
          filterable.map((n) => `'${n}'`).join(', '),
        ),
        { suggestions: filterable },
      );
    }
  }
}
