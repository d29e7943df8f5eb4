/** The Provisioning view: the job's facts as the portal's overview shows them; the quarantine reason explains itself when clicked. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../../server/protocol';
import type { JobStatusReport } from '../../../server/graph/lifecycle/status';
import type { JobWatcher, WatchedJob } from './watcher';

interface Fact {
  label: string;
  description?: string;
  tooltip?: string;
  children?: Fact[];
  command?: vscode.Command;
  icon?: string;
}

export class ProvisioningView implements vscode.TreeDataProvider<Fact>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private facts: Fact[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(watcher: JobWatcher) {
    this.subscription = watcher.onDidChange((job) => {
      this.facts = factsOf(job);
      this.changed.fire();
    });
  }

  getTreeItem(fact: Fact): vscode.TreeItem {
    const item = new vscode.TreeItem(
      fact.label,
      fact.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.description = fact.description;
    item.tooltip = fact.tooltip;
    item.command = fact.command;
    if (fact.icon) item.iconPath = new vscode.ThemeIcon(fact.icon);
    return item;
  }

  getChildren(fact?: Fact): Fact[] {
    return fact ? (fact.children ?? []) : this.facts;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function factsOf(job: WatchedJob | undefined): Fact[] {
  if (!job) return [];
  if (!job.status) return [{ label: 'Status unavailable', description: job.statusError, icon: 'error' }];
  const s: JobStatusReport = job.status;
  const facts: Fact[] = [
    { label: 'State', description: s.state, icon: s.state === 'Quarantine' ? 'warning' : 'pulse' },
    { label: 'Initial cycle', description: s.steadyState ? 'completed' : 'not completed yet' },
  ];
  if (s.progress) facts.push({ label: 'Progress', description: `${s.progress.completed}/${s.progress.total} ${s.progress.units}` });
  if (s.quarantine) {
    const q = s.quarantine;
    facts.push({
      label: 'Quarantine',
      description: q.reason,
      icon: 'warning',
      tooltip: `${q.explanation}\n${q.fix}`,
      command: { command: COMMANDS.lifecycleExplainQuarantine, title: 'Explain', arguments: [q] },
      children: [
        { label: 'Why', description: q.explanation, tooltip: q.explanation },
        { label: 'Fix', description: q.fix, tooltip: q.fix },
        { label: 'Error', description: [q.error.code, q.error.message].filter(Boolean).join(': ') },
        { label: 'Since', description: q.since ?? '?' },
        { label: 'Next attempt', description: q.nextAttempt ?? '?' },
      ],
    });
  }
  if (s.lastExecution) {
    const e = s.lastExecution;
    facts.push({
      label: 'Last execution',
      description: `${e.state}, ended ${e.ended ?? '?'}`,
      children: [
        { label: 'Began', description: e.began ?? '?' },
        { label: 'Imported', description: String(e.imported ?? '?') },
        { label: 'Exported', description: String(e.exported ?? '?') },
        { label: 'Escrowed', description: String(e.escrowed ?? '?') },
        ...(e.error ? [{ label: 'Error', description: `${e.error.code}: ${e.error.message}` }] : []),
      ],
    });
  }
  for (const [type, count] of Object.entries(s.synchronizedCounts)) facts.push({ label: 'Synchronized', description: `${count} ${type}` });
  const set = s.settings;
  const unknown = 'not readable';
  facts.push({
    label: 'Settings (read-only)',
    tooltip: 'Secrets are masked on read and cannot be patched: aadmap never writes them (see docs/watch-and-troubleshoot.md).',
    children: [
      { label: 'Scope', description: set.syncAll === null ? unknown : set.syncAll ? 'all users and groups' : 'assigned only' },
      { label: 'Notification email', description: set.notificationEmail ?? unknown },
      {
        label: 'Accidental-deletion prevention',
        description:
          set.deletionPreventionEnabled === null
            ? unknown
            : `${set.deletionPreventionEnabled ? 'on' : 'off'}${set.deletionThreshold !== null ? `, threshold ${set.deletionThreshold}` : ''}`,
      },
    ],
  });
  return facts;
}
