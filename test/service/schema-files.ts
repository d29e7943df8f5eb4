/** An in-memory schema file for the editor-feature cases: `target "multi.json"`. */
import type { SchemaFileReader } from '../../server/service/schema-resolver';

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'String',
  multivalued: false,
  required: false,
  ...extra,
});

export const MULTI_SCHEMA = {
  directories: [
    {
      name: 'Azure Active Directory',
      objects: [{ name: 'User', attributes: [attribute('userPrincipalName'), attribute('mail'), attribute('mobile')] }],
    },
    {
      name: 'customappsso',
      objects: [
        {
          name: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
          attributes: [
            attribute('userName', { required: true }),
            attribute('emails', { multivalued: true }),
            attribute('phoneNumbers[type eq "mobile"].value'),
          ],
        },
      ],
    },
  ],
};

export const caseSchemaFiles: SchemaFileReader = {
  readJson: (path) => (path === 'multi.json' ? { json: MULTI_SCHEMA } : { error: 'no such file' }),
};
