/**
 * Offline evaluation in the editor, for the bundled sample users next to examples/chatwork.aadmap:
 * the CodeLens values above each mapping line (vscode.executeCodeLensProvider), the evaluation-trace
 * hover, the aadmap.preview.sampleUser setting, and "aadmap: Preview provisioning for a sample user",
 * whose document shows the SCIM requests and follows edits of the mapping file.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { hoverText, openInEditor, waitFor, whenProvided } from './helpers';

const PREVIEW_SCHEME = 'aadmap-preview';

/** [line, title, command] of each lens, in line order. */
async function lenses(uri: vscode.Uri): Promise<[number, string, string][]> {
  const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return found
    .map((lens): [number, string, string] => [lens.range.start.line, lens.command?.title ?? '', lens.command?.command ?? ''])
    .sort((a, b) => a[0] - b[0]);
}

/** Waits until the lenses equal `expected`; fails with the last ones seen. */
async function expectLenses(uri: vscode.Uri, expected: [number, string, string][]): Promise<void> {
  let last: [number, string, string][] = [];
  try {
    await waitFor('the expected CodeLenses', async () => {
      last = await lenses(uri);
      return JSON.stringify(last) === JSON.stringify(expected) ? true : undefined;
    });
  } catch {
    assert.deepEqual(last, expected);
  }
}

function previewDocument(): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(
    (d) => d.uri.scheme === PREVIEW_SCHEME && d.uri.path.endsWith('/chatwork.aadmap.preview.http'),
  );
}

suite('evaluation and preview', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('aadmap.preview').update('sampleUser', undefined, vscode.ConfigurationTarget.Global);
  });

  test('chatwork.aadmap: a lens above the block names the sample user (alice.user.json, the first next to the file), and each mapping line shows its value', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    await expectLenses(document.uri, [
      [5, 'Sample user: alice.user.json', 'aadmap.selectSampleUser'],
      [5, 'Preview provisioning', 'aadmap.previewProvisioning'],
      [11, '= "alice@contoso.com"', ''],
      [12, '= "True"', ''],
      [13, '= "Sales Manager"', ''],
      [14, '= "alice"', ''],
      [15, '= "Sales"', ''],
      [16, '= "Contoso"', ''],
    ]);
  });

  test('the lenses follow edits of the document, and come back after reverting it', async () => {
    const editor = await openInEditor('examples/chatwork.aadmap');
    const { document } = editor;
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  title      <- [jobTitle]'));
    const titleLens = async () => (await lenses(document.uri)).find(([l]) => l === line)?.[1];
    assert.equal(await titleLens(), '= "Sales Manager"');
    assert.ok(await editor.edit((edit) => edit.replace(document.lineAt(line).range, '  title      <- ToUpper([jobTitle])')));
    try {
      await waitFor('the lens of the edited line', async () => ((await titleLens()) === '= "SALES MANAGER"' ? true : undefined));
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the lens of the reverted line', async () => ((await titleLens()) === '= "Sales Manager"' ? true : undefined));
  });

  test('hovering an expression shows its value for the sample user and the evaluation trace', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('Switch([IsSoftDeleted]'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('[IsSoftDeleted]') + 2);
    const hovers = await whenProvided(
      'the evaluation hover',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (answer) => answer.some((hover) => hoverText(hover).includes('for sample user')),
    );
    const text = hovers.map(hoverText).join('\n');
    assert.ok(text.includes('**active** for sample user `alice.user.json`: `"True"`'), text);
    assert.ok(
      text.includes('Switch([IsSoftDeleted], , "False", "True", "True", "False") → "True"   (key "False" matched (pair 1) → its value)'),
      text,
    );
    assert.ok(text.includes('  ▶ [IsSoftDeleted] → False'), text);
    // The value comes first, the documentation of the hovered attribute after it.
    assert.ok(text.indexOf('for sample user') < text.indexOf('**[IsSoftDeleted]**'), text);
  });

  test('the aadmap.preview.sampleUser setting switches the lenses to bob.user.json, an existing Chatwork user', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    await vscode.workspace
      .getConfiguration('aadmap.preview')
      .update('sampleUser', 'examples/bob.user.json', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the lenses for bob', async () => {
        const titles = await lenses(document.uri);
        return titles[0]?.[1] === 'Sample user: bob.user.json (exists in the target: bob.target.json)' &&
          titles.some(([, title]) => title === '= "Account Executive"')
          ? true
          : undefined;
      });
    } finally {
      await vscode.workspace.getConfiguration('aadmap.preview').update('sampleUser', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the lenses for alice again', async () =>
      (await lenses(document.uri))[0]?.[1] === 'Sample user: alice.user.json' ? true : undefined,
    );
  });

  test('"aadmap: Preview provisioning for a sample user" opens the requests beside the file, and follows edits', async () => {
    const editor = await openInEditor('examples/chatwork.aadmap');
    const { document } = editor;
    await vscode.commands.executeCommand('aadmap.previewProvisioning', document.uri);
    const preview = await waitFor('the preview document', () => previewDocument());
    const text = preview.getText();
    assert.ok(text.includes('# Sample user: alice.user.json'), text);
    assert.ok(text.includes('\nPOST /Users\n'), `no POST /Users request in:\n${text}`);
    assert.ok(text.includes('GET /Users?filter=userName+eq+%22alice%40contoso.com%22'), `no lookup in:\n${text}`);
    assert.ok(text.includes('"userName": "alice@contoso.com"'), `no userName in the POST body:\n${text}`);
    // Beside the mapping file: the preview is visible in another editor column, the mapping file stays active.
    const previewEditor = vscode.window.visibleTextEditors.find((e) => e.document === preview);
    assert.ok(previewEditor, 'the preview is not visible');
    assert.notEqual(previewEditor.viewColumn, editor.viewColumn);

    // An edit of the mapping file (unsaved) reaches the preview.
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  title      <- [jobTitle]'));
    assert.ok(
      await editor.edit((edit) => edit.replace(document.lineAt(line).range, '  title      <- "Preview follows edits"')),
      'the edit was not applied',
    );
    try {
      await waitFor('the preview to show the edited title', () =>
        previewDocument()?.getText().includes('"title": "Preview follows edits"') ? true : undefined,
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the preview to show the saved title again', () =>
      previewDocument()?.getText().includes('"title": "Sales Manager"') ? true : undefined,
    );
    await vscode.window.showTextDocument(preview, { viewColumn: previewEditor.viewColumn });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
