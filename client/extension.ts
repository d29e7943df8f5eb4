/**
 * The VS Code extension: starts the bundled language server and hands it the aadmap and scimfilter
 * documents. All language knowledge lives in the server; this file is UI wiring only.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'aadmap' },
      { scheme: 'untitled', language: 'aadmap' },
      { scheme: 'file', language: 'scimfilter' },
      { scheme: 'untitled', language: 'scimfilter' },
    ],
    // Schema files named by `target "x.json"` change diagnostics of the documents that use them.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json') },
    outputChannelName: 'aadmap Language Server',
  };
  // The id 'aadmap' makes the client read the `aadmap.trace.server` setting.
  client = new LanguageClient('aadmap', 'aadmap Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('aadmap.restartServer', async () => {
      await client?.restart();
      // Otherwise the restart is invisible; the UI test looks for this message.
      vscode.window.setStatusBarMessage('$(check) aadmap: language server restarted', 5000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
