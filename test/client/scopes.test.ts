/** The sign-in request of the VS Code commands: provider, Graph scopes, tenant and client-id pseudo-scopes. */
import { describe, expect, it } from 'vitest';
import { authenticationScopes } from '../../client/graph/scopes';

const settings = (endpoint: string, clientId = '') => ({ endpoint, clientId, validateExpressions: true });

describe('authenticationScopes', () => {
  it.each([
    [settings('https://graph.microsoft.com'), undefined, 'microsoft', ['Synchronization.ReadWrite.All', 'Application.Read.All']],
    [
      settings('https://graph.microsoft.com', '11111111-2222-3333-4444-555555555555'),
      'contoso.onmicrosoft.com',
      'microsoft',
      [
        'Synchronization.ReadWrite.All',
        'Application.Read.All',
        'VSCODE_TENANT:contoso.onmicrosoft.com',
        'VSCODE_CLIENT_ID:11111111-2222-3333-4444-555555555555',
      ],
    ],
    [
      settings('https://graph.microsoft.us/'),
      'tenant-id',
      'microsoft-sovereign-cloud',
      [
        'https://graph.microsoft.us/Synchronization.ReadWrite.All',
        'https://graph.microsoft.us/Application.Read.All',
        'VSCODE_TENANT:tenant-id',
      ],
    ],
  ])('%j with tenant %s', (input, tenant, provider, scopes) => {
    expect(authenticationScopes(input, tenant)).toEqual({ provider, scopes });
  });
});
