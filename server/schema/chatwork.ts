/**
 * The built-in target directory: the Chatwork gallery app (SCIM 2.0). Attribute list, types and
 * filter support from the Chatwork provisioning tutorial (https://learn.microsoft.com/en-us/entra/identity/saas-apps/chatwork-provisioning-tutorial); the Graph
 * directory and object names follow the usual gallery-SCIM job schema (https://learn.microsoft.com/en-us/graph/api/resources/synchronization-synchronizationschema).
 */
import type { DirectorySchema } from './types';

const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const CHATWORK_USER_OBJECT = ENTERPRISE_USER;

export const CHATWORK: DirectorySchema = {
  id: 'chatwork',
  name: 'customappsso',
  displayName: 'Chatwork',
  filterabilityKnown: true,
  objects: [
    {
      name: ENTERPRISE_USER,
      aliases: ['User'],
      attributes: [
        {
          name: 'userName',
          type: 'String',
          multivalued: false,
          required: true,
          caseExact: false,
          filterable: true,
          description: 'Chatwork login e-mail address; the only filterable attribute, so the one to match users on.',
        },
        {
          name: 'active',
          type: 'Boolean',
          multivalued: false,
          required: false,
          filterable: false,
          description: 'Whether the Chatwork account is active; false deactivates the user.',
        },
        {
          name: 'title',
          type: 'String',
          multivalued: false,
          required: false,
          filterable: false,
          description: 'Job title shown on the Chatwork profile.',
        },
        {
          name: 'externalId',
          type: 'String',
          multivalued: false,
          required: false,
          filterable: false,
          description: 'Identifier of the user in the provisioning client (Entra ID).',
        },
        {
          name: `${ENTERPRISE_USER}:department`,
          type: 'String',
          multivalued: false,
          required: false,
          filterable: false,
          description: 'Department (SCIM enterprise extension).',
        },
        {
          name: `${ENTERPRISE_USER}:organization`,
          type: 'String',
          multivalued: false,
          required: false,
          filterable: false,
          description: 'Organization / company name (SCIM enterprise extension).',
        },
      ],
    },
  ],
};
