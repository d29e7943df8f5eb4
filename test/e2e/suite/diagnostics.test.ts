/**
 * Diagnostics as VS Code holds them, through the real language client and the bundled server: every
 * .aadmap and .scimfilter file of the workspace (the bundled examples and test/e2e/workspace) gets
 * exactly the problems its inline `#   ^^^ severity code "message"` lines describe, with exact ranges.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { compareExpectations, exampleExpectations, type Expectation, readExpectations } from '../../support/inline-expectations';
import { aadmapDiagnostics, aadmapExtension, codeOf, editThenRevert, openInEditor, waitFor } from './helpers';

/**
 * A file's expectations: its own `#   ^^^` lines, or for an example with findings those of its
 * fixture in test/checker/examples/ (examples show only what a user writes).
 */
function expectationsOf(document: vscode.TextDocument): Expectation[] {
  const relative = vscode.workspace.asRelativePath(document.uri);
  const fixture = relative.startsWith('examples/') ? join(aadmapExtension().extensionPath, 'test', 'checker', relative) : undefined;
  return fixture && existsSync(fixture) ? exampleExpectations(readFileSync(fixture, 'utf8')) : readExpectations(document.getText());
}

/** Waits until the document's diagnostics match its inline expectations; fails with the differences. */
async function expectInlineExpectations(document: vscode.TextDocument, timeoutMs = 30_000): Promise<void> {
  let problems: string[] = [];
  try {
    await waitFor(
      'the expected diagnostics',
      () => {
        problems = compareExpectations(document.getText(), aadmapDiagnostics(document), undefined, expectationsOf(document));
        return problems.length === 0 ? true : undefined;
      },
      timeoutMs,
    );
  } catch {
    assert.fail(
      `${vscode.workspace.asRelativePath(document.uri)} has other diagnostics than its inline expectations:\n  ${problems.join('\n  ')}`,
    );
  }
}

/** `examples/…` and `fixtures/…` files the language server handles, read when the suite is defined. */
function languageFiles(): string[] {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) return [];
  return ['examples', 'fixtures'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => /\.(aadmap|scimfilter)$/.test(name))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}

suite('diagnostics', () => {
  const files = languageFiles();

  test('the workspace holds the bundled examples and the fixtures, and workspace search (ripgrep) finds them', async () => {
    for (const required of [
      'examples/chatwork.aadmap',
      'examples/mistakes.aadmap',
      'examples/lookups.scimfilter',
      'fixtures/lookup-mistakes.scimfilter',
    ]) {
      assert.ok(files.includes(required), `${required} is missing from the test workspace`);
    }
    const found = await vscode.workspace.findFiles('**/*.{aadmap,scimfilter}');
    assert.deepEqual(found.map((uri) => vscode.workspace.asRelativePath(uri)).sort(), files);
  });

  for (const file of files) {
    test(`${file}: exactly the diagnostics of its inline expectations`, async () => {
      const editor = await openInEditor(file);
      const { document } = editor;
      if (expectationsOf(document).length > 0) {
        await expectInlineExpectations(document);
        return;
      }
      // Clean files: "no diagnostics" is also what VS Code shows before the server has answered. So
      // break the document first, see the server report it, then revert and see the report go away.
      await editThenRevert(
        editor,
        (edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\n('),
        () => waitFor('a diagnostic on the broken document', () => (aadmapDiagnostics(document).length > 0 ? true : undefined)),
      );
      await waitFor('no diagnostics after reverting', () => (aadmapDiagnostics(document).length === 0 ? true : undefined));
      await expectInlineExpectations(document);
    });
  }

  test('each diagnostic links to its entry of the shipped diagnostics reference and says it comes from aadmap', async () => {
    const { document } = await openInEditor('examples/mistakes.aadmap');
    await expectInlineExpectations(document);
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'aadmap');
      const { code } = diagnostic;
      assert.ok(typeof code === 'object' && code.target, `${codeOf(diagnostic)} has no link`);
      // The hover and the Problems panel open code links with commands allowed (client/diagnostic-docs.ts).
      assert.equal(code.target.scheme, 'command');
      assert.equal(code.target.path, 'aadmap.showDiagnosticHelp');
      assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), [codeOf(diagnostic)]);
    }
  });

  test("a diagnostic's link opens the shipped docs/diagnostics.md in the Markdown preview", async () => {
    const extension = vscode.extensions.getExtension('aadmap.aadmap')!;
    const reference = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'diagnostics.md');
    assert.ok((await vscode.workspace.fs.readFile(reference)).length > 0, 'docs/diagnostics.md is not beside the extension');
    const previews = () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('diagnostics.md'));
    assert.equal(previews().length, 0);
    await vscode.commands.executeCommand('aadmap.showDiagnosticHelp', 'unknown-function');
    await waitFor('the Markdown preview of diagnostics.md', () => (previews().length === 1 ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('diagnostics follow typing: fixing Swtich removes its unknown-function error only', async () => {
    const editor = await openInEditor('examples/mistakes.aadmap');
    const { document } = editor;
    await expectInlineExpectations(document);
    const before = aadmapDiagnostics(document);
    const typo = document.getText().indexOf('Swtich(');
    assert.ok(typo > 0);
    await editThenRevert(
      editor,
      (edit) => edit.replace(new vscode.Range(document.positionAt(typo), document.positionAt(typo + 'Swtich'.length)), 'Switch'),
      async () => {
        const after = await waitFor('the unknown-function error to go away', () => {
          const now = aadmapDiagnostics(document);
          return now.some((d) => d.code === 'unknown-function') ? undefined : now;
        });
        assert.deepEqual(
          after.map((d) => d.code),
          before.filter((d) => d.code !== 'unknown-function').map((d) => d.code),
        );
      },
    );
    await expectInlineExpectations(document);
  });
});
