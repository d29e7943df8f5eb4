/**
 * The what-if's text and side-by-side views: each changed block reads in file order (title, header,
 * settings and scopes, mapping lines) with one indentation; one sentence of totals that add up; a
 * block's `<-` aligned alike on both sides, so only real changes differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { describeCounts, diffSchemas, formatDiff } from '../../server/graph/diff';
import { exportSchema } from '../../server/graph/export';
import { importSchema } from '../../server/graph/import';

const chatwork = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));
const original = importSchema(chatwork).text;

function edited(text: string): unknown {
  const { schema, problems } = exportSchema(parseMappingFile(text).ast, chatwork);
  expect(problems).toEqual([]);
  return schema;
}

describe('the what-if text', () => {
  it('reads in block order: the title, the header, the scope (under its name), then the mapping lines, indented alike', () => {
    const text = original
      .replace('mapping "Synchronize Azure Active Directory Users to Chatwork"', 'mapping "Users to Chatwork"')
      .replace(/(mapping "Users to Chatwork"[^\n]*\n)/, '$1  scope "Tokyo" {\n    [department] EQUALS "Tokyo"\n  }\n')
      .replace('title    <- [jobTitle]', 'title    <- Coalesce([jobTitle], "n/a")');
    const diff = diffSchemas(chatwork, edited(text));
    expect(formatDiff(diff).split('\n')).toEqual([
      'mapping "Users to Chatwork" (User -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User): changed',
      '  - mapping "Synchronize Azure Active Directory Users to Chatwork" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" {',
      '  + mapping "Users to Chatwork" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" {',
      '  + scope "Tokyo" {',
      '  +   [department] EQUALS "Tokyo"',
      '  + }',
      '  ~ title <- [jobTitle]',
      '  → title <- Coalesce([jobTitle], "n/a")',
    ]);
    expect(diff.total).toBe(2);
    expect(describeCounts(diff.counts)).toBe("1 mapping changed, 1 mapping block's header, settings or scope changed");
  });

  it('names the scope a changed clause belongs to', () => {
    const scoped = original.replace(
      /(mapping "[^\n]*\n)/,
      '$1  scope "Tokyo" {\n    [department] EQUALS "Tokyo"\n    [accountEnabled] IS TRUE\n  }\n',
    );
    const before = edited(scoped);
    const diff = diffSchemas(before, edited(scoped.replace('EQUALS "Tokyo"', 'EQUALS "Osaka"')));
    expect(formatDiff(diff).split('\n').slice(1)).toEqual([
      '    scope "Tokyo" {',
      '  -   [department] EQUALS "Tokyo"',
      '  +   [department] EQUALS "Osaka"',
    ]);
    expect(describeCounts(diff.counts)).toBe("1 mapping block's header, settings or scope changed");
  });

  it('says the totals once, and their numbers add up to the total', () => {
    const text = `${original.replace('  title    <- [jobTitle]\n', '').replace('  active ', '  externalId <- [mailNickname]\n  active ')}
mapping "Contractors" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" {
  userName <- [userPrincipalName]  match 1
}
`;
    const diff = diffSchemas(chatwork, edited(text));
    const totals = describeCounts(diff.counts);
    expect(totals).toBe('1 mapping block added, 2 mappings added, 1 mapping removed');
    const numbers = [...totals.matchAll(/\d+/g)].map(Number);
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(diff.total);
    const report = formatDiff(diff);
    expect(report).not.toMatch(/\d+ (added|changed|removed)/);
    expect(report.split('\n')).toEqual([
      'mapping "Synchronize Azure Active Directory Users to Chatwork" (User -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User): changed',
      '  + externalId <- [mailNickname]',
      '  - title <- [jobTitle]',
      'mapping "Contractors" (User -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User): added',
      '  + userName <- [userPrincipalName]  match 1',
    ]);
  });
});

describe('the side-by-side views', () => {
  it('align both sides of a block alike: a longer target added changes one line only', () => {
    const text = original.replace('  active ', '  externalId <- [mailNickname]\n  active ');
    const { beforeText, afterText } = diffSchemas(chatwork, edited(text));
    const before = beforeText.split('\n');
    const after = afterText.split('\n');
    expect(after.filter((line) => !before.includes(line)).map((l) => l.replace(/ +/g, ' '))).toEqual([' externalId <- [mailNickname]']);
    expect(before.filter((line) => !after.includes(line))).toEqual([]);
  });
});
