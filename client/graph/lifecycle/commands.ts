/**
 * The lifecycle commands, one small class each: Start, Pause, Restart, Test connection, Provision
 * user on demand, Refresh, and the two that open what a view or a diagnostic points to. Every Graph
 * call goes through the shared GraphSession (the same path as deploy's requests).
 */
import * as vscode from 'vscode';
import { localized } from '../../../grammar/common/l10n';
import { RESET_SCOPE_EFFECTS, RESET_SCOPES, afterDeployNote } from '../../../server/graph/lifecycle/catalogue';
import { resetScopeLine } from '../../../server/graph/lifecycle/control';
import type { GraphConnectionParams, LifecycleAction } from '../../../server/graph/protocol';
import { USERS_SCOPES } from '../scopes';
import type { JobWatcher } from './watcher';
import type { ProvisionResults } from './provision-results';

abstract class LifecycleCommand {
  constructor(protected readonly watcher: JobWatcher) {}
  abstract run(...args: unknown[]): Promise<void>;

  /** The job of the active file, after a refresh (signs in when needed). */
  protected async job() {
    await this.watcher.refresh(true);
    const job = this.watcher.current;
    if (!job)
      void vscode.window.showWarningMessage(
        vscode.l10n.t('aadmap: open a .aadmap file with a deploy statement (deploy servicePrincipal "…").'),
      );
    return job;
  }

  protected async control(action: LifecycleAction, title: string, reset?: string[]): Promise<void> {
    const job = await this.job();
    if (!job) return;
    const { session } = this.watcher;
    const { params } = await session.connection(job.target.tenant);
    const result = await session.withProgress(title, (token) =>
      session.send('aadmap/graph/control', { ...params, target: job.target, action, reset }, token),
    );
    if (!result.ok) return session.fail(result);
    session.log.info(result.message);
    void vscode.window.showInformationMessage(`aadmap: ${result.message}`);
    await this.watcher.refresh(true);
  }
}

export class StartCommand extends LifecycleCommand {
  run = () => this.control('start', vscode.l10n.t('aadmap: starting provisioning'));
}

export class PauseCommand extends LifecycleCommand {
  run = () => this.control('pause', vscode.l10n.t('aadmap: pausing provisioning'));
}

export class TestConnectionCommand extends LifecycleCommand {
  run = () => this.control('testConnection', vscode.l10n.t('aadmap: testing the connection'));
}

export class RestartCommand extends LifecycleCommand {
  run = async () => {
    const pick = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('Restart provisioning'),
          description: vscode.l10n.t('as the portal does (default)'),
          scopes: [] as string[],
        },
        ...RESET_SCOPES.map((s) => ({ label: s, description: localized(RESET_SCOPE_EFFECTS[s]), scopes: [s] })),
      ],
      { title: vscode.l10n.t('Restart the job — {0}', afterDeployNote()) },
    );
    if (!pick) return;
    const dangerous = pick.scopes.filter((s): s is 'Full' | 'ForceDeletes' => s === 'Full' || s === 'ForceDeletes');
    if (dangerous.length) {
      const action = dangerous.includes('Full') ? vscode.l10n.t('Full reset') : vscode.l10n.t('Release deletes');
      const detail = dangerous.map(resetScopeLine).join('\n');
      if ((await this.watcher.session.confirm(vscode.l10n.t('{0}? This cannot be undone.', action), detail, action)) !== action) return;
    }
    await this.control('restart', vscode.l10n.t('aadmap: restarting provisioning'), pick.scopes);
  };
}

export class RefreshCommand extends LifecycleCommand {
  run = () => this.watcher.refresh(true);
}

export class ShowProvisioningCommand extends LifecycleCommand {
  run = async () => {
    await vscode.commands.executeCommand('aadmap.provisioning.focus');
    await this.watcher.refresh(true);
  };
}

export class ExplainQuarantineCommand extends LifecycleCommand {
  run = async (quarantine?: unknown) => {
    const q = (quarantine as { reason: string; explanation: string; fix: string } | undefined) ?? this.watcher.current?.status?.quarantine;
    if (!q) return void vscode.window.showInformationMessage(vscode.l10n.t('aadmap: the job is not in quarantine.'));
    void vscode.window.showWarningMessage(vscode.l10n.t('Quarantine: {0}', q.reason), {
      modal: true,
      detail: `${localized(q.explanation)}\n\n${localized(q.fix)}`,
    });
  };
}

export class ProvisionUserCommand extends LifecycleCommand {
  constructor(
    watcher: JobWatcher,
    private readonly results: ProvisionResults,
  ) {
    super(watcher);
  }
  run = async () => {
    const job = await this.job();
    if (!job) return;
    const { session } = this.watcher;
    // Searching users needs User.Read.All: asked here, when the command is run (incremental consent).
    const { params } = await session.connection(job.target.tenant, USERS_SCOPES);
    const user = await pickUser(this.watcher, params);
    if (!user) return;
    const result = await session.withProgress(vscode.l10n.t('aadmap: provisioning on demand'), (token) =>
      session.send(
        'aadmap/graph/provision',
        { ...params, target: job.target, uri: job.document.uri.toString(), text: job.document.getText(), user },
        token,
      ),
    );
    if (!result.ok) return session.fail(result);
    await this.results.show(result.report, result.text);
  };
}

/** A QuickPick that searches users by the start of their name or UPN as the user types. */
async function pickUser(watcher: JobWatcher, params: GraphConnectionParams): Promise<string | undefined> {
  const testUser = process.env['AADMAP_TEST_PROVISION_USER'];
  if (testUser) return testUser; // extension tests cannot type into a QuickPick
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
  quickPick.title = vscode.l10n.t('Provision user on demand');
  quickPick.placeholder = vscode.l10n.t('Search users by name or user principal name');
  let seq = 0;
  quickPick.onDidChangeValue(async (value) => {
    const mine = ++seq;
    if (value.trim().length < 2) return;
    quickPick.busy = true;
    const found = await watcher.session.send('aadmap/graph/users', { ...params, search: value.trim() });
    if (mine !== seq) return;
    quickPick.busy = false;
    quickPick.items = found.ok ? found.items.map((u) => ({ label: u.displayName, description: u.userPrincipalName, id: u.id })) : [];
  });
  quickPick.show();
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.id);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
  });
}
