/**
 * Document highlights and rename of source attributes (cases/references.md), at the `<|>` cursor.
 * Keys: `highlights` (the next block is the input with each highlighted range written «…»),
 * `no highlights`, `prepare: TEXT` (the range to rename, or `none`), `rename: NAME` (the next block
 * is the document after the rename), `rejects: NAME` (the new name is refused).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import { createLanguageService, RenameError } from '../../server/service/language-service';
import { applyEdits, readCases } from '../support/cases';

const service = createLanguageService();

describe('highlights and rename', () => {
  const cases = readCases(join(__dirname, 'cases', 'references.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const document = { uri: c.uri, languageId: c.languageId, text: c.text };
      const index = new LineIndex(c.text);
      for (const e of c.expectations) {
        switch (e.key) {
          case 'highlights': {
            const ranges = service
              .documentHighlights(document, c.cursor!)
              .map((h) => [index.offsetAt(h.range.start), index.offsetAt(h.range.end)] as const);
            let marked = c.text;
            for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0]))
              marked = `${marked.slice(0, start)}«${marked.slice(start, end)}»${marked.slice(end)}`;
            expect(marked).toBe(e.block);
            break;
          }
          case 'no highlights':
            expect(service.documentHighlights(document, c.cursor!)).toEqual([]);
            break;
          case 'prepare': {
            const prepared = service.prepareRename(document, c.cursor!);
            if (e.value === 'none') expect(prepared).toBeNull();
            else {
              expect(c.text.slice(index.offsetAt(prepared!.range.start), index.offsetAt(prepared!.range.end))).toBe(e.value);
              expect(prepared!.placeholder).toBe(e.value);
            }
            break;
          }
          case 'rename': {
            const edit = service.rename(document, c.cursor!, e.value);
            expect(applyEdits(c.text, edit?.changes?.[c.uri] ?? [])).toBe(e.block);
            break;
          }
          case 'rejects':
            expect(() => service.rename(document, c.cursor!, e.value)).toThrow(RenameError);
            break;
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
    });
  }
});
