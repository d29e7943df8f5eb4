/**
 * Deploy through Microsoft Graph, against the Graph emulator (test/graph-emulator) started inside this
 * extension host on a free port and seeded with the Chatwork application and job. The extension reaches
 * it as it reaches Graph: `aadmap.graph.endpoint` points at it, and the token comes from the environment
 * the runner gives code-server (AADMAP_TEST_GRAPH_TOKEN, read only outside production mode — never a
 * setting). The language server sends the requests; the emulator records them.
 *
 * test/e2e/workspace/deploy-chatwork.aadmap names the service principal in its `deploy` statement,
 * so no picker opens. The modal confirmation of a deploy cannot be clicked from here: in extension test mode only,
 * AADMAP_TEST_CONFIRM answers it (client/graph/commands.ts); this suite sets it in its own process,
 * which is the extension host's.
 *
 * The whole suite runs with `aadmap.trace.server: verbose`, which writes every LSP message to the
 * language server's output channel and so to VS Code's log folder: the last test reads that folder
 * (AADMAP_E2E_LOGS, given by the runner) and finds the Graph requests there, but not the token.
 */

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { chatworkSchema, GraphEmulator, type LoggedRequest, SCOPE_APPS, SCOPE_WRITE, SEED } from '../../graph-emulator/emulator';
import { openInEditor, workspaceFile } from './helpers';

const FILE = 'fixtures/deploy-chatwork.aadmap';
const SCHEMA_PATH = `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/jobs/${SEED.jobId}/schema`;

/** What the job must hold after the deploy: [targetAttributeName, source expression, flowType, matchingPriority]. */
const DEPLOYED_MAPPINGS = [
  ['userName', '[userPrincipalName]', 'Always', 1],
  ['active', 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'Always', 0],
  ['title', '[jobTitle]', 'Always', 0],
  ['externalId', '[mailNickname]', 'ObjectAddOnly', 0],
  ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', '[department]', 'Always', 0],
  ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization', 'Coalesce([companyName], "Contoso")', 'Always', 0],
];

type Json = Record<string, any>;
const mappingsOf = (schema: Json) =>
  (schema['synchronizationRules'][0].objectMappings[0].attributeMappings as Json[]).map((m) => [
    m['targetAttributeName'],
    m['source']?.expression,
    m['flowType'],
    m['matchingPriority'],
  ]);

let emulator: GraphEmulator;

const requests = (method: string, path = SCHEMA_PATH) => emulator.log.filter((r) => r.method === method && r.path === path);
const describeLog = (log: LoggedRequest[] = emulator.log) => log.map((r) => `${r.method} ${r.path} → ${r.status}`).join('\n  ');

/** Runs a Graph command with the confirmation answered `answer` (undefined: no answer prepared). */
async function runGraphCommand(command: string, uri: vscode.Uri, answer?: string): Promise<LoggedRequest[]> {
  const before = emulator.log.length;
  if (answer === undefined) delete process.env['AADMAP_TEST_CONFIRM'];
  else process.env['AADMAP_TEST_CONFIRM'] = answer;
  try {
    await vscode.commands.executeCommand(command, uri);
  } finally {
    delete process.env['AADMAP_TEST_CONFIRM'];
  }
  return emulator.log.slice(before);
}

/** The backups in the workspace folder's .aadmap/backups/ (the schema files, not their .meta.json). */
function backups(): string[] {
  const folder = workspaceFile('.aadmap/backups').fsPath;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.meta.json'))
    .map((name) => join(folder, name));
}

suite('deploy through Microsoft Graph (emulator)', () => {
  suiteSetup(async () => {
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN'];
    assert.ok(token, 'AADMAP_TEST_GRAPH_TOKEN is not set: the runner must start VS Code with a test token in its environment');
    emulator = GraphEmulator.seeded();
    emulator.tokens.set(token, { scopes: [SCOPE_WRITE, SCOPE_APPS] });
    const url = await emulator.start(0);
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', url, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('aadmap.trace').update('server', 'verbose', vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('aadmap.trace').update('server', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
  });

  test('what-if: reads the job, has the changed expressions parsed by the service, opens the diff editor, writes nothing', async () => {
    const { document } = await openInEditor(FILE);
    const sent = await runGraphCommand('aadmap.graph.whatIf', document.uri);
    assert.ok(
      sent.some((r) => r.method === 'GET' && r.path === SCHEMA_PATH && r.status === 200),
      `no schema read:\n  ${describeLog(sent)}`,
    );
    assert.equal(
      sent.filter((r) => r.path.endsWith('/schema/parseExpression')).length,
      3,
      `three changed expressions:\n  ${describeLog(sent)}`,
    );
    assert.deepEqual(
      sent.filter((r) => r.method !== 'GET' && !r.path.endsWith('/parseExpression')),
      [],
      'the what-if wrote something',
    );
    // The job watcher (status bar, Provisioning views) reads the provisioning logs in the background;
    // this suite's token has no AuditLog.Read.All, and the watcher keeps such refusals quiet.
    assert.ok(
      sent.filter((r) => !r.path.startsWith('/auditLogs/')).every((r) => r.status < 300),
      `a request failed:\n  ${describeLog(sent)}`,
    );

    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is not a diff editor: ${tab?.label}`);
    assert.match(tab.label, /^What-if: Chatwork \(current ↔ deploy-chatwork\.aadmap\)/);
    const current = (await vscode.workspace.openTextDocument(tab.input.original)).getText();
    const proposed = (await vscode.workspace.openTextDocument(tab.input.modified)).getText();
    // The right side is the file's own text; the left shows the job's mappings in the file's layout.
    assert.equal(proposed, document.getText());
    assert.ok(current.startsWith(document.getText().split('mapping "')[0]!), 'the left side does not start with the file own lines');
    assert.match(current, /title +<- \[jobTitle\]/);
    assert.doesNotMatch(current, /externalId|scope "Assigned employees"/);
    assert.match(proposed, /externalId +<- \[mailNickname\] {2}on create/);
    assert.match(proposed, /scope "Assigned employees"/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('deploy, declined at the confirmation: nothing is written and no backup is made', async () => {
    const { document } = await openInEditor(FILE);
    const sent = await runGraphCommand('aadmap.graph.deploy', document.uri, 'Cancel');
    assert.ok(
      sent.some((r) => r.path === SCHEMA_PATH),
      `the what-if did not run:\n  ${describeLog(sent)}`,
    );
    assert.deepEqual(requests('PUT'), []);
    assert.deepEqual(mappingsOf(emulator.job.schema), mappingsOf(chatworkSchema()));
    assert.deepEqual(backups(), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // the what-if's diff editor
  });

  test("deploy, confirmed: a backup, a re-read, one PUT with the file's mappings, and a read-back", async () => {
    const { document } = await openInEditor(FILE);
    const previousSchema = JSON.stringify(emulator.job.schema, null, 2); // the bytes GET returns
    const sent = await runGraphCommand('aadmap.graph.deploy', document.uri, 'Deploy');
    const puts = sent.filter((r) => r.method === 'PUT');
    assert.equal(puts.length, 1, `one PUT:\n  ${describeLog(sent)}`);
    assert.equal(puts[0]!.path, SCHEMA_PATH);
    assert.equal(puts[0]!.status, 204);
    // The emulator logs headers without Authorization; what the extension sent is JSON.
    assert.match(String(puts[0]!.headers['content-type']), /^application\/json/);
    const body = JSON.parse(puts[0]!.body.toString('utf8')) as Json;
    assert.deepEqual(mappingsOf(body), DEPLOYED_MAPPINGS);
    const scope = body['synchronizationRules'][0].objectMappings[0].scope;
    assert.deepEqual(
      scope.groups.map((g: Json) => [
        g['name'],
        g['clauses'].map((c: Json) => [c['sourceOperandName'], c['operatorName'], c['targetOperand'].values]),
      ]),
      [
        [
          'Assigned employees',
          [
            ['accountEnabled', 'IS TRUE', []],
            ['userPrincipalName', 'ENDS_WITH', ['@contoso.com']],
          ],
        ],
      ],
    );
    // Everything the file does not express is kept: directories, other rules' fields.
    assert.deepEqual(body['directories'], chatworkSchema()['directories']);
    assert.deepEqual(mappingsOf(emulator.job.schema), DEPLOYED_MAPPINGS);

    // Order: the what-if's read, the re-read just before the PUT (no concurrent change), the PUT, the read-back.
    const schemaCalls = sent.filter((r) => r.path === SCHEMA_PATH).map((r) => r.method);
    assert.deepEqual(schemaCalls.slice(-3), ['GET', 'PUT', 'GET']);
    assert.ok(schemaCalls.length >= 4, `the what-if read and the re-read before the PUT: ${schemaCalls.join(', ')}`);

    const [backup, ...more] = backups();
    assert.ok(backup, 'no backup in .aadmap/backups/');
    assert.deepEqual(more, []);
    assert.match(backup, new RegExp(`--${SEED.jobId.replace(/\./g, '\\.')}\\.json$`));
    assert.equal(readFileSync(backup, 'utf8'), previousSchema, 'the backup is not the schema as Graph returned it');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('deploying again finds nothing to change and writes nothing', async () => {
    const { document } = await openInEditor(FILE);
    const sent = await runGraphCommand('aadmap.graph.deploy', document.uri, 'Deploy');
    assert.ok(sent.some((r) => r.path === SCHEMA_PATH && r.method === 'GET'));
    assert.deepEqual(
      sent.filter((r) => r.method === 'PUT'),
      [],
      `a second PUT:\n  ${describeLog(sent)}`,
    );
    assert.equal(backups().length, 1, 'a second backup');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the what-if diff editor did not open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the verbose LSP trace in the log folder holds the Graph requests and the token exchange, never the token', async () => {
    const logs = process.env['AADMAP_E2E_LOGS'];
    assert.ok(logs && existsSync(logs), `AADMAP_E2E_LOGS names no folder: ${logs}`);
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN']!;
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    // Output channels reach their log files with a delay.
    let traces: string[] = [];
    for (let waited = 0; waited < 20_000 && traces.length === 0; waited += 500) {
      traces = files(logs).filter((file) => /Sending request 'aadmap\/graph\/execute/.test(readFileSync(file, 'utf8')));
      if (traces.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(traces.length > 0, `no verbose trace of aadmap/graph/execute under ${logs}`);
    assert.ok(
      traces.some((file) => readFileSync(file, 'utf8').includes("'aadmap/graph/token")),
      'the token exchange is not in the trace',
    );
    const leaks = files(logs).filter((file) => readFileSync(file).includes(Buffer.from(token)));
    assert.deepEqual(leaks, [], 'the token reached the log folder');
  });
});
