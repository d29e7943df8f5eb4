/**
 * Microsoft Graph's user properties ↔ the provisioning service's source attribute names (the names a
 * `.aadmap` file reads, server/schema/azure-ad.ts). `--users tenant` selects exactly the Graph
 * properties behind the attributes both versions read, and turns each Graph user into a users-file
 * line. Attributes Graph cannot give in a `/users` read (`manager` needs `$expand`, `appRoleAssignments`
 * another request, unknown names) are reported as not evaluated — they would otherwise read as null.
 * docs/impact.md, "Reading the directory from Microsoft Graph".
 */

/** Source attribute → the Graph property holding it (a dotted path for nested objects). */
const DIRECT: Record<string, string> = {
  objectId: 'id',
  accountEnabled: 'accountEnabled',
  userPrincipalName: 'userPrincipalName',
  mail: 'mail',
  mailNickname: 'mailNickname',
  displayName: 'displayName',
  givenName: 'givenName',
  surname: 'surname',
  jobTitle: 'jobTitle',
  department: 'department',
  companyName: 'companyName',
  employeeId: 'employeeId',
  streetAddress: 'streetAddress',
  city: 'city',
  state: 'state',
  postalCode: 'postalCode',
  country: 'country',
  usageLocation: 'usageLocation',
  preferredLanguage: 'preferredLanguage',
  proxyAddresses: 'proxyAddresses',
  otherMails: 'otherMails',
  userType: 'userType',
  employeeType: 'employeeType',
  employeeHireDate: 'employeeHireDate',
  physicalDeliveryOfficeName: 'officeLocation',
  mobile: 'mobilePhone',
  facsimileTelephoneNumber: 'faxNumber',
  onPremisesSecurityIdentifier: 'onPremisesSecurityIdentifier',
  onPremisesSamAccountName: 'onPremisesSamAccountName',
  onPremisesImmutableId: 'onPremisesImmutableId',
  dirSyncEnabled: 'onPremisesSyncEnabled',
  createdDateTime: 'createdDateTime',
};

/** Attributes the service computes from several properties. */
const COMPUTED: Record<string, readonly string[]> = {
  // The first business phone.
  telephoneNumber: ['businessPhones'],
  // True for a disabled or soft-deleted user (server/schema/azure-ad.ts); soft deletion comes from /users/delta.
  IsSoftDeleted: ['accountEnabled'],
  // The UPN as the user was created with is not in Graph; the current one is the best there is.
  originalUserPrincipalName: ['userPrincipalName'],
};

const EXTENSION_ATTRIBUTE = /^extensionAttribute([1-9]|1[0-5])$/;
/** Directory extensions keep their full name in Graph and in the provisioning schema. */
const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_\w+$/i;

export interface GraphSelection {
  /** Graph properties for `$select` (always with `id`). */
  select: string[];
  /** Source attributes read by the mappings that Graph's /users cannot give: not evaluated. */
  notEvaluated: string[];
}

export function graphSelection(reads: Iterable<string>): GraphSelection {
  const select = new Set<string>(['id', 'userPrincipalName']);
  const notEvaluated: string[] = [];
  for (const name of reads) {
    if (DIRECT[name]) select.add(DIRECT[name].split('.')[0]!);
    else if (COMPUTED[name]) for (const p of COMPUTED[name]) select.add(p);
    else if (EXTENSION_ATTRIBUTE.test(name)) select.add('onPremisesExtensionAttributes');
    else if (DIRECTORY_EXTENSION.test(name)) select.add(name);
    else notEvaluated.push(name);
  }
  return { select: [...select].sort(), notEvaluated: notEvaluated.sort() };
}

/** A Graph user → source attribute name → value (only the attributes in `reads`). */
export function sourceUser(graph: Record<string, unknown>, reads: Iterable<string>, softDeleted = false): Record<string, unknown> {
  const user: Record<string, unknown> = {};
  for (const name of reads) {
    if (DIRECT[name]) user[name] = graph[DIRECT[name]] ?? null;
    else if (name === 'telephoneNumber') user[name] = Array.isArray(graph['businessPhones']) ? (graph['businessPhones'][0] ?? null) : null;
    else if (name === 'IsSoftDeleted') user[name] = softDeleted || graph['accountEnabled'] === false;
    else if (name === 'originalUserPrincipalName') user[name] = graph['userPrincipalName'] ?? null;
    else if (EXTENSION_ATTRIBUTE.test(name)) {
      const attributes = graph['onPremisesExtensionAttributes'];
      user[name] = typeof attributes === 'object' && attributes !== null ? ((attributes as Record<string, unknown>)[name] ?? null) : null;
    } else if (DIRECTORY_EXTENSION.test(name)) user[name] = graph[name] ?? null;
  }
  if (user['objectId'] === undefined) user['objectId'] = graph['id'] ?? null;
  if (user['userPrincipalName'] === undefined) user['userPrincipalName'] = graph['userPrincipalName'] ?? null;
  return user;
}

/** The inverse, for the Graph emulator and tests: a users-file line → a Graph user. */
export function graphUser(source: Record<string, unknown>): Record<string, unknown> {
  const graph: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    if (DIRECT[name]) graph[DIRECT[name]] = value;
    else if (EXTENSION_ATTRIBUTE.test(name)) extensions[name] = value;
    else if (name === 'telephoneNumber') graph['businessPhones'] = value === null ? [] : [value];
    else if (DIRECTORY_EXTENSION.test(name)) graph[name] = value;
  }
  graph['onPremisesExtensionAttributes'] = Object.fromEntries(
    Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, extensions[`extensionAttribute${i + 1}`] ?? null]),
  );
  return graph;
}
