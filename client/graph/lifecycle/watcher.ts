/**
 * The job named by the active file's `deploy` statement, its status and its recent provisioning
 * logs, refreshed on focus, on a timer and after an action. Nothing is read before the user has
 * signed in (a silent session, or any aadmap Graph command that signed in): no sign-in prompt ever
 * comes from a timer.
 */
import * as vscode from 'vscode';
import type { DeployTarget } from '../../../server/graph/deploy-target';
import type { LogDiagnostic } from '../../../server/graph/lifecycle/log-diagnostics';
import type { ErrorGroup, LogRecord } from '../../../server/graph/lifecycle/logs';
import type { JobStatusReport } from '../../../server/graph/lifecycle/status';
import { graphSettings } from '../auth';
import type { GraphSession } from '../commands';
import { authenticationScopes, LOGS_SCOPES } from '../scopes';

const REFRESH_INTERVAL_MS = 60_000;
const SILENT_SIGN_IN_MS = 3_000;
const LOG_WINDOW_MS = 24 * 3_600_000;

export interface WatchedJob {
  document: vscode.TextDocument;
  target: DeployTarget;
  status?: JobStatusReport;
  statusError?: string;
  records?: LogRecord[];
  groups?: ErrorGroup[];
  diagnostics?: LogDiagnostic[];
  logsError?: string;
}

export class JobWatcher implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WatchedJob | undefined>();
  readonly onDidChange = this.changed.event;
  current: WatchedJob | undefined;
  signedIn = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly session: GraphSession,
  ) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.window.onDidChangeWindowState((state) => state.focused && void this.refresh()),
      vscode.workspace.onDidSaveTextDocument((d) => d.languageId === 'aadmap' && void this.refresh()),
    );
    this.timer = setInterval(() => void this.refresh(), REFRESH_INTERVAL_MS);
  }

  /** A silent check for a session (never prompts); the test token counts outside production. */
  async detectSignIn(): Promise<void> {
    if (this.signedIn) return;
    if (process.env['AADMAP_TEST_GRAPH_TOKEN'] && this.context.extensionMode !== vscode.ExtensionMode.Production) this.signedIn = true;
    else {
      try {
        // The watcher reads the provisioning logs: only a session that already holds their scopes counts.
        const { provider, scopes } = authenticationScopes(graphSettings(), undefined, LOGS_SCOPES);
        // Bounded: a provider may never answer a silent request (then we wait for a user action).
        const silent = vscode.authentication.getSession(provider, scopes, { silent: true });
        const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SILENT_SIGN_IN_MS));
        this.signedIn = !!(await Promise.race([silent, timeout]));
      } catch {
        this.signedIn = false;
      }
    }
  }

  /** The active .aadmap file and its deploy target (the last one when another editor is focused). */
  private async activeTarget(): Promise<{ document: vscode.TextDocument; target: DeployTarget } | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'aadmap') return this.current;
    const result = await this.session.send('aadmap/graph/deployTarget', { text: document.getText() });
    return result.target.servicePrincipal ? { document, target: result.target } : undefined;
  }

  /**
   * Reads status and logs again; `force` also signs in (a user action). A forced refresh never
   * settles for an automatic one in flight (that one may stop early, before sign-in): it runs after it.
   */
  refresh(force = false): Promise<void> {
    const previous = this.running;
    // A timer or focus refresh never surfaces an error (the status bar shows what is known); a user action does.
    if (previous && !force) return previous.catch(() => undefined);
    const next = (previous ?? Promise.resolve()).catch(() => undefined).then(() => this.doRefresh(force));
    this.running = next;
    void next
      .finally(() => {
        if (this.running === next) this.running = undefined;
      })
      .catch(() => undefined);
    return force ? next : next.catch(() => undefined);
  }

  private async doRefresh(force: boolean): Promise<void> {
    if (!force) await this.detectSignIn();
    if (!this.signedIn && !force) return;
    const active = await this.activeTarget().catch(() => undefined);
    if (!active) {
      if (this.current) {
        this.current = undefined;
        this.changed.fire(undefined);
      }
      return;
    }
    const { params } = await this.session.connection(active.target.tenant, LOGS_SCOPES);
    this.signedIn = true;
    const watched: WatchedJob = { ...active };
    const base = { ...params, target: active.target };
    const [status, logs] = await Promise.all([
      this.session.send('aadmap/graph/status', base),
      this.session.send('aadmap/graph/logs', {
        ...base,
        since: new Date(Date.now() - LOG_WINDOW_MS).toISOString(),
        text: active.document.getText(),
      }),
    ]);
    if (status.ok) watched.status = status.status;
    else watched.statusError = status.message;
    if (logs.ok) Object.assign(watched, { records: logs.records, groups: logs.groups, diagnostics: logs.diagnostics });
    else watched.logsError = logs.message;
    this.current = watched;
    this.changed.fire(watched);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
