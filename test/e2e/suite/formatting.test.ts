/**
 * Formatting through vscode.executeFormatDocumentProvider and "Format Document": a badly spaced copy of
 * examples/chatwork.aadmap comes back as the example itself, which is in the canonical form.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeWithoutSaving, openInEditor, openUntitled, whenProvided, workspaceFile } from './helpers';

const OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

/** The example with whitespace a formatter must fix: tab indentation, no alignment, spaces inside a call. */
function unformatted(canonical: string): string {
  const messy = canonical
    .replace(/^ {2}/gm, '\t')
    .replace(/ +<- +/g, ' <- ')
    .replace('Switch([IsSoftDeleted], , "False"', 'Switch( [IsSoftDeleted] ,, "False"')
    .replace('  match 1', ' match 1');
  assert.notEqual(messy, canonical);
  return messy;
}

function formatEdits(uri: vscode.Uri): Thenable<vscode.TextEdit[] | undefined> {
  return vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, OPTIONS);
}

suite('formatting', () => {
  let canonical = '';
  suiteSetup(async () => {
    canonical = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('examples/chatwork.aadmap')));
  });

  test('executeFormatDocumentProvider turns a badly spaced copy of chatwork.aadmap into the canonical text', async () => {
    const { document } = await openUntitled(unformatted(canonical));
    try {
      const edits = await whenProvided(
        'formatting edits',
        () => formatEdits(document.uri),
        (answer) => (answer?.length ?? 0) > 0,
      );
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.set(document.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
      assert.equal(document.getText(), canonical);
    } finally {
      await closeWithoutSaving(document);
    }
  });

  test('"Format Document" in the editor does the same, and the canonical file gets no edits', async () => {
    const editor = await openUntitled(unformatted(canonical));
    const document = editor.document;
    // VS Code detected the tab indentation of the copy; the formatter follows the editor's options.
    editor.options = { insertSpaces: true, tabSize: 2 };
    try {
      await whenProvided(
        'formatting edits',
        () => formatEdits(document.uri),
        (answer) => (answer?.length ?? 0) > 0,
      );
      await vscode.commands.executeCommand('editor.action.formatDocument');
      assert.equal(document.getText(), canonical);
    } finally {
      await closeWithoutSaving(document);
    }
    const example = await openInEditor('examples/chatwork.aadmap');
    // VS Code answers "no edits" as undefined (the provider has just been seen answering).
    assert.deepEqual((await formatEdits(example.document.uri)) ?? [], []);
  });
});
