/**
 * The editor features never throw and answer with well-formed results, whatever the document and
 * wherever the cursor: every request an editor sends on every keystroke is run at random offsets
 * of generated documents (well-shaped, mutated fixtures, token soups, random text) of both
 * languages, and on the pathological inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Range } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import { createLanguageService } from '../../server/service/language-service';
import { applyEdits } from '../support/cases';
import {
  mappingSoup,
  mutatedMapping,
  mutatedScimFilterFile,
  pathologicalInputs,
  randomText,
  scimSoup,
  structuredMapping,
} from './arbitraries';
import { runs } from './invariants';
import { yieldingProperty } from '../support/event-loop';

const service = createLanguageService();

type Language = 'aadmap' | 'scimfilter';

function inside(position: Position, index: LineIndex, text: string): void {
  expect(position.line).toBeGreaterThanOrEqual(0);
  expect(position.character).toBeGreaterThanOrEqual(0);
  expect(index.offsetAt(position)).toBeLessThanOrEqual(text.length);
  expect(index.positionAt(index.offsetAt(position))).toEqual(position);
}

function rangeInside(range: Range, index: LineIndex, text: string): void {
  inside(range.start, index, text);
  inside(range.end, index, text);
  expect(index.offsetAt(range.start)).toBeLessThanOrEqual(index.offsetAt(range.end));
}

function exercise(text: string, languageId: Language, offset: number): void {
  const index = new LineIndex(text);
  const snapshot = service.snapshot({ uri: `file:///property.${languageId}`, languageId, text });
  const position = index.positionAt(Math.min(offset, text.length));
  const whole: Range = { start: { line: 0, character: 0 }, end: index.positionAt(text.length) };

  const completion = service.completion(snapshot, position);
  for (const item of completion?.items ?? []) {
    const edit = item.textEdit as { range: Range } | undefined;
    expect(edit).toBeDefined();
    rangeInside(edit!.range, index, text);
    // The edited range holds the cursor (editors require it).
    expect(index.offsetAt(edit!.range.start)).toBeLessThanOrEqual(index.offsetAt(position));
    expect(index.offsetAt(edit!.range.end)).toBeGreaterThanOrEqual(index.offsetAt(position));
  }
  for (const trigger of [' ', '[', '(', ',']) service.completion(snapshot, position, { triggerCharacter: trigger, snippets: false });

  const hover = service.hover(snapshot, position);
  if (hover?.range) rangeInside(hover.range, index, text);

  const help = service.signatureHelp(snapshot, position);
  if (help) {
    const signature = help.signatures[0]!;
    for (const parameter of signature.parameters ?? []) {
      const [start, end] = parameter.label as [number, number];
      expect(0 <= start && start <= end && end <= signature.label.length).toBe(true);
    }
  }

  for (const hint of service.inlayHints(snapshot, whole)) inside(hint.position, index, text);
  for (const hint of service.inlayHints(snapshot, { start: position, end: whole.end }, { parameterNames: 'all' }))
    inside(hint.position, index, text);

  const diagnostics = service.validate(snapshot);
  const nearby = diagnostics.filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line);
  for (const action of service.codeActions(snapshot, { start: position, end: position }, { diagnostics: nearby })) {
    const edits = action.edit?.changes?.[snapshot.uri] ?? [];
    for (const edit of edits) rangeInside(edit.range, index, text);
    applyEdits(text, edits); // throws on overlapping edits
  }

  const symbols = service.documentSymbols(snapshot);
  const walk = (list: typeof symbols): void =>
    list.forEach((s) => {
      rangeInside(s.range, index, text);
      rangeInside(s.selectionRange, index, text);
      walk(s.children ?? []);
    });
  walk(symbols);
  for (const fold of service.foldingRanges(snapshot)) expect(fold.startLine).toBeLessThan(fold.endLine);

  const tokens = service.semanticTokens(snapshot).data;
  expect(tokens.length % 5).toBe(0);
  const ranged = service.semanticTokens(snapshot, { start: { line: position.line, character: 0 }, end: whole.end }).data;
  expect(ranged.length % 5).toBe(0);

  for (const highlight of service.documentHighlights(snapshot, position)) rangeInside(highlight.range, index, text);
  const prepared = service.prepareRename(snapshot, position);
  if (prepared) {
    rangeInside(prepared.range, index, text);
    const edit = service.rename(snapshot, position, 'renamed');
    applyEdits(text, edit?.changes?.[snapshot.uri] ?? []);
  }
}

const documents: { name: string; arbitrary: fc.Arbitrary<string>; languageId: Language; numRuns: number }[] = [
  { name: 'well-shaped .aadmap files', arbitrary: structuredMapping, languageId: 'aadmap', numRuns: 120 },
  { name: 'mutated .aadmap fixtures', arbitrary: mutatedMapping, languageId: 'aadmap', numRuns: 120 },
  { name: '.aadmap token soups', arbitrary: mappingSoup, languageId: 'aadmap', numRuns: 100 },
  { name: 'random text', arbitrary: randomText, languageId: 'aadmap', numRuns: 150 },
  { name: 'mutated .scimfilter files', arbitrary: mutatedScimFilterFile, languageId: 'scimfilter', numRuns: 150 },
  {
    name: 'SCIM token soups',
    arbitrary: fc.array(scimSoup, { maxLength: 4 }).map((l) => l.join('\n')),
    languageId: 'scimfilter',
    numRuns: 150,
  },
];

describe('editor features never throw and stay inside the document', () => {
  for (const { name, arbitrary, languageId, numRuns } of documents) {
    it(`${languageId}: ${name}`, async () => {
      await fc.assert(
        yieldingProperty(arbitrary, fc.nat(), (text, at) => exercise(text, languageId, text.length === 0 ? 0 : at % (text.length + 1))),
        { numRuns: runs(numRuns) },
      );
    });
  }

  // One cursor per input and language keeps this affordable: the point is that nothing throws.
  for (const { name, text } of pathologicalInputs()) {
    it(`pathological input: ${name}`, { timeout: 120_000 }, () => {
      exercise(text, 'aadmap', Math.floor(text.length / 2));
      exercise(text, 'scimfilter', text.length);
    });
  }
});
