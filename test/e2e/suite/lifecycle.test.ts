/**
 * After the deploy, in real VS Code against the Graph emulator (seeded answers): provisioning-log
 * failures appear as `aadmap-logs` diagnostics on the mapping line of the attribute they concern and
 * disappear when the logs no longer show them; Start clears a quarantine; "Provision user on
 * demand…" shows the service's result beside the editor with aadmap's differences. The user picker
 * cannot be typed into from here: AADMAP_TEST_PROVISION_USER answers it (set in this process, the
 * extension host's).
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { GraphEmulator, SCOPE_APPS, SCOPE_WRITE, SEED } from '../../graph-emulator/emulator';
import { SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS } from '../../graph-emulator/lifecycle';
import { openInEditor } from './helpers';

const FILE = 'fixtures/deploy-chatwork.aadmap';
let emulator: GraphEmulator;

const logDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aadmap-logs');

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('after the deploy: status, logs, provision on demand (emulator)', () => {
  suiteSetup(async () => {
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN'];
    assert.ok(token, 'AADMAP_TEST_GRAPH_TOKEN is not set');
    emulator = GraphEmulator.seeded();
    emulator.tokens.set(token, { scopes: [SCOPE_WRITE, SCOPE_APPS, SCOPE_AUDIT, SCOPE_DIRECTORY, SCOPE_USERS] });
    const url = await emulator.start(0);
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', url, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
  });

  test('log failures become diagnostics on the mapping line, and go when the logs no longer show them', async () => {
    const { document } = await openInEditor(FILE);
    await vscode.commands.executeCommand('aadmap.lifecycle.refresh');
    const [diagnostic, ...others] = await until('an aadmap-logs diagnostic', () =>
      logDiagnostics(document.uri).length ? logDiagnostics(document.uri) : undefined,
    );
    assert.deepEqual(others, []);
    assert.equal(
      document.lineAt(diagnostic!.range.start.line).text.trim().split(/\s/)[0],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
    );
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic!.message, /^Provisioning failed for 2 users \(SchemaPropertyCanOnlyAcceptValue\): The property 'organization'/);
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'SchemaPropertyCanOnlyAcceptValue');
    const records = await vscode.workspace.openTextDocument(code.target);
    assert.match(records.getText(), /adele@contoso\.com[\s\S]*chris@fabrikam\.com/);
    assert.ok(
      emulator.log.every((r) => r.method === 'GET'),
      'reading status and logs wrote something',
    );

    emulator.lifecycle.logs.length = 0;
    await openInEditor(FILE);
    await vscode.commands.executeCommand('aadmap.lifecycle.refresh');
    await until('the diagnostic to go', () => logDiagnostics(document.uri).length === 0);
  });

  test('Start clears a quarantine', async () => {
    emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason: 'EncounteredQuarantineException' });
    await openInEditor(FILE);
    await vscode.commands.executeCommand('aadmap.lifecycle.start');
    assert.equal(emulator.lifecycle.job(SEED.jobId).status.code, 'Active');
    assert.ok(emulator.log.some((r) => r.method === 'POST' && r.path.endsWith('/start') && r.status === 204));
  });

  test('Provision user on demand shows the result beside the editor, with the differences from the preview', async () => {
    await openInEditor(FILE);
    process.env['AADMAP_TEST_PROVISION_USER'] = 'bob@contoso.com';
    try {
      await vscode.commands.executeCommand('aadmap.lifecycle.provisionUser');
    } finally {
      delete process.env['AADMAP_TEST_PROVISION_USER'];
    }
    const editor = await until('the result editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'aadmap-provision'),
    );
    const text = editor.document.getText();
    assert.match(text, /^Provision on demand: bob@contoso\.com — Success \(Update\)/);
    assert.match(
      text,
      /Differences from aadmap's preview \(1\):\n {2}urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User:organization: service "CONTOSO JAPAN", aadmap "Contoso Japan"/,
    );
    assert.equal(emulator.lifecycle.onDemandRequests.length, 1);
  });
});
