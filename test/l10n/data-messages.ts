/**
 * Messages that are data rather than `t('…')` calls: texts of the catalogues the code localizes
 * where it shows them (`localized(entry.doc)` and the like, grammar/common/l10n.ts). Each source is
 * listed here, so the translations test checks them as it checks the calls.
 */
import {
  ATTRIBUTE_FLAGS,
  ATTRIBUTE_TYPES,
  DEPLOY_FIELD_ENTRIES,
  FLOW_BEHAVIORS,
  FLOW_TYPES,
  KEYWORDS,
  OBJECT_FLOW_TYPES,
  SCOPE_OPERATORS,
} from '../../grammar/mapping/vocabulary';
import { groupPhrases } from '../../server/catalogue/index';
import { FUNCTIONS } from '../../server/catalogue/functions';
import { LOG_ERROR_ACTIONS, QUARANTINE_REASONS, RESET_SCOPE_EFFECTS } from '../../server/graph/lifecycle/catalogue';
import { NOT_ON_USERS, SPECIAL_SOURCE } from '../../server/graph/lifecycle/provision';
import { BUILTIN_SOURCE, BUILTIN_TARGETS } from '../../server/schema/index';
import { ACTIVE_FROM_SOFT_DELETE, CHATWORK_FILE } from '../../server/service/features/snippets';

/** The `.aadmap` vocabulary's documentation, shown by hover and completion (server/service/features/descriptions.ts). */
function vocabularyMessages(): string[] {
  return [
    ...[
      KEYWORDS,
      ATTRIBUTE_TYPES,
      ATTRIBUTE_FLAGS,
      DEPLOY_FIELD_ENTRIES,
      FLOW_TYPES,
      FLOW_BEHAVIORS,
      OBJECT_FLOW_TYPES,
      SCOPE_OPERATORS,
    ].flatMap((entries) => entries.map((entry) => entry.doc)),
    ...KEYWORDS.flatMap((entry) => ('declarationDoc' in entry && entry.declarationDoc ? [entry.declarationDoc] : [])),
  ];
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

/**
 * The lifecycle catalogue (server/graph/lifecycle/catalogue.ts: quarantine explanations and fixes,
 * recommended actions, reset scopes) and provision's reasons for not predicting an attribute: English
 * in the JSON output, shown in the user's language by the text reports and the editor's views.
 */
function lifecycleMessages(): string[] {
  return [
    ...Object.values(QUARANTINE_REASONS).flatMap((entry) => [entry.explanation, entry.fix]),
    ...Object.values(LOG_ERROR_ACTIONS),
    ...Object.values(RESET_SCOPE_EFFECTS),
    ...Object.values(SPECIAL_SOURCE).flatMap((entry) => (entry.reason ? [entry.reason] : [])),
    NOT_ON_USERS,
  ];
}

export function dataMessages(): string[] {
  return [
    ...new Set([
      ...vocabularyMessages(),
      ...catalogueMessages(),
      ...exampleMessages(),
      ...argumentCountMessages(),
      ...schemaMessages(),
      ...lifecycleMessages(),
      // The completion snippets' details (server/service/features/snippets.ts).
      ...[CHATWORK_FILE, ACTIVE_FROM_SOFT_DELETE].map((snippet) => snippet.detail),
    ]),
  ];
}
