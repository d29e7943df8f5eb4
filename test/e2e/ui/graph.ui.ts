/**
 * Deploy through Microsoft Graph as a person does it, against the Graph emulator the runner started
 * (seeded with the Chatwork application): the what-if from the command palette — allowing the sign-in,
 * picking the enterprise application — and its diff editor; then the deploy, confirmed in the modal
 * dialog. The installed aadmap signs in through VS Code's authentication API, as for users; the
 * runner installed a stand-in for the Microsoft provider (test/e2e/sign-in) that hands out the
 * emulator's test token.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import type { Page } from 'playwright-core';
import { SEED } from '../../graph-emulator/emulator';
import { screenshot, session } from './session';
import { commandPalette, hidePanel, notifications, openFromExplorer, poll, quickInput } from './workbench';

const SCHEMA_PATH = `/servicePrincipals/${SEED.servicePrincipalId}/synchronization/jobs/${SEED.jobId}/schema`;

/** Answers the pickers a Graph command opens for a file without a `deploy` statement: the app's name, then the app. */
async function pickChatwork(page: Page): Promise<void> {
  const search = await quickInput(page, 'Enterprise application');
  assert.equal(await search.locator('input').inputValue(), 'Chatwork');
  await page.keyboard.press('Enter');
  const apps = await quickInput(page, 'Service principal (enterprise application)');
  await apps.locator('.monaco-list-row', { hasText: SEED.servicePrincipalId }).click();
}

suite('deploy through Microsoft Graph in the workbench (emulator)', () => {
  suiteTeardown(() => {
    // The deploy's backup folder, so that later tests see the workspace as it was.
    rmSync(join(session().workspace, '.aadmap'), { recursive: true, force: true });
  });

  test('"aadmap: Show deploy diff (what-if)" on chatwork.aadmap: pick the Chatwork app, see the current and the new mappings side by side', async () => {
    const { page, graph } = session();
    const { emulator } = graph!;
    await openFromExplorer(page, 'chatwork.aadmap');
    await hidePanel(page);
    const before = emulator.log.length;
    await commandPalette(page, 'aadmap: Show deploy diff (what-if)');
    // The first Graph command signs in: VS Code asks whether aadmap may.
    const consent = page.locator('.monaco-dialog-box', { hasText: 'wants to sign in' });
    await consent.waitFor();
    await consent.locator('.dialog-buttons .monaco-button', { hasText: 'Allow' }).click();
    await pickChatwork(page);

    await page.locator('.tabs-container .tab.active', { hasText: 'What-if: Chatwork (current ↔ chatwork.aadmap)' }).waitFor();
    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor();
    // Added lines on the right: the scope and the three mappings the job does not have yet.
    const modified = diff.locator('.editor.modified');
    await poll('the added lines in the diff', async () =>
      (await modified.locator('.line-insert').count()) > 0 || (await modified.locator('.char-insert').count()) > 0 ? true : undefined,
    );
    const right = (await modified.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(right, /externalId +<- \[mailNickname\] {2}on create/);
    await poll('the what-if summary', async () =>
      (await notifications(page)).some((text) => text.includes('aadmap what-if: 4 changes on job')) ? true : undefined,
    );
    const sent = emulator.log.slice(before);
    assert.ok(sent.some((r) => r.method === 'GET' && r.path === SCHEMA_PATH && r.status === 200));
    assert.equal(sent.filter((r) => r.method === 'PUT').length, 0);
    // Without the side bar (Ctrl+B), for room to show both sides.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot('what-if');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor();
  });

  test('"aadmap: Deploy mappings": the modal confirmation names the change; Deploy PUTs the mappings', async () => {
    const { page, graph } = session();
    const { emulator } = graph!;
    // The what-if's diff editor took the place of the file's preview tab: open the file again.
    await openFromExplorer(page, 'chatwork.aadmap');
    const before = emulator.log.length;
    await commandPalette(page, 'aadmap: Deploy mappings');
    await pickChatwork(page);

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(
      await dialog.innerText(),
      /4 changes on job .* of "Chatwork".*: 3 mappings added, 1 mapping block's header, settings or scope changed\./,
    );
    assert.equal(emulator.log.slice(before).filter((r) => r.method === 'PUT').length, 0, 'a PUT before the confirmation');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Deploy' }).click();

    await poll('the deploy to finish', async () =>
      (await notifications(page)).some((text) => text.includes('aadmap: Deployed')) ? true : undefined,
    );
    const puts = emulator.log.slice(before).filter((r) => r.method === 'PUT');
    assert.equal(puts.length, 1);
    assert.equal(puts[0]!.status, 204);
    const mappings = JSON.parse(puts[0]!.body.toString('utf8')).synchronizationRules[0].objectMappings[0].attributeMappings;
    assert.deepEqual(
      mappings.map((m: { targetAttributeName: string }) => m.targetAttributeName),
      [
        'userName',
        'active',
        'title',
        'externalId',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
      ],
    );
  });
});
