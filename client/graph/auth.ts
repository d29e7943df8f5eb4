/**
 * Graph access tokens from VS Code's built-in Microsoft authentication provider, with the scopes
 * Synchronization.ReadWrite.All and Application.Read.All (plus the directory scopes of scopes.ts when
 * a feature needs them: tenant users, provisioning logs), `VSCODE_TENANT:` for the file's tenant and
 * `VSCODE_CLIENT_ID:` when `aadmap.graph.clientId` names a custom app registration. Sovereign clouds
 * (`aadmap.graph.endpoint` other than graph.microsoft.com) use the `microsoft-sovereign-cloud` provider.
 *
 * For automated tests only, outside production mode, a token in AADMAP_TEST_GRAPH_TOKEN is used
 * instead (never a setting, so a token can't end up in settings.json).
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { sealToken, type TokenRequestParams, type TokenRequestResult } from '../../server/graph/token-exchange';
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

export async function graphToken(
  context: vscode.ExtensionContext,
  settings: GraphSettings,
  tenant: string | undefined,
  extra: readonly string[] = [],
): Promise<string> {
  const testToken = process.env['AADMAP_TEST_GRAPH_TOKEN'];
  if (testToken && context.extensionMode !== vscode.ExtensionMode.Production) return testToken;
  const { provider, scopes } = authenticationScopes(settings, tenant, extra);
  const session = await vscode.authentication.getSession(provider, scopes, { createIfNone: true });
  return session.accessToken;
}

/**
 * Tokens handed to the language server by handle (server/graph/token-exchange.ts): the handle goes in
 * the Graph requests, the token only sealed in the answer to the server's `aadmap/graph/token`
 * request. A handle lives as long as a plan may (30 minutes).
 */
const HANDLE_LIFETIME_MS = 30 * 60_000;
const vault = new Map<string, { token: string; expires: number }>();

export function tokenHandle(token: string): string {
  const now = Date.now();
  for (const [handle, entry] of vault) if (entry.expires < now) vault.delete(handle);
  const handle = randomUUID();
  vault.set(handle, { token, expires: now + HANDLE_LIFETIME_MS });
  return handle;
}

export function answerTokenRequest(params: TokenRequestParams): TokenRequestResult {
  const entry = vault.get(params?.tokenHandle);
  if (!entry || entry.expires < Date.now())
    return { error: vscode.l10n.t('The sign-in for this request has expired: run the command again.') };
  return sealToken(entry.token, params);
}
