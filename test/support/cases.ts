/**
 * Data-driven editor-feature cases, written as Markdown (test/service/cases/*.md):
 *
 *     ## completion after the arrow            ← one case per `##` heading
 *     ```aadmap                                ← the input; `<|>` marks the cursor,
 *       title <- Jo<|>                           `<|` … `|>` a range
 *     ```
 *     - includes: Join, Coalesce               ← expectations: `- key: value` (or `- key`)
 *     - apply: Join                            ← an expectation may take the next fenced block
 *     ```aadmap                                   as its expected text
 *       title <- Join(${1:separator}, ${2:source})
 *     ```
 *
 * Text outside headings, fences and bullets is commentary. The language of the input is the fence's
 * info string (`aadmap` or `scimfilter`).
 */
import { readFileSync } from 'node:fs';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';

export interface Expectation {
  key: string;
  value: string;
  /** The fenced block written right after the bullet, if any. */
  block?: string;
}

export interface EditorCase {
  name: string;
  /** 1-based line of the heading, for failure messages. */
  line: number;
  languageId: string;
  uri: string;
  /** The input without markers. */
  text: string;
  cursor?: Position;
  range?: Range;
  expectations: Expectation[];
}

const FENCE = /^```(\w*)\s*$/;

export function readCases(file: string): EditorCase[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const cases: EditorCase[] = [];
  let current: (Omit<EditorCase, 'text' | 'languageId' | 'uri'> & { input?: { text: string; languageId: string } }) | undefined;
  let pending: Expectation | undefined;
  const finish = () => {
    if (!current) return;
    if (!current.input) throw new Error(`${file}:${current.line}: case "${current.name}" has no input block`);
    const { text, cursor, range } = extractMarkers(current.input.text);
    cases.push({
      name: current.name,
      line: current.line,
      languageId: current.input.languageId,
      uri: `file:///workspace/case.${current.input.languageId}`,
      text,
      cursor,
      range,
      expectations: current.expectations,
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) {
      finish();
      current = { name: line.slice(3).trim(), line: i + 1, expectations: [] };
      pending = undefined;
      continue;
    }
    if (!current) continue;
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      const text = body.join('\n');
      if (!current.input) current.input = { text, languageId: fence[1] || 'aadmap' };
      else if (pending && pending.block === undefined) pending.block = text;
      else throw new Error(`${file}:${i + 1}: a fenced block that belongs to no expectation`);
      continue;
    }
    const bullet = /^- ([^:]+?)(?::\s?(.*))?$/.exec(line);
    if (bullet) {
      pending = { key: bullet[1]!.trim(), value: (bullet[2] ?? '').trim() };
      current.expectations.push(pending);
    }
  }
  finish();
  return cases;
}

/** Removes `<|>` (cursor) or `<|` … `|>` (range) from the text. */
export function extractMarkers(marked: string): { text: string; cursor?: Position; range?: Range } {
  const cursorAt = marked.indexOf('<|>');
  if (cursorAt !== -1) {
    const text = marked.slice(0, cursorAt) + marked.slice(cursorAt + 3);
    return { text, cursor: new LineIndex(text).positionAt(cursorAt) };
  }
  const start = marked.indexOf('<|');
  const end = marked.indexOf('|>');
  if (start !== -1 && end > start) {
    const text = marked.slice(0, start) + marked.slice(start + 2, end) + marked.slice(end + 2);
    const index = new LineIndex(text);
    return { text, range: { start: index.positionAt(start), end: index.positionAt(end - 2) } };
  }
  return { text: marked };
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

export function list(value: string): string[] {
  return value
    .split(/,\s*(?=(?:[^`]*`[^`]*`)*[^`]*$)/)
    .map((s) => s.trim().replace(/^`(.*)`$/, '$1'))
    .filter(Boolean);
}

/** The expectations of a case with this key. */
export function expectationsOf(testCase: EditorCase, key: string): Expectation[] {
  return testCase.expectations.filter((e) => e.key === key);
}
