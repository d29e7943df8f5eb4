/** Shared by the extension-host test files: the workspace's files, documents, waiting, diagnostics. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActualDiagnostic } from '../../support/inline-expectations';

export const EXTENSION_ID = 'aadmap.aadmap';

export function aadmapExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded (is engines.vscode newer than the editor?)`);
  return extension;
}

/**
 * A file of the test workspace: `examples/…` (copies of the bundled examples) or `fixtures/…`
 * (test/e2e/workspace). The runners build that workspace for each run.
 */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openInEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns something other than undefined; fails with `what` and the last detail. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The code as a string; LSP codeDescription arrives as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' ? code.value : code);
}

/** The aadmap diagnostics VS Code holds for a document, as offsets (the form inline expectations compare). */
export function aadmapDiagnostics(document: vscode.TextDocument): ActualDiagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'aadmap')
    .map((d) => ({
      start: document.offsetAt(d.range.start),
      end: document.offsetAt(d.range.end),
      severity: SEVERITIES[d.severity],
      code: codeOf(d),
      message: d.message,
    }));
}

/**
 * Edits the document in the editor (not on disk), runs `whileEdited`, then puts the saved text back with
 * "File: Revert File". Used to see the server answer for a document whose right answer is "nothing".
 */
export async function editThenRevert(
  editor: vscode.TextEditor,
  edit: (builder: vscode.TextEditorEdit) => void,
  whileEdited: () => Promise<unknown>,
): Promise<void> {
  assert.ok(await editor.edit(edit), 'the edit was not applied');
  try {
    await whileEdited();
  } finally {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.equal(editor.document.isDirty, false, 'the document is still dirty after reverting');
}
