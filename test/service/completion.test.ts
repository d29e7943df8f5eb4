/**
 * Completion cases (cases/completion.md): the cursor `<|>` of each input, run through the language
 * service directly. Keys: `includes`, `excludes`, `only` (label lists), `first` (the best-sorted
 * label), `none`, `apply: LABEL` (the item's edit applied; the next block is the expected text),
 * `plain apply: LABEL` (the same for a client without snippet support), `trigger: CHAR`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/service/language-service';
import { applyEdits, list, readCases } from '../support/cases';
import { caseSchemaFiles } from './schema-files';

const service = createLanguageService({ schemaFiles: caseSchemaFiles });
const cases = readCases(join(__dirname, 'cases', 'completion.md'));
const KEYS = new Set(['includes', 'excludes', 'only', 'first', 'none', 'apply', 'plain apply', 'trigger']);

function sorted(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

describe('completion', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(20));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      expect(c.cursor, 'the input needs a <|> cursor').toBeDefined();
      for (const e of c.expectations) expect(KEYS.has(e.key), `unknown key '${e.key}'`).toBe(true);
      const trigger = c.expectations.find((e) => e.key === 'trigger')?.value;
      const document = { uri: c.uri, languageId: c.languageId, text: c.text };
      const triggerCharacter = trigger === 'space' ? ' ' : trigger;
      const result = service.completion(document, c.cursor!, { triggerCharacter });
      const items = result?.items ?? [];
      const labels = items.map((i) => i.label);
      for (const e of c.expectations) {
        switch (e.key) {
          case 'none':
            expect(labels).toEqual([]);
            break;
          case 'includes':
            for (const label of list(e.value)) expect(labels, `includes ${label}`).toContain(label);
            break;
          case 'excludes':
            for (const label of list(e.value)) expect(labels, `excludes ${label}`).not.toContain(label);
            break;
          case 'only':
            expect([...labels].sort()).toEqual(list(e.value).sort());
            break;
          case 'first':
            expect(sorted(items)[0]?.label).toBe(e.value);
            break;
          case 'apply':
          case 'plain apply': {
            const items2 =
              e.key === 'apply' ? items : (service.completion(document, c.cursor!, { triggerCharacter, snippets: false })?.items ?? []);
            const item = items2.find((i) => i.label === e.value);
            expect(item, `an item '${e.value}'`).toBeDefined();
            expect(item!.textEdit && 'range' in item!.textEdit).toBe(true);
            expect(applyEdits(c.text, [item!.textEdit as { range: never; newText: string }])).toBe(e.block);
            break;
          }
        }
      }
    });
  }
});
