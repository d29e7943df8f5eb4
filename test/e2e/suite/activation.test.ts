/** Activation: the extension sleeps until an aadmap or scimfilter document is opened, then starts. */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { aadmapExtension, openInEditor, waitFor } from './helpers';

suite('activation', () => {
  test('is loaded, in a Node extension host, and not active before an aadmap document is opened', () => {
    const extension = aadmapExtension();
    console.log(
      `      host: appHost=${vscode.env.appHost} remoteName=${vscode.env.remoteName ?? '-'} uiKind=${vscode.UIKind[vscode.env.uiKind]} VS Code ${vscode.version}`,
    );
    // code-server runs it as a workspace ("remote") extension with full Node, desktop VS Code locally.
    assert.equal(extension.extensionKind, vscode.env.remoteName ? vscode.ExtensionKind.Workspace : vscode.ExtensionKind.UI);
    assert.equal(typeof process.versions.node, 'string');
    assert.equal(extension.isActive, false, 'activated before any aadmap document was opened');
  });

  test('activates when examples/chatwork.aadmap is opened', async () => {
    const editor = await openInEditor('examples/chatwork.aadmap');
    assert.equal(editor.document.languageId, 'aadmap');
    await waitFor('the extension to activate', () => (aadmapExtension().isActive ? true : undefined));
  });

  test('gives .scimfilter files the scimfilter language', async () => {
    const editor = await openInEditor('examples/lookups.scimfilter');
    assert.equal(editor.document.languageId, 'scimfilter');
  });
});
