/** Wires the after-deploy UI: the watcher, the status bar item, the two views, the diagnostics and the commands. */
import * as vscode from 'vscode';
import type { GraphSession } from '../commands';
import { COMMANDS } from '../../../server/protocol';
import {
  ExplainQuarantineCommand,
  PauseCommand,
  ProvisionUserCommand,
  RefreshCommand,
  RestartCommand,
  ShowProvisioningCommand,
  StartCommand,
  TestConnectionCommand,
} from './commands';
import { LogDiagnostics, ProvisioningLogsView } from './logs-view';
import { ProvisionResults } from './provision-results';
import { ProvisioningView } from './provisioning-view';
import { JobStatusBarItem } from './status-bar';
import { JobWatcher } from './watcher';

export interface LifecycleUi {
  watcher: JobWatcher;
  diagnostics: LogDiagnostics;
  results: ProvisionResults;
}

export function registerLifecycle(context: vscode.ExtensionContext, session: GraphSession): LifecycleUi {
  const watcher = new JobWatcher(context, session);
  const diagnostics = new LogDiagnostics(watcher);
  const results = new ProvisionResults();
  const provisioning = new ProvisioningView(watcher);
  const logs = new ProvisioningLogsView(watcher);
  context.subscriptions.push(
    watcher,
    diagnostics,
    results,
    provisioning,
    logs,
    new JobStatusBarItem(watcher),
    vscode.window.registerTreeDataProvider('aadmap.provisioning', provisioning),
    vscode.window.registerTreeDataProvider('aadmap.provisioningLogs', logs),
  );
  const guard =
    (run: (...args: unknown[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      try {
        await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        session.log.error(message);
        void vscode.window.showErrorMessage(`aadmap: ${message}`);
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.lifecycleStart, guard(new StartCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecyclePause, guard(new PauseCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleRestart, guard(new RestartCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleTestConnection, guard(new TestConnectionCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleRefresh, guard(new RefreshCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleShowProvisioning, guard(new ShowProvisioningCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleExplainQuarantine, guard(new ExplainQuarantineCommand(watcher).run)),
    vscode.commands.registerCommand(COMMANDS.lifecycleProvisionUser, guard(new ProvisionUserCommand(watcher, results).run)),
  );
  void watcher.refresh();
  return { watcher, diagnostics, results };
}
