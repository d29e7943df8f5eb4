/** Name resolution for mapping blocks: objects by name or alias, target attributes by path. */
import type { TargetAttribute } from '../../../grammar/mapping/ast';
import { findAttribute } from '../../schema/lookup';
import type { AttributeDefinition, ObjectSchema } from '../../schema/types';

const CORE_USER_URI = 'urn:ietf:params:scim:schemas:core:2.0:user:';

/**
 * The definition a target path names. Graph schemas name attributes by their full path text
 * (`emails[type eq "work"].value`, `urn:…:User:department`), so the text is tried first; a path
 * qualified with the core User schema URI also matches its short name.
 */
export function resolveTargetAttribute(object: ObjectSchema, target: TargetAttribute): { attribute: AttributeDefinition; exactCase: boolean } | undefined {
  const direct = findAttribute(object, target.text);
  if (direct) return direct;
  if (target.text.toLowerCase().startsWith(CORE_USER_URI)) return findAttribute(object, target.text.slice(CORE_USER_URI.length));
  return undefined;
}
