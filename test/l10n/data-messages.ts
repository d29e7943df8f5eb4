/**
 * Messages that are data rather than `t('…')` calls: texts of the catalogues the code localizes
 * where it shows them (`localized(entry.doc)` and the like, grammar/common/l10n.ts). Each source is
 * listed here, so the translations test checks them as it checks the calls.
 */
import {
  ATTRIBUTE_FLAGS,
  ATTRIBUTE_TYPES,
  FLOW_BEHAVIORS,
  FLOW_TYPES,
  KEYWORDS,
  OBJECT_FLOW_TYPES,
  SCOPE_OPERATORS,
} from '../../grammar/mapping/vocabulary';
import { FUNCTIONS } from '../../server/catalogue/functions';
import { BUILTIN_SOURCE, BUILTIN_TARGETS } from '../../server/schema/index';
import { ACTIVE_FROM_SOFT_DELETE, CHATWORK_FILE } from '../../server/service/features/snippets';

/** The `.aadmap` vocabulary's documentation, shown by hover and completion (server/service/features/descriptions.ts). */
function vocabularyMessages(): string[] {
  return [KEYWORDS, ATTRIBUTE_TYPES, ATTRIBUTE_FLAGS, FLOW_TYPES, FLOW_BEHAVIORS, OBJECT_FLOW_TYPES, SCOPE_OPERATORS].flatMap((entries) =>
    entries.map((entry) => entry.doc),
  );
}

/**
 * The function catalogue's documentation (server/catalogue/functions.ts): summaries, details and
 * parameter texts, shown by hover, completion, signature help and inlay hints. Names, signatures and
 * example code stay as written.
 */
function catalogueMessages(): string[] {
  return FUNCTIONS.flatMap((sig) => [
    sig.summary,
    ...(sig.details ? [sig.details] : []),
    ...sig.parameters.map((parameter) => parameter.doc),
    ...(sig.serviceForms ?? []).flatMap((form) => form.parameters.map((parameter) => parameter.doc)),
  ]);
}

/**
 * The function examples' inputs and outputs in words (server/catalogue/functions.ts), shown by hover
 * and completion: 'both attributes hold the same value', '(attribute not sent)'. An input made only of
 * assignments (`displayName = ""`, `Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "…"`) is code and
 * stays as written, as does an output value; a note in parentheses is not a value.
 */
function exampleMessages(): string[] {
  return FUNCTIONS.flatMap((sig) => sig.examples).flatMap((example) => [
    ...(example.input !== undefined && !isAssignments(example.input) ? [example.input] : []),
    ...(/^\(.*\)$/.test(example.output) ? [example.output] : []),
  ]);
}

/** Whether `text` is `name = value` parts separated by commas (values: quoted strings, lists, words). */
function isAssignments(text: string): boolean {
  const withoutValues = text.replace(/"(?:[^"\\]|\\.)*"/g, 'V').replace(/\[[^\]]*\]/g, 'V');
  return withoutValues.split(',').every((part) => /^\s*\w+(\(\))? = \S/.test(part));
}

/** The built-in schemas' attribute descriptions (server/schema/azure-ad.ts, chatwork.ts), shown by hover and completion. */
function schemaMessages(): string[] {
  return [BUILTIN_SOURCE, ...BUILTIN_TARGETS.values()].flatMap((directory) =>
    directory.objects.flatMap((object) => object.attributes.flatMap((attribute) => (attribute.description ? [attribute.description] : []))),
  );
}

export function dataMessages(): string[] {
  return [
    ...new Set([
      ...vocabularyMessages(),
      ...catalogueMessages(),
      ...exampleMessages(),
      ...schemaMessages(),
      // The completion snippets' details (server/service/features/snippets.ts).
      ...[CHATWORK_FILE, ACTIVE_FROM_SOFT_DELETE].map((snippet) => snippet.detail),
    ]),
  ];
}
