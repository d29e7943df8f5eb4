/**
 * Hover (cases/hover.md) and signature help (cases/signature-help.md) at the `<|>` cursor.
 * Hover keys: `contains: TEXT` (the Markdown holds it), `excludes: TEXT`, `range: TEXT` (the hovered
 * text), `none`. Signature keys: `label: TEXT` (exact), `active: NAME` (the highlighted parameter's
 * text, or `none`), `none`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import type { HoverContributor } from '../../server/service/editor-features';
import { createLanguageService } from '../../server/service/language-service';
import { readCases } from '../support/cases';
import { caseSchemaFiles } from './schema-files';

const service = createLanguageService({ schemaFiles: caseSchemaFiles });

describe('hover', () => {
  const cases = readCases(join(__dirname, 'cases', 'hover.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(15));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const result = service.hover({ uri: c.uri, languageId: c.languageId, text: c.text }, c.cursor!);
      const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
      for (const e of c.expectations) {
        switch (e.key) {
          case 'none':
            expect(result).toBeNull();
            break;
          case 'contains':
            expect(value).toContain(e.block ?? e.value);
            break;
          case 'excludes':
            expect(value).not.toContain(e.value);
            break;
          case 'range': {
            const index = new LineIndex(c.text);
            expect(result?.range).toBeDefined();
            expect(c.text.slice(index.offsetAt(result!.range!.start), index.offsetAt(result!.range!.end))).toBe(e.value);
            break;
          }
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
    });
  }

  it('appends the sections of further contributors after the built-in one', () => {
    const trace: HoverContributor = (snapshot, offset) => ({ markdown: `**trace** at ${offset} of ${snapshot.uri}` });
    const silent: HoverContributor = () => undefined;
    const extended = createLanguageService({ hoverContributors: [silent, trace] });
    const text = 'mapping "m" User -> User {\n  title <- [jobTitle]\n}\n';
    const result = extended.hover({ uri: 'file:///a.aadmap', text }, { line: 1, character: 13 });
    const value = (result!.contents as { value: string }).value;
    expect(value.split('\n\n---\n\n')).toEqual([expect.stringContaining('**[jobTitle]**'), '**trace** at 40 of file:///a.aadmap']);
    // Only a contributor: its section alone, without a range.
    const onlyTrace = extended.hover({ uri: 'file:///a.aadmap', text }, { line: 1, character: 0 });
    expect(onlyTrace).toEqual({ contents: { kind: 'markdown', value: '**trace** at 27 of file:///a.aadmap' } });
  });
});

describe('signature help', () => {
  const cases = readCases(join(__dirname, 'cases', 'signature-help.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const help = service.signatureHelp({ uri: c.uri, languageId: c.languageId, text: c.text }, c.cursor!);
      const signature = help?.signatures[help.activeSignature ?? 0];
      for (const e of c.expectations) {
        switch (e.key) {
          case 'none':
            expect(help).toBeNull();
            break;
          case 'label':
            expect(signature?.label).toBe(e.value);
            break;
          case 'active': {
            const parameter = signature?.parameters?.[help!.activeParameter ?? 0];
            const text =
              parameter && Array.isArray(parameter.label)
                ? signature!.label.slice(parameter.label[0], parameter.label[1])
                : (parameter?.label ?? 'none');
            expect(text).toBe(e.value);
            break;
          }
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
    });
  }
});
