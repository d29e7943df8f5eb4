/**
 * The browser build in real VS Code: this module runs INSIDE code-server's web worker extension host
 * (the extension host of vscode.dev and github.dev), where the extension runs its `browser` entry
 * (dist/browser/extension.js) and the language server runs in a web worker (dist/browser/server.js).
 * The runner (harness/run-extension-host-tests.ts --web-worker) forces the web worker host with the
 * `remote.extensionKind` setting; docs/browser.md says why and what else was tried.
 *
 * No Node.js here: no `process`, no `require` but `vscode`, no mocha, no node:assert. So the tests are
 * a plain list run in order; run() rejects when one fails, which makes the workbench exit with code 1.
 */
import * as vscode from 'vscode';
import { compareExpectations, exampleExpectations } from '../../support/inline-expectations';

const EXTENSION_ID = 'aadmap.aadmap';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls `probe` until it returns something other than undefined; fails with `what`. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

function aadmapDiagnostics(document: vscode.TextDocument) {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'aadmap')
    .map((d) => ({
      start: document.offsetAt(d.range.start),
      end: document.offsetAt(d.range.end),
      severity: SEVERITIES[d.severity],
      code: String(typeof d.code === 'object' ? d.code.value : d.code),
      message: d.message,
    }));
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return waitFor('a hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers?.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return text || undefined;
  });
}

const TESTS: { name: string; run: () => Promise<void> }[] = [
  {
    name: "the extension runs its browser entry in the web worker extension host (no Node.js: no 'process')",
    async run() {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      check(extension, `${EXTENSION_ID} is not loaded`);
      check(typeof (globalThis as { process?: unknown }).process === 'undefined', "this extension host has Node.js's 'process'");
      check(
        extension.extensionKind === vscode.ExtensionKind.UI,
        `the extension runs as ${vscode.ExtensionKind[extension.extensionKind]}, not in the web worker host`,
      );
    },
  },
  {
    name: 'examples/mistakes.aadmap gets exactly the diagnostics of its inline expectations, from the server in a web worker',
    async run() {
      const document = await vscode.workspace.openTextDocument(workspaceFile('examples/mistakes.aadmap'));
      await vscode.window.showTextDocument(document);
      check(document.languageId === 'aadmap', `the document's language is ${document.languageId}`);
      // The expectations live in the checker's fixture of this example (docs: test/checker/examples/).
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const fixture = vscode.Uri.joinPath(extension.extensionUri, 'test', 'checker', 'examples', 'mistakes.aadmap');
      const expectations = exampleExpectations(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture)));
      check(expectations.length > 0, 'the fixture has no expectations');
      let problems: string[] = [];
      await waitFor('the expected diagnostics', () => {
        problems = compareExpectations(document.getText(), aadmapDiagnostics(document), undefined, expectations);
        return problems.length === 0 ? true : undefined;
      }).catch(() => {
        throw new Error(`other diagnostics than the inline expectations:\n  ${problems.join('\n  ')}`);
      });
    },
  },
  {
    name: 'hover on a target attribute: its documentation',
    async run() {
      const document = await vscode.workspace.openTextDocument(workspaceFile('examples/mistakes.aadmap'));
      const offset = document.getText().indexOf('externalId <-');
      check(offset >= 0, 'no "externalId <-" in examples/mistakes.aadmap');
      const text = await hoverAt(document, document.positionAt(offset + 2));
      const expected = '**externalId** — Chatwork attribute';
      check(text.includes(expected), `the hover does not say "${expected}":\n${text}`);
    },
  },
  {
    name: 'a target schema file: a diagnostic saying it cannot be read in the browser, rather than a failure',
    async run() {
      const uri = vscode.Uri.from({ scheme: 'untitled', path: 'browser-schema-file.aadmap' });
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'aadmap');
      const editor = await vscode.window.showTextDocument(document);
      check(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'target "schema.json"\n')), 'the text was not inserted');
      const found = await waitFor('the unknown-target diagnostic', () =>
        aadmapDiagnostics(document).find((d) => d.code === 'unknown-target' && d.message.includes('schema files cannot be read here')),
      );
      check(document.positionAt(found.start).line === 0, `the diagnostic is not on the target line: ${JSON.stringify(found)}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  },
];

export async function run(): Promise<void> {
  console.log("aadmap extension-host tests in VS Code's web worker extension host (the browser build)");
  let failed = 0;
  for (const test of TESTS) {
    try {
      await test.run();
      console.log(`  ✔ ${test.name}`);
    } catch (error) {
      failed++;
      console.error(`  ✘ ${test.name}\n    ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${TESTS.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} web worker extension-host test(s) failed`);
}
