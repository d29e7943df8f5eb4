/**
 * A stand-in for Microsoft sign-in, installed only into the UI tests' code-server (packaged by
 * harness/sign-in.ts; never part of aadmap.vsix). aadmap's Graph commands run there as installed, in
 * production mode, and sign in through VS Code's authentication API as they do for users. Pointed at
 * the Graph emulator (not graph.microsoft.com), they ask the 'microsoft-sovereign-cloud' provider,
 * which VS Code's own Microsoft extension registers only when a sovereign cloud is configured; this
 * extension registers it instead. VS Code still asks the person to allow the sign-in; the session it
 * creates carries the emulator's test token from AADMAP_TEST_GRAPH_TOKEN, and only for the scopes
 * aadmap documents.
 */
import * as vscode from 'vscode';

const PROVIDER_ID = 'microsoft-sovereign-cloud';
/** aadmap prefixes each with the endpoint's origin for a sovereign cloud (client/graph/scopes.ts). */
const EXPECTED_SCOPES = ['Synchronization.ReadWrite.All', 'Application.Read.All'];

const sameScopes = (a: readonly string[], b: readonly string[]) => [...a].sort().join(' ') === [...b].sort().join(' ');

export function activate(context: vscode.ExtensionContext): void {
  const sessions: vscode.AuthenticationSession[] = [];
  const changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  const provider: vscode.AuthenticationProvider = {
    onDidChangeSessions: changed.event,
    async getSessions(scopes) {
      return scopes ? sessions.filter((s) => sameScopes(s.scopes, scopes)) : [...sessions];
    },
    async createSession(scopes) {
      const token = process.env['AADMAP_TEST_GRAPH_TOKEN'];
      if (!token) throw new Error('AADMAP_TEST_GRAPH_TOKEN is not set in the environment of code-server');
      const missing = EXPECTED_SCOPES.filter((expected) => !scopes.some((s) => s === expected || s.endsWith(`/${expected}`)));
      if (missing.length) throw new Error(`unexpected scopes ${scopes.join(' ')}: missing ${missing.join(', ')}`);
      const session: vscode.AuthenticationSession = {
        id: `aadmap-e2e-${sessions.length + 1}`,
        accessToken: token,
        account: { id: 'aadmap-e2e', label: 'admin@contoso.onmicrosoft.com' },
        scopes: [...scopes],
      };
      sessions.push(session);
      changed.fire({ added: [session], removed: [], changed: [] });
      return session;
    },
    async removeSession(id) {
      const index = sessions.findIndex((s) => s.id === id);
      if (index < 0) return;
      const [removed] = sessions.splice(index, 1);
      changed.fire({ added: [], removed: [removed!], changed: [] });
    },
  };
  context.subscriptions.push(
    changed,
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, 'Microsoft (aadmap E2E stand-in)', provider),
  );
}
