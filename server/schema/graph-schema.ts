/**
 * Reads a Microsoft Graph `synchronizationSchema` (already parsed from JSON by the caller) into
 * DirectorySchema values. Tolerant: any JSON value is accepted, problems are reported as sentences,
 * nothing throws. Shapes: https://learn.microsoft.com/en-us/graph/api/resources/synchronization-synchronizationschema.
 */
import type { AttributeDefinition, AttributeType, DirectorySchema, ObjectSchema } from './types';
import { t } from '../../grammar/common/l10n';

/** The Graph name of the Azure AD (Entra ID) directory in a job schema. */
export const AZURE_AD_DIRECTORY_NAME = 'Azure Active Directory';

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['String', 'Integer', 'Reference', 'Binary', 'Boolean', 'DateTime'];

export interface GraphSchemaReadResult {
  source?: DirectorySchema;
  target?: DirectorySchema;
  problems: string[];
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Aliases a `.aadmap` file may use for a Graph object name (`…:User` → `User`, `…:Group` → `Group`). */
export function objectAliases(name: string): string[] {
  if (name.endsWith(':User')) return ['User'];
  if (name.endsWith(':Group')) return ['Group'];
  return [];
}

function readAttribute(value: unknown, where: string, problems: string[]): AttributeDefinition | undefined {
  if (!isRecord(value)) {
    problems.push(`${where}: an attribute definition must be an object, found ${describe(value)}; it was skipped.`);
    return undefined;
  }
  const name = str(value.name);
  if (name === undefined || name === '') {
    problems.push(`${where}: an attribute definition has no name; it was skipped.`);
    return undefined;
  }
  let type: AttributeType = 'String';
  if (value.type !== undefined && value.type !== null) {
    const t = ATTRIBUTE_TYPES.find((candidate) => candidate === value.type);
    if (t) type = t;
    else
      problems.push(
        `${where}: attribute "${name}" has unknown type ${JSON.stringify(value.type)}; String was assumed (expected one of ${ATTRIBUTE_TYPES.join(', ')}).`,
      );
  }
  const attribute: AttributeDefinition = {
    name,
    type,
    multivalued: bool(value.multivalued) ?? false,
    required: bool(value.required) ?? false,
  };
  const anchor = bool(value.anchor);
  if (anchor !== undefined) attribute.anchor = anchor;
  const caseExact = bool(value.caseExact);
  if (caseExact !== undefined) attribute.caseExact = caseExact;
  if (Array.isArray(value.referencedObjects)) {
    const refs = value.referencedObjects
      .map((r) => (isRecord(r) ? str(r.referencedObjectName) : undefined))
      .filter((r): r is string => r !== undefined && r !== '');
    if (refs.length > 0) attribute.referencedObjects = refs;
  }
  const mutability = str(value.mutability);
  const parts = [attribute.multivalued ? t('{0}, multi-valued', type) : type];
  if (attribute.required) parts.push(t('required'));
  if (attribute.anchor) parts.push(t('anchor'));
  if (mutability && mutability !== 'ReadWrite') parts.push(mutability);
  attribute.description = t('From the schema file ({0}).', parts.join(', '));
  return attribute;
}

function readObject(value: unknown, where: string, problems: string[]): ObjectSchema | undefined {
  if (!isRecord(value)) {
    problems.push(`${where}: an object definition must be an object, found ${describe(value)}; it was skipped.`);
    return undefined;
  }
  const name = str(value.name);
  if (name === undefined || name === '') {
    problems.push(`${where}: an object definition has no name; it was skipped.`);
    return undefined;
  }
  const here = `${where}, object "${name}"`;
  const attributes: AttributeDefinition[] = [];
  if (value.attributes === undefined || value.attributes === null) {
    problems.push(`${here}: no "attributes" list.`);
  } else if (!Array.isArray(value.attributes)) {
    problems.push(`${here}: "attributes" must be an array, found ${describe(value.attributes)}.`);
  } else {
    const seen = new Set<string>();
    for (const a of value.attributes) {
      const attribute = readAttribute(a, here, problems);
      if (!attribute) continue;
      if (seen.has(attribute.name)) {
        problems.push(`${here}: attribute "${attribute.name}" is defined more than once; the first definition is used.`);
        continue;
      }
      seen.add(attribute.name);
      attributes.push(attribute);
    }
  }
  return { name, aliases: objectAliases(name), attributes };
}

interface RawDirectory {
  name: string;
  value: JsonRecord;
  where: string;
}

function readDirectory(dir: RawDirectory, id: string, problems: string[]): DirectorySchema {
  const objects: ObjectSchema[] = [];
  const raw = dir.value.objects;
  if (raw === undefined || raw === null) {
    problems.push(`${dir.where}: no "objects" list.`);
  } else if (!Array.isArray(raw)) {
    problems.push(`${dir.where}: "objects" must be an array, found ${describe(raw)}.`);
  } else {
    for (const o of raw) {
      const object = readObject(o, dir.where, problems);
      if (object) objects.push(object);
    }
  }
  return { id, name: dir.name, displayName: dir.name, objects, filterabilityKnown: false, fromSchemaFile: true };
}

/**
 * A Microsoft Graph synchronizationSchema as a file may hold it: the schema itself (the answer of
 * GET …/synchronization/jobs/{id}/schema, an object with "directories" and "synchronizationRules"), or
 * a job (GET …/synchronization/jobs/{id}) whose "schema" is one. Anything else is refused, saying what
 * was expected and what was found. See
 * https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationschema and
 * https://learn.microsoft.com/graph/api/resources/synchronization-synchronizationjob.
 */
export function recognizeSynchronizationSchema(json: unknown): { schema: Record<string, unknown>; inJob: boolean } | { problem: string } {
  const isSchema = (value: unknown): value is Record<string, unknown> =>
    isRecord(value) && Array.isArray(value.synchronizationRules) && Array.isArray(value.directories);
  if (isSchema(json)) return { schema: json, inJob: false };
  if (isRecord(json) && isSchema(json.schema)) return { schema: json.schema, inJob: true };
  const expected =
    'expected a Microsoft Graph synchronizationSchema (a JSON object with "directories" and "synchronizationRules" arrays, as GET …/synchronization/jobs/{id}/schema returns it) or a synchronization job containing one in "schema"';
  if (!isRecord(json)) return { problem: `${expected}; found ${describe(json)}` };
  const keys = Object.keys(json);
  const missing = ['directories', 'synchronizationRules'].filter((key) => !Array.isArray(json[key]));
  const found =
    keys.length === 0
      ? 'an empty object'
      : `an object with ${keys.length === 1 ? 'the key' : 'the keys'} ${keys
          .slice(0, 6)
          .map((k) => `"${k}"`)
          .join(', ')}${keys.length > 6 ? ', …' : ''} (no ${missing.map((k) => `"${k}" array`).join(' and no ')})`;
  return { problem: `${expected}; found ${found}` };
}

/**
 * Reads the source and target directories of a Graph synchronizationSchema (or of the schema of a
 * job: see recognizeSynchronizationSchema).
 * The target is the directory named by `synchronizationRules[0].targetDirectoryName`, else the one
 * not called "Azure Active Directory"; the source is `sourceDirectoryName`, else "Azure Active
 * Directory", else another directory. The target gets `id`; the source gets `<id>#source`.
 */
export function readGraphSchema(json: unknown, id: string): GraphSchemaReadResult {
  const problems: string[] = [];
  if (isRecord(json) && json.directories === undefined && isRecord(json.schema)) json = json.schema;
  if (!isRecord(json)) {
    problems.push(`A Graph synchronizationSchema must be a JSON object, found ${describe(json)}.`);
    return { problems };
  }

  const directories: RawDirectory[] = [];
  const rawDirs = json.directories;
  if (rawDirs === undefined || rawDirs === null) {
    problems.push('The schema has no "directories" list.');
  } else if (!Array.isArray(rawDirs)) {
    problems.push(`"directories" must be an array, found ${describe(rawDirs)}.`);
  } else {
    rawDirs.forEach((d, i) => {
      if (!isRecord(d)) {
        problems.push(`directories[${i}] must be an object, found ${describe(d)}; it was skipped.`);
        return;
      }
      const name = str(d.name);
      if (name === undefined || name === '') {
        problems.push(`directories[${i}] has no name; it was skipped.`);
        return;
      }
      directories.push({ name, value: d, where: `directory "${name}"` });
    });
  }

  let ruleSource: string | undefined;
  let ruleTarget: string | undefined;
  const rules = json.synchronizationRules;
  if (Array.isArray(rules) && rules.length > 0) {
    const first = rules[0];
    if (isRecord(first)) {
      ruleSource = str(first.sourceDirectoryName);
      ruleTarget = str(first.targetDirectoryName);
    } else {
      problems.push(`synchronizationRules[0] must be an object, found ${describe(first)}.`);
    }
  } else if (rules !== undefined && rules !== null && !Array.isArray(rules)) {
    problems.push(`"synchronizationRules" must be an array, found ${describe(rules)}.`);
  }

  const byName = (name: string | undefined): RawDirectory | undefined =>
    name === undefined ? undefined : directories.find((d) => d.name === name);

  let target = byName(ruleTarget);
  if (ruleTarget !== undefined && !target) {
    problems.push(`synchronizationRules[0] names the target directory "${ruleTarget}", which is not among the schema's directories.`);
  }
  target ??= directories.find((d) => d.name !== AZURE_AD_DIRECTORY_NAME && d.name !== ruleSource);
  target ??= directories.find((d) => d.name !== AZURE_AD_DIRECTORY_NAME);

  let source = byName(ruleSource);
  if (ruleSource !== undefined && !source) {
    problems.push(`synchronizationRules[0] names the source directory "${ruleSource}", which is not among the schema's directories.`);
  }
  if (source === target) source = undefined;
  source ??= directories.find((d) => d.name === AZURE_AD_DIRECTORY_NAME && d !== target);
  source ??= directories.find((d) => d !== target);

  if (directories.length > 0 && !target) problems.push('No target directory was found (every directory is "Azure Active Directory").');
  if (directories.length > 0 && !source) problems.push('No source directory was found.');

  const result: GraphSchemaReadResult = { problems };
  if (target) result.target = readDirectory(target, id, problems);
  if (source) result.source = readDirectory(source, `${id}#source`, problems);
  return result;
}
