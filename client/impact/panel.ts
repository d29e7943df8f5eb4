/**
 * The Impact view of one mapping file: a webview beside the file, re-run when the file is saved.
 * The impact runs in the language server (`aadmap/graph/impact`); a new run cancels the one in
 * flight, so the view never queues work and the extension host is never busy. A click on an example
 * user writes that user to the extension's storage and opens the provisioning preview for it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EditorImpact, ImpactBefore, ImpactUsers } from '../../server/impact/editor';
import { impactNeedsGraph } from '../../server/impact/editor';
import { COMMANDS } from '../../server/protocol';
import type { GraphSession } from '../graph/commands';
import { USERS_SCOPES } from '../graph/scopes';
import { impactContent, impactPage, type ImpactRenderMessage, type ImpactViewState } from './html';

const IMPACT_VIEW_TYPE = 'aadmap.impact';

export interface ImpactInputs {
  before: ImpactBefore;
  users: ImpactUsers;
}

export class ImpactPanel implements vscode.Disposable {
  private static readonly open = new Map<string, ImpactPanel>();

  static forDocument(uri: vscode.Uri): ImpactPanel | undefined {
    return ImpactPanel.open.get(uri.toString());
  }

  /** The panel of the document (created beside it when none is open), with these inputs. */
  static show(context: vscode.ExtensionContext, session: GraphSession, document: vscode.TextDocument, inputs: ImpactInputs): ImpactPanel {
    const existing = ImpactPanel.open.get(document.uri.toString());
    if (existing) {
      existing.inputs = inputs;
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = new ImpactPanel(context, session, document, inputs);
    ImpactPanel.open.set(document.uri.toString(), panel);
    return panel;
  }

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private running: vscode.CancellationTokenSource | undefined;
  private last: EditorImpact | undefined;
  /** What the page shows now (impactContent); undefined until the page's HTML is set. */
  private content: string | undefined;
  /** The latest run (the tests wait for the one a save starts). */
  current: Promise<EditorImpact | undefined> = Promise.resolve(undefined);

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly session: GraphSession,
    private readonly document: vscode.TextDocument,
    private inputs: ImpactInputs,
  ) {
    const name = document.uri.path.split('/').pop() ?? 'mappings';
    this.panel = vscode.window.createWebviewPanel(
      IMPACT_VIEW_TYPE,
      vscode.l10n.t('Impact: {0}', name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: { type?: string; index?: number }) => {
        if (message?.type === 'preview' && typeof message.index === 'number') void this.previewUser(message.index);
        // The page (re)loaded from its first HTML, e.g. shown again after being hidden: the latest content.
        if (message?.type === 'ready') this.send();
      }),
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (saved.uri.toString() === this.document.uri.toString()) void this.run();
      }),
    );
  }

  /** Runs the impact now, cancelling a run in flight; resolves to its result (undefined when cancelled or failed). */
  run(): Promise<EditorImpact | undefined> {
    this.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    this.render({ kind: 'running', previous: this.last });
    this.current = this.compute(source.token).then(
      (result) => {
        if (source.token.isCancellationRequested) return undefined;
        if (!result.ok) {
          if (result.kind !== 'cancelled') this.session.log.error(result.message);
          this.render({ kind: 'failed', message: result.message, previous: this.last });
          return undefined;
        }
        const { ok: _ok, ...impact } = result;
        this.last = impact;
        // Paths of the workspace read better relative to it (the result itself keeps them as the server said).
        const relative = (label: string) =>
          label.startsWith('/') || /^[A-Za-z]:\\/.test(label) ? vscode.workspace.asRelativePath(label) : label;
        this.render({
          kind: 'done',
          impact: { ...impact, beforeLabel: relative(impact.beforeLabel), usersLabel: relative(impact.usersLabel) },
        });
        return impact;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!source.token.isCancellationRequested) this.render({ kind: 'failed', message, previous: this.last });
        return undefined;
      },
    );
    return this.current;
  }

  private async compute(token: vscode.CancellationToken) {
    const { before, users } = this.inputs;
    const text = this.document.getText();
    const config = vscode.workspace.getConfiguration('aadmap.preview', this.document.uri);
    const base = {
      uri: this.document.uri.toString(),
      text,
      before,
      users,
      defaultDomain: config.get<string>('defaultDomain')?.trim() || undefined,
    };
    if (!impactNeedsGraph(base)) return this.session.send('aadmap/graph/impact', base, token);
    const { target } = await this.session.send('aadmap/graph/deployTarget', { text });
    const { params } = await this.session.connection(target.tenant, users.kind === 'tenant' ? USERS_SCOPES : []);
    const request = { ...base, ...params, target };
    if (users.kind !== 'tenant') return this.session.send('aadmap/graph/impact', request, token);
    // Reading the directory can take minutes: a progress notification, cancellable like the view's run.
    return this.session.withProgress(vscode.l10n.t('aadmap: reading the directory for the impact'), (progressToken) => {
      const linked = new vscode.CancellationTokenSource();
      const subscriptions = [token, progressToken].map((t) => t.onCancellationRequested(() => linked.cancel()));
      return this.session.send('aadmap/graph/impact', request, linked.token).finally(() => {
        subscriptions.forEach((s) => s.dispose());
        linked.dispose();
      });
    });
  }

  /** The page's HTML once (a new HTML reloads the page and loses its scroll position); then messages. */
  private render(state: ImpactViewState): void {
    const title = this.document.uri.path.split('/').pop() ?? '';
    const first = this.content === undefined;
    this.content = impactContent(state, title);
    if (!first) return this.send();
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = impactPage(state, { title, nonce, cspSource: this.panel.webview.cspSource, lang: vscode.env.language });
  }

  private send(): void {
    if (this.content === undefined) return;
    // Not delivered while the view is hidden: the page says `ready` when it is shown again.
    void this.panel.webview.postMessage({ type: 'render', html: this.content } satisfies ImpactRenderMessage).then(undefined, () => false);
  }

  /** The provisioning preview for an example user: the user as a sample file, chosen, and the preview opened. */
  async previewUser(index: number): Promise<vscode.Uri | undefined> {
    const example = this.last?.examples[index];
    if (!example?.attributes) return undefined;
    const folder = vscode.Uri.joinPath(this.context.storageUri ?? this.context.globalStorageUri, 'impact-users');
    await vscode.workspace.fs.createDirectory(folder);
    const name = example.user.replace(/[^\w.@-]+/g, '_').slice(0, 100) || `line-${example.line}`;
    const file = vscode.Uri.joinPath(folder, `${name}.user.json`);
    await vscode.workspace.fs.writeFile(file, Buffer.from(`${JSON.stringify(example.attributes, null, 2)}\n`));
    await vscode.commands.executeCommand(COMMANDS.selectSampleUser, file);
    await vscode.commands.executeCommand(COMMANDS.previewProvisioning, this.document.uri);
    return file;
  }

  dispose(): void {
    this.running?.cancel();
    if (ImpactPanel.open.get(this.document.uri.toString()) === this) ImpactPanel.open.delete(this.document.uri.toString());
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
