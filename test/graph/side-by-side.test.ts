/**
 * The what-if's two texts for the editor's diff view (server/graph/side-by-side.ts): the file's own
 * text on the right, and on the left the job's mappings in the file's layout, so that the only lines
 * that differ are those whose canonical form changes — never a line whose alignment or spacing alone
 * differs from the job's view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { diffSchemas } from '../../server/graph/diff';
import { exportSchema } from '../../server/graph/export';
import { fileSideBySide } from '../../server/graph/side-by-side';

const chatwork = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));

const HEADER = 'mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {';

function sides(text: string) {
  const file = parseMappingFile(text).ast;
  const { schema, problems } = exportSchema(file, chatwork);
  expect(problems).toEqual([]);
  return { ...fileSideBySide(file, text, chatwork, schema), diff: diffSchemas(chatwork, schema) };
}

/** The lines of `a` and `b` that differ, by position (the texts here keep their line count or differ by whole lines). */
function changedLines(before: string, after: string): { left: string[]; right: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { left: a.filter((line) => !b.includes(line)), right: b.filter((line) => !a.includes(line)) };
}

describe('the what-if diff of a file', () => {
  it('a file laid out its own way: unchanged lines are the same on both sides, whatever their alignment', () => {
    const text = [
      '# Chatwork, as we keep it',
      'target chatwork',
      '',
      HEADER,
      '  userName <-   [userPrincipalName]   match 1',
      '  active        <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      '  title <- [jobTitle]',
      '}',
      '',
    ].join('\n');
    const { beforeText, afterText, diff } = sides(text);
    expect(diff.total).toBe(0);
    expect(afterText).toBe(text);
    expect(beforeText).toBe(text);
  });

  it('a changed, an added and a removed mapping: only their lines differ, the file keeps its layout', () => {
    const text = [
      'target chatwork',
      '',
      HEADER,
      '  userName      <- [userPrincipalName]  match 1',
      '  active <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      '  displayName   <- Join(" ", [givenName], [surname])',
      '}',
      '',
    ].join('\n');
    const { beforeText, afterText, diff } = sides(text);
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, changed: 0 });
    expect(afterText).toBe(text);
    // The job's title line, aligned as the file aligns its block; the file's new line is not on the left.
    expect(beforeText).toBe(
      [
        'target chatwork',
        '',
        HEADER,
        '  userName      <- [userPrincipalName]  match 1',
        '  active <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
        '  title         <- [jobTitle]',
        '}',
        '',
      ].join('\n'),
    );

    const changed = sides(text.replace('  displayName   <- Join(" ", [givenName], [surname])\n', '  title   <-  ToUpper([jobTitle])\n'));
    expect(changed.diff.counts).toMatchObject({ added: 0, removed: 0, changed: 1 });
    // The changed line keeps the file's text up to its `<-`: only the source differs.
    expect(changedLines(changed.beforeText, changed.afterText)).toEqual({
      left: ['  title   <- [jobTitle]'],
      right: ['  title   <-  ToUpper([jobTitle])'],
    });
  });

  it("a block whose scope changes is shown whole as the job has it; other blocks and the file's comments stay verbatim", () => {
    const text = [
      '# comments and the target statement are the file own',
      'target chatwork',
      '',
      HEADER,
      '  scope "Tokyo" {',
      '    [department] EQUALS "Tokyo"',
      '  }',
      '  userName <- [userPrincipalName]  match 1',
      '  active   <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      '  title    <- [jobTitle]',
      '}',
      '',
    ].join('\n');
    const { beforeText, afterText } = sides(text);
    expect(afterText).toBe(text);
    const left = beforeText.split('\n');
    expect(left.slice(0, 3)).toEqual(text.split('\n').slice(0, 3));
    expect(beforeText).not.toContain('scope');
    expect(beforeText).toContain('  title    <- [jobTitle]');
  });

  it('keeps CRLF line ends', () => {
    const text = ['target chatwork', HEADER, '  userName <- [userPrincipalName]  match 1', '  title <- ToLower([jobTitle])', '}', ''].join(
      '\r\n',
    );
    const { beforeText, afterText } = sides(text);
    expect(afterText).toBe(text);
    expect(beforeText.split('\r\n')).toHaveLength(text.split('\r\n').length + 1);
    expect(beforeText).toContain('  title <- [jobTitle]\r\n');
  });
});
