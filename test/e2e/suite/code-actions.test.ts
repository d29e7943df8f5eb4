/**
 * Quick fixes through vscode.executeCodeActionProvider: the diagnostics VS Code holds reach the server
 * with the request, the fix comes back as a workspace edit, and applying it fixes the problem.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { aadmapDiagnostics, closeWithoutSaving, codeOf, openInEditor, openWithCursor, waitFor, whenProvided } from './helpers';

suite('code actions', () => {
  test('mistakes.aadmap: the misspelt Swtich gets the preferred fix "Did you mean \'Switch\'?", and applying it removes the error', async () => {
    const editor = await openInEditor('examples/mistakes.aadmap');
    const { document } = editor;
    const unknown = await waitFor('the unknown-function error on Swtich', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'aadmap' && codeOf(d) === 'unknown-function'),
    );
    assert.equal(document.getText(unknown.range), 'Swtich');
    const others = aadmapDiagnostics(document).filter((d) => d.code !== 'unknown-function');

    const actions = await whenProvided(
      'code actions',
      () =>
        vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          unknown.range,
        ),
      (answer) => (answer?.length ?? 0) > 0,
    );
    const fix = actions.find((a): a is vscode.CodeAction => a.title === "Did you mean 'Switch'?");
    assert.ok(fix, `no "Did you mean 'Switch'?" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    // (vscode.executeCodeActionProvider does not pass on the `diagnostics` an action fixes; the protocol tests check them.)
    assert.ok(fix.edit, 'the fix has no edit');

    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(unknown.range.start.line).text, /active {5}<- Switch\(\[IsSoftDeleted\], , "False"/);
      const after = await waitFor('the unknown-function error to go away', () => {
        const now = aadmapDiagnostics(document);
        return now.some((d) => d.code === 'unknown-function') ? undefined : now;
      });
      assert.deepEqual(
        after.map((d) => d.code),
        others.map((d) => d.code),
        'other diagnostics changed',
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.isDirty, false);
  });

  test('an unquoted scoping value gets the preferred fix "Quote the value", and applying it removes the error', async () => {
    const { editor } = await openWithCursor(
      [
        'mapping "m" User -> User {',
        '  scope "Tokyo" {',
        '    [department] EQUALS <|>Tokyo',
        '  }',
        '  userName <- [userPrincipalName]  match 1',
        '}',
      ].join('\n'),
    );
    const { document } = editor;
    try {
      const unquoted = await waitFor('the unquoted-scope-value error on Tokyo', () =>
        vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'aadmap' && codeOf(d) === 'unquoted-scope-value'),
      );
      assert.equal(document.getText(unquoted.range), 'Tokyo');
      assert.deepEqual(
        aadmapDiagnostics(document).map((d) => d.code),
        ['unquoted-scope-value'],
      );
      const actions = await whenProvided(
        'code actions',
        () =>
          vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            unquoted.range,
          ),
        (answer) => (answer?.length ?? 0) > 0,
      );
      const fix = actions.find((a): a is vscode.CodeAction => a.title === 'Quote the value: "Tokyo"');
      assert.ok(fix?.edit, `no 'Quote the value: "Tokyo"' among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.lineAt(2).text, '    [department] EQUALS "Tokyo"');
      await waitFor('no diagnostics after the fix', () => (aadmapDiagnostics(document).length === 0 ? true : undefined));
    } finally {
      await closeWithoutSaving(document);
    }
  });
});
