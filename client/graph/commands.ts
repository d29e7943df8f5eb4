/**
 * The Graph commands: "aadmap: Deploy mappings", "aadmap: Show deploy diff (what-if)", "aadmap: Pull
 * mappings from tenant", "aadmap: Roll back to a backup". UI only — pickers, the diff editor, the
 * modal confirmation, progress with cancellation and the log channel; the work is done by the
 * language server through the requests of server/graph/protocol.ts, each carrying a token handle.
 */
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DeployTarget } from '../../server/graph/deploy-target';
import {
  GRAPH_LOG_NOTIFICATION,
  type GraphConnectionParams,
  type GraphLogParams,
  type GraphMethod,
  type GraphProtocol,
  type PlanSummary,
} from '../../server/graph/protocol';
import { afterDeployNote } from '../../server/graph/lifecycle/catalogue';
import { Sanitizer } from '../../server/graph/sanitize';
import { COMMANDS } from '../../server/protocol';
import { GRAPH_TOKEN_REQUEST } from '../../server/graph/token-exchange';
import type { EditorImpact } from '../../server/impact/editor';
import { deployUsers } from '../impact/inputs';
import { answerTokenRequest, graphSettings, graphToken, tokenHandle } from './auth';
import { USERS_SCOPES } from './scopes';

/** Why the Graph commands refuse in an untrusted workspace (docs/security.md, Restricted Mode). */
export const RESTRICTED_MODE_GRAPH = vscode.l10n.t(
  'Microsoft Graph is off in Restricted Mode: trust this workspace (Workspaces: Manage Workspace Trust) to sign in, pull, deploy or roll back.',
);

const DIFF_SCHEME = 'aadmap-whatif';

/** A modal confirmation a deploy asked (the deploy command's result lists them, for tests and callers). */
export interface Confirmation {
  summary: string;
  detail: string;
  action: string;
}

export interface DeployOutcome {
  deployed: boolean;
  /** The impact summary stated in the confirmation, when users were available. */
  impact?: string;
  confirmations: Confirmation[];
}

/** The impact stated in the deploy's confirmation, and the guard's second confirmation when it applies. */
interface DeployImpactCheck {
  text: string;
  second?: Confirmation;
}

/** The numbers, as the modal states them. */
function impactSummary(impact: EditorImpact): string {
  const r = impact.report;
  const lines = [
    l10n.t(
      'Impact on {0} users ({1}): {2} created, {3} updated, {4} disabled, {5} unchanged, {6} out of scope, {7} errors; {8} matching values change.',
      r.users,
      impact.usersLabel,
      r.create,
      r.update,
      r.disable,
      r.unchanged,
      r.outOfScope,
      r.errors,
      r.matchChanged,
    ),
  ];
  if (impact.notEvaluated.length) lines.push(vscode.l10n.t('Not evaluated (read as null): {0}.', impact.notEvaluated.join(', ')));
  return lines.join('\n');
}

/** The helpers every Graph request of the extension goes through (the lifecycle views and commands use them too). */
export interface GraphSession {
  send<M extends GraphMethod>(
    method: M,
    params: GraphProtocol[M]['params'],
    token?: vscode.CancellationToken,
  ): Promise<GraphProtocol[M]['result']>;
  /** `scopes`: more than the default ones, asked only when a feature needs them (incremental consent). */
  connection(tenant: string | undefined, scopes?: readonly string[]): Promise<{ params: GraphConnectionParams }>;
  withProgress<T>(title: string, run: (token: vscode.CancellationToken) => Promise<T>): Thenable<T>;
  fail(result: { kind: string; message: string }): void;
  confirm(summary: string, detail: string, action: string, second?: boolean): Promise<string | undefined>;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export function registerGraphCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): GraphSession {
  const channel = vscode.window.createOutputChannel('aadmap Graph', { log: true });
  const sanitizer = new Sanitizer();
  const log = {
    info: (message: string) => channel.info(sanitizer.clean(message)),
    warn: (message: string) => channel.warn(sanitizer.clean(message)),
    error: (message: string) => channel.error(sanitizer.clean(message)),
  };
  let progressReport: ((message: string) => void) | undefined;

  /** The confirmations of the running deploy (its command's result). */
  let asked: Confirmation[] | undefined;

  const diffTexts = new Map<string, string>();
  let diffCounter = 0;
  context.subscriptions.push(
    channel,
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, {
      provideTextDocumentContent: (uri) => diffTexts.get(uri.toString()) ?? '',
    }),
  );

  let listening: LanguageClient | undefined;
  function languageClient(): LanguageClient {
    const current = client();
    if (!current) throw new Error(vscode.l10n.t('The aadmap language server is not running.'));
    if (listening !== current) {
      listening = current;
      context.subscriptions.push(
        current.onRequest(GRAPH_TOKEN_REQUEST, answerTokenRequest),
        current.onNotification(GRAPH_LOG_NOTIFICATION, (params: GraphLogParams) => {
          const line = sanitizer.clean(params.message);
          if (params.level === 'error') channel.error(line);
          else if (params.level === 'warn') channel.warn(line);
          else if (params.level === 'trace') channel.trace(line);
          else channel.info(line);
          if (params.step) progressReport?.(line);
        }),
      );
    }
    return current;
  }

  function send<M extends GraphMethod>(
    method: M,
    params: GraphProtocol[M]['params'],
    token?: vscode.CancellationToken,
  ): Promise<GraphProtocol[M]['result']> {
    return languageClient().sendRequest(method, params, token) as Promise<GraphProtocol[M]['result']>;
  }

  async function connection(tenant: string | undefined, scopes: readonly string[] = []) {
    // Restricted Mode: no sign-in and no request to Microsoft Graph for an untrusted workspace.
    if (!vscode.workspace.isTrusted) throw new Error(RESTRICTED_MODE_GRAPH);
    const settings = graphSettings();
    const token = await graphToken(context, settings, tenant, scopes);
    sanitizer.addSecret(token);
    return { settings, params: { endpoint: settings.endpoint, tokenHandle: tokenHandle(token) } };
  }

  /** Runs a server step under a cancellable progress notification. */
  function withProgress<T>(title: string, run: (token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      progressReport = (message) => progress.report({ message });
      return run(token).finally(() => (progressReport = undefined));
    });
  }

  function fail(result: { kind: string; message: string }): void {
    log.error(result.message);
    if (result.kind === 'cancelled') void vscode.window.showInformationMessage(vscode.l10n.t('aadmap: cancelled; nothing was written.'));
    else
      void vscode.window
        .showErrorMessage(`aadmap: ${result.message.split('\n')[0]}`, vscode.l10n.t('Show log'))
        .then((choice) => choice && channel.show());
  }

  function activeMappingDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
    const document = uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'aadmap') {
      void vscode.window.showWarningMessage(vscode.l10n.t('aadmap: open a .aadmap file first.'));
      return undefined;
    }
    return document;
  }

  async function pickTarget(target: DeployTarget, conn: GraphConnectionParams): Promise<DeployTarget | undefined> {
    const chosen = { ...target };
    if (!chosen.servicePrincipal) {
      const search = await vscode.window.showInputBox({
        title: vscode.l10n.t('Enterprise application'),
        prompt: vscode.l10n.t('Display name starts with…'),
        value: 'Chatwork',
      });
      if (search === undefined) return undefined;
      const found = await send('aadmap/graph/servicePrincipals', { ...conn, search });
      if (!found.ok) return void fail(found);
      const pick = await vscode.window.showQuickPick(
        found.items.map((sp) => ({ label: sp.displayName, description: sp.id, detail: `appId ${sp.appId}`, id: sp.id })),
        {
          title: vscode.l10n.t('Service principal (enterprise application)'),
          placeHolder: found.items.length ? vscode.l10n.t('Choose the app') : vscode.l10n.t('No application found'),
        },
      );
      if (!pick) return undefined;
      chosen.servicePrincipal = pick.id;
    }
    if (!chosen.job) {
      const jobs = await send('aadmap/graph/jobs', { ...conn, servicePrincipal: chosen.servicePrincipal });
      if (!jobs.ok) return void fail(jobs);
      if (jobs.items.length > 1) {
        const pick = await vscode.window.showQuickPick(
          jobs.items.map((j) => ({ label: j.id, description: `${j.templateId} · ${j.status}` })),
          { title: vscode.l10n.t('Provisioning job') },
        );
        if (!pick) return undefined;
        chosen.job = pick.label;
      }
    }
    return chosen;
  }

  async function showDiff(plan: PlanSummary, title: string): Promise<void> {
    const n = ++diffCounter;
    const left = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/current/${plan.target.jobId}.aadmap`, query: String(n) });
    const right = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/new/${plan.target.jobId}.aadmap`, query: String(n) });
    diffTexts.set(left.toString(), plan.beforeText);
    diffTexts.set(right.toString(), plan.afterText);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
  }

  function backupDirectory(document: vscode.TextDocument | undefined): string | undefined {
    const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
    if (folder?.uri.scheme === 'file') return join(folder.uri.fsPath, '.aadmap', 'backups');
    if (document?.uri.scheme === 'file') return join(dirname(document.uri.fsPath), '.aadmap', 'backups');
    return undefined;
  }

  /** What-if of the document; shows the diff editor; returns the plan when there is one to deploy. */
  async function whatIf(document: vscode.TextDocument): Promise<{ plan: PlanSummary; conn: GraphConnectionParams } | undefined> {
    const fromFile = (await send('aadmap/graph/deployTarget', { text: document.getText() })).target;
    const { settings, params: conn } = await connection(fromFile.tenant);
    const target = await pickTarget(fromFile, conn);
    if (!target) return undefined;
    log.info(vscode.l10n.t('What-if of {0}', document.uri.fsPath || document.uri.toString()));
    const plan = await withProgress('aadmap: what-if', (token) =>
      send(
        'aadmap/graph/planDeploy',
        { ...conn, uri: document.uri.toString(), text: document.getText(), target, validate: settings.validateExpressions },
        token,
      ),
    );
    if (!plan.ok) return void fail(plan);
    log.info(`${plan.summary}\n${plan.details}`);
    for (const warning of plan.warnings) log.warn(warning);
    await showDiff(
      plan,
      vscode.l10n.t(
        'What-if: {0} (current ↔ {1})',
        plan.target.servicePrincipal.displayName || plan.target.servicePrincipal.id,
        document.uri.path.split('/').pop() ?? '',
      ),
    );
    return { plan, conn };
  }

  async function confirmAndExecute(
    plan: PlanSummary,
    conn: GraphConnectionParams,
    document: vscode.TextDocument | undefined,
    kind: 'deploy' | 'rollback',
    reason: string,
    impact?: DeployImpactCheck,
  ): Promise<boolean> {
    const action = kind === 'deploy' ? vscode.l10n.t('Deploy') : vscode.l10n.t('Roll back');
    const directory = backupDirectory(document);
    if (!directory) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('aadmap: open a folder (or save the file) so the backup has a place in .aadmap/backups/.'),
      );
      return false;
    }
    const detail = [
      ...(impact ? [impact.text] : []),
      plan.details,
      ...plan.warnings.map((w) => vscode.l10n.t('Warning: {0}', w)),
      vscode.l10n.t('A backup of the current schema goes to {0}.', directory),
    ].join('\n\n');
    if ((await confirm(plan.summary, detail, action)) !== action) return false;
    if (
      impact?.second &&
      (await confirm(impact.second.summary, impact.second.detail, impact.second.action, true)) !== impact.second.action
    ) {
      log.info(vscode.l10n.t('The impact guard was not confirmed; nothing was written.'));
      void vscode.window.showInformationMessage(vscode.l10n.t('aadmap: not confirmed; nothing was written.'));
      return false;
    }
    const done = await withProgress(kind === 'deploy' ? vscode.l10n.t('aadmap: deploy') : vscode.l10n.t('aadmap: roll back'), (token) =>
      send('aadmap/graph/execute', { ...conn, planId: plan.planId, backupDirectory: directory, reason }, token),
    );
    if (!done.ok) {
      fail(done);
      return false;
    }
    log.info(done.message);
    if (kind !== 'deploy') {
      void vscode.window.showInformationMessage(`aadmap: ${done.message}`);
      return true;
    }
    // A mapping change starts a new initial cycle by itself: offer to watch it rather than restart.
    void vscode.window
      .showInformationMessage(`aadmap: ${done.message} ${afterDeployNote()}`, vscode.l10n.t('Watch status'))
      .then((choice) => choice && vscode.commands.executeCommand(COMMANDS.lifecycleShowProvisioning));
    return true;
  }

  /**
   * The deploy guard (docs/impact.md, "The deploy guard"), when users are available: the impact of
   * the job's current schema → the file, stated in the confirmation; a second confirmation with the
   * exact numbers when the disabled users reach the job's threshold or a matching value changes
   * (the CLI's --allow-disable / --allow-match-change). Undefined: no users; null: refused.
   */
  async function deployImpact(
    plan: PlanSummary,
    conn: GraphConnectionParams,
    document: vscode.TextDocument,
  ): Promise<DeployImpactCheck | undefined | null> {
    const users = deployUsers(context, document, plan.target.servicePrincipal.id);
    if (!users) return undefined;
    const fromFile = (await send('aadmap/graph/deployTarget', { text: document.getText() })).target;
    const request = {
      ...conn,
      ...(users.kind === 'tenant' ? (await connection(plan.target.tenant, USERS_SCOPES)).params : {}),
      uri: document.uri.toString(),
      text: document.getText(),
      before: { kind: 'plan' as const },
      planId: plan.planId,
      users,
      target: { ...fromFile, servicePrincipal: plan.target.servicePrincipal.id, job: plan.target.jobId },
    };
    const result = await withProgress(vscode.l10n.t('aadmap: impact on the users'), (token) => send('aadmap/graph/impact', request, token));
    if (!result.ok) {
      fail(
        result.kind === 'cancelled'
          ? result
          : { ...result, message: vscode.l10n.t('The deploy is refused: the impact cannot be computed: {0}', result.message) },
      );
      return null;
    }
    const text = impactSummary(result);
    log.info(text);
    if (!result.guard?.refused) return { text };
    const { report, guard } = result;
    const disables = report.disable > 0 && report.disable >= guard.threshold.value;
    const rematches = report.matchChanged > 0;
    return {
      text,
      second: {
        summary:
          disables && rematches
            ? l10n.t(
                'This deploy disables {0} users and changes the matching value of {1} users. Deploy anyway?',
                report.disable,
                report.matchChanged,
              )
            : disables
              ? l10n.t('This deploy disables {0} users. Deploy anyway?', report.disable)
              : l10n.t('This deploy changes the matching value of {0} users. Deploy anyway?', report.matchChanged),
        detail: guard.reasons.join('\n\n').replace(/; accept exactly this number with --allow-[a-z-]+ \d+\./g, '.'),
        action:
          disables && rematches
            ? l10n.t('Deploy: disable {0}, re-match {1}', report.disable, report.matchChanged)
            : disables
              ? l10n.t('Deploy: disable {0}', report.disable)
              : l10n.t('Deploy: re-match {0}', report.matchChanged),
      },
    };
  }

  /**
   * The modal confirmation before a write. Extension-host tests cannot click a modal dialog, so in
   * ExtensionMode.Test only (the test runner's extension host; never an installed extension, never a
   * setting) the environment variable AADMAP_TEST_CONFIRM answers it: the action's button title
   * ('Deploy', 'Roll back') accepts, any other value declines; AADMAP_TEST_CONFIRM_SECOND answers the
   * impact guard's second confirmation. The deploy command resolves to the confirmations it asked.
   */
  async function confirm(summary: string, detail: string, action: string, second = false): Promise<string | undefined> {
    asked?.push({ summary, detail, action });
    const variable = second ? 'AADMAP_TEST_CONFIRM_SECOND' : 'AADMAP_TEST_CONFIRM';
    const testAnswer = context.extensionMode === vscode.ExtensionMode.Test ? process.env[variable] : undefined;
    if (testAnswer === undefined) return vscode.window.showWarningMessage(summary, { modal: true, detail }, action);
    log.info(`${summary} — answered "${testAnswer}" by AADMAP_TEST_CONFIRM (extension test mode)`);
    return testAnswer;
  }

  const guarded =
    <R>(run: (...args: any[]) => Promise<R>) =>
    async (...args: unknown[]): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error) {
        const message = sanitizer.clean(error instanceof Error ? error.message : String(error));
        log.error(message);
        void vscode.window.showErrorMessage(`aadmap: ${message}`);
        return undefined;
      }
    };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      COMMANDS.graphWhatIf,
      guarded(async (uri?: vscode.Uri) => {
        const document = activeMappingDocument(uri);
        if (!document) return;
        const result = await whatIf(document);
        if (result) void vscode.window.showInformationMessage(vscode.l10n.t('aadmap what-if: {0}', result.plan.summary));
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.graphDeploy,
      guarded(async (uri?: vscode.Uri): Promise<DeployOutcome> => {
        const confirmations: Confirmation[] = [];
        const outcome = (deployed: boolean, impact?: DeployImpactCheck | null) => ({
          deployed,
          impact: impact?.text,
          confirmations,
        });
        const document = activeMappingDocument(uri);
        if (!document) return outcome(false);
        const result = await whatIf(document);
        if (!result) return outcome(false);
        if (result.plan.total === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('aadmap: {0} Nothing to deploy.', result.plan.summary));
          return outcome(false);
        }
        const impact = await deployImpact(result.plan, result.conn, document);
        if (impact === null) return outcome(false);
        asked = confirmations;
        try {
          const reason = `before deploy of ${document.uri.path.split('/').pop()}`;
          return outcome(await confirmAndExecute(result.plan, result.conn, document, 'deploy', reason, impact), impact);
        } finally {
          asked = undefined;
        }
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.graphPull,
      guarded(async () => {
        const document = vscode.window.activeTextEditor?.document;
        const fromFile =
          document?.languageId === 'aadmap' ? (await send('aadmap/graph/deployTarget', { text: document.getText() })).target : {};
        const { params: conn } = await connection(fromFile.tenant);
        const target = await pickTarget(fromFile, conn);
        if (!target) return;
        const pulled = await withProgress(vscode.l10n.t('aadmap: pulling mappings'), (token) =>
          send('aadmap/graph/pull', { ...conn, target }, token),
        );
        if (!pulled.ok) return fail(pulled);
        const opened = await vscode.workspace.openTextDocument({ language: 'aadmap', content: pulled.text });
        await vscode.window.showTextDocument(opened);
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.graphRollback,
      guarded(async () => {
        const document = vscode.window.activeTextEditor?.document;
        const directory = backupDirectory(document);
        if (!directory)
          return void vscode.window.showErrorMessage(vscode.l10n.t('aadmap: open the workspace folder that holds .aadmap/backups/.'));
        const { items } = await send('aadmap/graph/backups', { backupDirectory: directory });
        if (!items.length) return void vscode.window.showInformationMessage(vscode.l10n.t('aadmap: no backups in {0}.', directory));
        const pick = await vscode.window.showQuickPick(
          items.map((b) => ({ label: b.savedAt, description: b.jobId, detail: b.reason, location: b.location, tenant: b.tenant })),
          { title: vscode.l10n.t('Roll back to a backup (the job gets this schema back, byte for byte)') },
        );
        if (!pick) return;
        const { params: conn } = await connection(pick.tenant);
        const plan = await withProgress(vscode.l10n.t('aadmap: what-if of the rollback'), (token) =>
          send('aadmap/graph/planRollback', { ...conn, backup: pick.location, target: {} }, token),
        );
        if (!plan.ok) return fail(plan);
        log.info(`${plan.summary}\n${plan.details}`);
        await showDiff(plan, vscode.l10n.t('Roll back: current ↔ backup of {0}', pick.label));
        await confirmAndExecute(plan, conn, document, 'rollback', `before rollback to ${pick.label}`);
      }),
    ),
  );
  return { send, connection, withProgress, fail, confirm, log };
}
