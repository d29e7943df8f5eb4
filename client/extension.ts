/**
 * The VS Code extension: starts the bundled language server and hands it the aadmap and scimfilter
 * documents. All language knowledge lives in the server; this file is UI wiring only.
 */
import * as vscode from 'vscode';
import { useL10nBundle } from '../grammar/common/l10n';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../server/lsp/node-options';
import { COMMANDS } from '../server/protocol';
import { CHATWORK_FILE } from '../server/service/features/snippets';
import { diagnosticHelpMiddleware, registerDiagnosticHelp } from './diagnostic-docs';
import { registerGraphCommands } from './graph/commands';
import { registerLifecycle } from './graph/lifecycle/index';
import { registerImpact } from './impact/index';
import { initializationOptions, registerSampleUserFeatures } from './sample-user-features';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The shared code the client bundles (impact page, lifecycle notes) speaks the display language too.
  useL10nBundle(vscode.l10n.bundle, vscode.env.language);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] },
    },
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
    // Recomputed on every (re)start: the chosen sample user and the aadmap.preview settings.
    initializationOptions: () => initializationOptions(context),
    // A diagnostic's code opens its entry of the shipped docs/diagnostics.md in the Markdown preview.
    middleware: diagnosticHelpMiddleware,
  };
  // The id 'aadmap' makes the client read the `aadmap.trace.server` setting.
  client = new LanguageClient('aadmap', 'aadmap Language Server', serverOptions, clientOptions);
  registerSampleUserFeatures(context, () => client);
  registerDiagnosticHelp(context);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.restart();
      // Otherwise the restart is invisible; the UI test looks for this message.
      vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('aadmap: language server restarted')}`, 5000);
    }),
    // The walkthrough's first step: an untitled mapping file filled from the snippet completion offers in an empty file.
    vscode.commands.registerCommand(COMMANDS.newMappingFile, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'aadmap', content: '' });
      const editor = await vscode.window.showTextDocument(document);
      await editor.insertSnippet(new vscode.SnippetString(CHATWORK_FILE.body));
    }),
  );
  // Trusting the workspace turns sample-user evaluation on: the server reads it at start.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  const graphSession = registerGraphCommands(context, () => client);
  registerLifecycle(context, graphSession);
  registerImpact(context, graphSession);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
