import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AZURE_AD, CHATWORK, findAttribute, findObject, isDirectoryExtensionAttribute, readGraphSchema } from '../../server/schema/index';
import type { DirectorySchema, ObjectSchema } from '../../server/schema/types';

const here = dirname(fileURLToPath(import.meta.url));
const sample: unknown = JSON.parse(readFileSync(join(here, 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));

function obj(dir: DirectorySchema, name: string): ObjectSchema {
  const o = findObject(dir, name);
  if (!o) throw new Error(`no object ${name} in ${dir.id}`);
  return o;
}

const SCIM_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('AZURE_AD', () => {
  const user = obj(AZURE_AD, 'User');
  const group = obj(AZURE_AD, 'Group');

  it('identifies the directory', () => {
    expect(AZURE_AD).toMatchObject({ id: 'azureAD', name: 'Azure Active Directory', filterabilityKnown: false });
  });

  it.each([
    // [name, type, multivalued, required]
    ['objectId', 'String', false, false],
    ['IsSoftDeleted', 'Boolean', false, true],
    ['accountEnabled', 'Boolean', false, true],
    ['streetAddress', 'String', false, false],
    ['city', 'String', false, false],
    ['state', 'String', false, false],
    ['postalCode', 'String', false, false],
    ['country', 'String', false, false],
    ['companyName', 'String', false, false],
    ['department', 'String', false, false],
    ['dirSyncEnabled', 'Boolean', false, false],
    ['displayName', 'String', false, true],
    ['employeeId', 'String', false, false],
    ['facsimileTelephoneNumber', 'String', false, false],
    ['givenName', 'String', false, false],
    ['jobTitle', 'String', false, false],
    ['mail', 'String', false, false],
    ['mailNickname', 'String', false, false],
    ['manager', 'Reference', false, false],
    ['mobile', 'String', false, false],
    ['onPremisesSecurityIdentifier', 'String', false, false],
    ['originalUserPrincipalName', 'String', false, false],
    ['passwordProfile.password', 'String', false, true],
    ['physicalDeliveryOfficeName', 'String', false, false],
    ['preferredLanguage', 'String', false, true],
    ['proxyAddresses', 'String', true, false],
    ['surname', 'String', false, true],
    ['telephoneNumber', 'String', false, false],
    ['userPrincipalName', 'String', false, true],
    ['appRoleAssignments', 'Reference', false, false],
  ] as const)('User.%s is %s (multivalued %s, required %s)', (name, type, multivalued, required) => {
    const a = findAttribute(user, name);
    expect(a?.exactCase).toBe(true);
    expect(a?.attribute).toMatchObject({ type, multivalued, required });
    expect(a?.attribute.description?.length).toBeGreaterThan(5);
  });

  it('has extensionAttribute1…15', () => {
    for (let i = 1; i <= 15; i++) expect(findAttribute(user, `extensionAttribute${i}`)?.attribute.type).toBe('String');
    expect(findAttribute(user, 'extensionAttribute16')).toBeUndefined();
  });

  it('anchors on objectId, has manager → User, unique names and descriptions everywhere', () => {
    expect(user.attributes.filter((a) => a.anchor).map((a) => a.name)).toEqual(['objectId']);
    expect(findAttribute(user, 'manager')?.attribute.referencedObjects).toEqual(['User']);
    for (const o of AZURE_AD.objects) {
      const names = o.attributes.map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
      for (const a of o.attributes) expect(a.description, a.name).toBeTruthy();
    }
  });

  it('does not offer SamAccountName or userType as sources', () => {
    expect(findAttribute(user, 'SamAccountName')).toBeUndefined();
    expect(findAttribute(user, 'userType')).toBeUndefined();
  });

  it('describes groups', () => {
    expect(group.attributes.map((a) => a.name).sort()).toEqual([
      'appRoleAssignments',
      'displayName',
      'mailNickname',
      'members',
      'objectId',
    ]);
    expect(findAttribute(group, 'objectId')?.attribute.anchor).toBe(true);
    expect(findAttribute(group, 'members')?.attribute).toMatchObject({ type: 'Reference', multivalued: true });
    expect(findAttribute(group, 'members')?.attribute.referencedObjects).toEqual(['Group', 'User']);
  });
});

describe('isDirectoryExtensionAttribute', () => {
  it.each([
    ['extension_9d98c2a1b2c34d5e8f9a0b1c2d3e4f5a_Nickname', true],
    ['extension_9D98C2A1B2C34D5E8F9A0B1C2D3E4F5A_cost_center', true],
    ['extension_9d98asdfl15980a_Nickname', false], // the docs' placeholder is not 32 hex digits
    ['extension_9d98c2a1b2c34d5e8f9a0b1c2d3e4f5_Nickname', false],
    ['extension_9d98c2a1b2c34d5e8f9a0b1c2d3e4f5a_', false],
    ['extensionAttribute1', false],
    ['Extension_9d98c2a1b2c34d5e8f9a0b1c2d3e4f5a_Nickname', false],
    ['', false],
  ] as const)('%s → %s', (name, expected) => {
    expect(isDirectoryExtensionAttribute(name)).toBe(expected);
  });
});

describe('CHATWORK', () => {
  const user = obj(CHATWORK, 'User');

  it('identifies the directory and the SCIM user object', () => {
    expect(CHATWORK).toMatchObject({ id: 'chatwork', name: 'customappsso', displayName: 'Chatwork', filterabilityKnown: true });
    expect(CHATWORK.objects).toHaveLength(1);
    expect(user.name).toBe(SCIM_USER);
    expect(user.aliases).toEqual(['User']);
    expect(findObject(CHATWORK, SCIM_USER)).toBe(user);
  });

  it.each([
    ['userName', 'String', true, true],
    ['active', 'Boolean', false, false],
    ['title', 'String', false, false],
    ['externalId', 'String', false, false],
    [`${SCIM_USER}:department`, 'String', false, false],
    [`${SCIM_USER}:organization`, 'String', false, false],
  ] as const)('%s is %s, required %s, filterable %s', (name, type, required, filterable) => {
    const a = findAttribute(user, name)?.attribute;
    expect(a).toMatchObject({ type, required, filterable, multivalued: false });
    expect(a?.description).toBeTruthy();
  });

  it('has exactly the six tutorial attributes; userName is case-insensitive', () => {
    expect(user.attributes).toHaveLength(6);
    expect(findAttribute(user, 'userName')?.attribute.caseExact).toBe(false);
  });
});

describe('findObject / findAttribute', () => {
  it('prefers exact case, falls back to any case', () => {
    expect(findObject(AZURE_AD, 'User')?.name).toBe('User');
    expect(findObject(AZURE_AD, 'user')?.name).toBe('User');
    expect(findObject(CHATWORK, 'user')?.name).toBe(SCIM_USER);
    expect(findObject(CHATWORK, SCIM_USER.toUpperCase())?.name).toBe(SCIM_USER);
    expect(findObject(AZURE_AD, 'Device')).toBeUndefined();
  });

  it('reports whether the attribute case matched', () => {
    const user = obj(CHATWORK, 'User');
    expect(findAttribute(user, 'userName')).toMatchObject({ exactCase: true });
    expect(findAttribute(user, 'USERNAME')).toMatchObject({ exactCase: false, attribute: { name: 'userName' } });
    expect(findAttribute(user, 'nope')).toBeUndefined();
  });

  it('prefers an exact-case match over an earlier case-insensitive one', () => {
    const o: ObjectSchema = {
      name: 'X',
      aliases: [],
      attributes: [
        { name: 'Mail', type: 'String', multivalued: false, required: false },
        { name: 'mail', type: 'String', multivalued: false, required: false },
      ],
    };
    expect(findAttribute(o, 'mail')?.attribute).toBe(o.attributes[1]);
    expect(findAttribute(o, 'MAIL')?.attribute).toBe(o.attributes[0]);
  });
});

describe('readGraphSchema on the sample schema', () => {
  const result = readGraphSchema(sample, 'schema.json');

  it('reads it without problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('picks the target from the first rule', () => {
    const target = result.target!;
    expect(target).toMatchObject({ id: 'schema.json', name: 'customappsso', filterabilityKnown: false });
    const user = obj(target, 'User');
    expect(user.name).toBe(SCIM_USER);
    expect(user.aliases).toEqual(['User']);
    expect(user.attributes.map((a) => a.name)).toEqual([
      'userName',
      'active',
      'title',
      'externalId',
      `${SCIM_USER}:department`,
      `${SCIM_USER}:organization`,
    ]);
    expect(findAttribute(user, 'userName')?.attribute).toMatchObject({
      type: 'String',
      required: true,
      multivalued: false,
      caseExact: false,
    });
    expect(findAttribute(user, 'active')?.attribute.type).toBe('Boolean');
    expect(findAttribute(user, 'userName')?.attribute.filterable).toBeUndefined();
  });

  it('picks the source from the first rule', () => {
    const source = result.source!;
    expect(source.name).toBe('Azure Active Directory');
    expect(source.id).toBe('schema.json#source');
    const user = obj(source, 'User');
    expect(user.aliases).toEqual([]);
    expect(findAttribute(user, 'objectId')?.attribute.anchor).toBe(true);
    expect(findAttribute(user, 'manager')?.attribute).toMatchObject({ type: 'Reference', referencedObjects: ['User'] });
    expect(findAttribute(user, 'proxyAddresses')?.attribute.multivalued).toBe(true);
    expect(findAttribute(user, 'IsSoftDeleted')?.attribute).toMatchObject({ type: 'Boolean', required: true });
  });

  it('falls back to the non-Azure AD directory when there are no rules', () => {
    const copy = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;
    delete copy.synchronizationRules;
    const r = readGraphSchema(copy, 'x');
    expect(r.problems).toEqual([]);
    expect(r.target?.name).toBe('customappsso');
    expect(r.source?.name).toBe('Azure Active Directory');
  });

  it('falls back (with a problem) when the rule names a missing directory', () => {
    const copy = JSON.parse(JSON.stringify(sample)) as { synchronizationRules: { targetDirectoryName: string }[] };
    copy.synchronizationRules[0].targetDirectoryName = 'nonexistent';
    const r = readGraphSchema(copy, 'x');
    expect(r.target?.name).toBe('customappsso');
    expect(r.problems.join('\n')).toMatch(/nonexistent/);
  });

  it('gives :Group objects the Group alias', () => {
    const r = readGraphSchema(
      {
        directories: [
          { name: 'Azure Active Directory', objects: [] },
          {
            name: 'scim',
            objects: [
              { name: 'urn:ietf:params:scim:schemas:core:2.0:Group', attributes: [{ name: 'displayName', type: 'String' }] },
              { name: 'Custom', attributes: [] },
            ],
          },
        ],
      },
      'y',
    );
    expect(r.problems).toEqual([]);
    expect(r.target?.objects.map((o) => o.aliases)).toEqual([['Group'], []]);
    expect(findObject(r.target!, 'Group')?.name).toBe('urn:ietf:params:scim:schemas:core:2.0:Group');
  });
});

describe('readGraphSchema on malformed input', () => {
  const inputs: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['an array', []],
    ['a string', 'schema'],
    ['a number', 42],
    ['a boolean', true],
    ['an empty object', {}],
    ['directories: null', { directories: null }],
    ['directories: string', { directories: 'x' }],
    ['directories of junk', { directories: [null, 1, 'a', [], {}, { name: 5 }] }],
    ['objects not an array', { directories: [{ name: 'customappsso', objects: {} }] }],
    ['objects of junk', { directories: [{ name: 'customappsso', objects: [null, 3, {}, { name: 'User', attributes: 'no' }] }] }],
    [
      'attributes of junk',
      {
        directories: [
          {
            name: 'customappsso',
            objects: [
              {
                name: 'User',
                attributes: [
                  null,
                  'a',
                  {},
                  { name: '' },
                  { name: 'a', type: 'Float' },
                  { name: 'a' },
                  { name: 'b', referencedObjects: [null, {}, { referencedObjectName: 'User' }] },
                ],
              },
            ],
          },
        ],
      },
    ],
    ['rules not an array', { directories: [], synchronizationRules: 'x' }],
    ['rule not an object', { directories: [], synchronizationRules: [7] }],
    ['only Azure AD', { directories: [{ name: 'Azure Active Directory', objects: [] }] }],
  ];

  it.each(inputs)('%s: never throws, reports problems', (_label, input) => {
    const r = readGraphSchema(input, 'bad.json');
    expect(Array.isArray(r.problems)).toBe(true);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(typeof p).toBe('string');
  });

  it('keeps what it can read from partly broken attributes', () => {
    const r = readGraphSchema(inputs.find(([l]) => l === 'attributes of junk')![1], 'bad.json');
    const user = obj(r.target!, 'User');
    expect(user.attributes.map((a) => [a.name, a.type])).toEqual([
      ['a', 'String'],
      ['b', 'String'],
    ]);
    expect(findAttribute(user, 'b')?.attribute.referencedObjects).toEqual(['User']);
    expect(r.problems.some((p) => p.includes('Float'))).toBe(true);
    expect(r.problems.some((p) => p.includes('more than once'))).toBe(true);
  });

  it('returns no directories for non-objects', () => {
    const r = readGraphSchema('nope', 'z');
    expect(r.source).toBeUndefined();
    expect(r.target).toBeUndefined();
  });
});
