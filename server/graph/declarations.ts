/**
 * Attribute declarations (docs/custom-attributes.md) against a synchronizationSchema's
 * `directories`: export adds or updates the declared attributeDefinitions and removes those
 * declared with `remove` (refused while any object mapping of the schema still uses them); import
 * writes declarations for the attributes a schema has beyond the built-in template; the what-if
 * lists the attribute changes. Field names and defaults follow Graph's attributeDefinition
 * (https://learn.microsoft.com/graph/api/resources/synchronization-attributedefinition).
 */
import { t } from '../../grammar/common/l10n';
import { encodeExpressionString } from '../../grammar/expression/index';
import type { ObjectMappingBlock } from '../../grammar/mapping/ast';
import { ATTRIBUTE_TYPE_NAMES, type AttributeSide } from '../../grammar/mapping/vocabulary';
import { declaredAttributes, type DeclaredAttribute } from '../schema/declared';
import { isDirectoryExtensionAttribute } from '../schema/azure-ad';
import { findAttribute, findTargetAttribute } from '../schema/lookup';
import type { ObjectSchema } from '../schema/types';
import { asArray, deepEqual, isRecord, type JsonObject, str } from './json';
import { objectNameText } from './mapping-view';

// ───────────────────────────────────────────── directories of a schema

/** The `objects[]` entry called `objectName` of the directory called `directoryName`. */
export function directoryObject(schema: JsonObject, directoryName: unknown, objectName: unknown): JsonObject | undefined {
  const directory = asArray(schema.directories).find((d) => isRecord(d) && d.name === directoryName);
  if (!isRecord(directory)) return undefined;
  const object = asArray(directory.objects).find((o) => isRecord(o) && o.name === objectName);
  return isRecord(object) ? object : undefined;
}

/** An attribute of a directory object by name: exact, then (target side, SCIM) ignoring case. */
function findJsonAttribute(object: JsonObject, name: string, side: AttributeSide): JsonObject | undefined {
  const attributes = asArray(object.attributes).filter(isRecord);
  return (
    attributes.find((a) => a.name === name) ??
    (side === 'target' ? attributes.find((a) => typeof a.name === 'string' && a.name.toLowerCase() === name.toLowerCase()) : undefined)
  );
}

const referencedNames = (attribute: JsonObject): string[] =>
  asArray(attribute.referencedObjects)
    .map((r) => (isRecord(r) ? str(r.referencedObjectName) : undefined))
    .filter((n): n is string => n !== undefined);

const apiPairs = (attribute: JsonObject): { key: unknown; value: unknown }[] =>
  asArray(attribute.apiExpressions).map((p) => (isRecord(p) ? { key: p.key, value: p.value } : { key: undefined, value: undefined }));

// ───────────────────────────────────────────── export

export interface DeclarationProblem {
  range: { start: number; end: number };
  message: string;
}

/** A block's declarations, with where they go in the schema (collected by export, applied after every block). */
export interface PendingDeclarations {
  block: ObjectMappingBlock;
  rule: JsonObject;
  objectMapping: JsonObject;
}

/**
 * Applies the declarations of the blocks to the schema's directories: additions and updates first,
 * removals last (a removal is checked against the mappings the schema has after every block was
 * applied, so a file may drop a mapping and its attribute together).
 */
export function applyDeclarations(
  schema: JsonObject,
  pending: readonly PendingDeclarations[],
  at: (problem: DeclarationProblem) => void,
): void {
  const removals: { declared: DeclaredAttribute; directoryName: string; objectName: string }[] = [];
  for (const { block, rule, objectMapping } of pending) {
    for (const declared of declaredAttributes(block)) {
      const directoryName = str(declared.side === 'target' ? rule.targetDirectoryName : rule.sourceDirectoryName) ?? '';
      const objectName = str(declared.side === 'target' ? objectMapping.targetObjectName : objectMapping.sourceObjectName) ?? '';
      const object = directoryObject(schema, directoryName, objectName);
      const range = declared.declaration;
      if (!object) {
        at({
          range,
          message:
            declared.side === 'target'
              ? t('The schema has no target object "{0}" in directory "{1}" to hold \'{2}\'.', objectName, directoryName, declared.name)
              : t('The schema has no source object "{0}" in directory "{1}" to hold \'{2}\'.', objectName, directoryName, declared.name),
        });
        continue;
      }
      if (declared.remove) {
        removals.push({ declared, directoryName, objectName });
        continue;
      }
      if (!declared.definition) {
        at({ range, message: t("The declaration of '{0}' has no valid type ({1}).", declared.name, ATTRIBUTE_TYPE_NAMES.join(', ')) });
        continue;
      }
      upsertAttribute(object, declared);
    }
  }
  for (const { declared, directoryName, objectName } of removals) {
    const object = directoryObject(schema, directoryName, objectName)!;
    const existing = findJsonAttribute(object, declared.name, declared.side);
    if (!existing) continue; // already absent: nothing to remove
    const name = str(existing.name) ?? declared.name;
    const users = usersOf(schema, declared.side, directoryName, objectName, name);
    if (users.length) {
      at({
        range: declared.declaration,
        message:
          users.length === 1
            ? t('\'{0}\' cannot be removed: object mapping "{1}" still uses it.', name, users[0]!)
            : t("'{0}' cannot be removed: the object mappings {1} still use it.", name, users.map((u) => `"${u}"`).join(', ')),
      });
      continue;
    }
    object.attributes = asArray(object.attributes).filter((a) => a !== existing);
  }
}

/** Adds the declared attribute, or sets the fields of the existing one that differ (its other fields are kept). */
function upsertAttribute(object: JsonObject, declared: DeclaredAttribute): void {
  const definition = declared.definition!;
  const referencedObjects = (definition.referencedObjects ?? []).map((referencedObjectName) => ({
    referencedObjectName,
    referencedProperty: null,
  }));
  const existing = findJsonAttribute(object, declared.name, declared.side);
  if (!existing) {
    const attribute: JsonObject = {
      anchor: false,
      caseExact: definition.caseExact ?? false,
      defaultValue: null,
      metadata: [],
      multivalued: definition.multivalued,
      mutability: 'ReadWrite',
      name: declared.name,
      referencedObjects,
      required: definition.required,
      type: definition.type,
    };
    // apiExpressions is written only when declared (the portal's "API Expression" field).
    if (declared.apiExpressions.length) attribute.apiExpressions = declared.apiExpressions;
    if (!Array.isArray(object.attributes)) object.attributes = [];
    (object.attributes as unknown[]).push(attribute);
    return;
  }
  if ((existing.type ?? 'String') !== definition.type) existing.type = definition.type;
  if ((existing.required ?? false) !== definition.required) existing.required = definition.required;
  if ((existing.multivalued ?? false) !== definition.multivalued) existing.multivalued = definition.multivalued;
  if ((existing.caseExact ?? false) !== (definition.caseExact ?? false)) existing.caseExact = definition.caseExact ?? false;
  if (!deepEqual(referencedNames(existing), definition.referencedObjects ?? [])) existing.referencedObjects = referencedObjects;
  if (!deepEqual(apiPairs(existing), declared.apiExpressions)) {
    if (declared.apiExpressions.length || existing.apiExpressions !== undefined) existing.apiExpressions = declared.apiExpressions;
  }
}

/** The object mappings of the schema that write (target) or read (source) the attribute. */
function usersOf(schema: JsonObject, side: AttributeSide, directoryName: string, objectName: string, name: string): string[] {
  const users: string[] = [];
  for (const rule of asArray(schema.synchronizationRules)) {
    if (!isRecord(rule) || (side === 'target' ? rule.targetDirectoryName : rule.sourceDirectoryName) !== directoryName) continue;
    for (const objectMapping of asArray(rule.objectMappings)) {
      if (!isRecord(objectMapping) || (side === 'target' ? objectMapping.targetObjectName : objectMapping.sourceObjectName) !== objectName)
        continue;
      const uses = asArray(objectMapping.attributeMappings).some((m) =>
        !isRecord(m)
          ? false
          : side === 'target'
            ? typeof m.targetAttributeName === 'string' && m.targetAttributeName.toLowerCase() === name.toLowerCase()
            : readsAttribute(m.source, name),
      );
      const scoped = side === 'source' && readsAttribute(objectMapping.scope, name, 'sourceOperandName');
      if (uses || scoped) users.push(str(objectMapping.name) ?? '');
    }
  }
  return users;
}

/** Whether a JSON tree holds `{ type: "Attribute", name }` (an attributeMappingSource) or, for scopes, a clause on it. */
function readsAttribute(tree: unknown, name: string, clauseField?: string): boolean {
  if (Array.isArray(tree)) return tree.some((item) => readsAttribute(item, name, clauseField));
  if (!isRecord(tree)) return false;
  if (clauseField ? tree[clauseField] === name : tree.type === 'Attribute' && tree.name === name) return true;
  return Object.values(tree).some((v) => readsAttribute(v, name, clauseField));
}

// ───────────────────────────────────────────── import and the what-if

/** The `.aadmap` declaration of a schema attribute, or a reason it cannot be written as one. */
export function declarationText(side: AttributeSide, attribute: JsonObject): { text: string } | { problem: string } {
  const name = str(attribute.name);
  if (name === undefined || /[\r\n]/.test(name))
    return { problem: t('an attribute name must be a one-line string, found {0}', JSON.stringify(attribute.name)) };
  const type = attribute.type ?? 'String';
  if (typeof type !== 'string' || !(ATTRIBUTE_TYPE_NAMES as readonly string[]).includes(type))
    return { problem: t("attribute '{0}' has type {1}, which a declaration cannot write", name, JSON.stringify(type)) };
  const words = [`attribute ${side} ${objectNameText(name)} ${type}`];
  if (attribute.required === true) words.push('required');
  if (attribute.multivalued === true) words.push('multiValued');
  if (attribute.caseExact === true) words.push('caseExact');
  for (const pair of asArray(attribute.apiExpressions)) {
    if (!isRecord(pair) || typeof pair.key !== 'string' || typeof pair.value !== 'string' || /[\r\n]/.test(pair.key + pair.value))
      return { problem: t("attribute '{0}' has an apiExpressions entry a declaration cannot write", name) };
    words.push(`apiExpression ${encodeExpressionString(pair.key)} ${encodeExpressionString(pair.value)}`);
  }
  for (const reference of asArray(attribute.referencedObjects)) {
    const referenced = isRecord(reference) ? str(reference.referencedObjectName) : undefined;
    if (
      referenced === undefined ||
      /[\r\n]/.test(referenced) ||
      (isRecord(reference) && reference.referencedProperty !== undefined && reference.referencedProperty !== null)
    )
      return { problem: t("attribute '{0}' has a referencedObjects entry a declaration cannot write", name) };
    words.push(`referencedObject ${encodeExpressionString(referenced)}`);
  }
  return { text: words.join(' ') };
}

/**
 * The attributes of a schema directory object beyond a template object (the built-in schema): on
 * the target side every attribute the template lacks, on the source side the directory extension
 * attributes it lacks (the source directory's other attributes are the service's own).
 */
export function extraAttributes(object: JsonObject | undefined, template: ObjectSchema, side: AttributeSide): JsonObject[] {
  if (!object) return [];
  return asArray(object.attributes)
    .filter(isRecord)
    .filter((a) => {
      const name = str(a.name);
      if (name === undefined) return true; // reported by declarationText
      if (side === 'source') return isDirectoryExtensionAttribute(name) && !findAttribute(template, name);
      return findTargetAttribute(template, name)?.exactCase !== true;
    });
}

export interface AttributeChange {
  kind: 'added' | 'changed' | 'removed';
  side: AttributeSide;
  directory: string;
  object: string;
  name: string;
  before?: string;
  after?: string;
}

/** The attributeDefinitions added, changed or removed in the directories between two schemas (the what-if). */
export function attributeChanges(before: unknown, after: unknown): AttributeChange[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const changes: AttributeChange[] = [];
  const sides = sidesOf(after);
  const text = (side: AttributeSide, a: JsonObject) => {
    const written = declarationText(side, a);
    return 'text' in written ? written.text : `${str(a.name) ?? '?'} (${written.problem})`;
  };
  for (const directory of asArray(after.directories)) {
    if (!isRecord(directory)) continue;
    const side: AttributeSide = sides.get(str(directory.name) ?? '') ?? 'target';
    for (const object of asArray(directory.objects)) {
      if (!isRecord(object)) continue;
      const old = directoryObject(before, directory.name, object.name);
      if (!old) continue; // a new directory or object is not something a declaration adds
      const oldAttributes = asArray(old.attributes).filter(isRecord);
      const newAttributes = asArray(object.attributes).filter(isRecord);
      const where = { side, directory: str(directory.name) ?? '', object: str(object.name) ?? '' };
      for (const attribute of newAttributes) {
        const previous = oldAttributes.find((a) => a.name === attribute.name);
        if (!previous) changes.push({ kind: 'added', ...where, name: str(attribute.name) ?? '', after: text(side, attribute) });
        else if (!deepEqual(previous, attribute))
          changes.push({
            kind: 'changed',
            ...where,
            name: str(attribute.name) ?? '',
            before: text(side, previous),
            after: text(side, attribute),
          });
      }
      for (const attribute of oldAttributes)
        if (!newAttributes.some((a) => a.name === attribute.name))
          changes.push({ kind: 'removed', ...where, name: str(attribute.name) ?? '', before: text(side, attribute) });
    }
  }
  return changes;
}

/** Which side each directory is on, from the rules (a directory no rule names counts as a target). */
function sidesOf(schema: JsonObject): Map<string, AttributeSide> {
  const sides = new Map<string, AttributeSide>();
  for (const rule of asArray(schema.synchronizationRules)) {
    if (!isRecord(rule)) continue;
    if (typeof rule.targetDirectoryName === 'string') sides.set(rule.targetDirectoryName, 'target');
    if (typeof rule.sourceDirectoryName === 'string' && !sides.has(rule.sourceDirectoryName)) sides.set(rule.sourceDirectoryName, 'source');
  }
  return sides;
}
