/**
 * Completion over a large schema object (server/service/features/attribute-index.ts) must give
 * exactly the list of the plain path — one candidate per attribute, ranked and cut by
 * chooseAttributes — and the mapped targets the snapshot keeps from version to version
 * (server/service/block-lines.ts) must rank as a fresh read of the block does. Proven on random
 * schemas (names differing only in case, required and multi-valued attributes, a large source
 * directory) and random edit sequences inside a large block, each version asked for completion at
 * the start of a new line and after `[`, with a word typed: the list of a service that kept its
 * snapshots along the edits, equal to the plain path on a fresh snapshot of the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completion } from '../../server/service/features/completion';
import { createLanguageService, DocumentSnapshot } from '../../server/service/language-service';
import type { SchemaFileReader } from '../../server/service/schema-resolver';

const URI = 'file:///work/completion-index.aadmap';
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User';

interface RandomAttribute {
  name: string;
  required: boolean;
  multivalued: boolean;
}

const rawAttribute = (a: RandomAttribute) => ({
  name: a.name,
  type: 'String',
  multivalued: a.multivalued,
  required: a.required,
  anchor: false,
  caseExact: false,
  mutability: 'ReadWrite',
  referencedObjects: [],
});

/** A Graph synchronizationSchema with these target and source attributes. */
function schemaJson(target: RandomAttribute[], source: RandomAttribute[]): object {
  return {
    id: 'contoso',
    version: 'Date:2026-01-01',
    synchronizationRules: [
      { name: 'USER_OUTBOUND_USER', sourceDirectoryName: 'Azure Active Directory', targetDirectoryName: 'customappsso' },
    ],
    directories: [
      { name: 'Azure Active Directory', objects: [{ name: 'User', attributes: source.map(rawAttribute) }] },
      { name: 'customappsso', objects: [{ name: 'urn:ietf:params:scim:schemas:core:2.0:User', attributes: target.map(rawAttribute) }] },
    ],
  };
}

/** Names that share prefixes and differ in case (`Mail`, `mail`, `MAILx`), and long URNs. */
const attributeName = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map((n) => `${CUSTOM}:field${String(n).padStart(3, '0')}`),
  fc
    .tuple(fc.constantFrom('mail', 'Mail', 'MAIL', 'mAil', 'name', 'Name', 'title', 'x', 'X'), fc.stringMatching(/^[a-zA-Z0-9]{0,3}$/))
    .map(([a, b]) => a + b),
);
const randomAttribute: fc.Arbitrary<RandomAttribute> = fc.record({
  name: attributeName,
  required: fc.boolean(),
  multivalued: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
});
const attributes = (min: number, max: number) =>
  fc.uniqueArray(randomAttribute, { minLength: min, maxLength: max, selector: (a) => a.name }).map((list) =>
    // Required attributes are few, as in real schemas.
    list.map((a, i) => ({ ...a, required: a.required && i % 7 === 0 })),
  );

/** The file: one block of `lines` attribute lines mapping the first targets (some twice, some in another case). */
function fileOf(target: RandomAttribute[], lines: number): string {
  const out = ['target "schema.json"', '', 'mapping "Users" User -> User {'];
  for (let i = 0; i < lines; i++) {
    const name = target[(i * 7) % target.length]!.name;
    out.push(`  ${i % 11 === 3 ? name.toUpperCase() : name} <- [mail]${i % 5 === 0 ? `  default "${i}"` : ''}`);
  }
  out.push('}', '');
  return out.join('\n');
}

/** An edit inside the block: a line inserted, deleted or retyped, a word typed, a brace or comment. */
const edit = fc.record({
  at: fc.integer({ min: 50, max: 950 }).map((n) => n / 1000),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: fc.oneof(
    fc.constantFrom('\n  title <- [mail]', '\n  MAIL <- [x]', '\n', '<-', ' <- ', '#', '{', '}', 'x', 'attribute', '\n  # c <- d', '\r\n'),
    attributeName.map((n) => `\n  ${n} <- [givenName]`),
  ),
});

/** The word typed at a completion site: a prefix of a name in any case, letters in order, or anything. */
const word = fc.oneof(
  fc.constantFrom('', 'm', 'M', 'ma', 'MAI', 'mail', 'u', 'urn:', 'fd1', 'xyz', 'n', 'ti', 'e', 'field0'),
  fc.stringMatching(/^[a-zA-Z]{0,3}$/),
);

describe('completion over a large schema object equals the plain path', () => {
  it('at the start of a new line and after `[`, along random edits inside a large block', () => {
    fc.assert(
      fc.property(
        attributes(150, 420),
        attributes(0, 300),
        fc.integer({ min: 70, max: 160 }),
        fc.array(fc.tuple(edit, word, fc.boolean(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 12 }),
        (target, source, lines, steps) => {
          const json = schemaJson(target, source);
          const reader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json } : { error: 'no such file' }) };
          const service = createLanguageService({ schemaFiles: reader });
          let text = fileOf(target, lines);
          let version = 1;
          let snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, version);
          const change = (start: number, end: number, insert: string) => {
            const previous = snapshot;
            text = text.slice(0, start) + insert + text.slice(end);
            snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, ++version, {
              previous,
              edits: [{ start, end, length: insert.length }],
            });
          };
          const expectSame = (offset: number, trigger: string | undefined, indexFrom: number) => {
            const options = { snippets: true, resolve: true, triggerCharacter: trigger };
            const position = snapshot.lines.positionAt(offset);
            const fresh = DocumentSnapshot.of({ uri: URI, languageId: 'aadmap', text }, reader);
            expect(completion(snapshot, position, options, indexFrom)).toStrictEqual(completion(fresh, position, options, Infinity));
          };
          for (const [{ at, remove, insert }, typed, afterBracket, indexChoice] of steps) {
            const start = Math.floor(text.length * at);
            change(start, Math.min(text.length, start + remove), insert);
            // A site: a new line typed after a line of the block, or `[` typed in its source.
            const lineEnd = text.indexOf('\n', Math.floor(text.length * at));
            if (lineEnd < 0) continue;
            const insertion = afterBracket ? ` [${typed}` : `\n  ${typed}`;
            change(lineEnd, lineEnd, insertion);
            // The index from its default size, from a small one (lists kept whole), or the plain path.
            const indexFrom = [200, 10, 0][indexChoice]!;
            expectSame(lineEnd + insertion.length, afterBracket && typed === '' ? '[' : undefined, indexFrom);
            // Undone, then asked again elsewhere: what the snapshot kept follows the undo.
            change(lineEnd, lineEnd + insertion.length, '');
            const other = text.indexOf('\n', Math.floor(text.length * (1 - at)));
            if (other >= 0) {
              change(other, other, '\n  ');
              expectSame(other + 3, undefined, indexFrom);
            }
          }
        },
      ),
      { seed: 13013, numRuns: 25 },
    );
  });
});
