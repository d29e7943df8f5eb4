/** The source and target objects of a block must exist in their directories. */
import { didYouMean } from '../../diagnostic';
import type { BlockRule } from '../context';

export const objectsRule: BlockRule = ({ block, sourceObject, targetObject, schemas, sink }) => {
  if (block.sourceObject && !sourceObject) {
    const names = schemas.source.objects.map((o) => o.name);
    sink.report(
      'unknown-object',
      block.sourceObject,
      `${schemas.source.displayName} has no object '${block.sourceObject.text}'.${didYouMean(names)}`,
      {
        suggestions: names,
      },
    );
  }
  if (block.targetObject && schemas.target && !targetObject) {
    const names = schemas.target.objects.flatMap((o) => (o.aliases.length ? o.aliases : [o.name]));
    sink.report(
      'unknown-object',
      block.targetObject,
      `${schemas.target.displayName} has no object '${block.targetObject.text}'.${didYouMean(names)}`,
      {
        suggestions: names,
      },
    );
  }
};
