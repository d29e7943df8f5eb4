/**
 * Attribute declarations (`attribute target|source "NAME" TYPE FLAGS…`, docs/custom-attributes.md):
 * a known type and flags, each name declared once per side, no contradiction of the schema (a
 * declaration that repeats a schema attribute exactly is redundant), and no removal of an attribute
 * the block still maps or reads. Deploy refuses a removal that another object mapping of the job
 * still uses (server/graph/export.ts).
 */
import { joinSentences, t } from '../../../../grammar/common/l10n';
import { walkExpression } from '../../../../grammar/expression/ast';
import { attributeMappingsOf, scopesOf, type AttributeDeclaration } from '../../../../grammar/mapping/ast';
import { ATTRIBUTE_FLAGS, ATTRIBUTE_TYPE_NAMES, attributeFlag } from '../../../../grammar/mapping/vocabulary';
import { suggestNames } from '../../../catalogue/index';
import { declarableProperties, declaredAttributes, schemaAttributeOf, type DeclaredAttribute } from '../../../schema/declared';
import { findObject } from '../../../schema/lookup';
import type { ObjectSchema } from '../../../schema/types';
import { didYouMean, type DiagnosticSink } from '../../diagnostic';
import type { BlockContext, BlockRule } from '../context';

const FLAG_NAMES = ATTRIBUTE_FLAGS.map((f) => f.name);
const TYPE_LIST = ATTRIBUTE_TYPE_NAMES.join(', ');

export const attributeDeclarationsRule: BlockRule = ({ block, sink, schemas }) => {
  const declared = declaredAttributes(block);
  if (declared.length === 0) return;
  const objects = {
    source: block.sourceObject && findObject(schemas.source, block.sourceObject.text),
    target: block.targetObject && schemas.target ? findObject(schemas.target, block.targetObject.text) : undefined,
  };
  const seen = new Set<string>();
  for (const entry of declared) {
    checkWords(entry.declaration, sink);
    const key = `${entry.side}\n${entry.side === 'target' ? entry.name.toLowerCase() : entry.name}`;
    if (seen.has(key)) {
      sink.report('duplicate-attribute-declaration', entry.declaration.name!, t("'{0}' is declared earlier in this block.", entry.name));
      continue;
    }
    seen.add(key);
    const object = objects[entry.side];
    if (object && entry.definition)
      compareWithSchema(entry, object, entry.side === 'target' ? schemas.target?.displayName : schemas.source.displayName, sink);
    if (entry.remove) reportUses(entry, block, sink);
  }
};

function checkWords(declaration: AttributeDeclaration, sink: DiagnosticSink): void {
  const removal = declaration.flags.some((f) => f.name.text === 'remove');
  if (removal) {
    const extra = declaration.type ?? declaration.flags.find((f) => f.name.text !== 'remove');
    if (extra) sink.report('invalid-attribute-declaration', extra, t("'remove' stands alone: a removed attribute has no type or flags."));
  } else if (!declaration.type) {
    sink.report(
      'invalid-attribute-declaration',
      declaration.flags[0] ?? declaration.name ?? declaration.keyword,
      t("An attribute declaration needs a type after its name: {0} (or 'remove' to remove the attribute).", TYPE_LIST),
      { suggestions: [...ATTRIBUTE_TYPE_NAMES] },
    );
  } else if (!(ATTRIBUTE_TYPE_NAMES as readonly string[]).includes(declaration.type.text)) {
    const suggestions = suggestNames(declaration.type.text, [...ATTRIBUTE_TYPE_NAMES, ...FLAG_NAMES]);
    sink.report(
      'invalid-attribute-declaration',
      declaration.type,
      joinSentences(t("'{0}' is not an attribute type ({1}, case-sensitive).", declaration.type.text, TYPE_LIST), didYouMean(suggestions)),
      { suggestions },
    );
  }
  const given = new Set<string>();
  for (const flag of declaration.flags) {
    const entry = attributeFlag(flag.name.text);
    if (!entry) {
      const suggestions = suggestNames(flag.name.text, FLAG_NAMES);
      const typeHint = (ATTRIBUTE_TYPE_NAMES as readonly string[]).includes(flag.name.text)
        ? t('The type comes first, right after the name, and takes no value.')
        : '';
      sink.report(
        'invalid-attribute-declaration',
        flag.name,
        joinSentences(
          t("'{0}' is not a flag of an attribute declaration ({1}).", flag.name.text, FLAG_NAMES.join(', ')),
          typeHint,
          didYouMean(suggestions),
        ),
        { suggestions },
      );
      continue;
    }
    const wanted = entry.value === 'nothing' ? 0 : entry.value === 'string' ? 1 : 2;
    if (flag.values.length !== wanted) {
      const form =
        entry.value === 'nothing'
          ? t("'{0}' takes no value.", entry.name)
          : entry.value === 'string'
            ? t('write {0} "VALUE".', entry.name)
            : t('write {0} "KEY" "VALUE".', entry.name);
      sink.report('invalid-attribute-declaration', flag, form);
    }
    if (given.has(entry.name) && !entry.repeatable)
      sink.report('invalid-attribute-declaration', flag.name, t("'{0}' is given twice.", entry.name));
    given.add(entry.name);
  }
  if (declaration.type && declaration.type.text !== 'Reference' && given.has('referencedObject'))
    sink.report(
      'invalid-attribute-declaration',
      declaration.type,
      t('referencedObject names the object of a Reference attribute: the type must be Reference.'),
    );
}

function compareWithSchema(entry: DeclaredAttribute, object: ObjectSchema, directoryName: string | undefined, sink: DiagnosticSink): void {
  const existing = schemaAttributeOf(object, entry);
  if (!existing) return;
  const directory = directoryName ?? t('The schema');
  if (declarableProperties(existing) === declarableProperties(entry.definition!) && entry.apiExpressions.length === 0) {
    sink.report(
      'redundant-attribute-declaration',
      entry.declaration,
      t("{0} already has '{1}' with these properties: the declaration changes nothing.", directory, existing.name),
    );
  } else {
    const [have, says] = [describe(existing), describe(entry.definition!)];
    sink.report(
      'conflicting-attribute-declaration',
      entry.declaration,
      entry.apiExpressions.length
        ? t("{0} already has '{1}' as {2}; this declaration says {3} with an API expression.", directory, existing.name, have, says)
        : t("{0} already has '{1}' as {2}; this declaration says {3}.", directory, existing.name, have, says),
    );
  }
}

function describe(attribute: {
  name: string;
  type: string;
  multivalued: boolean;
  required: boolean;
  caseExact?: boolean;
  referencedObjects?: readonly string[];
}): string {
  const flags = [
    attribute.name,
    attribute.type,
    attribute.required ? 'required' : '',
    attribute.multivalued ? 'multiValued' : '',
    attribute.caseExact ? 'caseExact' : '',
    ...(attribute.referencedObjects ?? []).map((o) => `referencedObject "${o}"`),
  ];
  return flags.filter(Boolean).join(' ');
}

/** A removed attribute that the block still writes (target) or reads (source). */
function reportUses(entry: DeclaredAttribute, block: BlockContext['block'], sink: DiagnosticSink): void {
  const message = t("'{0}' is removed by its declaration, but this block still uses it here.", entry.name);
  if (entry.side === 'target') {
    for (const mapping of attributeMappingsOf(block))
      if (mapping.target.text.toLowerCase() === entry.name.toLowerCase()) sink.report('removed-attribute-in-use', mapping.target, message);
    return;
  }
  for (const mapping of attributeMappingsOf(block)) {
    if (mapping.source.kind === 'none') continue;
    walkExpression(mapping.source, (node) => {
      if (node.kind === 'attribute' && node.name === entry.name) sink.report('removed-attribute-in-use', node, message);
    });
  }
  for (const group of scopesOf(block))
    for (const clause of group.clauses)
      if (clause.attribute.name === entry.name) sink.report('removed-attribute-in-use', clause.attribute, message);
}
