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

/** The `.aadmap` vocabulary's documentation, shown by hover and completion (server/service/features/descriptions.ts). */
function vocabularyMessages(): string[] {
  return [KEYWORDS, ATTRIBUTE_TYPES, ATTRIBUTE_FLAGS, FLOW_TYPES, FLOW_BEHAVIORS, OBJECT_FLOW_TYPES, SCOPE_OPERATORS].flatMap((entries) =>
    entries.map((entry) => entry.doc),
  );
}

export function dataMessages(): string[] {
  return [...new Set([...vocabularyMessages()])];
}
