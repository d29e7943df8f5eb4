/**
 * The built-in source directory: Azure Active Directory (Microsoft Entra ID), as the provisioning
 * service's schema describes it (Graph objectDefinition / synchronization schema samples).
 * Facts: https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes. Descriptions are our own words.
 */
import type { AttributeDefinition, AttributeType, DirectorySchema } from './types';

function attr(
  name: string,
  type: AttributeType,
  description: string,
  extra: Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description'>> = {},
): AttributeDefinition {
  return { name, type, multivalued: false, required: false, ...extra, description };
}

function extensionAttributes(): AttributeDefinition[] {
  const result: AttributeDefinition[] = [];
  for (let i = 1; i <= 15; i++) {
    result.push(
      attr(`extensionAttribute${i}`, 'String', `Exchange custom attribute ${i} (free-form text, often synced from on-premises AD).`),
    );
  }
  return result;
}

const USER_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('objectId', 'String', 'Immutable object ID (GUID) of the user; the anchor of the Azure AD user object.', { anchor: true }),
  attr(
    'IsSoftDeleted',
    'Boolean',
    'Computed by the provisioning service: true when the user is unassigned, out of scope, soft-deleted or disabled.',
    {
      required: true,
    },
  ),
  attr('accountEnabled', 'Boolean', 'Whether the account is enabled (sign-in allowed).', { required: true }),
  attr('streetAddress', 'String', "Street address of the user's place of business."),
  attr('city', 'String', 'City where the user is located.'),
  attr('state', 'String', "State or province of the user's address."),
  attr('postalCode', 'String', "Postal code of the user's address."),
  attr('country', 'String', "Country or region of the user's address."),
  attr('companyName', 'String', 'Name of the company the user works for.'),
  attr('department', 'String', 'Department the user works in.'),
  attr('dirSyncEnabled', 'Boolean', 'True when the user is synchronized from on-premises Active Directory.'),
  attr('displayName', 'String', 'Name shown in the address book, usually first and last name.', { required: true }),
  attr('employeeId', 'String', 'Employee identifier assigned by the organisation (SCIM employeeNumber).'),
  ...extensionAttributes(),
  attr('facsimileTelephoneNumber', 'String', 'Fax number.'),
  attr('givenName', 'String', 'First name.'),
  attr('jobTitle', 'String', 'Job title.'),
  attr('mail', 'String', 'Primary SMTP e-mail address.'),
  attr('mailNickname', 'String', 'Mail alias (the part before @).'),
  attr('manager', 'Reference', "Reference to the user's manager (another User).", { referencedObjects: ['User'] }),
  attr('mobile', 'String', 'Mobile phone number.'),
  attr('onPremisesSecurityIdentifier', 'String', 'Security identifier (SID) of the synchronized on-premises account.'),
  attr('originalUserPrincipalName', 'String', 'The user principal name before it was last changed.'),
  attr('passwordProfile.password', 'String', 'Password from the password profile (the name contains a dot).', { required: true }),
  attr('physicalDeliveryOfficeName', 'String', 'Office location.'),
  attr('preferredLanguage', 'String', 'Preferred language, an ISO 639-1 code such as en-US.', { required: true }),
  attr('proxyAddresses', 'String', 'All e-mail addresses of the user, prefixed SMTP: (primary) or smtp: (aliases).', { multivalued: true }),
  attr('surname', 'String', 'Last name (family name).', { required: true }),
  attr('telephoneNumber', 'String', 'Business phone number.'),
  attr('userPrincipalName', 'String', 'Sign-in name in e-mail form (user@domain).', { required: true }),
  attr(
    'appRoleAssignments',
    'Reference',
    'The app roles assigned to the user for this application; use SingleAppRoleAssignment or AssertiveAppRoleAssignmentsComplex.',
  ),
];

const GROUP_ATTRIBUTES: readonly AttributeDefinition[] = [
  attr('objectId', 'String', 'Immutable object ID (GUID) of the group; the anchor of the Azure AD group object.', {
    anchor: true,
    required: true,
  }),
  attr('displayName', 'String', 'Display name of the group.'),
  attr('mailNickname', 'String', 'Mail alias of the group.'),
  attr('appRoleAssignments', 'Reference', 'The app roles assigned to the group for this application.'),
  attr('members', 'Reference', 'Members of the group (users and groups).', { multivalued: true, referencedObjects: ['Group', 'User'] }),
];

export const AZURE_AD: DirectorySchema = {
  id: 'azureAD',
  name: 'Azure Active Directory',
  displayName: 'Azure Active Directory',
  objects: [
    { name: 'User', aliases: [], attributes: USER_ATTRIBUTES },
    { name: 'Group', aliases: [], attributes: GROUP_ATTRIBUTES },
  ],
  filterabilityKnown: false,
};

const DIRECTORY_EXTENSION = /^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$/;

/**
 * True for a directory extension attribute name `extension_<appId without dashes>_<name>`
 * (32 hex digits). Such names are case-sensitive and may have to be added to the source schema by hand.
 */
export function isDirectoryExtensionAttribute(name: string): boolean {
  return DIRECTORY_EXTENSION.test(name);
}

/**
 * Microsoft Graph's names of user properties (https://learn.microsoft.com/graph/api/resources/user)
 * that the provisioning service's Azure AD schema spells differently (its attribute names are the
 * older directory names). Read by the checker's did-you-mean for unknown source attributes.
 */
const GRAPH_USER_PROPERTY_NAMES: Readonly<Record<string, string>> = {
  id: 'objectId',
  officeLocation: 'physicalDeliveryOfficeName',
  businessPhones: 'telephoneNumber',
  mobilePhone: 'mobile',
  faxNumber: 'facsimileTelephoneNumber',
  onPremisesSyncEnabled: 'dirSyncEnabled',
  passwordProfile: 'passwordProfile.password',
};

const GRAPH_NAMES_BY_LOWER_CASE = new Map(Object.entries(GRAPH_USER_PROPERTY_NAMES).map(([graph, ours]) => [graph.toLowerCase(), ours]));

/** The provisioning schema's name for a Graph property name (any case), if it spells it differently. */
export function provisioningNameOfGraphProperty(name: string): string | undefined {
  return GRAPH_NAMES_BY_LOWER_CASE.get(name.toLowerCase());
}
