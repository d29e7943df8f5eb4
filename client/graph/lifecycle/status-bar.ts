/** The status bar item for the active file's job: state, progress of a running cycle, a warning colour in quarantine. */
import * as vscode from 'vscode';
import { formatNumber, localized } from '../../../grammar/common/l10n';
import { COMMANDS } from '../../../server/protocol';
import type { JobWatcher, WatchedJob } from './watcher';

export class JobStatusBarItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aadmap.provisioningStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(watcher: JobWatcher) {
    this.item.name = vscode.l10n.t('aadmap provisioning');
    this.item.command = COMMANDS.lifecycleShowProvisioning;
    this.subscription = watcher.onDidChange((job) => this.update(job));
  }

  update(job: WatchedJob | undefined): void {
    const status = job?.status;
    if (!job || (!status && !job.statusError)) return this.item.hide();
    if (!status) {
      this.item.text = `$(error) ${vscode.l10n.t('Provisioning: unavailable')}`;
      this.item.tooltip = job.statusError;
      this.item.backgroundColor = undefined;
    } else {
      const progress = status.progress ? ` ${formatNumber(status.progress.completed)}/${formatNumber(status.progress.total)}` : '';
      const icon =
        status.state === 'Quarantine'
          ? '$(warning)'
          : status.state === 'Paused'
            ? '$(debug-pause)'
            : status.progress
              ? '$(sync~spin)'
              : '$(pass)';
      this.item.text = `${icon} ${vscode.l10n.t('Provisioning: {0}', status.state)}${progress}`;
      this.item.tooltip = [
        vscode.l10n.t('{0} — job {1}', status.servicePrincipal.displayName || status.servicePrincipal.id, status.job.id),
        status.quarantine ? vscode.l10n.t('Quarantine: {0} — {1}', status.quarantine.reason, localized(status.quarantine.explanation)) : '',
        status.lastExecution
          ? vscode.l10n.t('Last execution: {0}, ended {1}', status.lastExecution.state, status.lastExecution.ended ?? '?')
          : '',
      ]
        .filter(Boolean)
        .join('\n');
      this.item.backgroundColor = status.state === 'Quarantine' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
