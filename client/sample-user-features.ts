/**
 * Sample users and the provisioning preview in VS Code (UI only; the server evaluates):
 * - "aadmap: Select Sample User" picks a `*.user.json` of the workspace (remembered per workspace;
 *   the setting `aadmap.preview.sampleUser` is the default);
 * - "aadmap: Preview provisioning for a sample user" opens a read-only document whose content the
 *   server computes (`aadmap/preview`), refreshed as the mapping file or the sample files change.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  COMMANDS,
  PREVIEW_REQUEST,
  PREVIEW_SETTINGS_NOTIFICATION,
  type PreviewRequestParams,
  type PreviewRequestResult,
  type PreviewSettings,
} from '../server/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';

const SCHEME = 'aadmap-preview';
const SELECTED_KEY = 'aadmap.preview.selectedSampleUser';
const REFRESH_DELAY_MS = 300;

/** The settings the server needs: the chosen sample user (URI), default domain, PATCH flavour. */
function currentSettings(context: vscode.ExtensionContext): PreviewSettings {
  const config = vscode.workspace.getConfiguration('aadmap.preview');
  let sampleUser = context.workspaceState.get<string>(SELECTED_KEY);
  const configured = config.get<string>('sampleUser')?.trim();
  if (!sampleUser && configured) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const file = path.isAbsolute(configured) || !folder ? configured : path.join(folder.uri.fsPath, configured);
    sampleUser = vscode.Uri.file(file).toString();
  }
  return {
    sampleUser,
    defaultDomain: config.get<string>('defaultDomain')?.trim() || undefined,
    scimCompliant: config.get<boolean>('scimCompliant') === true,
  };
}

/** `aadmap-preview:/path/chatwork.aadmap.preview.http?<source uri>` */
function previewUriFor(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `${source.path}.preview.http`, query: source.toString() });
}

function sourceOf(preview: vscode.Uri): string {
  return preview.query;
}

/** `restricted`: an untrusted workspace (Restricted Mode), where the server evaluates no sample user. */
export function initializationOptions(context: vscode.ExtensionContext): { preview: PreviewSettings; restricted: boolean } {
  return { preview: currentSettings(context), restricted: !vscode.workspace.isTrusted };
}

export function registerSampleUserFeatures(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const openPreviews = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME).map((d) => d.uri);
  const refresh = (uri: vscode.Uri, delay = REFRESH_DELAY_MS) => {
    clearTimeout(timers.get(uri.toString()));
    timers.set(
      uri.toString(),
      setTimeout(() => {
        timers.delete(uri.toString());
        changed.fire(uri);
      }, delay),
    );
  };
  const refreshAll = () => openPreviews().forEach((uri) => refresh(uri, 0));

  const sendSettings = async () => {
    const client = getClient();
    if (!client?.isRunning()) return;
    await client.sendNotification(PREVIEW_SETTINGS_NOTIFICATION, currentSettings(context));
    refreshAll();
  };

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const client = getClient();
      if (!client) return `# ${vscode.l10n.t('The aadmap language server is not running.')}\n`;
      try {
        const params: PreviewRequestParams = { textDocument: { uri: sourceOf(uri) }, format: 'http' };
        const result = await client.sendRequest<PreviewRequestResult>(PREVIEW_REQUEST, params);
        return result.content;
      } catch (error) {
        return `# ${vscode.l10n.t('The preview failed: {0}', error instanceof Error ? error.message : String(error))}\n`;
      }
    },
  };

  const selectSampleUser = async (chosen?: unknown) => {
    // The Impact view names a user file it wrote (a click on an example user).
    if (chosen instanceof vscode.Uri) {
      await context.workspaceState.update(SELECTED_KEY, chosen.toString());
      return sendSettings();
    }
    const files = await vscode.workspace.findFiles('**/*.user.json', '**/node_modules/**', 500);
    const current = context.workspaceState.get<string>(SELECTED_KEY);
    type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
    const items: Item[] = [
      { label: vscode.l10n.t('Automatic'), description: vscode.l10n.t('the first *.user.json next to the mapping file'), picked: !current },
      ...files
        .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
        .map((uri) => ({
          label: path.basename(uri.fsPath),
          description: vscode.workspace.asRelativePath(uri),
          uri,
          picked: uri.toString() === current,
        })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: files.length
        ? vscode.l10n.t('Sample user for values and the provisioning preview')
        : vscode.l10n.t('No *.user.json file in the workspace'),
    });
    if (!picked) return;
    await context.workspaceState.update(SELECTED_KEY, picked.uri?.toString());
    await sendSettings();
  };

  const showPreview = async (target?: unknown) => {
    const source =
      typeof target === 'string'
        ? vscode.Uri.parse(target)
        : target instanceof vscode.Uri
          ? target
          : vscode.window.activeTextEditor?.document.uri;
    if (!source || !source.path.toLowerCase().endsWith('.aadmap')) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an .aadmap file to preview its provisioning requests.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument(previewUriFor(source));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  };

  const sampleWatcher = vscode.workspace.createFileSystemWatcher('**/*.{user,target}.json');
  context.subscriptions.push(
    changed,
    sampleWatcher,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.selectSampleUser, selectSampleUser),
    vscode.commands.registerCommand(COMMANDS.previewProvisioning, showPreview),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const source = event.document.uri.toString();
      for (const uri of openPreviews()) if (sourceOf(uri) === source) refresh(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('aadmap.preview')) void sendSettings();
    }),
    sampleWatcher.onDidChange(() => void sendSettings()),
    sampleWatcher.onDidCreate(() => void sendSettings()),
    sampleWatcher.onDidDelete(() => void sendSettings()),
  );
}
