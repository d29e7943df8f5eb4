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

/**
 * An untitled document of `language` holding `textWithCursor` without its `<|>` marker, shown in the
 * editor; returns the editor and the marker's position. Close it with `closeWithoutSaving`.
 */
export async function openWithCursor(
  textWithCursor: string,
  language = 'aadmap',
): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const offset = textWithCursor.indexOf('<|>');
  assert.ok(offset >= 0, `no <|> cursor in:\n${textWithCursor}`);
  const content = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + '<|>'.length);
  const editor = await openUntitled(content, language);
  return { editor, position: editor.document.positionAt(offset) };
}

let untitledCount = 0;

/**
 * A new untitled document of `language` holding `content`, shown in the editor. Each gets a name of
 * its own: `openTextDocument({ content })` reuses the name Untitled-1 once the previous one closed,
 * and VS Code then restores the working-copy backup it made of the previous document under that
 * name (written a moment after each change) instead of `content` — the stale texts once seen in CI.
 */
export async function openUntitled(content: string, language = 'aadmap'): Promise<vscode.TextEditor> {
  const extension = language === 'scimfilter' ? 'scimfilter' : 'aadmap';
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `e2e-${process.pid}-${++untitledCount}.${extension}` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content)), 'the content was not inserted');
  assert.equal(document.getText(), content, `${uri.toString()} does not hold the content given`);
  return editor;
}

/** Closes the document's editor and drops its changes (untitled documents are discarded). */
export async function closeWithoutSaving(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The text of a hover's contents (markdown or plain strings), joined. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/**
 * Asks a `vscode.execute…Provider` command until it answers something `accept` takes: right after a
 * document opens, the language client may not have started or synced it yet, and VS Code answers
 * "nothing" then rather than waiting.
 */
export function whenProvided<T>(
  what: string,
  ask: () => Thenable<T>,
  accept: (answer: NonNullable<T>) => boolean = () => true,
): Promise<NonNullable<T>> {
  return waitFor(what, async () => {
    const answer = await ask();
    return answer !== undefined && answer !== null && accept(answer) ? answer : undefined;
  });
}
