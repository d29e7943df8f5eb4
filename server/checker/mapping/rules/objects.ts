/**
 * The source and target objects of a block must exist in their directories. Two exceptions, both
 * from schemas the service runs (docs/real-schemas.md): a directory read from a schema file may list
 * fewer objects than the service knows (a shortened `directories` list), so an object it leaves out
 * is a warning; and a disabled object mapping may have no source object at all (`""`).
 */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import type { NameNode } from '../../../../grammar/mapping/ast';
import type { DirectorySchema } from '../../../schema/types';
import { didYouMean, type DiagnosticSink } from '../../diagnostic';
import type { BlockRule } from '../context';

export const objectsRule: BlockRule = ({ block, sourceObject, targetObject, schemas, sink, disabled }) => {
  if (block.sourceObject && !sourceObject && !(disabled && block.sourceObject.text === '')) {
    reportUnknownObject(
      block.sourceObject,
      schemas.source,
      schemas.source.objects.map((o) => o.name),
      sink,
    );
  }
  if (block.targetObject && schemas.target && !targetObject && !(disabled && block.targetObject.text === '')) {
    reportUnknownObject(
      block.targetObject,
      schemas.target,
      schemas.target.objects.flatMap((o) => (o.aliases.length ? o.aliases : [o.name])),
      sink,
    );
  }
};

function reportUnknownObject(name: NameNode, directory: DirectorySchema, names: string[], sink: DiagnosticSink): void {
  if (directory.fromSchemaFile) {
    sink.report(
      'unknown-object',
      name,
      joinSentences(
        t(
          "The schema file lists no object '{0}' in {1}; the service may still know it (exported directories lists can be shortened), so its attributes are not checked.",
          name.text,
          directory.displayName,
        ),
        didYouMean(names),
      ),
      { severity: 'warning', suggestions: names },
    );
    return;
  }
  sink.report('unknown-object', name, joinSentences(t("{0} has no object '{1}'.", directory.displayName, name.text), didYouMean(names)), {
    suggestions: names,
  });
}
