/** The sign-in request of the VS Code commands: provider, Graph scopes, tenant and client-id pseudo-scopes. */
import { describe, expect, it } from 'vitest';
import { authenticationScopes, LOGS_SCOPES, USERS_SCOPES } from '../../client/graph/scopes';

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

describe('incremental consent: the scopes a feature adds', () => {
  it('the tenant users of the impact: User.Read.All and GroupMember.Read.All, after the default ones', () => {
    expect(authenticationScopes(settings('https://graph.microsoft.com'), 'contoso.com', USERS_SCOPES)).toEqual({
      provider: 'microsoft',
      scopes: [
        'Synchronization.ReadWrite.All',
        'Application.Read.All',
        'User.Read.All',
        'GroupMember.Read.All',
        'VSCODE_TENANT:contoso.com',
      ],
    });
  });

  it('the provisioning logs: AuditLog.Read.All and Directory.Read.All, prefixed in a sovereign cloud', () => {
    expect(authenticationScopes(settings('https://microsoftgraph.chinacloudapi.cn'), undefined, LOGS_SCOPES).scopes).toEqual([
      'https://microsoftgraph.chinacloudapi.cn/Synchronization.ReadWrite.All',
      'https://microsoftgraph.chinacloudapi.cn/Application.Read.All',
      'https://microsoftgraph.chinacloudapi.cn/AuditLog.Read.All',
      'https://microsoftgraph.chinacloudapi.cn/Directory.Read.All',
    ]);
  });

  it('a scope asked twice is asked once', () => {
    expect(authenticationScopes(settings('https://graph.microsoft.com'), undefined, ['Application.Read.All']).scopes).toEqual([
      'Synchronization.ReadWrite.All',
      'Application.Read.All',
    ]);
  });
});
