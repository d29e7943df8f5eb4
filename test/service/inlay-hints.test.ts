/**
 * Inlay hints (cases/inlay-hints.md): the next block after `- hints` is the input with every hint
 * written in place as `‹label›`. Keys: `mode: none|literals|all`, `hints` (block), `range` (only the
 * `<|`…`|>` range of the input is asked for).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import type { ParameterNameHints } from '../../server/service/editor-features';
import { createLanguageService } from '../../server/service/language-service';
import { readCases } from '../support/cases';
import { caseSchemaFiles } from './schema-files';

const service = createLanguageService({ schemaFiles: caseSchemaFiles });

function render(text: string, hints: { position: { line: number; character: number }; label: string | unknown[] }[]): string {
  const index = new LineIndex(text);
  const placed = hints.map((h) => ({ at: index.offsetAt(h.position), label: String(h.label) })).sort((a, b) => b.at - a.at);
  let result = text;
  for (const { at, label } of placed) result = `${result.slice(0, at)}‹${label}›${result.slice(at)}`;
  return result;
}

describe('inlay hints', () => {
  const cases = readCases(join(__dirname, 'cases', 'inlay-hints.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(5));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const mode = c.expectations.find((e) => e.key === 'mode')?.value as ParameterNameHints | undefined;
      const index = new LineIndex(c.text);
      const range = c.range ?? { start: { line: 0, character: 0 }, end: index.positionAt(c.text.length) };
      const hints = service.inlayHints(
        { uri: c.uri, languageId: c.languageId, text: c.text },
        range,
        mode ? { parameterNames: mode } : undefined,
      );
      for (const hint of hints) expect(hint.paddingRight).toBe(true);
      const expected = c.expectations.find((e) => e.key === 'hints');
      expect(expected?.block, 'a `- hints` block').toBeDefined();
      expect(render(c.text, hints)).toBe(expected!.block);
    });
  }
});
