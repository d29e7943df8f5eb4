/**
 * Restricted Mode (docs/security.md): a workspace VS Code does not trust gets limited support. Runs
 * only when the runner opened the workspace untrusted (`run-extension-host-tests --restricted`:
 * Workspace Trust on, a folder never trusted, and a workspace settings file that points the Graph
 * endpoint and client id elsewhere and switches the server trace on); skipped otherwise.
 *
 * The hostile endpoint is a Graph emulator started here: if the extension used the workspace's value or
 * signed in at all, its log would show the requests.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { GraphEmulator, SCOPE_APPS, SCOPE_WRITE } from '../../graph-emulator/emulator';
import { RESTRICTED_MODE_GRAPH } from '../../../client/graph/commands';
import { graphSettings } from '../../../client/graph/auth';
import { restrictedModeEvaluation } from '../../../server/lsp/sample-user-handlers';
import { COMMANDS } from '../../../server/protocol';
import { aadmapDiagnostics, aadmapExtension, hoverText, openInEditor, waitFor, whenProvided, workspaceFile } from './helpers';

/** What the runner's workspace settings file holds (harness/run-extension-host-tests.ts). */
const WORKSPACE_CLIENT_ID = '00000000-0000-0000-0000-00000000bad0';

/** Every file under VS Code's log folder (output channels are written there). */
function logFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? logFiles(path) : [path];
  });
}

suite('Restricted Mode (an untrusted workspace)', function () {
  let emulator: GraphEmulator | undefined;

  suiteSetup(function () {
    if (process.env['AADMAP_E2E_RESTRICTED'] !== '1') this.skip();
  });

  suiteTeardown(async () => {
    await emulator?.stop();
  });

  test('the workspace is not trusted, and aadmap checks its files', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner should have opened the workspace in Restricted Mode');
    const { document } = await openInEditor('examples/mistakes.aadmap');
    await waitFor('the diagnostics of mistakes.aadmap', () => (aadmapDiagnostics(document).length > 0 ? true : undefined));
    assert.equal(aadmapExtension().isActive, true);
  });

  test('no sample-user evaluation: no value lens, no value in the hover, the preview says why', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    // The language server is up: the hover of a function answers its documentation…
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('<- [jobTitle]'));
    const hovers = await whenProvided('a hover on the title mapping', () =>
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 18)),
    ).catch(() => [] as vscode.Hover[]);
    // …but shows no value of alice.user.json (beside the file), and there is no lens at all.
    assert.doesNotMatch(hovers.map(hoverText).join('\n'), /Sales Manager/);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [];
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      [],
    );
    await vscode.commands.executeCommand(COMMANDS.previewProvisioning, document.uri);
    const preview = await waitFor('the preview document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'aadmap-preview' && d.getText().length > 0),
    );
    assert.ok(preview.getText().includes(restrictedModeEvaluation()), preview.getText());
    assert.doesNotMatch(preview.getText(), /alice@contoso\.com/);
  });

  test("Graph commands refuse before any request; the workspace's endpoint, client id and trace setting are ignored", async () => {
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN'];
    assert.ok(token, 'AADMAP_TEST_GRAPH_TOKEN is not set');
    emulator = GraphEmulator.seeded();
    emulator.tokens.set(token, { scopes: [SCOPE_WRITE, SCOPE_APPS] });
    const url = await emulator.start(0);
    // The workspace points the endpoint at the emulator, as a hostile repository would at its server.
    const settingsFile = workspaceFile('.vscode/settings.json').fsPath;
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    assert.equal(settings['aadmap.graph.clientId'], WORKSPACE_CLIENT_ID);
    assert.equal(settings['aadmap.trace.server'], 'verbose');
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'aadmap.graph.endpoint': url }, null, 2));
    const config = () => vscode.workspace.getConfiguration('aadmap');
    // The file is read (a setting aadmap does not restrict comes from it)…
    await waitFor('the workspace settings', () =>
      config().inspect('graph.validateExpressions')?.workspaceValue === false ? true : undefined,
    );
    // …but VS Code hides the restricted ones (restrictedConfigurations in package.json) from the extension.
    for (const key of ['graph.endpoint', 'graph.clientId', 'trace.server'])
      assert.equal(config().inspect(key)?.workspaceValue, undefined, `the workspace's ${key} reaches the extension`);
    const { endpoint, clientId } = graphSettings();
    assert.deepEqual(
      { endpoint, clientId, trace: config().get('trace.server') },
      { endpoint: 'https://graph.microsoft.com', clientId: '', trace: 'off' },
    );
    const { document } = await openInEditor('fixtures/deploy-chatwork.aadmap');
    for (const command of [COMMANDS.graphWhatIf, COMMANDS.graphDeploy]) await vscode.commands.executeCommand(command, document.uri);
    await vscode.commands.executeCommand(COMMANDS.graphPull);
    assert.deepEqual(
      emulator.log.map((r) => `${r.method} ${r.path}`),
      [],
    );
    // Each command said why, in the "aadmap Graph" channel (VS Code writes it to its log folder); and the
    // server trace the workspace asked for is not there.
    const logs = process.env['AADMAP_E2E_LOGS'];
    assert.ok(logs && existsSync(logs), `AADMAP_E2E_LOGS names no folder: ${logs}`);
    const said = await waitFor(
      'the refusal in the log folder',
      () => {
        const files = logFiles(logs).filter((file) => readFileSync(file, 'utf8').includes(RESTRICTED_MODE_GRAPH));
        return files.length ? files : undefined;
      },
      20_000,
    );
    assert.ok(said.length > 0);
    const traced = logFiles(logs).filter((file) => /Sending (request|notification) '/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(traced, []);
  });
});
