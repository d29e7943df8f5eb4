/**
 * The hover evaluates only the hovered mapping line (evaluateMappingLine); it must give that line's
 * entry of evaluateMappingLines (the lenses' and the preview's evaluation of the whole file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMappingFile } from '../support/generate';
import { parseJson, readSampleUser } from '../../server/evaluator/index';
import { BUILTIN_SOURCE, findObject } from '../../server/schema/index';
import { analyzeMappingText } from '../../server/service/analysis';
import { evaluateMappingLine, evaluateMappingLines } from '../../server/service/sample-evaluation';
import { noSchemaFiles } from '../../server/service/schema-resolver';

const examples = join(__dirname, '..', '..', 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');
const users = ['alice.user.json', 'bob.user.json', 'carol.user.json'].map((name) =>
  readSampleUser(parseJson(read(name)), findObject(BUILTIN_SOURCE, 'User')),
);
const settings = { now: 638000000000000000n, defaultDomain: 'contoso.com', seed: 7 };

const files: [string, string][] = [
  ['chatwork.aadmap', read('chatwork.aadmap')],
  ['mistakes.aadmap', read('mistakes.aadmap')],
  ['generated (20 mappings)', generateMappingFile(20)],
  // An error inside one source blocks that line only.
  ['a line with an error', `${generateMappingFile(5)}\nmapping "B" User -> User {\n  title <- Swtich([jobTitle], , "a", "b")\n}\n`],
];

describe('evaluateMappingLine', () => {
  it.each(files)('equals the line of evaluateMappingLines: %s', (_name, text) => {
    const analysis = analyzeMappingText(text, 'file:///work/lines.aadmap', noSchemaFiles);
    for (const user of users) {
      const all = evaluateMappingLines(analysis, user, settings, { trace: true });
      expect(all.length).toBeGreaterThan(0);
      for (const line of all) {
        expect(evaluateMappingLine(analysis, line.block, line.mapping, user, settings, { trace: true })).toStrictEqual(line);
      }
    }
  });
});

describe('a line the parser cut short', () => {
  // The parser's recovery ends the source at the unexpected token: `"日本😀" & [x]` reads as
  // `"日本😀"`. Its value would be of an expression nobody wrote, so the syntax error blocks it.
  const text = [
    'target chatwork',
    'mapping "m" User -> User {',
    '  userName <- "日本😀" & [x]  match 1',
    '  title <- [jobTitle] [department]',
    '  displayName <- [displayName]  default "x"',
    '}',
    '',
  ].join('\n');
  const analysis = analyzeMappingText(text, 'file:///work/cut.aadmap', noSchemaFiles);
  const lines = evaluateMappingLines(analysis, users[0], settings);

  it('is not evaluated: the syntax error after its source blocks it', () => {
    expect(lines.map((l) => [l.mapping.target.text, l.outcome?.kind ?? 'blocked', l.blockingError?.code])).toEqual([
      ['userName', 'blocked', 'syntax-error'],
      ['title', 'blocked', 'syntax-error'],
      ['displayName', 'value', undefined],
    ]);
  });

  it('the hover says the same', () => {
    for (const line of lines) expect(evaluateMappingLine(analysis, line.block, line.mapping, users[0], settings)).toStrictEqual(line);
  });
});
