/** Which authentication provider and scopes a Graph sign-in asks for (pure: no vscode import, unit-tested). */
export const DEFAULT_ENDPOINT = 'https://graph.microsoft.com';
export const GRAPH_SCOPES = ['Synchronization.ReadWrite.All', 'Application.Read.All'];

/** The `aadmap.graph.*` settings. */
export interface GraphSettings {
  endpoint: string;
  clientId: string;
  validateExpressions: boolean;
}

export function authenticationScopes(settings: GraphSettings, tenant: string | undefined): { provider: string; scopes: string[] } {
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
  const scopes = GRAPH_SCOPES.map((scope) => (global ? scope : `${origin}/${scope}`));
  if (tenant) scopes.push(`VSCODE_TENANT:${tenant}`);
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  return { provider: global ? 'microsoft' : 'microsoft-sovereign-cloud', scopes };
}
