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

/**
 * A pulled job: `target "job.schema.json"` (the same schema) with the job's function list beside it
 * (docs/real-schemas.md), which names one function the built-in catalogue does not describe.
 */
export const JOB_FUNCTIONS = {
  value: [
    { name: 'Join', parameters: [] },
    { name: 'Prepend', parameters: [] },
    {
      name: 'StripDomain',
      parameters: [
        { name: 'source', type: 'String', required: true },
        { name: 'domain', type: 'String', required: false },
      ],
    },
  ],
};

const CASE_FILES: Record<string, unknown> = {
  'multi.json': MULTI_SCHEMA,
  'job.schema.json': MULTI_SCHEMA,
  'job.functions.json': JOB_FUNCTIONS,
};

export const caseSchemaFiles: SchemaFileReader = {
  readJson: (path) => (path in CASE_FILES ? { json: CASE_FILES[path] } : { error: 'no such file' }),
};
