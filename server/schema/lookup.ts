/**
 * Name resolution inside directory schemas. Object names and aliases are tried case-sensitively
 * first, then ignoring case; attribute lookups report whether the case matched so callers can
 * decide (SCIM target attribute names are case-insensitive, Azure AD source names are not).
 */
import type { AttributeDefinition, DirectorySchema, ObjectSchema } from './types';

/** The object called `name` (its Graph name or an alias): exact case first, then any case. */
export function findObject(dir: DirectorySchema, name: string): ObjectSchema | undefined {
  const exact =
    dir.objects.find((o) => o.name === name) ?? dir.objects.find((o) => o.aliases.includes(name));
  if (exact) return exact;
  const lower = name.toLowerCase();
  return (
    dir.objects.find((o) => o.name.toLowerCase() === lower) ??
    dir.objects.find((o) => o.aliases.some((a) => a.toLowerCase() === lower))
  );
}

/** The attribute called `name`; `exactCase` is false when only a case-insensitive match exists. */
export function findAttribute(
  obj: ObjectSchema,
  name: string,
): { attribute: AttributeDefinition; exactCase: boolean } | undefined {
  const exact = obj.attributes.find((a) => a.name === name);
  if (exact) return { attribute: exact, exactCase: true };
  const lower = name.toLowerCase();
  const loose = obj.attributes.find((a) => a.name.toLowerCase() === lower);
  return loose ? { attribute: loose, exactCase: false } : undefined;
}

/** All attribute names of an object (for completion and did-you-mean). */
export function attributeNames(obj: ObjectSchema): string[] {
  return obj.attributes.map((a) => a.name);
}

const CORE_USER_URI = 'urn:ietf:params:scim:schemas:core:2.0:user:';

/**
 * A target attribute by the name a mapping or filter writes: Graph schemas name attributes by
 * their full text (`emails[type eq "work"].value`, `urn:…:User:department`); a name qualified with
 * the core User schema URI also matches its short form (`urn:…:core:2.0:User:userName`).
 */
export function findTargetAttribute(
  obj: ObjectSchema,
  name: string,
): { attribute: AttributeDefinition; exactCase: boolean } | undefined {
  const direct = findAttribute(obj, name);
  if (direct) return direct;
  if (name.toLowerCase().startsWith(CORE_USER_URI)) return findAttribute(obj, name.slice(CORE_USER_URI.length));
  return undefined;
}
