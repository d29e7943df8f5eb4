/** Name resolution for mapping blocks: target attributes by the path a mapping line writes. */
import type { TargetAttribute } from '../../../grammar/mapping/ast';
import { findTargetAttribute } from '../../schema/lookup';
import type { AttributeDefinition, ObjectSchema } from '../../schema/types';

export function resolveTargetAttribute(
  object: ObjectSchema,
  target: TargetAttribute,
): { attribute: AttributeDefinition; exactCase: boolean } | undefined {
  return findTargetAttribute(object, target.text);
}
