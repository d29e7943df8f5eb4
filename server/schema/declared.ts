/**
 * Attributes declared in a `.aadmap` mapping block (`attribute target|source "NAME" TYPE FLAGS…`,
 * docs/custom-attributes.md) as Graph attributeDefinitions, and the block's directory objects with
 * them added: the checker, the preview, completion and hover then know a declared attribute like
 * one of the schema. The block alone decides (incremental checking checks a block from the block
 * and the schemas only).
 */
import type { AttributeDeclaration, ObjectMappingBlock } from '../../grammar/mapping/ast';
import { ATTRIBUTE_TYPE_NAMES, type AttributeSide } from '../../grammar/mapping/vocabulary';
import { findAttribute, findTargetAttribute } from './lookup';
import type { AttributeDefinition, AttributeType, DirectorySchema, ObjectSchema } from './types';
import { t } from '../../grammar/common/l10n';

/** What a declaration says, in Graph attributeDefinition terms. */
export interface DeclaredAttribute {
  declaration: AttributeDeclaration;
  side: AttributeSide;
  name: string;
  /** `remove`: deploy removes the attribute. */
  remove: boolean;
  /** Undefined for a removal, or when the type is missing or unknown (the checker reports it). */
  definition?: AttributeDefinition;
  apiExpressions: { key: string; value: string }[];
}

/** Every declaration of a block with a side and a name, in file order. */
export function declaredAttributes(block: ObjectMappingBlock, side?: AttributeSide): DeclaredAttribute[] {
  const result: DeclaredAttribute[] = [];
  for (const item of block.items) {
    if (item.kind !== 'attributeDeclaration' || !item.side || !item.name) continue;
    const itemSide = item.side.text as AttributeSide;
    if (side && itemSide !== side) continue;
    result.push(readDeclaration(item, itemSide));
  }
  return result;
}

function readDeclaration(declaration: AttributeDeclaration, side: AttributeSide): DeclaredAttribute {
  const name = declaration.name!.text;
  const flags = (word: string) => declaration.flags.filter((f) => f.name.text === word);
  const has = (word: string) => flags(word).length > 0;
  const remove = has('remove');
  const apiExpressions = flags('apiExpression')
    .filter((f) => f.values.length === 2)
    .map((f) => ({ key: f.values[0]!.value, value: f.values[1]!.value }));
  const type = declaration.type?.text;
  const known = type !== undefined && (ATTRIBUTE_TYPE_NAMES as readonly string[]).includes(type);
  if (remove || !known) return { declaration, side, name, remove, apiExpressions };
  const referencedObjects = flags('referencedObject')
    .filter((f) => f.values.length === 1)
    .map((f) => f.values[0]!.value);
  const definition: AttributeDefinition = {
    name,
    type: type as AttributeType,
    multivalued: has('multiValued'),
    required: has('required'),
    caseExact: has('caseExact'),
    ...(referencedObjects.length ? { referencedObjects } : {}),
    description: side === 'target' ? t('Declared in this file (target attribute).') : t('Declared in this file (source attribute).'),
  };
  return { declaration, side, name, remove, definition, apiExpressions };
}

/** The attribute of the schema object a declaration names (SCIM target names ignore case; source names do not). */
export function schemaAttributeOf(object: ObjectSchema, declared: DeclaredAttribute): AttributeDefinition | undefined {
  return declared.side === 'target'
    ? findTargetAttribute(object, declared.name)?.attribute
    : findAttribute(object, declared.name)?.attribute;
}

/** The properties a declaration sets, of a schema attribute (Graph's defaults where it says nothing). */
export function declarableProperties(attribute: AttributeDefinition): string {
  return JSON.stringify({
    name: attribute.name,
    type: attribute.type,
    multivalued: attribute.multivalued,
    required: attribute.required,
    caseExact: attribute.caseExact ?? false,
    referencedObjects: [...(attribute.referencedObjects ?? [])],
  });
}

const augmented = new WeakMap<ObjectMappingBlock, Map<string, { base: ObjectSchema; object: ObjectSchema }>>();

/**
 * The object with the block's declared attributes of `side` added after its own (a declaration that
 * repeats a schema attribute adds nothing: the schema's stays). The object itself when the block
 * declares none.
 */
export function withDeclaredAttributes(
  object: ObjectSchema | undefined,
  block: ObjectMappingBlock,
  side: AttributeSide,
  directory: DirectorySchema | undefined,
): ObjectSchema | undefined {
  if (!object || !block.items.some((i) => i.kind === 'attributeDeclaration')) return object;
  let cached = augmented.get(block);
  const hit = cached?.get(side);
  if (hit && hit.base === object) return hit.object;
  const added: AttributeDefinition[] = [];
  for (const declared of declaredAttributes(block, side)) {
    if (!declared.definition || schemaAttributeOf(object, declared)) continue;
    if (added.some((a) => a.name.toLowerCase() === declared.name.toLowerCase())) continue;
    // A built-in target knows which attributes it filters on: a declared one is not among them.
    added.push({ ...declared.definition, ...(directory?.filterabilityKnown ? { filterable: false } : {}) });
  }
  const result = added.length ? { ...object, attributes: [...object.attributes, ...added] } : object;
  if (!cached) augmented.set(block, (cached = new Map()));
  cached.set(side, { base: object, object: result });
  return result;
}
