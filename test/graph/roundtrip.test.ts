/**
 * Import → export gives back the schema, deep-equal, on the Chatwork sample schema, a Salesforce-like
 * schema (several object mappings, `none` mappings with defaults, functions, scopes with input filter
 * groups, a disabled group mapping) and generated schemas full of odd fields, missing optional
 * fields, nulls, several rules and names that need quoting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../grammar/expression/index';
import { parseMappingFile } from '../../grammar/mapping/index';
import { exportSchema } from '../../server/graph/export';
import { importSchema } from '../../server/graph/import';
import { toSourceTree } from '../../server/graph/source-tree';
import { runs } from '../property/invariants';

const fixture = (...path: string[]) => JSON.parse(readFileSync(join(__dirname, '..', ...path), 'utf8'));
const chatwork = fixture('schema', 'fixtures', 'chatwork-sample-schema.json');
const salesforce = fixture('graph', 'fixtures', 'salesforce-like-schema.json');

function roundTrip(schema: unknown): { text: string; exported: unknown } {
  const imported = importSchema(schema, { target: { path: 'schema.json' } });
  expect(imported.problems).toEqual([]);
  const parsed = parseMappingFile(imported.text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const exported = exportSchema(parsed.ast, schema);
  expect(exported.problems).toEqual([]);
  return { text: imported.text, exported: exported.schema };
}

describe('import → export round trip', () => {
  it.each([
    ['the Chatwork sample schema', chatwork],
    ['a Salesforce-like schema', salesforce],
  ])('%s', (_, schema) => {
    const { exported, text } = roundTrip(schema);
    expect(exported).toEqual(schema);
    expect(text).toMatch(/^target "schema\.json"\n\nmapping "/);
  });

  it('generated schemas with odd fields, nulls, missing fields and several rules', () => {
    fc.assert(
      fc.property(schemaArbitrary, (schema) => {
        const { exported } = roundTrip(schema);
        expect(exported).toEqual(schema);
      }),
      { numRuns: runs(150) },
    );
  });
});

// ───────────────────────────────────────────── generated schemas

const oddValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({ nested: [1, { a: null }] }),
);
/** Fields Graph may add one day (or an SDK put there); they must survive untouched. */
const oddFields = fc.dictionary(fc.constantFrom('x-odd', 'unknownFlag', '@odata.type', 'apiExpressions', 'extra'), oddValue, {
  maxKeys: 2,
});

const expressions = [
  '[userPrincipalName]',
  '"Contoso"',
  '"with \\"quotes\\" and \\\\"',
  'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
  'Join("@", [mailNickname], DefaultDomain())',
  'Replace([mail], "@contoso.com", , , "", , )',
  'Mid([userPrincipalName], 1, 8)',
  'Coalesce([companyName], "Contoso")',
  'ToLower([mail], "en-US")',
  '[passwordProfile.password]',
  '[urn:ietf:params:scim:schemas:extension:contoso:1.0:User:JobCode]',
  'InStr([mail], "@", , vbTextCompare)',
];
const serviceTree = (text: string) => {
  const result = toSourceTree(parseExpression(text).ast!);
  if ('problem' in result) throw new Error(result.problem.message);
  return result.tree;
};
const source = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.constantFrom(...expressions).map(serviceTree) },
  // Trees without an `expression` (the directory-extension tutorial sends only name and type).
  { weight: 1, arbitrary: fc.constantFrom('mail', 'extension_9d98asdfl15980a_Nickname').map((name) => ({ name, type: 'Attribute' })) },
  // Odd spacing in the service's expression text.
  { weight: 1, arbitrary: fc.constant({ ...serviceTree('Not([IsSoftDeleted])'), expression: 'Not( [IsSoftDeleted] )' }) },
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const targets = [
  'userName',
  'active',
  'title',
  'externalId',
  'emails[type eq "work"].value',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  'name.givenName',
  'Alias',
];
const attributeMapping = fc
  .record({
    targetAttributeName: fc.constantFrom(...targets),
    source,
    defaultValue: optional(fc.oneof(fc.constant(null), fc.constantFrom('', 'n/a', 'ISO-8859-1', 'a "quoted" \\ value'))),
    flowBehavior: optional(fc.oneof(fc.constant(null), fc.constantFrom('FlowWhenChanged', 'FlowAlways'))),
    flowType: optional(
      fc.oneof(fc.constant(null), fc.constantFrom('Always', 'ObjectAddOnly', 'MultiValueAddOnly', 'ValueAddOnly', 'AttributeAddOnly')),
    ),
    matchingPriority: optional(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }))),
    exportMissingReferences: optional(fc.oneof(fc.constant(null), fc.boolean())),
    odd: oddFields,
  })
  .map(({ odd, ...fields }) => ({ ...odd, ...withoutUndefined(fields) }));

const clause = fc
  .record({
    sourceOperandName: fc.constantFrom('department', 'accountEnabled', 'extension_x_cost', 'mail'),
    operatorName: fc.constantFrom('EQUALS', 'NOT EQUALS', 'IS TRUE', 'ENDS_WITH', 'REGEX MATCH', 'NOT_EQUALS', 'isMemberOf', 'IS  NULL'),
    targetOperand: fc.oneof(
      fc.constant(null),
      fc
        .array(
          fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)),
          { maxLength: 2 },
        )
        .map((values) => ({ values })),
    ),
    odd: oddFields,
  })
  .map(({ odd, ...fields }) => ({ ...odd, ...fields }));
const group = fc.record({
  name: fc.oneof(fc.constant(null), fc.constantFrom('Sales', 'a "b"', '')),
  clauses: fc.array(clause, { maxLength: 3 }),
});
const scope = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.record({
    groups: fc.array(group, { maxLength: 2 }),
    inputFilterGroups: fc.array(group, { maxLength: 1 }),
    categoryFilterGroups: fc.constant([]),
  }),
);

const objectName = fc.constantFrom(
  'User',
  'Group',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:Group',
  'none',
  'Includes',
);
const objectMapping = fc
  .record({
    name: fc.oneof(fc.constantFrom('Synchronize users', 'Provision "groups" \\ x', '', 'ユーザー'), fc.constant(null)),
    enabled: optional(fc.oneof(fc.boolean(), fc.constant(null))),
    flowTypes: optional(fc.constantFrom('Add, Update, Delete', 'Add,Update,Delete', 'Delete, Add, Update', 'Add, Update', 'None', 'Add')),
    sourceObjectName: objectName,
    targetObjectName: objectName,
    scope,
    metadata: fc.constant([{ key: 'Disposition', value: '"Normal"' }]),
    attributeMappings: fc.array(attributeMapping, { maxLength: 6 }),
    odd: oddFields,
  })
  .map(({ odd, ...fields }) => ({ ...odd, ...withoutUndefined(fields) }));

const rule = fc
  .record({
    id: fc.uuid(),
    name: fc.constantFrom('USER_OUTBOUND_USER', 'GROUP_OUTBOUND_GROUP'),
    editable: fc.boolean(),
    priority: fc.integer({ min: 0, max: 5 }),
    sourceDirectoryName: fc.constant('Azure Active Directory'),
    targetDirectoryName: fc.constantFrom('customappsso', 'salesforce.com'),
    metadata: fc.constant([{ key: 'defaultSourceObjectMappings', value: '[{"FlowTypes":7}]' }]),
    objectMappings: fc.array(objectMapping, { maxLength: 3 }),
    odd: oddFields,
  })
  .map(({ odd, ...fields }) => ({ ...odd, ...fields }));

const schemaArbitrary = fc
  .record({
    id: fc.constantFrom('chatwork', 'scim'),
    version: fc.uuid(),
    directories: fc.constant(chatwork.directories),
    synchronizationRules: fc.array(rule, { maxLength: 3 }),
    odd: oddFields,
  })
  .map(({ odd, ...fields }) => ({ ...odd, ...fields }));
