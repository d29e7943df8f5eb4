/**
 * The preview treats attributes declared in the file (docs/custom-attributes.md) like the schema's
 * own: a declared Boolean is sent as a JSON Boolean (or "True" in Entra's default PATCH), a declared
 * multi-valued attribute as an array, a declared source extension attribute is read from the user.
 */
import { describe, expect, it } from 'vitest';
import { fromPlainJson, parseJson, readSampleUser, stringifyJson } from '../../server/evaluator/index';
import type { JsonObject } from '../../server/evaluator/json';
import { toPlainJson } from '../../server/evaluator/json';
import { analyzeMappingText } from '../../server/service/analysis';
import { previewMapping } from '../../server/service/checked-preview';
import { noSchemaFiles } from '../../server/service/schema-resolver';

const CONTOSO = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User';
const EXTENSION = 'extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCenter';
const text = `target chatwork

mapping "Users" User -> User {
  attribute target "${CONTOSO}:isManager" Boolean
  attribute target "${CONTOSO}:badges" String multiValued
  attribute target "${CONTOSO}:costCenter" String
  attribute source ${EXTENSION} String
  userName <- [userPrincipalName]  match 1
  ${CONTOSO}:isManager <- IIF([jobTitle] = "Sales Manager", "True", "False")
  ${CONTOSO}:badges <- [department]
  ${CONTOSO}:costCenter <- [${EXTENSION}]
}
`;

function requests(existing?: unknown) {
  const analysis = analyzeMappingText(text, 'file:///workspace/declared.aadmap', noSchemaFiles);
  expect(analysis.diagnostics).toEqual([]);
  const outcome = previewMapping(analysis, {
    user: readSampleUser(
      fromPlainJson({ userPrincipalName: 'alice@contoso.com', jobTitle: 'Sales Manager', department: 'Sales', [EXTENSION]: 'CC-42' }),
    ),
    existing: existing === undefined ? undefined : (fromPlainJson(existing) as JsonObject),
    settings: { now: 638000000000000000n, seed: 1 },
  });
  if (outcome.kind !== 'preview') throw new Error(outcome.errors.map((e) => e.message).join('; '));
  return toPlainJson(parseJson(stringifyJson(outcome.preview.mappings[0]!.requests as never))) as { method: string; body?: any }[];
}

describe('declared attributes in the preview', () => {
  it('sends a declared Boolean as a Boolean and a declared multi-valued attribute as an array', () => {
    const post = requests().find((r) => r.method === 'POST')!;
    expect(post.body[CONTOSO]).toEqual({ isManager: true, badges: ['Sales'], costCenter: 'CC-42' });
  });

  it("writes the declared Boolean as Entra's default PATCH does", () => {
    const patch = requests({
      id: '1',
      userName: 'alice@contoso.com',
      [CONTOSO]: { isManager: false, badges: ['Sales'], costCenter: 'CC-42' },
    }).find((r) => r.method === 'PATCH')!;
    expect(JSON.stringify(patch.body)).toContain('"value":"True"');
  });
});
