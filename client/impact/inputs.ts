/**
 * What an impact compares and on whom (docs/impact.md, "In VS Code"): the users from the setting
 * `aadmap.impact.users` (a JSONL file or `tenant`), else the workspace's choice made in the picker;
 * the before version from `aadmap.impact.before` (`job`, `git:REV` or a file). Paths are relative to
 * the mapping file's workspace folder. The tenant's users are kept in the folder's `.aadmap/cache/`.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import type { ImpactBefore, ImpactUsers } from '../../server/impact/editor';
import { CACHE_FOLDER, cacheMetaFile } from '../../server/impact/tenant';

const USERS_CHOICE_KEY = 'aadmap.impact.users';

/** The folder `.aadmap/` lives in: the file's workspace folder, else the file's own folder. */
function projectFolder(document: vscode.TextDocument): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') return folder.uri.fsPath;
  if (document.uri.scheme === 'file') return dirname(document.uri.fsPath);
  return undefined;
}

function cacheDirectory(document: vscode.TextDocument): string | undefined {
  const folder = projectFolder(document);
  return folder ? join(folder, CACHE_FOLDER) : undefined;
}

function resolvePath(document: vscode.TextDocument, path: string): string {
  const folder = projectFolder(document);
  return isAbsolute(path) || !folder ? path : join(folder, path);
}

/** A setting's or a choice's text as users: `tenant`, else a JSONL path. */
export function usersFrom(document: vscode.TextDocument, text: string): ImpactUsers | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (value === 'tenant') {
    const cacheDir = cacheDirectory(document);
    return cacheDir ? { kind: 'tenant', cacheDir } : undefined;
  }
  return { kind: 'file', path: resolvePath(document, value) };
}

/** The users already chosen (setting, then the workspace's choice); undefined when none is. */
export function chosenUsers(context: vscode.ExtensionContext, document: vscode.TextDocument): ImpactUsers | undefined {
  const setting = vscode.workspace.getConfiguration('aadmap.impact', document.uri).get<string>('users') ?? '';
  return usersFrom(document, setting) ?? usersFrom(document, context.workspaceState.get<string>(USERS_CHOICE_KEY) ?? '');
}

/**
 * The users for the deploy guard: those chosen, else the directory cache of an earlier tenant read
 * for this service principal (as the CLI's `deploy` does); undefined when no users are available.
 */
export function deployUsers(
  context: vscode.ExtensionContext,
  document: vscode.TextDocument,
  servicePrincipalId: string,
): ImpactUsers | undefined {
  const chosen = chosenUsers(context, document);
  if (chosen) return chosen;
  const cacheDir = cacheDirectory(document);
  return cacheDir && existsSync(cacheMetaFile(cacheDir, servicePrincipalId)) ? { kind: 'tenant', cacheDir } : undefined;
}

/** Asks where the users come from (a JSONL file, or the tenant) and remembers it for the workspace. */
export async function pickUsers(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<ImpactUsers | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Users file (JSON Lines)…'),
        description: vscode.l10n.t('one user a line, as aadmap eval --input reads'),
        value: 'file',
      },
      {
        label: vscode.l10n.t("The tenant's users"),
        description: vscode.l10n.t('read from Microsoft Graph into .aadmap/cache/'),
        value: 'tenant',
      },
    ],
    { title: vscode.l10n.t('Users for the deploy impact') },
  );
  if (!pick) return undefined;
  let choice = 'tenant';
  if (pick.value === 'file') {
    const folder = projectFolder(document);
    const files = await vscode.window.showOpenDialog({
      canSelectMany: false,
      defaultUri: folder ? vscode.Uri.file(folder) : undefined,
      filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl', 'ndjson'], [vscode.l10n.t('All files')]: ['*'] },
      openLabel: vscode.l10n.t('Use these users'),
    });
    if (!files?.[0]) return undefined;
    choice = files[0].fsPath;
  }
  await context.workspaceState.update(USERS_CHOICE_KEY, choice);
  return usersFrom(document, choice);
}

/** `aadmap.impact.before`: `job` (default), `git:REV`, or a `.aadmap` / schema `.json` file. */
export function chosenBefore(document: vscode.TextDocument): ImpactBefore {
  return beforeFrom(document, vscode.workspace.getConfiguration('aadmap.impact', document.uri).get<string>('before') ?? '');
}

export function beforeFrom(document: vscode.TextDocument, text: string): ImpactBefore {
  const value = text.trim();
  if (!value || value === 'job') return { kind: 'job' };
  if (value.startsWith('git:')) return { kind: 'git', rev: value.slice(4) };
  return { kind: 'file', path: resolvePath(document, value) };
}
