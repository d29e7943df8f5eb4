/** The status bar item for the active file's job: state, progress of a running cycle, a warning colour in quarantine. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../../server/protocol';
import type { JobWatcher, WatchedJob } from './watcher';

export class JobStatusBarItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aadmap.provisioningStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(watcher: JobWatcher) {
    this.item.name = 'aadmap provisioning';
    this.item.command = COMMANDS.lifecycleShowProvisioning;
    this.subscription = watcher.onDidChange((job) => this.update(job));
  }

  update(job: WatchedJob | undefined): void {
    const status = job?.status;
    if (!job || (!status && !job.statusError)) return this.item.hide();
    if (!status) {
      this.item.text = '$(error) Provisioning: unavailable';
      this.item.tooltip = job.statusError;
      this.item.backgroundColor = undefined;
    } else {
      const progress = status.progress ? ` ${status.progress.completed}/${status.progress.total}` : '';
      const icon =
        status.state === 'Quarantine'
          ? '$(warning)'
          : status.state === 'Paused'
            ? '$(debug-pause)'
            : status.progress
              ? '$(sync~spin)'
              : '$(pass)';
      this.item.text = `${icon} Provisioning: ${status.state}${progress}`;
      this.item.tooltip = [
        `${status.servicePrincipal.displayName || status.servicePrincipal.id} — job ${status.job.id}`,
        status.quarantine ? `Quarantine: ${status.quarantine.reason} — ${status.quarantine.explanation}` : '',
        status.lastExecution ? `Last execution: ${status.lastExecution.state}, ended ${status.lastExecution.ended ?? '?'}` : '',
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
