/**
 * Checks a parsed `.aadmap` file against its schemas: resolves each block's objects and target
 * attributes (the checked model), runs the expression rules on every source and the block rules on
 * every block.
 */
import { t } from '../../../grammar/common/l10n';
import type { TextRange } from '../../../grammar/common/text-range';
import type { AttributeMapping, MappingFile, ObjectMappingBlock, TargetStatement } from '../../../grammar/mapping/ast';
import { attributeMappingsOf, mappingProperties } from '../../../grammar/mapping/ast';
import { findObject } from '../../schema/lookup';
import { WarningsOnlySink, type DiagnosticSink } from '../diagnostic';
import { checkExpression } from '../expression/check-expression';
import type { BlockContext, BlockRule, CheckedBlock, CheckedMapping, ResolvedSchemas } from './context';
import { resolveTargetAttribute } from './resolve';
import { withDeclaredAttributes } from '../../schema/declared';
import { attributeDeclarationsRule } from './rules/attribute-declarations';
import { checkDeployStatements } from './rules/deploy';
import { flowRule } from './rules/flow';
import { matchingRule } from './rules/matching';
import { objectsRule } from './rules/objects';
import { scopesRule } from './rules/scopes';
import { settingsRule } from './rules/settings';
import { targetAttributesRule } from './rules/target-attributes';
import { targetTypeRule } from './rules/target-type';

export const blockRules: readonly BlockRule[] = [
  objectsRule,
  attributeDeclarationsRule,
  settingsRule,
  scopesRule,
  targetAttributesRule,
  targetTypeRule,
  matchingRule,
  flowRule,
];

export function checkMappingFile(file: MappingFile, text: string, schemas: ResolvedSchemas, sink: DiagnosticSink): CheckedBlock[] {
  const names = new Set<string>();
  reportDuplicateTargets(file.targets, sink);
  checkDeployStatements(file, sink);
  return file.mappings.map((block) => {
    if (block.name) reportDuplicateBlockName(names, block.name, sink);
    return checkBlock(block, text, schemas, sink);
  });
}

/** The file-level rule on target statements (a file has one). */
export function reportDuplicateTargets(targets: readonly TargetStatement[], sink: DiagnosticSink): void {
  for (const statement of targets.slice(1)) {
    sink.report('duplicate-target-statement', statement, t('A file has one target statement; the first one applies.'));
  }
}

/** The file-level rule on block names; `names` holds the names of the blocks before this one. */
export function reportDuplicateBlockName(names: Set<string>, name: TextRange & { value: string }, sink: DiagnosticSink): void {
  if (names.has(name.value)) sink.report('duplicate-object-mapping', name, t('Another mapping block is called "{0}".', name.value));
  names.add(name.value);
}

/**
 * Everything checked within one block: its objects, each mapping's source expression and the block
 * rules. Depends only on the block and the schemas (incremental diagnostics rely on that).
 */
export function checkBlock(block: ObjectMappingBlock, text: string, schemas: ResolvedSchemas, blockSink: DiagnosticSink): CheckedBlock {
  // A disabled object mapping is one the service never runs: it is checked, but nothing in it is an error.
  const disabled = isDisabled(block);
  const sink = disabled ? new WarningsOnlySink(blockSink) : blockSink;
  // Attributes the block declares are known like the schema's own (docs/custom-attributes.md).
  const sourceObject = withDeclaredAttributes(
    block.sourceObject && findObject(schemas.source, block.sourceObject.text),
    block,
    'source',
    schemas.source,
  );
  const targetObject = withDeclaredAttributes(
    block.targetObject && schemas.target ? findObject(schemas.target, block.targetObject.text) : undefined,
    block,
    'target',
    schemas.target,
  );
  const mappings = attributeMappingsOf(block).map((mapping): CheckedMapping => {
    const properties = mappingProperties(mapping);
    const targetAttribute = targetObject ? resolveTargetAttribute(targetObject, mapping.target)?.attribute : undefined;
    checkSource(mapping, text, sink, schemas, sourceObject, properties, targetAttribute);
    return { mapping, properties, targetAttribute };
  });
  const context: BlockContext = { block, sourceObject, targetObject, mappings, sink, schemas, text, disabled };
  for (const rule of blockRules) rule(context);
  return { block, sourceObject, targetObject, mappings };
}

/** The block's last `enabled` setting is `false`. */
export function isDisabled(block: ObjectMappingBlock): boolean {
  let enabled = true;
  for (const item of block.items) if (item.kind === 'enabled') enabled = item.value;
  return !enabled;
}

/** The expression rules on one mapping's source (checkBlock runs it on each mapping before the block rules). */
export function checkSource(
  mapping: AttributeMapping,
  text: string,
  sink: DiagnosticSink,
  schemas: ResolvedSchemas,
  source: CheckedBlock['sourceObject'],
  properties: CheckedMapping['properties'],
  targetAttribute: CheckedMapping['targetAttribute'],
): void {
  if (mapping.source.kind === 'none' || mapping.source.kind === 'missing') return;
  checkExpression(mapping.source, {
    sink,
    source,
    text,
    functions: schemas.functions,
    usage: schemas.target ? { kind: 'mapping', properties, targetAttribute, targetDirectory: schemas.target } : { kind: 'standalone' },
  });
}
