/**
 * Code actions (cases/code-actions.md): the service's own diagnostics under the cursor (`<|>`) or
 * range (`<|`…`|>`) go into the request, as an editor sends them. Keys: `action: TITLE` (the next
 * block is the document after applying it), `preferred: TITLE`, `no action: TITLE`, `titles: A, B`
 * (exactly these titles, in order).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/service/language-service';
import { applyEdits, list, readCases } from '../support/cases';
import { caseSchemaFiles } from './schema-files';

const service = createLanguageService({ schemaFiles: caseSchemaFiles });

const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const overlaps = (d: Diagnostic, r: Range) => before(d.range.start, r.end) && before(r.start, d.range.end);

describe('code actions', () => {
  const cases = readCases(join(__dirname, 'cases', 'code-actions.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(12));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const document = { uri: c.uri, languageId: c.languageId, text: c.text };
      const range = c.range ?? { start: c.cursor!, end: c.cursor! };
      const diagnostics = service.validate(document).filter((d) => overlaps(d, range));
      const actions = service.codeActions(document, range, { diagnostics });
      const titles = actions.map((a) => a.title);
      for (const e of c.expectations) {
        const action = actions.find((a) => a.title === e.value);
        switch (e.key) {
          case 'action': {
            expect(action, `'${e.value}' among ${JSON.stringify(titles)}`).toBeDefined();
            const edits = action!.edit?.changes?.[c.uri] ?? [];
            expect(applyEdits(c.text, edits)).toBe(e.block);
            break;
          }
          case 'preferred':
            expect(action?.isPreferred, `'${e.value}' preferred among ${JSON.stringify(titles)}`).toBe(true);
            break;
          case 'no action':
            expect(titles).not.toContain(e.value);
            break;
          case 'titles':
            expect(titles).toEqual(list(e.value));
            break;
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
    });
  }
});
