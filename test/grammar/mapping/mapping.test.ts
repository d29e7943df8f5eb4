/**
 * The `.aadmap` grammar: the example of docs/language.md (the syntax contract) parses to the Graph fields it
 * documents, every construct of the language reference parses, and line structure survives CRLF,
 * comments and multi-line expressions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeMappingsOf, mappingProperties, parseMappingFile, scopesOf } from '../../../grammar/mapping/index';
import { dumpExpression } from '../../support/dump-expression';

const languageDoc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'language.md'), 'utf8');
const languageExample = /```aadmap\n([\s\S]*?)```/.exec(languageDoc)![1]!;

describe('the example of docs/language.md (the syntax contract)', () => {
  const { ast, diagnostics } = parseMappingFile(languageExample);

  it('parses without diagnostics', () => expect(diagnostics).toEqual([]));

  it('has the target and one object mapping', () => {
    expect(ast.targets.map((t) => t.value?.text)).toEqual(['chatwork']);
    expect(ast.mappings).toHaveLength(1);
    const block = ast.mappings[0]!;
    expect([block.name?.value, block.sourceObject?.text, block.targetObject?.text]).toEqual([
      'Synchronize Azure Active Directory Users to Chatwork',
      'User',
      'User',
    ]);
  });

  it('reads the scoping filter group and its clauses', () => {
    const [scope] = scopesOf(ast.mappings[0]!);
    expect(scope?.name?.value).toBe('Sales');
    expect(
      scope?.clauses.map((c) => [c.attribute.name, c.operator?.name, c.values.map((v) => (v.kind === 'string' ? v.value : ''))]),
    ).toEqual([
      ['department', 'EQUALS', ['Sales']],
      ['accountEnabled', 'IS TRUE', []],
    ]);
  });

  it('maps each line to the Graph attributeMapping fields', () => {
    const rows = attributeMappingsOf(ast.mappings[0]!).map((m) => {
      const p = mappingProperties(m);
      return [m.target.text, m.source.kind === 'none' ? 'none' : dumpExpression(m.source), p.matchingPriority, p.defaultValue, p.flowType];
    });
    expect(rows).toEqual([
      ['userName', '[userPrincipalName]', 1, null, 'Always'],
      ['active', 'Switch([IsSoftDeleted], _, "False", "True", "True", "False")', 0, null, 'Always'],
      ['title', '[jobTitle]', 0, 'n/a', 'Always'],
      ['externalId', '[mailNickname]', 0, null, 'ObjectAddOnly'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', '[department]', 0, null, 'Always'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization', '"Contoso"', 0, null, 'Always'],
    ]);
  });

  it('parses target attributes as SCIM paths, splitting URNs at the last colon', () => {
    const department = attributeMappingsOf(ast.mappings[0]!)[4]!.target.path!;
    expect([department.attribute.uri, department.attribute.name]).toEqual([
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'department',
    ]);
  });

  it('keeps every comment with its position', () => {
    expect(ast.comments.length).toBe(languageExample.split('\n').filter((line) => line.includes('#')).length);
    for (const comment of ast.comments) expect(languageExample.slice(comment.start, comment.end)).toBe(comment.text);
  });
});

describe('every construct of the language reference', () => {
  const text = [
    '# a comment line',
    'target "schemas/chatwork.json"   # a schema file',
    '',
    'mapping "Users" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" {',
    '  enabled false',
    '  flowTypes Add, Update',
    '  scope "Custom" {',
    '    [department] operator "CUSTOM_OP" "a", "b"',
    '    [extensionAttribute1] Greater_Than_OR_EQUALS 10',
    '    [mail] NOT  REGEX\tMATCH "^x"',
    '    [city] &  "x"',
    '    [state] !& "y"',
    '  }',
    '  emails[type eq "work"].value <- [mail]  flowType ValueAddOnly  flowBehavior FlowAlways  exportMissingReferences',
    '  title <- none  default "n/a"',
    '  displayName <- Join(" ",',
    '      [givenName],   # comments inside a multi-line expression',
    '',
    '      [surname])  match 2',
    '  nickName <- IIF([a]<-1, "x", "y")',
    '}',
    'mapping "Groups" Group -> Group { }',
  ].join('\r\n');
  const { ast, diagnostics } = parseMappingFile(text);

  it('parses without diagnostics', () => expect(diagnostics).toEqual([]));

  it('reads settings, scopes, modifiers and multi-line expressions', () => {
    expect(ast.targets[0]?.value).toMatchObject({ text: 'schemas/chatwork.json', quoted: true });
    const [users, groups] = ast.mappings;
    expect(users?.targetObject).toMatchObject({ text: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', quoted: true });
    expect(users?.items.map((i) => i.kind)).toEqual([
      'enabled',
      'flowTypes',
      'scope',
      'attributeMapping',
      'attributeMapping',
      'attributeMapping',
      'attributeMapping',
    ]);
    const clauses = scopesOf(users!)[0]!.clauses;
    expect(clauses.map((c) => [c.operator?.name, c.operator?.custom, c.values.length])).toEqual([
      ['CUSTOM_OP', true, 2],
      ['Greater_Than_OR_EQUALS', false, 1],
      ['NOT REGEX MATCH', false, 1],
      ['&', false, 1],
      ['!&', false, 1],
    ]);
    const mappings = attributeMappingsOf(users!);
    expect(mappings.map((m) => mappingProperties(m))).toEqual([
      { matchingPriority: 0, defaultValue: null, flowType: 'ValueAddOnly', flowBehavior: 'FlowAlways', exportMissingReferences: true },
      { matchingPriority: 0, defaultValue: 'n/a', flowType: 'Always', flowBehavior: 'FlowWhenChanged', exportMissingReferences: false },
      { matchingPriority: 2, defaultValue: null, flowType: 'Always', flowBehavior: 'FlowWhenChanged', exportMissingReferences: false },
      { matchingPriority: 0, defaultValue: null, flowType: 'Always', flowBehavior: 'FlowWhenChanged', exportMissingReferences: false },
    ]);
    expect(mappings[0]!.target.path?.filter).toBeDefined();
    expect(mappings[0]!.target.path?.subAttribute?.name).toBe('value');
    expect(mappings[1]!.source.kind).toBe('none');
    expect(dumpExpression(mappings[2]!.source as never)).toBe('Join(" ", [givenName], [surname])');
    expect(dumpExpression(mappings[3]!.source as never)).toBe('IIF(([a] < #-1), "x", "y")');
    expect(groups?.items).toEqual([]);
  });

  it('gives every node an exact range', () => {
    const mapping = attributeMappingsOf(ast.mappings[0]!)[2]!;
    expect(text.slice(mapping.start, mapping.end)).toBe(
      'displayName <- Join(" ",\r\n      [givenName],   # comments inside a multi-line expression\r\n\r\n      [surname])  match 2',
    );
    expect(text.slice(mapping.target.start, mapping.target.end)).toBe('displayName');
    expect(text.slice(mapping.arrow, mapping.arrow + 2)).toBe('<-');
  });
});

describe('line structure', () => {
  it('ends an expression left open at the next mapping line, so the error stays on its line', () => {
    const text = 'mapping "m" User -> User {\n  a <- Join(",", [x]\n  b <- [y]\n}\n';
    const { ast, diagnostics } = parseMappingFile(text);
    expect(diagnostics.map((d) => [d.message, text.slice(0, d.start).split('\n').length])).toEqual([
      ["Expected ',' or ')' but found the end of the line", 2],
    ]);
    expect(attributeMappingsOf(ast.mappings[0]!).map((m) => m.target.text)).toEqual(['a', 'b']);
  });

  it('treats <- inside quotes and brackets of a target path as text', () => {
    const text = 'mapping "m" User -> User {\n  emails[value eq "a<-b"].value <- [mail]\n}\n';
    const { ast, diagnostics } = parseMappingFile(text);
    expect(diagnostics).toEqual([]);
    expect(attributeMappingsOf(ast.mappings[0]!)[0]!.target.text).toBe('emails[value eq "a<-b"].value');
  });

  it('reports a bad line and goes on with the next one', () => {
    const text = 'mapping "m" User -> User {\n  ??? nonsense\n  title <- [jobTitle]\n}\n';
    const { ast, diagnostics } = parseMappingFile(text);
    expect(diagnostics).toHaveLength(1);
    expect(attributeMappingsOf(ast.mappings[0]!).map((m) => m.target.text)).toEqual(['title']);
  });

  it('returns an empty file for empty text', () => {
    expect(parseMappingFile('')).toEqual({
      ast: { kind: 'file', targets: [], mappings: [], comments: [], start: 0, end: 0 },
      diagnostics: [],
    });
  });
});
