/**
 * The extension's browser entry (`dist/browser/extension.js`, package.json "browser"): vscode.dev,
 * github.dev and other web worker extension hosts (docs/browser.md). The language server runs in a
 * web worker (dist/browser/server.js); every editor feature of the language service works. What
 * needs Node.js (the Graph commands, the provisioning views, the preview's sample-user files) is not
 * started: its commands say so instead of failing.
 * https://code.visualstudio.com/api/extension-guides/web-extensions
 */
import * as vscode from 'vscode';
import { useL10nBundle } from '../grammar/common/l10n';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { COMMANDS } from '../server/protocol';

/** The web worker constructor of the extension host's global scope (no DOM library in this tsconfig). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The shared code the client bundles (impact page, lifecycle notes) speaks the display language too.
  useL10nBundle(vscode.l10n.bundle);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const clientOptions: LanguageClientOptions = {
    // Any scheme: in the browser, files come from vscode-vfs://, vscode-test-web://, memfs:, …
    documentSelector: [{ language: 'aadmap' }, { language: 'scimfilter' }],
    outputChannelName: 'aadmap Language Server',
    // A web worker reads no files: the server's messages come in the bundle VS Code loaded for this
    // extension in the display language (docs/localization.md).
    initializationOptions: { l10nBundle: vscode.l10n.bundle },
  };
  client = new LanguageClient('aadmap', 'aadmap Language Server', clientOptions, new Worker(serverMain.toString(true)));
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.stop();
      await client?.start();
    }),
    vscode.commands.registerCommand(COMMANDS.newMappingFile, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'aadmap', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'aadmap', name: 'Chatwork mapping file' });
    }),
    ...Object.values(COMMANDS)
      .filter((id) => id !== COMMANDS.restartServer && id !== COMMANDS.newMappingFile)
      .map((id) =>
        vscode.commands.registerCommand(id, () =>
          vscode.window.showInformationMessage(
            vscode.l10n.t(
              'aadmap: this command needs the desktop extension (VS Code or code-server): it reads files or signs in to Microsoft Graph from Node.js. In the browser, aadmap checks, completes and formats mapping files.',
            ),
          ),
        ),
      ),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
