/**
 * Hover (cases/hover.md) and signature help (cases/signature-help.md) at the `<|>` cursor.
 * Hover keys: `contains: TEXT` (the Markdown holds it), `excludes: TEXT`, `range: TEXT` (the hovered
 * text), `none`. Signature keys: `label: TEXT` (exact), `active: NAME` (the highlighted parameter's
 * text, or `none`), `none`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import { createLanguageService } from '../../server/service/language-service';
import type { SampleFileAccess } from '../../server/service/sample-users';
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

  describe('with sample users (the evaluation section)', () => {
    const files: Record<string, string> = {
      'file:///w/alice.user.json': '{ "jobTitle": "Sales Manager" }',
      'file:///w/bob.user.json': '{ "jobTitle": "Account Executive" }',
    };
    const sampleFiles: SampleFileAccess = {
      listSampleUsers: () => Object.keys(files),
      existingTargetFor: () => undefined,
      readText: (uri) => (uri in files ? { text: files[uri]! } : { error: `no ${uri}` }),
    };
    const evaluating = createLanguageService({ sampleFiles });
    const document = { uri: 'file:///w/a.aadmap', text: 'mapping "m" User -> User {\n  title <- [jobTitle]\n}\n' };
    const sections = (result: ReturnType<typeof service.hover>) => (result!.contents as { value: string }).value.split('\n\n---\n\n');

    it("follows what is under the cursor with the line's value for the first sample user", () => {
      const result = evaluating.hover(document, { line: 1, character: 13 });
      // The value first, then what the token is.
      expect(sections(result)).toEqual([
        '**title** for sample user `alice.user.json`: `"Sales Manager"`',
        expect.stringContaining('**[jobTitle]**'),
      ]);
      // The range is the narrowest section's: the hovered attribute reference.
      expect(result!.range).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 21 } });
    });

    it('uses the sample user the editor chose', () => {
      const result = evaluating.hover(document, { line: 1, character: 13 }, { preview: { sampleUser: 'file:///w/bob.user.json' } });
      expect(sections(result)[0]).toBe('**title** for sample user `bob.user.json`: `"Account Executive"`');
    });

    it('is absent without sample files, and away from a mapping source', () => {
      expect(sections(service.hover(document, { line: 1, character: 13 }))).toHaveLength(1);
      expect(evaluating.hover(document, { line: 0, character: 30 })).toBeNull();
    });

    it("says that a function only the job's function list names cannot be evaluated (not that it is unknown)", () => {
      const text = 'target "job.schema.json"\nmapping "m" User -> User {\n  userName <- StripDomain([mail], "contoso.com")\n}\n';
      const hoverOn = (schemaFiles: typeof caseSchemaFiles | undefined, target: string) => {
        const withList = createLanguageService({ sampleFiles, ...(schemaFiles ? { schemaFiles } : {}) });
        const result = withList.hover(
          { uri: 'file:///w/job.aadmap', text: text.replace('"job.schema.json"', target) },
          { line: 2, character: 16 },
        );
        return result ? sections(result)[0]!.split('\n')[0] : undefined;
      };
      expect(hoverOn(caseSchemaFiles, '"job.schema.json"')).toBe(
        "**userName** for sample user `alice.user.json`: evaluation error — StripDomain is known only from the job's function list: aadmap cannot evaluate it offline",
      );
      // Without the list the checker reports an unknown function, an error: nothing is evaluated.
      expect(hoverOn(caseSchemaFiles, '"multi.json"')).toBeUndefined();
    });
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
