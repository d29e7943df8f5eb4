/**
 * Provision-on-demand results beside the editor, like the provisioning preview: a read-only
 * document with the service's steps, modified properties and aadmap's comparison; the lines of the
 * differences are highlighted.
 */
import * as vscode from 'vscode';
import { differencesHeading } from '../../../server/graph/lifecycle/catalogue';
import type { ProvisionReport } from '../../../server/graph/lifecycle/provision';

const SCHEME = 'aadmap-provision';

export class ProvisionResults implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    provideTextDocumentContent: (uri) => this.texts.get(uri.toString()) ?? '',
  });
  /** The last result (the extension tests read it). */
  last: ProvisionReport | undefined;

  async show(report: ProvisionReport, text: string): Promise<vscode.TextEditor> {
    this.last = report;
    const uri = vscode.Uri.from({
      scheme: SCHEME,
      path: `/${report.user.userPrincipalName || report.user.id}.provision.log`,
      query: String(Date.now()),
    });
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    const ranges: vscode.Range[] = [];
    const lines = text.split('\n');
    // The server wrote the heading in the language this extension reads its bundle in.
    const heading = differencesHeading(report.differences.length);
    const start = lines.findIndex((l) => l === heading);
    if (start >= 0) {
      for (let i = start + 1; i < lines.length && lines[i]!.startsWith('  '); i++) ranges.push(new vscode.Range(i, 0, i, lines[i]!.length));
      for (const d of report.differences) {
        lines.forEach((line, i) => {
          if (i < start && line.trimStart().startsWith(`${d.attribute}:`)) ranges.push(new vscode.Range(i, 0, i, line.length));
        });
      }
    }
    editor.setDecorations(this.decoration, ranges);
    return editor;
  }

  dispose(): void {
    this.decoration.dispose();
    this.registration.dispose();
  }
}
