/**
 * Graph access tokens from VS Code's built-in Microsoft authentication provider, with the scopes
 * Synchronization.ReadWrite.All and Application.Read.All, `VSCODE_TENANT:` for the file's tenant and
 * `VSCODE_CLIENT_ID:` when `aadmap.graph.clientId` names a custom app registration. Sovereign clouds
 * (`aadmap.graph.endpoint` other than graph.microsoft.com) use the `microsoft-sovereign-cloud` provider.
 *
 * For automated tests only, outside production mode, a token in AADMAP_TEST_GRAPH_TOKEN is used
 * instead (never a setting, so a token can't end up in settings.json).
 */
import * as vscode from 'vscode';
import { DEFAULT_ENDPOINT, authenticationScopes, type GraphSettings } from './scopes';

export { DEFAULT_ENDPOINT, type GraphSettings };

export function graphSettings(): GraphSettings {
  const config = vscode.workspace.getConfiguration('aadmap.graph');
  return {
    endpoint: (config.get<string>('endpoint') || DEFAULT_ENDPOINT).trim(),
    clientId: (config.get<string>('clientId') || '').trim(),
    validateExpressions: config.get<boolean>('validateExpressions', true),
  };
}

export async function graphToken(context: vscode.ExtensionContext, settings: GraphSettings, tenant: string | undefined): Promise<string> {
  const testToken = process.env['AADMAP_TEST_GRAPH_TOKEN'];
  if (testToken && context.extensionMode !== vscode.ExtensionMode.Production) return testToken;
  const { provider, scopes } = authenticationScopes(settings, tenant);
  const session = await vscode.authentication.getSession(provider, scopes, { createIfNone: true });
  return session.accessToken;
}
