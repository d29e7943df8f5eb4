/**
 * Name resolution inside directory schemas. Object names and aliases are tried case-sensitively
 * first, then ignoring case; attribute lookups report whether the case matched so callers can
 * decide (SCIM target attribute names are case-insensitive, Azure AD source names are not).
 */
import type { AttributeDefinition, DirectorySchema, ObjectSchema } from './types';

/** The object called `name` (its Graph name or an alias): exact case first, then any case. */
export function findObject(dir: DirectorySchema, name: string): ObjectSchema | undefined {
  const exact = dir.objects.find((o) => o.name === name) ?? dir.objects.find((o) => o.aliases.includes(name));
  if (exact) return exact;
  const lower = name.toLowerCase();
  return (
    dir.objects.find((o) => o.name.toLowerCase() === lower) ?? dir.objects.find((o) => o.aliases.some((a) => a.toLowerCase() === lower))
  );
}

/** The attribute called `name`; `exactCase` is false when only a case-insensitive match exists. */
export function findAttribute(obj: ObjectSchema, name: string): AttributeMatch | undefined {
  const index = attributeIndex(obj);
  return index.exact.get(name) ?? index.anyCase.get(name.toLowerCase());
}

export interface AttributeMatch {
  readonly attribute: AttributeDefinition;
  readonly exactCase: boolean;
}

/**
 * An object's attributes by name and by lower-cased name (the first one wins, as a scan in order
 * finds it), with their answers made once: the checker looks up every attribute of every mapping
 * (a 5,000-mapping file asks some 20,000 times), and the Azure AD user has over a hundred.
 */
interface AttributeIndex {
  attributes: readonly AttributeDefinition[];
  length: number;
  exact: Map<string, AttributeMatch>;
  anyCase: Map<string, AttributeMatch>;
  /** attributeNames' answer, made on first use. */
  names?: readonly string[];
}

const indexes = new WeakMap<ObjectSchema, AttributeIndex>();

function attributeIndex(obj: ObjectSchema): AttributeIndex {
  let index = indexes.get(obj);
  // Rebuilt if the list was replaced or grown since (schemas are built, then only read).
  if (index === undefined || index.attributes !== obj.attributes || index.length !== obj.attributes.length) {
    index = { attributes: obj.attributes, length: obj.attributes.length, exact: new Map(), anyCase: new Map() };
    for (const attribute of obj.attributes) {
      if (!index.exact.has(attribute.name)) index.exact.set(attribute.name, Object.freeze({ attribute, exactCase: true }));
      const lower = attribute.name.toLowerCase();
      if (!index.anyCase.has(lower)) index.anyCase.set(lower, Object.freeze({ attribute, exactCase: false }));
    }
    indexes.set(obj, index);
  }
  return index;
}

/**
 * All attribute names of an object, in order (for did-you-mean): the same array while the object's
 * attributes stay the same, so suggestNames can keep what it prepares from it (catalogue/index.ts).
 */
export function attributeNames(obj: ObjectSchema): readonly string[] {
  const index = attributeIndex(obj);
  return (index.names ??= Object.freeze(obj.attributes.map((a) => a.name)));
}

const CORE_USER_URI = 'urn:ietf:params:scim:schemas:core:2.0:user:';

/**
 * A target attribute by the name a mapping or filter writes: Graph schemas name attributes by
 * their full text (`emails[type eq "work"].value`, `urn:…:User:department`); a name qualified with
 * the core User schema URI also matches its short form (`urn:…:core:2.0:User:userName`).
 */
export function findTargetAttribute(obj: ObjectSchema, name: string): AttributeMatch | undefined {
  const direct = findAttribute(obj, name);
  if (direct) return direct;
  if (name.toLowerCase().startsWith(CORE_USER_URI)) return findAttribute(obj, name.slice(CORE_USER_URI.length));
  return undefined;
}
