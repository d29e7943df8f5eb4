/**
 * Benchmark 2's native-parser floor: the generated mappings as Graph synchronizationSchema JSON, as
 * a deploy would PUT it, written by the real exporter (server/graph/export.ts) onto the Chatwork
 * sample schema. Graph documents no `attributeMappingSource` tree for a comparison (an IIF
 * condition): a deploy gets it from the service's parseExpression
 * (https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-parseexpression).
 * Here such a condition stands in the tree as a constant of its text, the smallest tree it could have.
 */
import type { Argument, Expression } from '../../grammar/expression/ast';
import { parseExpression, printExpression } from '../../grammar/expression/index';
import type { MappingFile } from '../../grammar/mapping/ast';
import { exportSchema } from '../../server/graph/export';
import { toSourceTree } from '../../server/graph/source-tree';
import chatworkSampleSchema from '../../test/schema/fixtures/chatwork-sample-schema.json';

function comparisonsAsConstants(node: Argument): Argument {
  if (node.kind === 'comparison') {
    const text = printExpression(node);
    return { kind: 'string', value: text, raw: JSON.stringify(text), start: node.start, end: node.end };
  }
  if (node.kind === 'call') return { ...node, args: node.args.map(comparisonsAsConstants) };
  return node;
}

/** The schema JSON (as Graph sends it: one string) holding every mapping of `file`, exported onto `base`. */
export function graphSchemaJson(file: MappingFile, base: unknown = chatworkSampleSchema): string {
  const first = exportSchema(file, base);
  if (first.schema) return JSON.stringify(first.schema);
  const serviceTrees = new Map<string, unknown>();
  for (const changed of first.changedExpressions) {
    const { ast } = parseExpression(changed.text);
    if (!ast) continue;
    const built = toSourceTree(comparisonsAsConstants(ast) as Expression);
    if ('tree' in built) serviceTrees.set(changed.text, built.tree);
  }
  const result = exportSchema(file, base, { serviceTrees });
  if (!result.schema) throw new Error(`the generated file cannot be exported: ${result.problems.map((p) => p.message).join('; ')}`);
  return JSON.stringify(result.schema);
}
