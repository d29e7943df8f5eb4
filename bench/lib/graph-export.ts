/**
 * A minimal, bench-only export of a parsed `.aadmap` file to Graph synchronizationSchema JSON: the
 * `synchronizationRules[].objectMappings[].attributeMappings[]` shapes of graph-sync-api.md §4.7,
 * §4.8, §4.9 and the sample of §8. It exists so benchmark 2 can compare the analysis with
 * `JSON.parse` of the same mappings; the real serializer (feature/graph) replaces it for anything
 * a user sees. Parameter keys come from the function catalogue.
 */
import type { Argument, Expression } from '../../grammar/expression/ast';
import { printExpression } from '../../grammar/expression/printer';
import { attributeMappingsOf, mappingProperties, type MappingFile, scopesOf } from '../../grammar/mapping/ast';
import { lookupFunction, parameterForArgument } from '../../server/catalogue/index';

interface GraphSource {
  expression: string;
  name: string;
  type: 'Attribute' | 'Constant' | 'Function';
  parameters: { key: string; value: GraphSource }[];
}

function sourceOf(node: Expression): GraphSource {
  switch (node.kind) {
    case 'attribute':
      return { expression: printExpression(node), name: node.name, parameters: [], type: 'Attribute' };
    case 'string':
      return { expression: printExpression(node), name: node.value, parameters: [], type: 'Constant' };
    case 'number':
    case 'identifier':
      return { expression: printExpression(node), name: node.kind === 'number' ? node.raw : node.name, parameters: [], type: 'Constant' };
    case 'call': {
      const signature = lookupFunction(node.name);
      const parameters: GraphSource['parameters'] = [];
      node.args.forEach((arg: Argument, index) => {
        // Empty argument positions are simply absent (§4.9).
        if (arg.kind === 'empty' || arg.kind === 'missing') return;
        const key = (signature && parameterForArgument(signature, index)?.key) ?? `arg${index}`;
        parameters.push({ key, value: sourceOf(arg) });
      });
      return { expression: printExpression(node), name: node.name, parameters, type: 'Function' };
    }
    case 'comparison':
    case 'missing':
      // Comparisons only occur inside IIF conditions; Graph keeps the condition's text.
      return { expression: printExpression(node), name: printExpression(node), parameters: [], type: 'Constant' };
  }
}

/** The synchronizationSchema JSON (as a string, as Graph would send it) of a parsed file. */
export function exportGraphSchemaJson(file: MappingFile): string {
  const objectMappings = file.mappings.map((block) => ({
    name: block.name?.value ?? '',
    enabled: true,
    flowTypes: 'Add, Update, Delete',
    sourceObjectName: block.sourceObject?.text ?? 'User',
    targetObjectName: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    scope: scopesOf(block).length
      ? {
          groups: scopesOf(block).map((group) => ({
            name: group.name?.value ?? '',
            clauses: group.clauses.map((clause) => ({
              sourceOperandName: clause.attribute.name,
              operatorName: clause.operator?.name ?? '',
              targetOperand: {
                values: clause.values.map((value) =>
                  value.kind === 'string' ? value.value : String(value.kind === 'number' ? value.raw : value.value),
                ),
              },
            })),
          })),
          inputFilterGroups: [],
          categoryFilterGroups: [],
        }
      : null,
    metadata: [
      { key: 'IsCustomerDefined', value: 'false' },
      { key: 'Disposition', value: '"Normal"' },
      { key: 'EscrowBehavior', value: '"Default"' },
    ],
    attributeMappings: attributeMappingsOf(block).map((mapping) => {
      const properties = mappingProperties(mapping);
      return {
        targetAttributeName: mapping.target.text,
        defaultValue: properties.defaultValue,
        exportMissingReferences: properties.exportMissingReferences,
        flowBehavior: properties.flowBehavior,
        flowType: properties.flowType,
        matchingPriority: properties.matchingPriority,
        source: mapping.source.kind === 'none' ? null : sourceOf(mapping.source),
      };
    }),
  }));
  return JSON.stringify({
    id: 'chatwork',
    version: '00000000-0000-0000-0000-000000000000',
    directories: [],
    synchronizationRules: [
      {
        id: '00000000-0000-0000-0000-000000000002',
        name: 'USER_OUTBOUND_USER',
        editable: true,
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'customappsso',
        metadata: [],
        objectMappings,
      },
    ],
  });
}
