/** Which authentication provider and scopes a Graph sign-in asks for (pure: no vscode import, unit-tested). */
export const DEFAULT_ENDPOINT = 'https://graph.microsoft.com';
const GRAPH_SCOPES = ['Synchronization.ReadWrite.All', 'Application.Read.All'];
/**
 * Asked only when a feature needs them (incremental consent: a session with more scopes is a new
 * sign-in prompt, so the deploy alone never asks for directory reads). Permissions per request:
 * learn.microsoft.com/graph/api/user-list, learn.microsoft.com/graph/api/group-list-members,
 * learn.microsoft.com/graph/api/provisioningobjectsummary-list.
 */
export const USERS_SCOPES = ['User.Read.All', 'GroupMember.Read.All'];
export const LOGS_SCOPES = ['AuditLog.Read.All', 'Directory.Read.All'];

/** The `aadmap.graph.*` settings. */
export interface GraphSettings {
  endpoint: string;
  clientId: string;
  validateExpressions: boolean;
}

export function authenticationScopes(
  settings: GraphSettings,
  tenant: string | undefined,
  extra: readonly string[] = [],
): { provider: string; scopes: string[] } {
  let host = 'graph.microsoft.com';
  let origin = DEFAULT_ENDPOINT;
  try {
    const url = new URL(settings.endpoint);
    host = url.hostname;
    origin = url.origin;
  } catch {
    // the server reports a bad endpoint with its own message
  }
  const global = host === 'graph.microsoft.com';
  const scopes = [...new Set([...GRAPH_SCOPES, ...extra])].map((scope) => (global ? scope : `${origin}/${scope}`));
  if (tenant) scopes.push(`VSCODE_TENANT:${tenant}`);
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  return { provider: global ? 'microsoft' : 'microsoft-sovereign-cloud', scopes };
}
