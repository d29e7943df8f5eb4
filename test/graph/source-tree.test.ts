/**
 * Expressions → Graph attributeMappingSource trees, built the way the service builds them: the
 * documented parseExpression trees (https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-parseexpression, and the sample schema in test/schema/fixtures/chatwork-sample-schema.json) are
 * reproduced exactly; and trees → expression text for import, with or without `expression`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../grammar/expression/index';
import { sourceText, toSourceTree } from '../../server/graph/source-tree';

const attribute = (name: string) => ({ expression: `[${name}]`, name, parameters: [], type: 'Attribute' });
const constant = (name: string) => ({ expression: JSON.stringify(name), name, parameters: [], type: 'Constant' });

function tree(text: string) {
  const parsed = parseExpression(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = toSourceTree(parsed.ast!);
  if ('problem' in result) throw new Error(result.problem.message);
  return result.tree;
}

const sample = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));
const sampleSources = sample.synchronizationRules[0].objectMappings[0].attributeMappings.map((m: { source: unknown }) => m.source);

describe('expression → attributeMappingSource', () => {
  it('reproduces the documented parseExpression response for Replace (empty positions dropped, keys Find/Replacement)', () => {
    expect(tree('Replace([preferredLanguage], "-", , , "_", , )')).toEqual({
      expression: 'Replace([preferredLanguage], "-", , , "_", , )',
      name: 'Replace',
      type: 'Function',
      parameters: [
        { key: 'source', value: attribute('preferredLanguage') },
        { key: 'Find', value: constant('-') },
        { key: 'Replacement', value: constant('_') },
      ],
    });
  });

  it('makes numbers constants whose expression is the quoted digits (Mid → source/start/length)', () => {
    expect(tree('Mid([userPrincipalName], 1, 8)').parameters).toEqual([
      { key: 'source', value: attribute('userPrincipalName') },
      { key: 'start', value: { expression: '"1"', name: '1', parameters: [], type: 'Constant' } },
      { key: 'length', value: { expression: '"8"', name: '8', parameters: [], type: 'Constant' } },
    ]);
  });

  it.each([
    ['Not([IsSoftDeleted])', ['source']],
    ['SingleAppRoleAssignment([appRoleAssignments])', ['source']],
    ['Join("@", [mailNickname], DefaultDomain())', ['separator', 'source', 'source']],
    ['Switch([x], "d", "a", "1", "b", "2")', ['source', 'defaultValue', 'switchValue', 'switchValue', 'switchValue', 'switchValue']],
    ['FormatDateTime([x], , "yyyyMMdd", "yyyy-MM-dd")', ['source', 'inputFormat', 'outputFormat']],
  ])('keys %s as %j', (text, keys) => {
    expect(tree(text).parameters.map((p) => p.key)).toEqual(keys);
  });

  it("builds the Chatwork sample schema's sources exactly (Direct and the Switch of active)", () => {
    for (const source of sampleSources) expect(tree(source.expression)).toEqual(source);
  });

  it('decodes constants: name is the unescaped text, expression the quoted text as written', () => {
    expect(tree('"Company \\"Contoso\\" \\\\ x"')).toEqual({
      expression: '"Company \\"Contoso\\" \\\\ x"',
      name: 'Company "Contoso" \\ x',
      parameters: [],
      type: 'Constant',
    });
  });

  it.each([
    ['IIF([a] = "b", "1", "2")', 'Graph documents no tree for a comparison'],
    ['Foo([a])', "Unknown function 'Foo'"],
    ['Not([a], [b])', 'Not takes 1 arguments; this one has no parameter.'],
  ])('refuses %s with a positioned problem', (text, message) => {
    const parsed = parseExpression(text);
    const result = toSourceTree(parsed.ast!);
    expect('problem' in result && result.problem.message).toContain(message);
    if ('problem' in result) expect(result.problem.end).toBeGreaterThan(result.problem.start);
  });
});

describe('attributeMappingSource → expression text (import)', () => {
  it('prints the canonical form of the expression when it parses', () => {
    expect(
      sourceText({
        expression: 'Switch( [IsSoftDeleted] ,, "False","True" , "True", "False" )',
        name: 'Switch',
        type: 'Function',
        parameters: [],
      }),
    ).toEqual({
      text: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    });
  });

  it.each([
    [{ name: 'extension_9d98_Nickname', type: 'Attribute' }, '[extension_9d98_Nickname]'],
    [{ name: 'a "b"', type: 'Constant' }, '"a \\"b\\""'],
    [
      {
        name: 'Replace',
        type: 'Function',
        parameters: [
          { key: 'source', value: { name: 'preferredLanguage', type: 'Attribute' } },
          { key: 'Find', value: { name: '-', type: 'Constant' } },
          { key: 'Replacement', value: { name: '_', type: 'Constant' } },
        ],
      },
      'Replace([preferredLanguage], "-", , , "_")',
    ],
    [
      {
        name: 'Switch',
        type: 'Function',
        parameters: [
          { key: 'source', value: { name: 'IsSoftDeleted', type: 'Attribute' } },
          { key: 'switchValue', value: { name: 'False', type: 'Constant' } },
          { key: 'switchValue', value: { name: 'True', type: 'Constant' } },
        ],
      },
      'Switch([IsSoftDeleted], , "False", "True")',
    ],
    [{ expression: 'not ( an expression', name: 'x', type: 'Attribute' }, '[x]'],
  ])('rebuilds %j without a usable expression', (source, text) => {
    expect(sourceText(source)).toEqual({ text });
  });

  it.each([
    [42, 'the source must be an object'],
    [{ type: 'Attribute', name: 'a]b' }, 'cannot be written in brackets'],
    [{ type: 'Constant', name: 'two\nlines' }, 'cannot be written as a string'],
    [{ type: 'Weird', name: 'x' }, 'is not Attribute, Constant or Function'],
    [
      {
        type: 'Function',
        name: 'Mid',
        parameters: [
          { key: 'length', value: { type: 'Constant', name: '1' } },
          { key: 'source', value: { type: 'Attribute', name: 'a' } },
        ],
      },
      'no parameter keyed "source"',
    ],
  ])('explains why %j has no text', (source, message) => {
    const result = sourceText(source);
    expect('problem' in result && result.problem).toContain(message);
  });
});
