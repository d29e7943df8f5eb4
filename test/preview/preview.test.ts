/**
 * The provisioning preview on the bundled Chatwork example (new user, existing user with changes,
 * user leaving scope) and the modelled rules: defaults on create only, flow types, nulls not sent,
 * IgnoreFlowIfNullOrEmpty, matching precedence, object flow types, both PATCH flavours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlainJson, parseJson, readSampleUser, stringifyJson } from '../../server/evaluator/index';
import type { JsonObject } from '../../server/evaluator/json';
import { toPlainJson } from '../../server/evaluator/json';
import { previewToHttp, previewToJson } from '../../server/preview/format';
import type { MappingPreview, PatchFlavour } from '../../server/preview/preview';
import { analyzeMappingText } from '../../server/service/analysis';
import { previewMapping } from '../../server/service/checked-preview';
import { noSchemaFiles, type SchemaFileReader } from '../../server/service/schema-resolver';

const examples = join(__dirname, '..', '..', 'examples');
const chatwork = readFileSync(join(examples, 'chatwork.aadmap'), 'utf8');
const sample = (name: string) => parseJson(readFileSync(join(examples, name), 'utf8'));

/** A Graph schema file for the same app: attributes without filterability, so any can be matched on. */
const graphSchema: SchemaFileReader = {
  readJson: () => ({ json: JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8')) }),
};

function preview(text: string, user: unknown, options: { existing?: unknown; flavour?: PatchFlavour } = {}): MappingPreview {
  const analysis = analyzeMappingText(text, 'file:///workspace/test.aadmap', text.startsWith('target "') ? graphSchema : noSchemaFiles);
  const outcome = previewMapping(analysis, {
    user: readSampleUser(typeof user === 'object' && user !== null && 'kind' in (user as object) ? (user as never) : fromPlainJson(user)),
    existing: options.existing === undefined ? undefined : (fromPlainJson(options.existing) as JsonObject),
    settings: { now: 638000000000000000n, seed: 1 },
    patchFlavour: options.flavour,
  });
  if (outcome.kind !== 'preview') throw new Error(outcome.errors.map((e) => e.message).join('; '));
  return outcome.preview;
}

const requests = (p: MappingPreview) =>
  toPlainJson(parseJson(stringifyJson(p.mappings[0]!.requests as never))) as {
    method: string;
    path: string;
    body?: unknown;
    filter?: string;
    matched?: boolean;
  }[];
const flows = (p: MappingPreview) => Object.fromEntries(p.mappings[0]!.attributes.map((a) => [a.target, a.flow]));

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('the Chatwork example', () => {
  it('creates a new user: lookup on userName, then POST with Booleans and the enterprise extension', () => {
    const p = preview(chatwork, toPlainJson(sample('alice.user.json')));
    const block = p.mappings[0]!;
    expect(block.action).toBe('create');
    expect(block.scope.inScope).toBe(true);
    expect(requests(p)).toEqual([
      {
        method: 'GET',
        path: '/Users?filter=userName+eq+%22alice%40contoso.com%22',
        filter: 'userName eq "alice@contoso.com"',
        matchingAttribute: 'userName',
        matched: false,
      },
      {
        method: 'POST',
        path: '/Users',
        body: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
          userName: 'alice@contoso.com',
          active: true,
          title: 'Sales Manager',
          externalId: 'alice',
          [ENTERPRISE]: { department: 'Sales', organization: 'Contoso' },
        },
      },
    ]);
  });

  it('updates an existing user with only what changed (Entra default PATCH)', () => {
    const p = preview(chatwork, toPlainJson(sample('bob.user.json')), { existing: toPlainJson(sample('bob.target.json')) });
    expect(p.mappings[0]!.action).toBe('update');
    expect(flows(p)).toEqual({
      userName: 'unchanged', // caseExact false: Bob.Sato@ and bob.sato@ are the same value
      active: 'unchanged',
      title: 'sent',
      externalId: 'createOnly',
      [`${ENTERPRISE}:department`]: 'sent',
      [`${ENTERPRISE}:organization`]: 'unchanged',
    });
    const [lookup, patch] = requests(p);
    expect(lookup).toMatchObject({ method: 'GET', matched: true, filter: 'userName eq "Bob.Sato@contoso.com"' });
    expect(patch).toEqual({
      method: 'PATCH',
      path: '/Users/cw-10482',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'Replace', path: 'title', value: 'Account Executive' },
          { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Enterprise Sales' },
        ],
      },
    });
  });

  it('updates an existing user in the aadOptscim062020 form: one path-less replace', () => {
    const p = preview(chatwork, toPlainJson(sample('bob.user.json')), {
      existing: toPlainJson(sample('bob.target.json')),
      flavour: 'aadOptscim062020',
    });
    expect(requests(p)[1]!.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { title: 'Account Executive', [`${ENTERPRISE}:department`]: 'Enterprise Sales' } }],
    });
  });

  it('disables a user who left the scope, in both flavours', () => {
    const user = toPlainJson(sample('carol.user.json'));
    const existing = toPlainJson(sample('carol.target.json'));
    const p = preview(chatwork, user, { existing });
    const block = p.mappings[0]!;
    expect(block.scope.inScope).toBe(false);
    expect(block.scope.groups[0]!.clauses.map((c) => [c.attribute, c.matched])).toEqual([
      ['accountEnabled', false],
      ['userPrincipalName', true],
    ]);
    expect(block.action).toBe('deprovision');
    expect(requests(p)[1]).toEqual({
      method: 'PATCH',
      path: '/Users/cw-20917',
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    });
    const compliant = preview(chatwork, user, { existing, flavour: 'aadOptscim062020' });
    expect((requests(compliant)[1]!.body as { Operations: unknown[] }).Operations).toEqual([
      { op: 'replace', path: 'active', value: false },
    ]);
  });

  it('sends nothing for a user out of scope who does not exist in the target', () => {
    const p = preview(chatwork, toPlainJson(sample('carol.user.json')));
    expect(p.mappings[0]!.action).toBe('skip');
    expect(p.mappings[0]!.requests).toEqual([]);
  });

  it('sends nothing to disable a user who is already inactive', () => {
    const existing = { ...(toPlainJson(sample('carol.target.json')) as object), active: false };
    expect(preview(chatwork, toPlainJson(sample('carol.user.json')), { existing }).mappings[0]!.action).toBe('none');
  });

  it('renders JSON with lines and HTTP with the requests', () => {
    const p = preview(chatwork, toPlainJson(sample('alice.user.json')));
    const json = toPlainJson(
      parseJson(stringifyJson(previewToJson(p, { file: 'chatwork.aadmap', input: 'alice.user.json' }, chatwork))),
    ) as {
      mappings: { line: number; attributes: { target: string; line: number; value: unknown; flow: string; sent?: unknown }[] }[];
    };
    expect(json.mappings[0]!.line).toBe(6);
    expect(json.mappings[0]!.attributes[1]).toEqual({
      target: 'active',
      line: 13,
      value: 'True',
      ignored: false,
      flow: 'sent',
      sent: true,
    });
    const http = previewToHttp(p, { file: 'chatwork.aadmap', input: 'alice.user.json' });
    expect(http).toContain('\nGET /Users?filter=userName+eq+%22alice%40contoso.com%22\n');
    expect(http).toContain('\n###\nPOST /Users\nContent-Type: application/scim+json\n\n{\n  "schemas": [');
  });
});

const header = 'target chatwork\nmapping "m" User -> User {\n';

describe('modelled provisioning rules', () => {
  it('applies default values to null values on create only, and never sends nulls', () => {
    const text = `${header}  userName <- [userPrincipalName] match 1\n  title <- [jobTitle] default "n/a"\n  externalId <- [mailNickname]\n}\n`;
    const created = preview(text, { userPrincipalName: 'u@contoso.com' });
    expect(requests(created)[1]!.body).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'u@contoso.com',
      title: 'n/a',
    });
    expect(created.mappings[0]!.attributes.map((a) => [a.flow, a.defaultApplied ?? false])).toEqual([
      ['sent', false],
      ['sent', true],
      ['null', false],
    ]);
    const updated = preview(
      text,
      { userPrincipalName: 'u@contoso.com' },
      { existing: { id: '1', userName: 'u@contoso.com', title: 'Boss' } },
    );
    expect(updated.mappings[0]!.action).toBe('none');
    expect(flows(updated)).toEqual({ userName: 'unchanged', title: 'null', externalId: 'null' });
  });

  it('leaves IgnoreFlowIfNullOrEmpty attributes out (no default value either)', () => {
    const text = `${header}  userName <- [userPrincipalName] match 1\n  title <- IgnoreFlowIfNullOrEmpty([jobTitle]) default "n/a"\n}\n`;
    const p = preview(text, { userPrincipalName: 'u@contoso.com', jobTitle: '' });
    expect(flows(p)['title']).toBe('ignored');
    expect(requests(p)[1]!.body).toEqual({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'u@contoso.com' });
  });

  it('uses Add for attributes the target does not hold, and honours AttributeAddOnly and FlowAlways', () => {
    const text = `${header}  userName <- [userPrincipalName] match 1\n  title <- [jobTitle] flowType AttributeAddOnly\n  externalId <- [mailNickname] flowBehavior FlowAlways\n  active <- Not([IsSoftDeleted])\n}\n`;
    const user = { userPrincipalName: 'u@contoso.com', jobTitle: 'New', mailNickname: 'u', IsSoftDeleted: false };
    const p = preview(text, user, { existing: { id: '7', userName: 'u@contoso.com', title: 'Old', externalId: 'u' } });
    expect(flows(p)).toEqual({ userName: 'unchanged', title: 'flowType', externalId: 'sent', active: 'sent' });
    expect((requests(p)[1]!.body as { Operations: unknown[] }).Operations).toEqual([
      { op: 'Replace', path: 'externalId', value: 'u' },
      { op: 'Add', path: 'active', value: 'True' },
    ]);
  });

  it('tries matching attributes in precedence order and creates when the existing object does not match', () => {
    const text = `target "schema.json"\nmapping "m" User -> User {\n  userName <- [userPrincipalName] match 2\n  externalId <- [mailNickname] match 1\n}\n`;
    const p = preview(text, { userPrincipalName: 'u@contoso.com' }, { existing: { id: '1', userName: 'other@contoso.com' } });
    const [lookup, post] = requests(p);
    expect(lookup).toMatchObject({ method: 'GET', filter: 'userName eq "u@contoso.com"', matched: false });
    expect(post!.method).toBe('POST');
    expect(p.mappings[0]!.reason).toContain('does not match');
    const both = preview(text, { userPrincipalName: 'u@contoso.com', mailNickname: 'u' });
    expect(requests(both).map((r) => r.filter ?? r.method)).toEqual(['externalId eq "u"', 'userName eq "u@contoso.com"', 'POST']);
  });

  it('fails (and sends nothing but lookups) when an expression cannot be evaluated', () => {
    const text = `${header}  userName <- [userPrincipalName] match 1\n  title <- Mid([jobTitle], 0, 2)\n}\n`;
    const p = preview(text, { userPrincipalName: 'u@contoso.com', jobTitle: 'x' });
    expect(p.mappings[0]!.action).toBe('failed');
    expect(requests(p).map((r) => r.method)).toEqual(['GET']);
    expect(flows(p)['title']).toBe('error');
  });

  it('fails when the matching attribute has no value', () => {
    const p = preview(`${header}  userName <- [userPrincipalName] match 1\n}\n`, {});
    expect(p.mappings[0]!.action).toBe('failed');
    expect(p.mappings[0]!.reason).toContain('matching attribute is null or empty');
  });

  it('honours object flow types and disabled blocks', () => {
    const base = (extra: string) => `${header}  ${extra}\n  userName <- [userPrincipalName] match 1\n  title <- [jobTitle]\n}\n`;
    const user = { userPrincipalName: 'u@contoso.com', jobTitle: 'x' };
    expect(preview(base('flowTypes Update'), user).mappings[0]!.action).toBe('skip');
    expect(preview(base('flowTypes Add'), user, { existing: { id: '1', userName: 'u@contoso.com' } }).mappings[0]!.action).toBe('none');
    expect(preview(base('enabled false'), user).mappings[0]!.action).toBe('skip');
  });

  it('evaluates every scoping operator as documented', () => {
    const clauses = [
      '[department] EQUALS "Sales"',
      '[department] NOT EQUALS "sales"',
      '[department] Includes "al"',
      '[userPrincipalName] ENDS_WITH "@contoso.com"',
      '[employeeId] Greater_Than 100',
      '[employeeId] Greater_Than_OR_EQUALS 123',
      '[accountEnabled] IS TRUE',
      '[IsSoftDeleted] IS FALSE',
      '[mobile] IS NULL',
      '[department] IS NOT NULL',
      '[employeeId] REGEX MATCH "^\\\\d{3}$"',
      '[department] NOT REGEX MATCH "^S\\\\d"',
      '[mobile] NOT REGEX MATCH "x"',
      '[mobile] NOT EQUALS "x"',
    ];
    const text = `${header}  scope "all" {\n${clauses.map((c) => `    ${c}\n`).join('')}  }\n  userName <- [userPrincipalName] match 1\n}\n`;
    const user = {
      department: 'Sales',
      userPrincipalName: 'u@contoso.com',
      employeeId: '123',
      accountEnabled: true,
      IsSoftDeleted: false,
      mobile: '',
    };
    const result = preview(text, user).mappings[0]!.scope.groups[0]!.clauses.map((c) => c.matched);
    // Every clause is false on a null or empty attribute, except IS NULL: the last two are false.
    expect(result).toEqual([true, true, true, true, true, true, true, true, true, true, true, true, false, false]);
  });
});
