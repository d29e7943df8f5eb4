/**
 * Incremental diagnostics (server/service/incremental-diagnostics.ts) must equal a full analysis:
 * after every edit of a random sequence, the same diagnostics in the same order as
 * analyzeMappingText — with edits that change blocks, move them, break and repair braces, and
 * switch the target between the built-in schema, a schema file and nothing; both when the texts are
 * compared and when the editor's edits are noted (the hinted path: edits wider than the change,
 * several per version, several versions per diagnostics call, and notes that must be dropped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMappingFile } from '../support/generate';
import { bigBlockLine, generateBigBlockFile, generateBigBlockSchema } from '../support/generate-big-block';
import { LineIndex } from '../../grammar/common/line-index';
import { analyzeMappingText } from '../../server/service/analysis';
import type { TextReplacement } from '../../server/service/document';
import { IncrementalMappingDiagnostics } from '../../server/service/incremental-diagnostics';
import { createLanguageService } from '../../server/service/language-service';
import type { SchemaFileReader } from '../../server/service/schema-resolver';
import { applyMutation, mappingFixtures, mappingToken, type Mutation, mutation, structuredMapping } from '../property/arbitraries';
import { letEventLoopTurn, yieldingProperty } from '../support/event-loop';

const URI = 'file:///work/incremental.aadmap';
const schemaJson = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));
/** `schema.json` reads as the sample schema (the same object every time, as the Node reader's cache gives). */
const reader: SchemaFileReader = {
  readJson: (path) => (path === 'schema.json' ? { json: schemaJson } : { error: 'no such file' }),
};

const edits = fc.constantFrom(
  '\nmapping "Extra" User -> User {\n  title <- [jobTitle]\n}\n',
  '\nmapping "Synchronize Azure Active Directory Users to Chatwork (1)" User -> User {\n}\n',
  '\n}\n',
  '}',
  '{',
  '\ntarget chatwork\n',
  '\ntarget "schema.json"\n',
  'target "missing.json"\n',
  '\n  userName <- [mail]  match 1\n',
  '\n  displayName <- Join(" ", [givenName], [surname])\n',
  'Join(',
  '(',
  ')',
  '"',
  'Swtich',
  'x',
  '\n',
);
const insertable = fc.oneof(mappingToken, edits);

/** Options of the state under test: by default, blocks of 64 lines and more are read statement by statement. */
type Options = ConstructorParameters<typeof IncrementalMappingDiagnostics>[0];

function expectEqualSequence(
  base: string,
  mutations: Parameters<typeof applyMutation>[1][],
  options?: Options,
  schemas: SchemaFileReader = reader,
): void {
  const incremental = new IncrementalMappingDiagnostics(options);
  let text = base;
  const check = () => {
    const expected = analyzeMappingText(text, URI, schemas).diagnostics;
    const actual = incremental.diagnostics(text, URI, schemas);
    expect(actual).toStrictEqual(expected);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  };
  check();
  for (const m of mutations) {
    text = applyMutation(text, m);
    check();
  }
  // Back to the start: everything comes from the kept pieces again.
  text = base;
  check();
}

/**
 * An edit that turns `before` into `after`: the smallest replacement, widened by `widen` on each
 * side into text that did not change (an editor may replace more than it changes).
 */
function editFor(before: string, after: string, widen: { start: number; end: number }): TextReplacement {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const start = prefix - (widen.start % (prefix + 1));
  const tail = suffix - (widen.end % (suffix + 1));
  return { start, end: before.length - tail, length: after.length - tail - start };
}

/** One version: a mutation, as edits (widened, maybe with an empty edit elsewhere), diagnosed or not. */
interface NotedStep {
  mutation: Mutation;
  widen: { start: number; end: number };
  /** An empty replacement at this position (mod the length): changes nothing, widens the region. */
  empty?: number;
  diagnose: boolean;
}

const notedStep: fc.Arbitrary<NotedStep> = fc.record(
  {
    mutation: mutation(insertable),
    // Often the exact change (no widening): its ends then fall on piece boundaries as the edit does.
    widen: fc.record({ start: fc.oneof(fc.constant(0), fc.nat({ max: 400 })), end: fc.oneof(fc.constant(0), fc.nat({ max: 400 })) }),
    empty: fc.nat({ max: 100_000 }),
    diagnose: fc.boolean(),
  },
  { requiredKeys: ['mutation', 'widen', 'diagnose'] },
);

/** The hinted path: every version's edits are noted; diagnostics (at some versions) use them and equal a full analysis. */
function expectEqualWithNotedEdits(base: string, steps: NotedStep[], options?: Options): void {
  const incremental = new IncrementalMappingDiagnostics(options);
  let text = base;
  const check = (hinted: boolean) => {
    const actual = incremental.diagnostics(text, URI, reader);
    expect(actual).toStrictEqual(analyzeMappingText(text, URI, reader).diagnostics);
    expect(incremental.lastCall.hinted).toBe(hinted);
  };
  check(false);
  for (const step of steps) {
    const next = applyMutation(text, step.mutation);
    const edits = [editFor(text, next, step.widen)];
    if (step.empty !== undefined) {
      const at = step.empty % (next.length + 1);
      edits.push({ start: at, end: at, length: 0 });
    }
    incremental.noteEdits(text, edits, next);
    text = next;
    if (step.diagnose) check(true);
  }
  check(steps.length > 0 && !steps[steps.length - 1]!.diagnose);
}

describe('incremental diagnostics equal a full analysis', () => {
  it('on sequences of edits of generated files', async () => {
    const bases = [10, 25, 40].map(generateMappingFile);
    await fc.assert(
      yieldingProperty(fc.constantFrom(...bases), fc.array(mutation(insertable), { minLength: 1, maxLength: 8 }), (base, m) =>
        expectEqualSequence(base, m),
      ),
      {
        numRuns: 60,
      },
    );
  });

  it('on sequences of edits of fixtures and structured text', async () => {
    await fc.assert(
      yieldingProperty(
        fc.oneof(fc.constantFrom(...mappingFixtures), structuredMapping),
        fc.array(mutation(insertable), { minLength: 1, maxLength: 8 }),
        (base, m) => expectEqualSequence(base, m),
      ),
      { numRuns: 120 },
    );
  });

  it('with the edits noted, on generated files', async () => {
    const bases = [10, 25, 40].map(generateMappingFile);
    await fc.assert(
      yieldingProperty(fc.constantFrom(...bases), fc.array(notedStep, { minLength: 1, maxLength: 8 }), (base, steps) =>
        expectEqualWithNotedEdits(base, steps),
      ),
      {
        numRuns: 60,
      },
    );
  });

  it('with the edits noted, on fixtures and structured text', async () => {
    await fc.assert(
      yieldingProperty(
        fc.oneof(fc.constantFrom(...mappingFixtures), structuredMapping),
        fc.array(notedStep, { minLength: 1, maxLength: 8 }),
        (base, steps) => expectEqualWithNotedEdits(base, steps),
      ),
      { numRuns: 120 },
    );
  });

  it('on sequences of edits with every block read statement by statement', async () => {
    const everyBlock = { statementLevelMinLines: 1 };
    const bases = [10, 25, 40].map(generateMappingFile);
    await fc.assert(
      yieldingProperty(
        fc.oneof(fc.constantFrom(...bases), fc.constantFrom(...mappingFixtures), structuredMapping),
        fc.array(mutation(insertable), { minLength: 1, maxLength: 8 }),
        (base, mutations) => expectEqualSequence(base, mutations, everyBlock),
      ),
      { numRuns: 120 },
    );
    await fc.assert(
      yieldingProperty(fc.constantFrom(...bases), fc.array(notedStep, { minLength: 1, maxLength: 8 }), (base, steps) =>
        expectEqualWithNotedEdits(base, steps, everyBlock),
      ),
      { numRuns: 60 },
    );
  });

  it('on sequences of edits inside one large block against a schema file (statement by statement)', async () => {
    // One block of 150 lines, target "schema.json" of 150 attributes; edits that keep lines whole
    // mixed with character edits (a line with a syntax error: read on its own by the reference parser;
    // a parenthesis opened before a line that continues it, or lines joined: the whole-block path).
    const big = generateBigBlockSchema(150);
    const bigReader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json: big } : { error: 'no such file' }) };
    const base = generateBigBlockFile(150);
    const statements = fc.constantFrom(
      ...[0, 1, 2, 3, 4, 5, 6, 7, 17, 53, 89].map((i) => `  ${bigBlockLine(i)}\n`),
      '  userName <- [mail]  match 1\n',
      '  displayName <- [displayName]  match 2\n',
      '  active <- "yes"\n',
      '  enabled false\n',
      '  enabled true\n',
      '  flowTypes Update, Delete\n',
      '  flowTypes Add, Add\n',
      '  scope "s" {\n    [department] EQUALS "Sales"\n    [manager] IS NOT NULL\n  }\n',
      '  scope "s" {\n    [accountEnabled] IS TRUE\n  }\n',
      '  # a comment\n',
      '\n',
      '  title <- none\n',
      '  title <- [jobTitle]  match 0\n',
      '  title <- [jobTitle]  flowType Always  on create\n',
      // Lines with syntax errors, and a line that continues a call left open on the line before it.
      '  title <- Join(" ", [givenName]\n',
      '  title <- Swtich(\n',
      '  titel <- [jobTitle]  macth 1\n',
      '  title <- "open\n',
      '    [givenName], [surname])\n',
      // Declarations change what other lines mean (their block is then read whole).
      '  attribute target "urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter" String required\n',
      '  urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter <- [department]\n',
      '  attribute source extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCenter Boolean\n',
      '  title <- [extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCenter]\n',
      '  attribute target title Integer\n',
      '  attribute target title remove\n',
    );
    const lineEdit = fc.oneof(
      fc.record({ op: fc.constant('insertLine' as const), line: fc.nat({ max: 100_000 }), text: statements }),
      fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat({ max: 100_000 }) }),
      fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat({ max: 100_000 }), to: fc.nat({ max: 100_000 }) }),
      fc.record({ op: fc.constant('swapLines' as const), a: fc.nat({ max: 100_000 }), b: fc.nat({ max: 100_000 }) }),
      // A keystroke inside a source expression: the line stays whole and says the same to the block rules.
      fc.record({ op: fc.constant('retype' as const), at: fc.nat({ max: 100_000 }), text: fc.constantFrom('n/b', 'x', '', 'Sales 2') }),
    );
    const step = fc.oneof({ arbitrary: lineEdit, weight: 5 }, { arbitrary: mutation(insertable), weight: 1 });
    // Each version diagnosed twice: with the texts compared, and with the edit noted as an editor
    // sends it (maybe wider than the change) — the statements outside it keep their cut from the
    // previous version, wherever the edit's ends fall (inside a line, on a line break, in a \r\n).
    const widen = fc.record({ start: fc.oneof(fc.constant(0), fc.nat({ max: 300 })), end: fc.oneof(fc.constant(0), fc.nat({ max: 300 })) });
    await fc.assert(
      yieldingProperty(fc.array(fc.tuple(step, widen), { minLength: 1, maxLength: 10 }), fc.boolean(), (steps, crlf) => {
        const compared = new IncrementalMappingDiagnostics();
        const noted = new IncrementalMappingDiagnostics();
        let text = crlf ? base.replace(/\n/g, '\r\n') : base;
        const check = () => {
          const expected = analyzeMappingText(text, URI, bigReader).diagnostics;
          expect(compared.diagnostics(text, URI, bigReader)).toStrictEqual(expected);
          expect(noted.diagnostics(text, URI, bigReader)).toStrictEqual(expected);
        };
        check();
        expect(compared.lastCall.statementLevel).toBe(1);
        for (const [m, wider] of steps) {
          // A line insert lands at a line start inside the block (after the header, before the closing line).
          const next =
            m.op === 'insertLine'
              ? insertLine(text, m.line, m.text)
              : m.op === 'retype'
                ? retype(text, m.at, m.text)
                : applyMutation(text, m);
          noted.noteEdits(text, [editFor(text, next, wider)], next);
          text = next;
          check();
          expect(noted.lastCall.hinted).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('with the edits noted, at every piece boundary (the characters around each cut)', () => {
    const text = generateMappingFile(20);
    const cuts = [...text.matchAll(/^(mapping|target)\b/gm)].map((m) => m.index);
    const edits: [string, number, number, string][] = [];
    for (const cut of cuts) {
      edits.push(
        ['line break before the cut', cut - 1, cut, '\n\n'],
        ['first letter', cut, cut + 1, 'M'],
        ['insert at the cut', cut, cut, '}\n'],
      );
      edits.push(['join with the line before', cut - 1, cut, ' '], ['the two characters across', cut - 1, cut + 1, '\nx']);
    }
    for (const [name, start, end, insert] of edits) {
      const state = new IncrementalMappingDiagnostics();
      state.diagnostics(text, URI, reader);
      const edited = text.slice(0, start) + insert + text.slice(end);
      state.noteEdits(text, [{ start, end, length: insert.length }], edited);
      expect(state.diagnostics(edited, URI, reader), `${name} at ${start}`).toStrictEqual(
        analyzeMappingText(edited, URI, reader).diagnostics,
      );
      expect(state.lastCall.hinted).toBe(true);
      // And back, in the same state.
      state.noteEdits(edited, [{ start, end: start + insert.length, length: end - start }], text);
      expect(state.diagnostics(text, URI, reader), `${name} at ${start}, undone`).toStrictEqual(
        analyzeMappingText(text, URI, reader).diagnostics,
      );
    }
  });

  it('drops notes that do not chain from the diagnosed text or do not fit, and compares the texts', () => {
    const text = generateMappingFile(50);
    const edited = text.replace('"n/a"', '"n/b"');
    const at = text.indexOf('"n/a"') + 3;
    const exact = { start: at, end: at + 1, length: 1 };
    const cases: [string, (state: IncrementalMappingDiagnostics) => void][] = [
      ['from another text', (state) => state.noteEdits(`${text} `, [exact], edited)],
      ['lengths that do not add up', (state) => state.noteEdits(text, [{ start: at, end: at + 1, length: 2 }], edited)],
      ['an edit outside the text', (state) => state.noteEdits(text, [{ start: at, end: text.length + 1, length: 1 }], edited)],
      ['an edit ending before it starts', (state) => state.noteEdits(text, [{ start: at + 1, end: at, length: 1 }], edited)],
      ['a note for another text than the one diagnosed', (state) => state.noteEdits(text, [exact], `${edited}`.replace('n/b', 'n/c'))],
      [
        'a later note that breaks the chain',
        (state) => (state.noteEdits(text, [exact], edited), state.noteEdits(text, [exact], edited.slice(1))),
      ],
    ];
    for (const [name, note] of cases) {
      const state = new IncrementalMappingDiagnostics();
      state.diagnostics(text, URI, reader);
      note(state);
      expect(state.diagnostics(edited, URI, reader), name).toStrictEqual(analyzeMappingText(edited, URI, reader).diagnostics);
      expect(state.lastCall.hinted, name).toBe(false);
      expect(state.lastCall.read, name).toBeLessThanOrEqual(2); // the texts were compared: still incremental
    }
    {
      // A note from a text the chain never reached (an error added in the last block) must not extend the chain.
      const state = new IncrementalMappingDiagnostics();
      state.diagnostics(text, URI, reader);
      state.noteEdits(text, [exact], edited);
      const elsewhere = text.slice(0, text.lastIndexOf('Switch')) + 'Swtich' + text.slice(text.lastIndexOf('Switch') + 6);
      const next = elsewhere.slice(0, at) + 'b' + elsewhere.slice(at + 1);
      state.noteEdits(elsewhere, [exact], next);
      const expected = analyzeMappingText(next, URI, reader).diagnostics;
      expect(expected.map((d) => d.code)).toEqual(['unknown-function']);
      expect(state.diagnostics(next, URI, reader)).toStrictEqual(expected);
      expect(state.lastCall.hinted).toBe(false);
    }
    // An exact note is used.
    const state = new IncrementalMappingDiagnostics();
    state.diagnostics(text, URI, reader);
    state.noteEdits(text, [exact], edited);
    expect(state.diagnostics(edited, URI, reader)).toStrictEqual(analyzeMappingText(edited, URI, reader).diagnostics);
    expect(state.lastCall).toEqual({ pieces: 12, read: 1, hinted: true, statementLevel: 0, statementsCut: 0 });
  });

  it('typing a line inside a large block: every keystroke, syntax errors included, is read statement by statement and equals a full analysis', async () => {
    // The line being typed is a syntax error at most keystrokes; the statement-level path reads it
    // with the reference parser on its own (grammar/mapping/reference.ts parseBlockStatementReference)
    // instead of sending the block to the whole-block path.
    const schema = generateBigBlockSchema(100);
    const bigReader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json: schema } : { error: 'no such file' }) };
    const base = generateBigBlockFile(100);
    const lines = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 17, 53, 89].map((i) => bigBlockLine(i)),
      'title <- Swtich([country], "x", "JP", "Japan")  macth 1',
      'titel <- [jobTitle]  on craete',
      'title <- "unterminated',
      'title <- Join(" ", [givenName]',
      'title <- Replace([mail], , "(?<user>[^@]+)@", "user", , , "")  default "x\\"y"',
      '[department] EQUALS Tokyo',
      'enabled flase',
      'flowTypes Add,',
    ];
    // Where the line is typed: after line 50 of the block, an attribute line (a statement starter follows it).
    const at = base.indexOf('\n', base.indexOf(bigBlockLine(50))) + 1;
    const fallbacks: string[] = [];
    for (const line of lines) {
      const incremental = new IncrementalMappingDiagnostics();
      let text = base;
      incremental.diagnostics(text, URI, bigReader);
      const typed = `  ${line}\n`;
      for (let i = 1; i <= typed.length; i++) {
        // The line break first (Enter), then the line's characters one by one, as an editor sends them.
        const next =
          i === 1 ? `${base.slice(0, at)}\n${base.slice(at)}` : `${base.slice(0, at)}${typed.slice(0, i - 1)}\n${base.slice(at)}`;
        const edit: TextReplacement = i === 1 ? { start: at, end: at, length: 1 } : { start: at + i - 2, end: at + i - 2, length: 1 };
        incremental.noteEdits(text, [edit], next);
        text = next;
        const actual = incremental.diagnostics(text, URI, bigReader);
        expect(actual, `${JSON.stringify(typed.slice(0, i - 1))}`).toStrictEqual(analyzeMappingText(text, URI, bigReader).diagnostics);
        if (incremental.lastCall.statementLevel !== 1) fallbacks.push(typed.slice(0, i - 1));
      }
      await letEventLoopTurn();
    }
    expect(fallbacks).toEqual([]);
  });

  it('a line left with a parenthesis open before a line that continues it: the block is read whole, as the lexer joins them', () => {
    const schema = generateBigBlockSchema(100);
    const bigReader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json: schema } : { error: 'no such file' }) };
    const base = generateBigBlockFile(100);
    const at = base.indexOf('\n', base.indexOf(bigBlockLine(50))) + 1;
    const cases = [
      // Joined: the next line does not start a statement, so the expression goes on there.
      ['  title <- Join(" ",\n    [givenName], [surname])\n', 0],
      ['  title <- Join(" ",\n\n  # the rest below\n    [givenName])\n', 0],
      // Not joined: the next line starts a statement (a target attribute), so the open call ends at its line.
      ['  title <- Join(" ",\n', 1],
      ['  title <- Join(" ",\n\n  # more later\n', 1],
    ] as const;
    for (const [inserted, statementLevel] of cases) {
      const incremental = new IncrementalMappingDiagnostics();
      incremental.diagnostics(base, URI, bigReader);
      const text = base.slice(0, at) + inserted + base.slice(at);
      incremental.noteEdits(base, [{ start: at, end: at, length: inserted.length }], text);
      expect(incremental.diagnostics(text, URI, bigReader), inserted).toStrictEqual(analyzeMappingText(text, URI, bigReader).diagnostics);
      expect(incremental.lastCall.statementLevel, inserted).toBe(statementLevel);
    }
  });

  it('an edit inside a large block cuts again only the statements it touched', () => {
    const schema = generateBigBlockSchema(300);
    const bigReader: SchemaFileReader = { readJson: (path) => (path === 'schema.json' ? { json: schema } : { error: 'no such file' }) };
    const incremental = new IncrementalMappingDiagnostics();
    let text = generateBigBlockFile(300);
    const step = (next: string, edit: TextReplacement) => {
      incremental.noteEdits(text, [edit], next);
      text = next;
      expect(incremental.diagnostics(text, URI, bigReader)).toStrictEqual(analyzeMappingText(text, URI, bigReader).diagnostics);
      return incremental.lastCall;
    };
    incremental.diagnostics(text, URI, bigReader);
    expect(incremental.lastCall).toMatchObject({ statementLevel: 1, statementsCut: 300 });
    // A keystroke in a string constant half-way down: its line only.
    const at = text.indexOf('"n/a"', text.length / 2) + 3;
    expect(step(`${text.slice(0, at)}b${text.slice(at + 1)}`, { start: at, end: at + 1, length: 1 })).toMatchObject({
      hinted: true,
      statementLevel: 1,
      statementsCut: 1,
    });
    // A new line: it, and the line it follows (which ends where the edit starts).
    const lineStart = text.indexOf('\n', at) + 1;
    const line = '  title <- [jobTitle]\n';
    expect(
      step(`${text.slice(0, lineStart)}${line}${text.slice(lineStart)}`, { start: lineStart, end: lineStart, length: line.length }),
    ).toMatchObject({ statementsCut: 2 });
    // The header line changed: every statement is cut again.
    const name = text.indexOf('Contoso');
    expect(step(`${text.slice(0, name)}X${text.slice(name + 1)}`, { start: name, end: name + 1, length: 1 })).toMatchObject({
      statementsCut: 301,
    });
  });

  it('reuses pieces: an edit reads only the pieces it changed again', () => {
    const text = generateMappingFile(500);
    const incremental = new IncrementalMappingDiagnostics();
    incremental.diagnostics(text, URI, reader);
    expect(incremental.lastCall).toEqual({ pieces: 102, read: 102, hinted: false, statementLevel: 0, statementsCut: 0 }); // comment line, target line, 100 blocks
    // One character changed in one block, and a line added before all blocks (every block moves).
    const edited = text.replace('"n/a"', '"n/b"').replace('target chatwork', 'target chatwork\n');
    expect(incremental.diagnostics(edited, URI, reader)).toStrictEqual(analyzeMappingText(edited, URI, reader).diagnostics);
    expect(incremental.lastCall).toEqual({ pieces: 102, read: 2, hinted: false, statementLevel: 0, statementsCut: 0 });
    // A break in one block (a missing '}') reads it together with the next one.
    const broken = edited.replace(/\n}\n/, '\n\n');
    expect(incremental.diagnostics(broken, URI, reader)).toStrictEqual(analyzeMappingText(broken, URI, reader).diagnostics);
    expect(incremental.lastCall.read).toBeLessThanOrEqual(3);
  });

  it('the generated files (test/support/generate.ts, the benchmarks’ input) check clean', () => {
    for (const size of [5, 50, 500]) expect(analyzeMappingText(generateMappingFile(size), URI, reader).diagnostics).toEqual([]);
  });

  it('is what the language service reports for .aadmap documents', () => {
    const service = createLanguageService({ schemaFiles: reader });
    const text = `${generateMappingFile(10)}\nmapping "Broken" User -> User {\n  title <- Swtich([jobTitle], , "a", "b")\n`;
    expect(service.diagnostics({ uri: URI, languageId: 'aadmap', text })).toStrictEqual(analyzeMappingText(text, URI, reader).diagnostics);
    const edited = text.replace('Swtich', 'Switch');
    expect(service.diagnostics({ uri: URI, languageId: 'aadmap', text: edited })).toStrictEqual(
      analyzeMappingText(edited, URI, reader).diagnostics,
    );
  });

  it('takes the edits through the language service: snapshots made with DocumentChanges, diagnosed at some versions', async () => {
    await fc.assert(
      yieldingProperty(
        fc.constantFrom(...[10, 25].map(generateMappingFile)),
        fc.array(notedStep, { minLength: 1, maxLength: 8 }),
        (base, steps) => {
          const service = createLanguageService({ schemaFiles: reader });
          let snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text: base }, 1);
          expect(service.diagnostics(snapshot)).toStrictEqual(analyzeMappingText(base, URI, reader).diagnostics);
          steps.forEach((step, i) => {
            const text = applyMutation(snapshot.text, step.mutation);
            const edits = [editFor(snapshot.text, text, step.widen)];
            snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, i + 2, { previous: snapshot, edits });
            if (step.diagnose) expect(service.diagnostics(snapshot)).toStrictEqual(analyzeMappingText(text, URI, reader).diagnostics);
            // The line table, made from the previous version's (LineIndex.edited), is the text's own.
            const lines = new LineIndex(text);
            for (let offset = 0; offset <= text.length; offset += 7)
              expect(snapshot.lines.positionAt(offset)).toEqual(lines.positionAt(offset));
          });
          expect(service.diagnostics(snapshot)).toStrictEqual(analyzeMappingText(snapshot.text, URI, reader).diagnostics);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("analysisAround: the checked block around any offset is the whole analysis's, checking only its piece after an edit", async () => {
    await fc.assert(
      yieldingProperty(
        fc.constantFrom(...[10, 25].map(generateMappingFile), ...mappingFixtures),
        fc.array(notedStep, { minLength: 0, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (base, steps, where) => {
          const service = createLanguageService({ schemaFiles: reader });
          let snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text: base }, 1);
          steps.forEach((step, i) => {
            const text = applyMutation(snapshot.text, step.mutation);
            snapshot = service.snapshot({ uri: URI, languageId: 'aadmap', text }, i + 2, {
              previous: snapshot,
              edits: [editFor(snapshot.text, text, step.widen)],
            });
            if (step.diagnose) service.diagnostics(snapshot);
          });
          const whole = analyzeMappingText(snapshot.text, URI, reader);
          for (const fraction of where) {
            const offset = Math.floor(fraction * snapshot.text.length);
            const around = service.analysisAround(snapshot, offset)!;
            expect(around.diagnostics).toStrictEqual(whole.diagnostics);
            expect(around.schemas).toStrictEqual(whole.schemas);
            const holding = (blocks: typeof whole.blocks) => blocks.find(({ block }) => block.start <= offset && offset <= block.end);
            expect(holding(around.blocks)).toStrictEqual(holding(whole.blocks));
            // Every block it returns is one of the whole analysis's.
            for (const checked of around.blocks) expect(whole.blocks).toContainEqual(checked);
          }
          // Only the pieces were checked: the whole analysis was not computed for this version.
          if (!whole.diagnostics.some((d) => d.code === 'internal-error')) expect(snapshot.hasAnalysis).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** `text` with `insert` at the start of a line of the block: line 4 (the block's first) up to the last but two. */
function insertLine(text: string, line: number, insert: string): string {
  const lines = text.split('\n');
  const at = 4 + (line % Math.max(1, lines.length - 6));
  return [...lines.slice(0, at), insert.replace(/\n$/, ''), ...lines.slice(at)].join('\n');
}

/** `text` with the content of one of its string constants (the `at`-th, cyclically) replaced by `content`. */
function retype(text: string, at: number, content: string): string {
  const strings = [...text.matchAll(/"[^"\n]*"/g)];
  if (strings.length === 0) return text;
  const found = strings[at % strings.length]!;
  return `${text.slice(0, found.index + 1)}${content}${text.slice(found.index + found[0].length - 1)}`;
}
