/**
 * The Impact view in the workbench: "aadmap: Show deploy impact" on a mapping file that adds a scoping
 * filter and two mappings, over 400 generated users (the runner's settings name the users file and
 * the version before the change), the charts and the examples beside the file; a click on an example
 * user opens the provisioning preview for that user; a save updates the view where the reader is. The numbers themselves are checked by the
 * extension-host suite (suite/impact.test.ts); here, what a person sees and clicks.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { screenshot, session } from './session';
import { commandPalette, openFromExplorer, poll } from './workbench';

const FILE = 'impact.aadmap';
const BEFORE = 'impact-before.aadmap';
const USERS = 'impact-users.jsonl';

const MAPPING = (scope: string, extra: string) => `target chatwork

mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {
${scope}  userName   <- [userPrincipalName]  match 1
  active     <- Switch([IsSoftDeleted], , "False", "True", "True", "False")
  title      <- [jobTitle]
${extra}}
`;
const AFTER_TEXT = MAPPING(
  `  scope "Assigned employees" {
    [accountEnabled] IS TRUE
    [userPrincipalName] ENDS_WITH "@contoso.com"
  }

`,
  `  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department   <- [department]
  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization <- Coalesce([companyName], "Contoso")
`,
);
const BEFORE_TEXT = MAPPING('', '');

/** 400 users from a fixed seed: mostly contoso.com, some partners, some disabled, a few not assigned. */
function users(): string {
  let seed = 12345;
  const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const first = ['ken', 'hana', 'yuki', 'taro', 'mei', 'sora', 'riku', 'aoi'];
  const last = ['ito', 'sato', 'suzuki', 'tanaka', 'kato', 'mori'];
  const lines: string[] = [];
  for (let i = 1; i <= 400; i++) {
    const domain = next(10) < 8 ? 'contoso.com' : 'fabrikam.com';
    const name = `${first[next(first.length)]}.${last[next(last.length)]}${i}`;
    lines.push(
      JSON.stringify({
        objectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        userPrincipalName: `${name}@${domain}`,
        accountEnabled: next(20) !== 0,
        IsSoftDeleted: false,
        jobTitle: ['Engineer', 'Manager', 'Designer', 'Sales'][next(4)],
        department: next(3) === 0 ? undefined : ['R&D', 'Sales', 'Design'][next(3)],
        companyName: next(4) === 0 ? 'Contoso Japan' : undefined,
        ...(next(25) === 0 ? { '@assigned': false } : {}),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

suite('the Impact view in the workbench', () => {
  suiteSetup(async () => {
    const { workspace } = session();
    writeFileSync(join(workspace, FILE), AFTER_TEXT);
    writeFileSync(join(workspace, BEFORE), BEFORE_TEXT);
    writeFileSync(join(workspace, USERS), users());
    // The workspace's settings name these two files, for this suite only (the deploy suites before
    // and after it run without users, as a workspace that has none).
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      `${JSON.stringify({ 'aadmap.impact.users': USERS, 'aadmap.impact.before': BEFORE }, null, 2)}\n`,
    );
    // VS Code reads the changed file through its watcher.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  });

  suiteTeardown(() => {
    const { workspace } = session();
    writeFileSync(join(workspace, '.vscode', 'settings.json'), '{}\n');
    for (const name of [FILE, BEFORE, USERS]) rmSync(join(workspace, name), { recursive: true, force: true });
  });

  test('"Show deploy impact": the counts and the changed attributes as charts, the examples in a table; a click opens the preview for that user', async () => {
    const { page } = session();
    await commandPalette(page, 'Refresh Explorer');
    await page.locator('.explorer-folders-view').getByRole('treeitem', { name: FILE, exact: true }).waitFor();
    await openFromExplorer(page, FILE);
    await commandPalette(page, 'aadmap: Show deploy impact');
    await page.locator('.tabs-container .tab', { hasText: `Impact: ${FILE}` }).waitFor();
    // A webview is an iframe holding the page's iframe (VS Code's webview host).
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('h2', { hasText: 'Examples' }).waitFor({ timeout: 60_000 });
    const bars = await view
      .locator('g.bar')
      .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-count'))]));
    const counts = Object.fromEntries(bars.slice(0, 7)) as Record<string, number>;
    const total = ['created', 'updated', 'disabled', 'unchanged', 'out of scope', 'errors'].reduce((n, k) => n + counts[k]!, 0);
    assert.equal(total, 400, JSON.stringify(counts));
    assert.ok(counts['disabled']! > 0 && counts['updated']! > 0, JSON.stringify(counts));
    assert.ok(
      bars.some(([label]) => label === 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'),
      'the attribute chart lists department',
    );
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot('impact');

    // A save runs the impact again; the view is updated in place (the same page: no reload, no
    // flash) and keeps where the reader was. (These functions run in the view's frame.)
    const scrolled = await view.locator('body').evaluate((body: any) => {
      const window = body.ownerDocument.defaultView;
      window.scrollTo(0, body.scrollHeight);
      window.beforeSave = true;
      return window.scrollY as number;
    });
    assert.ok(scrolled > 0, 'the view is long enough to scroll');
    await view
      .locator('h2')
      .first()
      .evaluate((h) => h.setAttribute('data-before-save', ''));
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# saved\n');
    await page.keyboard.press('Control+S');
    await poll('the content of the run the save started', async () =>
      (await view.locator('h2[data-before-save]').count()) === 0 && (await view.locator('h2', { hasText: 'Examples' }).count()) === 1
        ? true
        : undefined,
    );
    const after = await view.locator('body').evaluate((body: any) => {
      const window = body.ownerDocument.defaultView;
      return { samePage: window.beforeSave === true, scrollY: window.scrollY as number };
    });
    assert.deepEqual(after, { samePage: true, scrollY: scrolled });

    // Hidden behind another editor, the view loses its page; shown again, it reloads and shows the
    // latest run, not the page's first HTML (which said "Computing the impact…").
    const impactTab = page.locator('.tabs-container .tab', { hasText: `Impact: ${FILE}` });
    await impactTab.click();
    await page.keyboard.press('Control+N');
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await page.keyboard.press('Control+W');
    await impactTab.and(page.locator('.active')).waitFor();
    await poll('the latest run, shown again', async () =>
      (await view.locator('h2', { hasText: 'Examples' }).count()) === 1 && (await view.locator('.status').count()) === 0 ? true : undefined,
    );

    const row = view.locator('tr.user', { hasText: 'updated' }).first();
    const user = (await row.locator('td.name').innerText()).trim();
    await row.click();
    await page.locator('.tabs-container .tab', { hasText: `${FILE}.preview.http` }).waitFor();
    await poll('the preview for the clicked user', async () => {
      const text = await page.locator('.editor-instance .monaco-editor .view-lines').last().innerText();
      return text.replace(/\u00a0/g, ' ').includes(user) ? true : undefined;
    });
  });
});
