/** The Provisioning view: the job's facts as the portal's overview shows them; the quarantine reason explains itself when clicked. */
import * as vscode from 'vscode';
import { l10n } from '../../l10n';
import { formatNumber, localized } from '../../../grammar/common/l10n';
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

/** A count of the last execution as the display language writes it; '?' when the service did not send it. */
const countText = (count: number | null): string => (count === null ? '?' : formatNumber(count));

function factsOf(job: WatchedJob | undefined): Fact[] {
  if (!job) return [];
  if (!job.status) return [{ label: vscode.l10n.t('Status unavailable'), description: job.statusError, icon: 'error' }];
  const s: JobStatusReport = job.status;
  const facts: Fact[] = [
    { label: vscode.l10n.t('State'), description: s.state, icon: s.state === 'Quarantine' ? 'warning' : 'pulse' },
    { label: vscode.l10n.t('Initial cycle'), description: s.steadyState ? vscode.l10n.t('completed') : vscode.l10n.t('not completed yet') },
  ];
  if (s.progress)
    facts.push({
      label: vscode.l10n.t('Progress'),
      description: `${formatNumber(s.progress.completed)}/${formatNumber(s.progress.total)} ${s.progress.units}`,
    });
  if (s.quarantine) {
    const q = s.quarantine;
    // The catalogue's texts are English in the report (the CLI's JSON contract), shown in the user's language.
    const [explanation, fix] = [localized(q.explanation), localized(q.fix)];
    facts.push({
      label: vscode.l10n.t('Quarantine'),
      description: q.reason,
      icon: 'warning',
      tooltip: `${explanation}\n${fix}`,
      command: { command: COMMANDS.lifecycleExplainQuarantine, title: vscode.l10n.t('Explain'), arguments: [q] },
      children: [
        { label: vscode.l10n.t('Why'), description: explanation, tooltip: explanation },
        { label: vscode.l10n.t('Fix'), description: fix, tooltip: fix },
        { label: vscode.l10n.t('Error'), description: [q.error.code, q.error.message].filter(Boolean).join(': ') },
        { label: vscode.l10n.t('Since'), description: q.since ?? '?' },
        { label: vscode.l10n.t('Next attempt'), description: q.nextAttempt ?? '?' },
      ],
    });
  }
  if (s.lastExecution) {
    const e = s.lastExecution;
    facts.push({
      label: vscode.l10n.t('Last execution'),
      description: vscode.l10n.t('{0}, ended {1}', e.state, e.ended ?? '?'),
      children: [
        { label: vscode.l10n.t('Began'), description: e.began ?? '?' },
        { label: vscode.l10n.t('Imported'), description: countText(e.imported) },
        { label: vscode.l10n.t('Exported'), description: countText(e.exported) },
        { label: vscode.l10n.t('Escrowed'), description: countText(e.escrowed) },
        ...(e.error ? [{ label: vscode.l10n.t('Error'), description: `${e.error.code}: ${e.error.message}` }] : []),
      ],
    });
  }
  for (const [type, count] of Object.entries(s.synchronizedCounts))
    facts.push({ label: vscode.l10n.t('Synchronized'), description: `${formatNumber(count)} ${type}` });
  const set = s.settings;
  const unknown = vscode.l10n.t('not readable');
  facts.push({
    label: vscode.l10n.t('Settings (read-only)'),
    tooltip: vscode.l10n.t(
      'Secrets are masked on read and cannot be patched: aadmap never writes them (see docs/watch-and-troubleshoot.md).',
    ),
    children: [
      {
        label: vscode.l10n.t('Scope'),
        description: set.syncAll === null ? unknown : set.syncAll ? vscode.l10n.t('all users and groups') : vscode.l10n.t('assigned only'),
      },
      { label: vscode.l10n.t('Notification email'), description: set.notificationEmail ?? unknown },
      {
        label: vscode.l10n.t('Accidental-deletion prevention'),
        description:
          set.deletionPreventionEnabled === null
            ? unknown
            : set.deletionThreshold !== null
              ? set.deletionPreventionEnabled
                ? l10n.t('on, threshold {0}', set.deletionThreshold)
                : l10n.t('off, threshold {0}', set.deletionThreshold)
              : set.deletionPreventionEnabled
                ? vscode.l10n.t('on')
                : vscode.l10n.t('off'),
      },
    ],
  });
  return facts;
}
