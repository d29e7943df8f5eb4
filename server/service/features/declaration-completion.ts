/**
 * Completion inside an attribute declaration line (`attribute target "NAME" TYPE FLAGS…`,
 * docs/custom-attributes.md): the side after `attribute`, the types after the name, then the flags
 * not given yet. The words come from the vocabulary (grammar/mapping/vocabulary.ts).
 */
import { type CompletionItem, CompletionItemKind, type CompletionList, MarkupKind, TextEdit } from 'vscode-languageserver-types';
import { ATTRIBUTE_FLAGS, ATTRIBUTE_SIDES, ATTRIBUTE_TYPES, attributeFlag } from '../../../grammar/mapping/vocabulary';
import { keywordDoc } from './descriptions';
import { localized, t } from '../../../grammar/common/l10n';
import type { DocumentSnapshot } from '../snapshot';

const DECLARATION_START = /^[ \t]*attribute(?=[ \t])(?![ \t]*<-)/;
/** A quoted string (closed or not) or a run of other non-space characters. */
const WORD = /"(?:[^"\\\r\n]|\\.)*"?|[^\s"#]+/g;

/**
 * The completion list at `offset` when it is in an attribute declaration (null: nothing fits
 * there, e.g. the name); undefined when the line is not a declaration.
 */
export function declarationCompletion(snapshot: DocumentSnapshot, offset: number): CompletionList | null | undefined {
  if (snapshot.languageId === 'scimfilter') return undefined;
  const text = snapshot.text;
  // The line's start, looked for back from the offset only (a text without `\r` would be searched to its start).
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  const before = text.slice(lineStart, offset);
  const start = DECLARATION_START.exec(before);
  if (!start) return undefined;
  const rest = before.slice(start[0].length);
  const words = [...rest.matchAll(WORD)].map((m) => ({ text: m[0], start: lineStart + start[0].length + m.index! }));
  if (/#/.test(rest.replace(WORD, ''))) return null; // in a comment
  const typing =
    words.length && words[words.length - 1]!.start + words[words.length - 1]!.text.length === offset ? words.pop()! : undefined;
  if (typing?.text.startsWith('"')) return null; // in a string
  const from = snapshot.lines.positionAt(typing?.start ?? offset);
  const to = snapshot.lines.positionAt(offset);
  const item = (label: string, kind: CompletionItemKind, detail: string, doc: string): CompletionItem => ({
    label,
    kind,
    detail,
    documentation: { kind: MarkupKind.Markdown, value: doc },
    textEdit: TextEdit.replace({ start: from, end: to }, label),
  });
  let items: CompletionItem[];
  if (words.length === 0) {
    items = ATTRIBUTE_SIDES.map((side) =>
      item(side, CompletionItemKind.Keyword, side === 'target' ? t('target attribute') : t('source attribute'), keywordDoc(side)!),
    );
  } else if (words.length === 1) {
    return null; // the attribute's name: the user's to write
  } else if (words.length === 2) {
    items = [
      ...ATTRIBUTE_TYPES.map((type) => item(type.name, CompletionItemKind.TypeParameter, t('attribute type'), localized(type.doc))),
      item('remove', CompletionItemKind.Keyword, t('remove the attribute on deploy'), localized(attributeFlag('remove')!.doc)),
    ];
  } else {
    const last = attributeFlag(words[words.length - 1]!.text);
    if (last && last.value !== 'nothing') return null; // its value comes next
    if (words.some((w) => w.text === 'remove')) return null;
    const given = new Set(words.map((w) => w.text));
    items = ATTRIBUTE_FLAGS.filter((f) => f.name !== 'remove' && (f.repeatable || !given.has(f.name))).map((f) =>
      item(f.name, CompletionItemKind.Keyword, f.graphField ? `attributeDefinition.${f.graphField}` : t('flag'), localized(f.doc)),
    );
  }
  return { isIncomplete: false, items };
}
