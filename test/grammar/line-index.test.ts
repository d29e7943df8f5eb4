/**
 * LineIndex.edited (the line table of an edited version, from the previous version's) equals a
 * fresh LineIndex of the new text: on random texts of line breaks of every kind (\n, \r\n, a lone
 * \r) and random replacements, including those that split or join a \r\n, with the unchanged region
 * told exactly or narrower than it is (an editor's edit may replace more than it changes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';

const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀'), { maxLength: 60 }).map((parts) => parts.join(''));
const replacement = fc.record({ at: fc.nat(), removed: fc.nat({ max: 8 }), inserted: text, narrower: fc.nat({ max: 3 }) });

describe('LineIndex.edited', () => {
  it('equals the index of the new text, edit after edit', () => {
    fc.assert(
      fc.property(text, fc.array(replacement, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let index = new LineIndex(base);
        for (const edit of edits) {
          const before = index.text;
          const start = edit.at % (before.length + 1);
          const end = Math.min(before.length, start + edit.removed);
          const after = before.slice(0, start) + edit.inserted + before.slice(end);
          const prefix = Math.max(0, start - edit.narrower);
          const suffix = Math.max(0, before.length - end - edit.narrower);
          index = LineIndex.edited(index, after, prefix, suffix);
          const fresh = new LineIndex(after);
          expect(index.lineCount).toBe(fresh.lineCount);
          for (let line = 0; line < fresh.lineCount; line++) expect(index.lineStart(line)).toBe(fresh.lineStart(line));
          for (let offset = 0; offset <= after.length; offset++) expect(index.positionAt(offset)).toEqual(fresh.positionAt(offset));
        }
      }),
      { numRuns: 500 },
    );
  });
});
