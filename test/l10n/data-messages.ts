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
import { groupPhrases } from '../../server/catalogue/index';
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
 * The argument-count diagnostics' data texts (server/catalogue/index.ts): the warning of each form
 * the service runs besides the documented ones, and the noun phrases that name the arguments of a
 * function with a repeating group ("a source, a default value and key/value pairs", "a key").
 */
function argumentCountMessages(): string[] {
  return FUNCTIONS.flatMap((sig) => {
    const phrases = groupPhrases(sig);
    return [
      ...(sig.serviceForms ?? []).map((form) => form.note),
      ...(phrases ? [phrases.shape, ...(sig.parameters.filter((p) => p.repeating).length > 1 ? [phrases.first, phrases.last] : [])] : []),
    ];
  });
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
      ...argumentCountMessages(),
      ...schemaMessages(),
      // The completion snippets' details (server/service/features/snippets.ts).
      ...[CHATWORK_FILE, ACTIVE_FROM_SOFT_DELETE].map((snippet) => snippet.detail),
    ]),
  ];
}
