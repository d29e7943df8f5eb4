/**
 * What a snapshot derives from the previous version (server/service/snapshot.ts deriveFrom) must
 * equal what a fresh snapshot of the same text reads: the brace offsets, the directory extension
 * names and each block's line summary (server/service/block-lines.ts: mapped targets, declaration
 * lines). Proven on random edit sequences inside and around a large block — lines inserted and
 * deleted, braces, comments, arrows, `\r\n` — with versions that ask for none of them in between
 * (what they would derive is carried along). A summary's `targetsVersion` must change whenever its
 * set of targets does (completion reuses a ranking while it does not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigBlockLine } from '../support/generate-big-block';
import type { BlockLines } from '../../server/service/block-lines';
import { createLanguageService, DocumentSnapshot } from '../../server/service/language-service';
import { noSchemaFiles } from '../../server/service/schema-resolver';

const URI = 'file:///work/block-lines.aadmap';

function fileOf(lines: number): string {
  const out = ['target chatwork', '', 'mapping "Users" User -> User {'];
  for (let i = 0; i < lines; i++)
    out.push(`  ${bigBlockLine(i)}${i === 4 || i === 15 ? `  # note [extension_0123456789abcdef0123456789abcdef_dept${i}]` : ''}`);
  out.push('}', '', 'mapping "Groups" Group -> Group {', '  displayName <- [displayName]', '}', '');
  return out.join('\n');
}

const insertable = fc.constantFrom(
  '\n',
  '\r\n',
  '\n  title <- [jobTitle]',
  '\n  TITLE <- [mail]',
  '\n  # a <- b',
  '<-',
  ' <- ',
  '#',
  '{',
  '}',
  '"',
  '[',
  ']',
  'x',
  'attribute',
  '\n  attribute target "x" String',
  '[extension_0123456789abcdef0123456789abcdef_dept4]',
  '[extension_0123456789ABCDEF0123456789abcdef_Dept4]',
  '[extension_0123456789abcdef0123456789abcdef_title]',
  '\n  active <- [x]',
);

const edit = fc.record({
  at: fc.integer({ min: 0, max: 999 }).map((n) => n / 1000),
  remove: fc.integer({ min: 0, max: 40 }),
  insert: fc.oneof(insertable, fc.constant('')),
  /** What this version is asked for (0: nothing, so the next version derives through it). */
  ask: fc.integer({ min: 0, max: 3 }),
});

const comparable = (lines: BlockLines) => ({
  openBrace: lines.openBrace,
  end: lines.end,
  targets: [...lines.targets.entries()].sort(),
  declaring: lines.declaring,
});

describe('what a snapshot derives from the previous version equals a fresh read', () => {
  it('brace offsets, extension names and block line summaries, along random edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 90 }), fc.array(edit, { minLength: 1, maxLength: 25 }), (size, edits) => {
        const service = createLanguageService();
        let text = fileOf(size);
        let snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, 1);
        const openBrace = () => text.indexOf('{');
        void snapshot.braces;
        void snapshot.extensionAttributes;
        if (openBrace() >= 0) snapshot.blockLines(openBrace());
        let last: { lines: BlockLines; version: number; targets: string[] } | undefined;
        edits.forEach(({ at, remove, insert, ask }, i) => {
          const previous = snapshot;
          const start = Math.floor(text.length * at);
          const end = Math.min(text.length, start + remove);
          text = text.slice(0, start) + insert + text.slice(end);
          snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, i + 2, {
            previous,
            edits: [{ start, end, length: insert.length }],
          });
          if (ask === 0) return;
          const fresh = DocumentSnapshot.of({ uri: URI, languageId: 'aadmap', text }, noSchemaFiles);
          if (ask !== 2) expect(snapshot.braces).toEqual(fresh.braces);
          if (ask !== 3) expect(snapshot.extensionAttributes).toEqual(fresh.extensionAttributes);
          const brace = openBrace();
          if (brace < 0) return;
          const lines = snapshot.blockLines(brace);
          expect(comparable(lines)).toEqual(comparable(fresh.blockLines(brace)));
          const targets = [...lines.targets.keys()].sort();
          if (last && last.lines === lines && last.version === lines.targetsVersion) expect(targets).toEqual(last.targets);
          last = { lines, version: lines.targetsVersion, targets };
        });
      }),
      { seed: 1313, numRuns: 150 },
    );
  });
});
