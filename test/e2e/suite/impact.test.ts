/**
 * The deploy impact in the real editor (docs/impact.md, "In VS Code"), against a Graph emulator of
 * this suite's own (test/graph-emulator), seeded with the Chatwork application whose job holds the
 * default Chatwork mappings:
 *  - "aadmap: Show deploy impact" opens the Impact view beside the file; the command resolves to the
 *    data the view draws, checked here against fixtures/impact-users.jsonl worked out by hand
 *    (the job has no scoping filter and no department/organization mappings; the file adds both);
 *  - the view follows the file: a save runs it again;
 *  - the deploy with users available states the impact in its confirmation, and asks a second
 *    confirmation with the exact numbers when the disabled users reach the job's threshold
 *    (AADMAP_TEST_CONFIRM / AADMAP_TEST_CONFIRM_SECOND answer the modals in extension test mode);
 *  - the tenant's users (`aadmap.impact.users: tenant`): the emulator's directory read into the
 *    workspace's .aadmap/cache/, the same report as the same users given as a file, then a second run
 *    that reads only the changes; a deploy with no users chosen states the impact on that cache.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { changeUser, directoryOf, seedDirectory } from '../../graph-emulator/directory';
import { chatworkSchema, GraphEmulator, SCOPE_APPS, SCOPE_WRITE, SEED } from '../../graph-emulator/emulator';
import { SCOPE_DIRECTORY, SCOPE_USERS } from '../../graph-emulator/lifecycle';
import { graphViewLines } from '../../support/directory-users';
import { openInEditor, waitFor, workspaceFile } from './helpers';

const FILE = 'fixtures/deploy-chatwork.aadmap';
const USERS = 'fixtures/impact-users.jsonl';
const SCHEMA_PATH = `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/jobs/${SEED.jobId}/schema`;
const DEPARTMENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';
const ORGANIZATION = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization';
/** The tenant's directory: enough users for several pages of /users and every category of the report. */
const TENANT_USERS = 1_500;
const TENANT_SEED = 5;
const TENANT_REFERENCE = 'fixtures/tenant-reference.jsonl';

interface Impact {
  report: Record<string, any>;
  examples: { category: string; user: string; line: number; changes: { attribute: string }[]; attributes?: Record<string, unknown> }[];
  beforeLabel: string;
  usersLabel: string;
  notEvaluated: string[];
  badLines: { line: number; message: string }[];
}
interface DeployOutcome {
  deployed: boolean;
  impact?: string;
  confirmations: { summary: string; detail: string; action: string }[];
}

let emulator: GraphEmulator;

const impactTab = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aadmap.impact'));

function backups(): string[] {
  const folder = workspaceFile('.aadmap/backups').fsPath;
  return existsSync(folder) ? readdirSync(folder).map((name) => join(folder, name)) : [];
}

async function deploy(uri: vscode.Uri, first: string, second: string): Promise<DeployOutcome> {
  process.env['AADMAP_TEST_CONFIRM'] = first;
  process.env['AADMAP_TEST_CONFIRM_SECOND'] = second;
  try {
    return (await vscode.commands.executeCommand<DeployOutcome>('aadmap.graph.deploy', uri))!;
  } finally {
    delete process.env['AADMAP_TEST_CONFIRM'];
    delete process.env['AADMAP_TEST_CONFIRM_SECOND'];
  }
}

suite('deploy impact (Impact view, deploy guard)', () => {
  const before = new Set<string>();

  suiteSetup(async () => {
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN'];
    assert.ok(token, 'AADMAP_TEST_GRAPH_TOKEN is not set');
    emulator = GraphEmulator.seeded();
    // The directory scopes the tenant's users need (client/graph/scopes.ts asks for them on first use).
    emulator.tokens.set(token, { scopes: [SCOPE_WRITE, SCOPE_APPS, SCOPE_USERS, SCOPE_DIRECTORY] });
    const url = await emulator.start(0);
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', url, vscode.ConfigurationTarget.Global);
    backups().forEach((b) => before.add(b));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('aadmap.graph').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('aadmap.impact').update('users', undefined, vscode.ConfigurationTarget.Global);
    // The deploy suite expects no backup but its own.
    for (const file of backups()) if (!before.has(file)) rmSync(file);
    rmSync(workspaceFile('.aadmap/cache').fsPath, { recursive: true, force: true });
    rmSync(workspaceFile(TENANT_REFERENCE).fsPath, { force: true });
    await emulator?.stop();
  });

  test("impact view: counts, changed attributes and examples of a users file against the job's current schema", async () => {
    const { document } = await openInEditor(FILE);
    const impact = await vscode.commands.executeCommand<Impact>('aadmap.impact.show', document.uri, { users: USERS, before: 'job' });
    assert.ok(impact, 'the command gave no impact (see the aadmap Graph output)');
    assert.ok(
      emulator.log.some((r) => r.method === 'GET' && r.path === SCHEMA_PATH),
      "the job's schema was not read",
    );
    assert.equal(impact.beforeLabel, "the job's current schema");
    const { users, create, update, disable, unchanged, outOfScope, errors, matchChanged, attributes } = impact.report;
    // 7 lines, one empty: ada and grace stay in scope and gain department and organization; alan
    // (fabrikam.com) and edsger (account disabled) fall out of the new scope; barbara is not
    // assigned; the last line is not JSON.
    assert.deepEqual(
      { users, create, update, disable, unchanged, outOfScope, errors, matchChanged },
      { users: 6, create: 0, update: 2, disable: 2, unchanged: 0, outOfScope: 1, errors: 1, matchChanged: 0 },
    );
    assert.deepEqual(attributes, { [DEPARTMENT]: 2, [ORGANIZATION]: 2 });
    assert.deepEqual(impact.examples.map((e) => [e.category, e.user]).sort(), [
      ['disable', 'alan.turing@fabrikam.com'],
      ['disable', 'edsger.dijkstra@contoso.com'],
      ['errors', 'line 7'],
      ['outOfScope', 'barbara.liskov@contoso.com'],
      ['update', 'ada.lovelace@contoso.com'],
      ['update', 'grace.hopper@contoso.com'],
    ]);
    const ada = impact.examples.find((e) => e.user === 'ada.lovelace@contoso.com')!;
    assert.deepEqual(
      ada.changes.map((c) => c.attribute),
      [DEPARTMENT, ORGANIZATION],
    );
    // The attributes a click hands to the provisioning preview: the line as written, without @assigned.
    assert.equal(ada.attributes?.['jobTitle'], 'Engineer');
    const barbara = impact.examples.find((e) => e.user === 'barbara.liskov@contoso.com')!;
    assert.equal(barbara.attributes?.['@assigned'], undefined);
    assert.equal(impact.examples.find((e) => e.category === 'errors')!.attributes, undefined);
    assert.deepEqual(
      impact.badLines.map((b) => b.line),
      [7],
    );
    const tab = await waitFor('the Impact view', () => impactTab());
    assert.equal(tab.label, 'Impact: deploy-chatwork.aadmap');
    assert.notEqual(
      vscode.window.tabGroups.all.find((g) => g.tabs.includes(tab))?.viewColumn,
      vscode.window.activeTextEditor?.viewColumn,
      'the view opens beside the file',
    );
  });

  test('impact view follows the file: a save runs it again', async () => {
    const editor = await openInEditor(FILE);
    const original = editor.document.getText();
    const line = '    [userPrincipalName] ENDS_WITH "@contoso.com"\n';
    assert.ok(original.includes(line));
    await vscode.commands.executeCommand('aadmap.impact.show', editor.document.uri, { users: USERS, before: 'job' });
    try {
      const start = original.indexOf(line);
      await editor.edit((b) =>
        b.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + line.length))),
      );
      assert.ok(await editor.document.save());
      // Without the domain clause alan (fabrikam.com) stays in scope: one more update, one fewer disable.
      const rerun = await waitFor('the run a save starts', async () => {
        const latest = await vscode.commands.executeCommand<Impact>('aadmap.impact.show', editor.document.uri, { latest: true });
        return latest?.report['disable'] === 1 ? latest : undefined;
      });
      assert.equal(rerun.report['update'], 3);
      assert.ok(rerun.examples.some((e) => e.category === 'update' && e.user === 'alan.turing@fabrikam.com'));
    } finally {
      await editor.edit((b) =>
        b.replace(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)), original),
      );
      await editor.document.save();
    }
  });

  test('deploy with users: the confirmation states the impact; disabled users at the threshold need a second confirmation with the exact number', async () => {
    await vscode.workspace.getConfiguration('aadmap.impact').update('users', USERS, vscode.ConfigurationTarget.Global);
    // The job's accidental-deletion prevention at 2 users (learn.microsoft.com/entra/identity/app-provisioning/accidental-deletions).
    emulator.lifecycle.secrets.set(SEED.servicePrincipalId, [
      { key: 'SyncNotificationSettings', value: JSON.stringify({ Enabled: false, DeleteThresholdEnabled: true, DeleteThresholdValue: 2 }) },
    ]);
    const { document } = await openInEditor(FILE);
    const start = emulator.log.length;
    const declined = await deploy(document.uri, 'Deploy', 'Cancel');
    assert.equal(declined.deployed, false);
    assert.match(
      declined.impact ?? '',
      /^Impact on 6 users \(.*impact-users\.jsonl\): 0 created, 2 updated, 2 disabled, 0 unchanged, 1 out of scope, 1 errors; 0 matching values change\./,
    );
    assert.equal(declined.confirmations.length, 2, JSON.stringify(declined.confirmations, null, 2));
    const [first, second] = declined.confirmations;
    assert.ok(first!.detail.startsWith(declined.impact!), 'the first confirmation states the impact');
    assert.equal(second!.summary, 'This deploy disables 2 users. Deploy anyway?');
    assert.equal(second!.action, 'Deploy: disable 2');
    assert.match(second!.detail, /2 users would be disabled, at or above the job's accidental-deletion threshold \(2\)\./);
    assert.deepEqual(
      emulator.log.slice(start).filter((r) => r.method === 'PUT'),
      [],
      'declined: nothing written',
    );

    const accepted = await deploy(document.uri, 'Deploy', 'Deploy: disable 2');
    assert.equal(accepted.deployed, true, JSON.stringify(accepted, null, 2));
    assert.equal(emulator.log.slice(start).filter((r) => r.method === 'PUT' && r.path === SCHEMA_PATH).length, 1);
  });

  test('deploy with users below the threshold: one confirmation, stating the impact', async () => {
    await vscode.workspace.getConfiguration('aadmap.impact').update('users', USERS, vscode.ConfigurationTarget.Global);
    emulator.lifecycle.secrets.set(SEED.servicePrincipalId, [
      { key: 'SyncNotificationSettings', value: JSON.stringify({ DeleteThresholdEnabled: true, DeleteThresholdValue: 3 }) },
    ]);
    emulator.job.schema = chatworkSchema(); // before the previous test's deploy
    const { document } = await openInEditor(FILE);
    const outcome = await deploy(document.uri, 'Cancel', 'Cancel');
    assert.equal(outcome.confirmations.length, 1);
    assert.match(outcome.confirmations[0]!.detail, /2 disabled/);
    assert.equal(outcome.deployed, false);
  });

  /** The editor's impact on the same users given as a file: what the tenant read must equal. */
  async function referenceImpact(uri: vscode.Uri, exclude?: Set<number>, edits?: Map<number, Record<string, string>>): Promise<Impact> {
    writeFileSync(workspaceFile(TENANT_REFERENCE).fsPath, graphViewLines(TENANT_USERS, TENANT_SEED, exclude, edits));
    const impact = await vscode.commands.executeCommand<Impact>('aadmap.impact.show', uri, { users: TENANT_REFERENCE, before: 'job' });
    assert.ok(impact, 'the reference impact failed (see the aadmap Graph output)');
    return impact;
  }

  test("impact view with the tenant's users: the directory read into the workspace's cache, then only its changes", async () => {
    await vscode.workspace.getConfiguration('aadmap.impact').update('users', undefined, vscode.ConfigurationTarget.Global);
    emulator.job.schema = chatworkSchema();
    // From nothing, so that a retry (AADMAP_E2E_RETRIES) starts where the first attempt did.
    rmSync(workspaceFile('.aadmap/cache').fsPath, { recursive: true, force: true });
    directoryOf(emulator).users.length = 0;
    seedDirectory(emulator, SEED.servicePrincipalId, TENANT_USERS, TENANT_SEED);
    const { document } = await openInEditor(FILE);
    const start = emulator.log.length;
    const full = await vscode.commands.executeCommand<Impact>('aadmap.impact.show', document.uri, { users: 'tenant', before: 'job' });
    assert.ok(full, 'the command gave no impact (see the aadmap Graph output)');
    assert.equal(full.usersLabel, `the tenant (${TENANT_USERS.toLocaleString('en-US')} users read)`);
    assert.deepEqual(full.notEvaluated, []);
    const pages = emulator.log.slice(start).filter((r) => r.method === 'GET' && r.path === '/users' && r.status === 200);
    assert.equal(pages.length, Math.ceil(TENANT_USERS / 999), 'every page of /users, 999 a page');
    // Every category of the report is reached: the comparison below is not one of empty reports.
    const { update, disable, outOfScope } = full.report;
    assert.ok(update > 0 && disable > 0 && outOfScope > 0, JSON.stringify(full.report));
    assert.deepEqual(full.report, (await referenceImpact(document.uri)).report);

    // The cache: in the workspace's .aadmap/cache/, ignored by Git, without the token.
    const cache = workspaceFile('.aadmap/cache').fsPath;
    const files = readdirSync(cache);
    assert.ok(files.includes('.gitignore'), files.join(', '));
    const token = process.env['AADMAP_TEST_GRAPH_TOKEN']!;
    for (const file of files) assert.ok(!readFileSync(join(cache, file), 'utf8').includes(token), `${file} holds the token`);

    // A user changed and one deleted: the second run reads the delta link only.
    const users = directoryOf(emulator).users;
    changeUser(emulator, users[1]!.graph['id'] as string, { jobTitle: 'Chief Impact Officer' });
    changeUser(emulator, users[4]!.graph['id'] as string, 'hardDelete');
    const second = emulator.log.length;
    const delta = await vscode.commands.executeCommand<Impact>('aadmap.impact.show', document.uri, { users: 'tenant', before: 'job' });
    assert.ok(delta, 'the second run gave no impact');
    assert.equal(delta.usersLabel, 'the tenant (cache, 2 changes read)');
    const reads = emulator.log.slice(second).filter((r) => r.method === 'GET');
    assert.deepEqual(
      reads.filter((r) => r.path === '/users'),
      [],
      'no full read',
    );
    assert.ok(
      reads.some((r) => r.path === '/users/delta'),
      'the delta link was followed',
    );
    assert.equal(delta.report.users, full.report.users - 1);
    const edited = await referenceImpact(document.uri, new Set([4]), new Map([[1, { jobTitle: 'Chief Impact Officer' }]]));
    assert.deepEqual(delta.report, edited.report);
  });

  test('deploy with no users chosen: the confirmation states the impact on the cache of the last tenant read', async () => {
    await vscode.workspace.getConfiguration('aadmap.impact').update('users', undefined, vscode.ConfigurationTarget.Global);
    emulator.lifecycle.secrets.set(SEED.servicePrincipalId, []);
    emulator.job.schema = chatworkSchema();
    const { document } = await openInEditor(FILE);
    const start = emulator.log.length;
    const outcome = await deploy(document.uri, 'Cancel', 'Cancel');
    assert.equal(outcome.deployed, false);
    assert.match(
      outcome.impact ?? '',
      new RegExp(`^Impact on ${(TENANT_USERS - 1).toLocaleString('en-US')} users \\(the tenant \\(cache, 0 changes read\\)\\)`),
    );
    assert.ok(outcome.confirmations[0]!.detail.startsWith(outcome.impact!), 'the confirmation states the impact');
    assert.ok(
      emulator.log.slice(start).some((r) => r.method === 'GET' && r.path === '/users/delta'),
      'the cache was brought up to date first',
    );
    assert.deepEqual(
      emulator.log.slice(start).filter((r) => r.method === 'PUT'),
      [],
      'declined: nothing written',
    );
  });
});
