/**
 * The Impact commands, one small class each: "aadmap: Show deploy impact" opens (or refreshes) the
 * Impact view of the active mapping file; "aadmap: Select users for the impact" changes where the
 * users come from.
 */
import * as vscode from 'vscode';
import type { EditorImpact } from '../../server/impact/editor';
import type { GraphSession } from '../graph/commands';
import { beforeFrom, chosenBefore, chosenUsers, pickUsers, usersFrom } from './inputs';
import { ImpactPanel } from './panel';

function mappingDocument(uri?: unknown): vscode.TextDocument | undefined {
  const document =
    uri instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'aadmap') {
    void vscode.window.showWarningMessage(vscode.l10n.t('aadmap: open a .aadmap file first.'));
    return undefined;
  }
  return document;
}

/** Options a caller (a test, a code lens) may give instead of the settings: the same texts as `aadmap.impact.users` / `.before`. */
export interface ShowImpactOptions {
  users?: string;
  before?: string;
  /** Start nothing: the latest run of the file's open view (one a save started), once it is done. */
  latest?: boolean;
}

export class ShowImpactCommand {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly session: GraphSession,
  ) {}

  /** Resolves to the impact shown (undefined when nothing ran or it failed). */
  run = async (uri?: unknown, options: ShowImpactOptions = {}): Promise<EditorImpact | undefined> => {
    const document = mappingDocument(uri);
    if (!document) return undefined;
    if (options.latest) return ImpactPanel.forDocument(document.uri)?.current;
    const users =
      (options.users !== undefined ? usersFrom(document, options.users) : undefined) ??
      chosenUsers(this.context, document) ??
      (await pickUsers(this.context, document));
    if (!users) return undefined;
    const before = options.before !== undefined ? beforeFrom(document, options.before) : chosenBefore(document);
    return ImpactPanel.show(this.context, this.session, document, { before, users }).run();
  };
}

export class SelectImpactUsersCommand {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly session: GraphSession,
  ) {}

  run = async (uri?: unknown): Promise<void> => {
    const document = mappingDocument(uri);
    if (!document) return;
    const users = await pickUsers(this.context, document);
    if (!users) return;
    const panel = ImpactPanel.forDocument(document.uri);
    if (panel) await ImpactPanel.show(this.context, this.session, document, { before: chosenBefore(document), users }).run();
  };
}
