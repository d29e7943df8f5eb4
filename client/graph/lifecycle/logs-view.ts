/**
 * The Provisioning logs view (error code → users → steps and modified properties) and the
 * `aadmap-logs` diagnostics on the mapping lines the failures concern. The diagnostics follow the
 * latest logs (gone when the logs no longer show them), are warnings (never blocking a deploy) and
 * exist only after sign-in. Their code links to a read-only document with the records.
 */
import * as vscode from 'vscode';
import { l10n } from '../../l10n';
import { localized } from '../../../grammar/common/l10n';
import { LOG_DIAGNOSTIC_SOURCE } from '../../../server/graph/lifecycle/log-diagnostics';
import { modifiedPropertyLine } from '../../../server/graph/lifecycle/catalogue';
import type { ErrorGroup, LogRecord } from '../../../server/graph/lifecycle/logs';
import type { JobWatcher, WatchedJob } from './watcher';

const RECORDS_SCHEME = 'aadmap-logs';

type Node =
  | { kind: 'group'; group: ErrorGroup }
  | { kind: 'user'; group: ErrorGroup; user: { id: string; name: string } }
  | { kind: 'record'; record: LogRecord }
  | { kind: 'line'; label: string; description: string };

export class ProvisioningLogsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: ErrorGroup[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(watcher: JobWatcher) {
    this.subscription = watcher.onDidChange((job) => {
      this.groups = job?.groups ?? [];
      this.changed.fire();
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.group.errorCode, collapsed);
        item.description = countsText(node.group.count, node.group.users.length);
        item.tooltip = [node.group.reason, node.group.recommendedAction && localized(node.group.recommendedAction)]
          .filter(Boolean)
          .join('\n\n');
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
      case 'user': {
        const item = new vscode.TreeItem(node.user.name || node.user.id, collapsed);
        item.description = node.user.id;
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
      case 'record': {
        const item = new vscode.TreeItem(`${node.record.time} ${node.record.action}`, collapsed);
        item.description = vscode.l10n.t('{0} · change {1}', node.record.status, node.record.changeId);
        item.tooltip = node.record.reason ?? undefined;
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = `${node.label}: ${node.description}`;
        return item;
      }
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.users.map((user) => ({ kind: 'user', group: node.group, user }));
    if (node.kind === 'user')
      return node.group.records.filter((r) => r.user.id === node.user.id).map((record) => ({ kind: 'record', record }));
    if (node.kind === 'record')
      return [
        ...node.record.steps.map((s) => ({ kind: 'line' as const, label: `${s.type}: ${s.status}`, description: s.description })),
        ...node.record.modified.map((p) => ({
          kind: 'line' as const,
          label: p.name,
          description: `${p.old ?? vscode.l10n.t('(none)')} → ${p.new ?? vscode.l10n.t('(none)')}`,
        })),
      ];
    return [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** An error code's counts (the English plural forms are separate messages). */
function countsText(records: number, users: number): string {
  if (records === 1) return users === 1 ? l10n.t('1 record, 1 user') : l10n.t('1 record, {0} users', users);
  return users === 1 ? l10n.t('{0} records, 1 user', records) : l10n.t('{0} records, {1} users', records, users);
}

/** `aadmap-logs:/<errorCode>.log?<record ids>`: the records behind one diagnostic, as text. */
function recordsUri(errorCode: string, ids: readonly string[]): vscode.Uri {
  return vscode.Uri.from({ scheme: RECORDS_SCHEME, path: `/${errorCode}.log`, query: ids.join(',') });
}

function recordsText(records: readonly LogRecord[], ids: readonly string[]): string {
  const wanted = new Set(ids);
  return records
    .filter((r) => wanted.has(r.id))
    .map((r) =>
      [
        `${r.time}  ${r.action}  ${r.status}  ${r.errorCode ?? ''}  ${r.user.upn ?? r.user.name} (${r.user.id})  ${vscode.l10n.t('(change {0})', r.changeId)}`,
        r.reason ? `  ${vscode.l10n.t('Reason: {0}', r.reason)}` : '',
        r.recommendedAction ? `  ${vscode.l10n.t('Action: {0}', localized(r.recommendedAction))}` : '',
        ...r.steps.map((s) => `  ${s.type}: ${s.status} — ${s.description}`),
        ...r.modified.map((p) => `  ${modifiedPropertyLine(p)}`),
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}

export class LogDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(LOG_DIAGNOSTIC_SOURCE);
  private readonly subscriptions: vscode.Disposable[] = [];
  private records: LogRecord[] = [];

  constructor(watcher: JobWatcher) {
    this.subscriptions.push(
      this.collection,
      watcher.onDidChange((job) => this.update(job)),
      vscode.workspace.registerTextDocumentContentProvider(RECORDS_SCHEME, {
        provideTextDocumentContent: (uri) => recordsText(this.records, uri.query.split(',')),
      }),
    );
  }

  update(job: WatchedJob | undefined): void {
    if (!job || !job.diagnostics) return; // keep what is shown until the logs are read again
    this.records = job.records ?? [];
    const document = job.document;
    this.collection.set(
      document.uri,
      job.diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(document.positionAt(d.start), document.positionAt(d.end)),
          d.message,
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = LOG_DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: d.errorCode, target: recordsUri(d.errorCode, d.recordIds) };
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
