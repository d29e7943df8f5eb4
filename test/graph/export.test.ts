/** Export replaces exactly what the file says and keeps everything else of the base schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { diffSchemas, formatDiff } from '../../server/graph/diff';
import { exportSchema, type ExportResult } from '../../server/graph/export';
import { importSchema } from '../../server/graph/import';

const fixture = (...path: string[]) => JSON.parse(readFileSync(join(__dirname, '..', ...path), 'utf8'));
const chatwork = fixture('schema', 'fixtures', 'chatwork-sample-schema.json');
const salesforce = fixture('graph', 'fixtures', 'salesforce-like-schema.json');

const imported = (schema: unknown) => importSchema(schema).text;
const run = (text: string, base: unknown, serviceTrees?: Map<string, unknown>): ExportResult =>
  exportSchema(parseMappingFile(text).ast, base, { serviceTrees });
const mappingsOf = (schema: any, om = 0, rule = 0) => schema.synchronizationRules[rule].objectMappings[om].attributeMappings;

describe('export onto a base schema', () => {
  it('changes one source and nothing else', () => {
    const text = imported(chatwork).replace('title    <- [jobTitle]', 'title    <- Coalesce([jobTitle], "n/a")');
    const { schema, problems, changedExpressions } = run(text, chatwork);
    expect(problems).toEqual([]);
    expect(changedExpressions.map((c) => [c.text, c.targetAttributeName])).toEqual([['Coalesce([jobTitle], "n/a")', 'title']]);
    const expected = structuredClone(chatwork);
    mappingsOf(expected)[2].source = {
      expression: 'Coalesce([jobTitle], "n/a")',
      name: 'Coalesce',
      parameters: [
        { key: 'source', value: { expression: '[jobTitle]', name: 'jobTitle', parameters: [], type: 'Attribute' } },
        { key: 'source', value: { expression: '"n/a"', name: 'n/a', parameters: [], type: 'Constant' } },
      ],
      type: 'Function',
    };
    expect(schema).toEqual(expected);
  });

  it('adds a mapping with every attributeMapping field, in file order, and removes the ones left out', () => {
    const text = imported(chatwork)
      .replace('  title    <- [jobTitle]\n', '')
      .replace('  active ', '  externalId <- [mailNickname]  on create  default "x"\n  active ');
    const { schema, problems } = run(text, chatwork);
    expect(problems).toEqual([]);
    const mappings = mappingsOf(schema);
    expect(mappings.map((m: { targetAttributeName: string }) => m.targetAttributeName)).toEqual(['userName', 'externalId', 'active']);
    expect(mappings[1]).toEqual({
      targetAttributeName: 'externalId',
      defaultValue: 'x',
      exportMissingReferences: false,
      flowBehavior: 'FlowWhenChanged',
      flowType: 'ObjectAddOnly',
      matchingPriority: 0,
      source: { expression: '[mailNickname]', name: 'mailNickname', parameters: [], type: 'Attribute' },
    });
    expect(mappings[0]).toEqual(mappingsOf(chatwork)[0]);
    expect(formatDiff(diffSchemas(chatwork, schema))).toBe(
      [
        'mapping "Synchronize Azure Active Directory Users to Chatwork" (User -> urn:ietf:params:scim:schemas:extension:enterprise:2.0:User): changed',
        '  + externalId <- [mailNickname]  default "x"  on create',
        '  - title <- [jobTitle]',
      ].join('\n'),
    );
  });

  it('keeps unknown fields of a changed mapping and only rewrites the changed field', () => {
    const base = structuredClone(salesforce);
    mappingsOf(base)[1]['x-future'] = { keep: true };
    const text = imported(base).replace(
      'CommunityNickname    <- [mailNickname]',
      'CommunityNickname    <- [mailNickname]  flowBehavior FlowAlways',
    );
    const { schema } = run(text, base);
    expect(mappingsOf(schema)[1]).toEqual({ ...mappingsOf(base)[1], flowBehavior: 'FlowAlways' });
    expect({ ...schema, synchronizationRules: undefined }).toEqual({ ...base, synchronizationRules: undefined });
  });

  it('replaces scope groups and keeps the input filter groups', () => {
    const text = imported(salesforce).replace('[department] EQUALS "Sales"', '[department] EQUALS "Sales", "Marketing"');
    const { schema } = run(text, salesforce);
    const scope = (schema as any).synchronizationRules[0].objectMappings[0].scope;
    expect(scope.inputFilterGroups).toEqual(salesforce.synchronizationRules[0].objectMappings[0].scope.inputFilterGroups);
    expect(scope.groups[0].clauses).toEqual([
      { sourceOperandName: 'department', operatorName: 'EQUALS', targetOperand: { values: ['Sales', 'Marketing'] } },
      salesforce.synchronizationRules[0].objectMappings[0].scope.groups[0].clauses[1],
    ]);
  });

  it('adds a scope to an object mapping that had none, operator names as written', () => {
    const text = imported(chatwork).replace(
      ' {\n',
      ' {\n  scope "S" {\n    [department] operator "NOT_EQUALS" "x"\n    [accountEnabled] IS TRUE\n  }\n',
    );
    const { schema } = run(text, chatwork);
    expect((schema as any).synchronizationRules[0].objectMappings[0].scope).toEqual({
      categoryFilterGroups: [],
      groups: [
        {
          name: 'S',
          clauses: [
            { sourceOperandName: 'department', operatorName: 'NOT_EQUALS', targetOperand: { values: ['x'] } },
            { sourceOperandName: 'accountEnabled', operatorName: 'IS TRUE', targetOperand: { values: [] } },
          ],
        },
      ],
      inputFilterGroups: [],
    });
  });

  it('sets object-mapping fields: name (matched by objects), enabled, flowTypes', () => {
    const text = imported(salesforce).replace(
      '"Synchronize Azure Active Directory Groups to salesforce.com" Group -> Group {\n  enabled false\n  flowTypes Add, Update',
      '"Groups" Group -> Group {\n  flowTypes Delete, Add',
    );
    const { schema, problems } = run(text, salesforce);
    expect(problems).toEqual([]);
    const om = (schema as any).synchronizationRules[0].objectMappings[1];
    expect([om.name, om.enabled, om.flowTypes]).toEqual(['Groups', true, 'Add, Delete']);
  });

  it('matches object names ignoring case rather than adding a second object mapping', () => {
    const text = imported(chatwork).replace('User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', 'user -> USER');
    const { schema } = run(text, chatwork);
    expect(schema).toEqual(chatwork);
  });

  it('adds a new object mapping to the rule whose directories hold its objects', () => {
    const text = `${imported(salesforce)}\nmapping "Another" User -> User {\n  Username <- [mail]  match 1\n}\n`;
    const { schema } = run(text, salesforce);
    const added = (schema as any).synchronizationRules[0].objectMappings[2];
    expect(added).toMatchObject({
      name: 'Another',
      enabled: true,
      flowTypes: 'Add, Update, Delete',
      sourceObjectName: 'User',
      targetObjectName: 'User',
      scope: null,
      metadata: [],
    });
    expect(added.attributeMappings).toHaveLength(1);
  });

  it.each([
    ['  title    <- [jobTitle]  flowType always', 'flowType must be one of Always'],
    ['  title    <- [jobTitle]  flowBehavior flowAlways', 'flowBehavior must be FlowWhenChanged or FlowAlways'],
    ['  title    <- IIF([department] = "x", "a", "b")', 'Graph documents no tree for a comparison'],
    ['  title    <- Nope([x])', "Unknown function 'Nope'"],
    ['  flowTypes Add, add', 'flowTypes must be Add, Update and Delete'],
  ])('refuses %s', (line, message) => {
    const text = imported(chatwork).replace('  title    <- [jobTitle]', line);
    const result = run(text, chatwork);
    expect(result.schema).toBeUndefined();
    expect(result.problems.map((p) => p.message).join('\n')).toContain(message);
    const problem = result.problems[0]!;
    expect(text.slice(problem.start, problem.end).length).toBeGreaterThan(0);
  });

  it('refuses a block no rule can hold, and a base that is not a schema', () => {
    expect(run('mapping "x" Device -> Printer {\n}\n', chatwork).problems[0]!.message).toContain(
      'no rule connects directories holding these objects',
    );
    expect(run('', [1, 2]).problems[0]!.message).toBe('The base schema must be a JSON object, found an array.');
  });

  it('uses the service’s tree for an expression it parsed', () => {
    const serviceTree = {
      expression: 'ToUpper([jobTitle])',
      name: 'ToUpper',
      type: 'Function',
      parameters: [{ key: 'value', value: { name: 'jobTitle', type: 'Attribute' } }],
    };
    const text = imported(chatwork).replace('title    <- [jobTitle]', 'title <- ToUpper([jobTitle])');
    const { schema } = run(text, chatwork, new Map([['ToUpper([jobTitle])', serviceTree]]));
    expect(mappingsOf(schema)[2].source).toEqual(serviceTree);
  });
});

describe('import', () => {
  it('refuses what .aadmap cannot hold instead of dropping it', () => {
    const base = structuredClone(chatwork);
    mappingsOf(base)[2].source = { type: 'Constant', name: 'two\nlines' };
    mappingsOf(base)[1].targetAttributeName = '#hash';
    expect(importSchema(base).problems).toEqual([
      expect.stringContaining('attributeMappings[1] ("#hash"): targetAttributeName "#hash" cannot be written as a mapping target.'),
      expect.stringContaining(
        'attributeMappings[2] ("title"): the source cannot be written as an expression: constant "two\\nlines" cannot be written as a string.',
      ),
    ]);
  });

  it('writes the target and deploy statements and a header', () => {
    const { text } = importSchema(chatwork, {
      header: ['Pulled from Microsoft Graph'],
      target: { builtin: 'chatwork' },
      deploy: { tenant: 'contoso.onmicrosoft.com', servicePrincipal: '11111111-2222-3333-4444-555555555555', job: 'scim.1' },
    });
    expect(text.split('\n').slice(0, 5)).toEqual([
      '# Pulled from Microsoft Graph',
      'target chatwork',
      'deploy tenant "contoso.onmicrosoft.com" servicePrincipal "11111111-2222-3333-4444-555555555555" job "scim.1"',
      '',
      'mapping "Synchronize Azure Active Directory Users to Chatwork" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" {',
    ]);
  });
});
