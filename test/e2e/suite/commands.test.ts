/** Commands: everything package.json contributes is registered, and each command does its job. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { aadmapDiagnostics, aadmapExtension, editThenRevert, openInEditor, waitFor } from './helpers';

/** Pids of the language servers this extension host forked (the client starts dist/server.js with IPC). */
function languageServerPids(): number[] {
  const serverModule = vscode.Uri.joinPath(aadmapExtension().extensionUri, 'dist', 'server.js').fsPath;
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null && Number(match[2]) === process.pid && match[3]!.includes(serverModule))
    .map((match) => Number(match![1]));
}

suite('commands', () => {
  test('every command in package.json is registered', async () => {
    await aadmapExtension().activate();
    const contributed = (aadmapExtension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.includes('aadmap.restartServer'));
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((command) => !registered.has(command)),
      [],
    );
  });

  test('aadmap.restartServer replaces the language server process, and the new one answers', async function () {
    if (process.platform === 'win32') this.skip(); // `ps` below
    const editor = await openInEditor('examples/chatwork.aadmap');
    const [before] = await waitFor('the language server process', () => {
      const pids = languageServerPids();
      return pids.length === 1 ? pids : undefined;
    });
    await vscode.commands.executeCommand('aadmap.restartServer');
    const [after] = await waitFor('a new language server process', () => {
      const pids = languageServerPids();
      return pids.length === 1 && pids[0] !== before ? pids : undefined;
    });
    assert.notEqual(after, before);
    await editThenRevert(
      editor,
      (edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n('),
      () =>
        waitFor('the restarted server to report the broken line', () => (aadmapDiagnostics(editor.document).length > 0 ? true : undefined)),
    );
  });
});
