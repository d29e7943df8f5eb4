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
  useL10nBundle(vscode.l10n.bundle, vscode.env.language);
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const clientOptions: LanguageClientOptions = {
    // Any scheme: in the browser, files come from vscode-vfs://, vscode-test-web://, memfs:, …
    documentSelector: [{ language: 'aadmap' }, { language: 'scimfilter' }],
    outputChannelName: 'aadmap Language Server',
    // A web worker reads no files: the server's messages come in the bundle VS Code loaded for this
    // extension in the display language (docs/localization.md).
    initializationOptions: { l10nBundle: vscode.l10n.bundle },
  };
  client = new LanguageClient('aadmap', 'aadmap Language Server', clientOptions, await serverWorker(serverMain));
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

/**
 * The language server's web worker. An extension installed on a remote (code-server, a Codespace
 * opened in the browser) has a vscode-remote: URI, and VS Code's web worker extension host refuses
 * to start a worker from one ("Creating workers from remote extensions is currently not supported",
 * https://github.com/microsoft/vscode/blob/1.100.3/src/vs/workbench/api/worker/extensionHostWorker.ts):
 * there the script is read through VS Code's file system and started from a blob: URL.
 */
async function serverWorker(script: vscode.Uri): Promise<InstanceType<typeof Worker>> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const source = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
