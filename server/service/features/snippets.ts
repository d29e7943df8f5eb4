/**
 * The larger snippets completion offers, each where it is valid: a new Chatwork mapping file in an
 * empty file, Chatwork's `active` mapping at the start of a line in a block whose target has
 * `active`. They are not contributed to VS Code as static snippets: VS Code offers those on every
 * line whatever the context (even a file template inside a block), so only the server, which
 * knows where the cursor is, offers them.
 */

export interface BlockSnippet {
  label: string;
  /** The word typed to pick it (VS Code filters on it). */
  filterText: string;
  detail: string;
  /** Snippet syntax; a tab is one indentation level (the editor converts it). */
  body: string;
}

/** A new mapping file for the Chatwork gallery app, offered at the top of an empty `.aadmap` file. */
export const CHATWORK_FILE: BlockSnippet = {
  label: 'chatwork',
  filterText: 'chatwork',
  detail: 'a new Chatwork mapping file: target, the user block with the default mappings and a scoping filter',
  body: [
    '# ${1:Chatwork}: Azure AD (Microsoft Entra ID) users → Chatwork users, over SCIM 2.0.',
    '# Chatwork can look users up only by userName, so userName is the matching attribute.',
    'target chatwork',
    '',
    'mapping "${2:Synchronize Azure Active Directory Users to Chatwork}" User -> User {',
    '\tscope "${3:Assigned employees}" {',
    '\t\t[accountEnabled] IS TRUE',
    '\t}',
    '',
    '\tuserName   <- [${4:userPrincipalName}]  match 1',
    '\tactive     <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    '\ttitle      <- [jobTitle]',
    '\texternalId <- [mailNickname]  on create',
    '\turn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department   <- [department]',
    '\turn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization <- [companyName]',
    '}',
    '$0',
  ].join('\n'),
};

/**
 * Chatwork's `active`: the inverse of IsSoftDeleted, as the strings True/False. Offered at the
 * start of a block line when the target object has `active` and the source has `IsSoftDeleted`.
 */
export const ACTIVE_FROM_SOFT_DELETE: BlockSnippet = {
  label: 'active from IsSoftDeleted',
  filterText: 'active',
  detail: 'active from IsSoftDeleted (True while the user is not soft-deleted)',
  body: 'active <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
};
