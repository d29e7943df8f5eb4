/**
 * Formatting cases (cases/formatting.md): `- formatted` is followed by the expected text; a
 * `<|`…`|>` range in the input asks for range formatting. Every case is also formatted twice (the
 * second pass must change nothing). Keys: `formatted` (block), `unchanged`, `tabs` (format with tabs).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../../server/service/language-service';
import { applyEdits, readCases } from '../support/cases';

const service = createLanguageService();

describe('formatting', () => {
  const cases = readCases(join(__dirname, 'cases', 'formatting.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(12));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const tabs = c.expectations.some((e) => e.key === 'tabs');
      const options = { tabSize: tabs ? 4 : 2, insertSpaces: !tabs };
      const format = (text: string) => applyEdits(text, service.format({ uri: c.uri, languageId: c.languageId, text }, options, c.range));
      // The blocks of a case file end without a line break; a formatted file ends with one.
      const input = `${c.text}\n`;
      const once = format(input);
      for (const e of c.expectations) {
        switch (e.key) {
          case 'formatted':
            expect(once).toBe(`${e.block}\n`);
            break;
          case 'unchanged':
            expect(service.format({ uri: c.uri, languageId: c.languageId, text: input }, options, c.range)).toEqual([]);
            break;
          case 'tabs':
            break;
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
      expect(format(once)).toBe(once);
    });
  }
});

describe('formatting is bounded', () => {
  const options = { tabSize: 2, insertSpaces: true };
  const head = 'target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n';

  it('a run of changed lines (50,000 blank ones folded, two realigned) is one edit', () => {
    const text = `${head}${'\n'.repeat(50_000)}  title <- [jobTitle]\n  active<-[accountEnabled]\n}\n`;
    const edits = service.format({ uri: 'file:///blank.aadmap', languageId: 'aadmap', text }, options);
    expect(edits.map((e) => e.newText)).toEqual(['  title  <- [jobTitle]\n  active <- [accountEnabled]\n']);
    expect(JSON.stringify(edits).length).toBeLessThan(1_000);
    expect(applyEdits(text, edits)).toBe(`${head}\n  title  <- [jobTitle]\n  active <- [accountEnabled]\n}\n`);
  });

  it('5 MB of blank lines (over the line cap) are left as they are', () => {
    const text = `${head}${'\n'.repeat(5_000_000)}}\n`;
    expect(service.format({ uri: 'file:///huge.aadmap', languageId: 'aadmap', text }, options)).toEqual([]);
  });
});
