/**
 * Document structure (cases/structure.md): the outline (`- symbols`, rendered one symbol per line,
 * indented by depth: `KIND name — detail`), folding ranges (`- folds: 1-4, …`, 1-based lines, with
 * `comment`/`region` kinds) and semantic tokens (`- tokens`, one `text type.modifier…` per token).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../server/service/features/semantic-tokens';
import { createLanguageService } from '../../server/service/language-service';
import { caseSchemaFiles } from './schema-files';
import { readCases } from '../support/cases';

const service = createLanguageService({ schemaFiles: caseSchemaFiles });
const kindNames = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

function renderSymbols(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${kindNames[s.kind]} ${s.name}${s.detail ? ` — ${s.detail}` : ''}`,
    ...renderSymbols(s.children ?? [], depth + 1),
  ]);
}

/** Decodes the LSP token data back to `text type.modifiers` lines. */
function renderTokens(text: string, data: number[]): string[] {
  const index = new LineIndex(text);
  const lines: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const start = index.offsetAt({ line, character });
    const names = SEMANTIC_TOKEN_MODIFIERS.filter((_, bit) => modifiers & (1 << bit));
    lines.push(`${text.slice(start, start + length)} ${[SEMANTIC_TOKEN_TYPES[type], ...names].join('.')}`);
  }
  return lines;
}

describe('document structure', () => {
  const cases = readCases(join(__dirname, 'cases', 'structure.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const c of cases) {
    it(`${c.name} (line ${c.line})`, () => {
      const document = { uri: c.uri, languageId: c.languageId, text: c.text };
      for (const e of c.expectations) {
        switch (e.key) {
          case 'symbols':
            expect(renderSymbols(service.documentSymbols(document)).join('\n')).toBe(e.block);
            break;
          case 'folds': {
            const folds = service.foldingRanges(document).map((f) => `${f.startLine + 1}-${f.endLine + 1}${f.kind ? ` ${f.kind}` : ''}`);
            expect(folds.join(', ')).toBe(e.value);
            break;
          }
          case 'tokens':
            expect(renderTokens(c.text, service.semanticTokens(document).data).join('\n')).toBe(e.block);
            break;
          default:
            throw new Error(`unknown key '${e.key}'`);
        }
      }
    });
  }

  it('semantic tokens of a line range are the whole-document tokens of those lines', () => {
    const text = [
      'target chatwork',
      'mapping "m" User -> User {',
      '  scope "s" {',
      '    [department] EQUALS "x"',
      '  }',
      '  title <- Join(" ", [givenName], Frob([x]))  match 1',
      '  emails[type eq "work"].value <- [mail]',
      '}',
    ].join('\n');
    const document = { uri: 'file:///r.aadmap', text };
    const decode = (data: number[]) => {
      const tokens: { line: number; character: number; rest: number[] }[] = [];
      let line = 0;
      let character = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i]!;
        character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
        tokens.push({ line, character, rest: data.slice(i + 2, i + 5) });
      }
      return tokens;
    };
    const whole = decode(service.semanticTokens(document).data);
    for (const [from, to] of [
      [3, 3],
      [3, 6],
      [5, 7],
      [0, 7],
    ] as const) {
      const ranged = decode(
        service.semanticTokens(document, { start: { line: from, character: 0 }, end: { line: to, character: 999 } }).data,
      );
      expect(ranged).toEqual(whole.filter((t) => t.line >= from && t.line <= to));
      expect(ranged.length).toBeGreaterThan(0);
    }
  });
});
