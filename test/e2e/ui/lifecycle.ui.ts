/**
 * After the deploy, in the workbench, against the Graph emulator the runner started: the status bar
 * item for the job named by the active file's `deploy` statement (warning colour in quarantine), the
 * Provisioning view, a provisioning-log failure as a warning on its mapping line, and "Provision
 * user on demand…" with its user picker and the result beside the editor.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import type { Locator, Page } from 'playwright-core';
import { SEED } from '../../graph-emulator/emulator';
import { screenshot, session } from './session';
import { commandPalette, openFromExplorer, poll, problemRows, problemsPanel, quickInput } from './workbench';

const FILE = 'watch.aadmap';
const TEXT = `target chatwork
deploy servicePrincipal "${SEED.servicePrincipalId}"

mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {
  scope "Assigned employees" {
    [accountEnabled] IS TRUE
    [userPrincipalName] ENDS_WITH "@contoso.com"
  }

  userName   <- [userPrincipalName]  match 1
  active     <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title      <- [jobTitle]
  externalId <- [mailNickname]  on create
  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department   <- [department]
  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization <- Coalesce([companyName], "Contoso")
}
`;

/** The first Graph command of a session asks whether aadmap may sign in (unless an earlier test did): allow it, until `ready` shows. */
async function allowSignIn(page: Page, ready: Locator): Promise<void> {
  const consent = page.locator('.monaco-dialog-box', { hasText: 'wants to sign in' });
  await poll('the sign-in dialog or the result', async () => {
    if (await consent.isVisible()) await consent.locator('.dialog-buttons .monaco-button', { hasText: 'Allow' }).click();
    return (await ready.isVisible()) ? true : undefined;
  });
}

suite('after the deploy in the workbench (emulator)', () => {
  suiteTeardown(() => rmSync(join(session().workspace, FILE), { force: true }));

  test('the status bar item and the Provisioning view follow the job; a log failure is a warning on its mapping line', async () => {
    const { page, graph, workspace } = session();
    const { emulator } = graph!;
    emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason: 'TooManyDeletes' });
    writeFileSync(join(workspace, FILE), TEXT);
    await commandPalette(page, 'Refresh Explorer');
    await page.locator('.explorer-folders-view').getByRole('treeitem', { name: FILE, exact: true }).waitFor();
    await openFromExplorer(page, FILE);
    await commandPalette(page, 'aadmap: Refresh provisioning status and logs');
    const item = page.locator('.statusbar-item', { hasText: 'Provisioning: Quarantine' });
    await allowSignIn(page, item);
    await poll('the warning colour', async () => ((await item.getAttribute('class')) ?? '').includes('warning-kind') || undefined);
    await item.click();
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: 'TooManyDeletes' }).first().waitFor();

    const panel = await problemsPanel(page);
    const row = await poll('the aadmap-logs warning in Problems', async () =>
      (await problemRows(panel)).find((r) => r.includes('SchemaPropertyCanOnlyAcceptValue')),
    );
    assert.match(row, /Provisioning failed for 2 users \(SchemaPropertyCanOnlyAcceptValue\)/);
    assert.match(row, /aadmap-logs/);
    assert.ok(emulator.log.filter((r) => r.path.startsWith('/auditLogs')).every((r) => r.method === 'GET'));
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot('provisioning');
  });

  test('"Provision user on demand…": pick a user by name, see the service\'s result and the difference from the preview', async () => {
    const { page, graph } = session();
    const { emulator } = graph!;
    const before = emulator.lifecycle.onDemandRequests.length;
    await openFromExplorer(page, FILE);
    await commandPalette(page, 'aadmap: Provision user on demand');
    // Searching the directory needs User.Read.All: aadmap asks for it when the command first runs.
    await allowSignIn(page, page.locator('.quick-input-widget:visible .quick-input-title', { hasText: 'Provision user on demand' }));
    const picker = await quickInput(page, 'Provision user on demand');
    await page.keyboard.type('Bob');
    await picker.locator('.monaco-list-row', { hasText: 'bob@contoso.com' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'bob@contoso.com.provision.log' }).waitFor();
    // The text itself (steps, differences) is checked by the extension-host suite; here, the tab and the request.
    await poll('the on-demand request', async () => (emulator.lifecycle.onDemandRequests.length === before + 1 ? true : undefined));
    assert.equal(emulator.lifecycle.onDemandRequests.length, before + 1);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot('provision-on-demand');
  });
});
