/**
 * Protocol-level tests against the bundled server in a child process: push diagnostics (debounced,
 * stale versions dropped, immediate on save, cleared on close), pull diagnostics, and survival of
 * hostile input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  CompletionRequest,
  DocumentDiagnosticRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateMappingFile } from '../support/generate';
import { createLanguageService } from '../../server/service/language-service';
import { startServer, type ServerUnderTest } from '../support/server-process';

const uri = 'file:///workspace/chatwork.aadmap';
const broken = `target chatwork
mapping "Users" User -> User {
  userName <- [userPrincipalName]  match 1
  active <- Swtich([IsSoftDeleted], , "False", "True", "True", "False")
}
`;
const fixed = broken.replace('Swtich', 'Switch');

let server: ServerUnderTest | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Collects publishDiagnostics notifications and waits for the next one matching a predicate. */
function recorder(s: ServerUnderTest) {
  const received: PublishDiagnosticsParams[] = [];
  const waiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  s.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    received.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  return {
    received,
    next(predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; got ${JSON.stringify(received)}`)),
          timeoutMs,
        );
        waiters.push({ predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
  };
}

describe('push diagnostics (client without pull support)', () => {
  it('publishes on open, updates on change, drops stale versions, publishes at once on save and clears on close', async () => {
    server = await startServer({});
    const published = recorder(server);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'aadmap', version: 1, text: broken },
    });

    const first = await published.next((p) => p.uri === uri && p.version === 1);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['unknown-function']);
    expect(first.diagnostics[0]!.range).toEqual({ start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
    expect(first.diagnostics[0]!.message).toContain("Did you mean 'Switch'?");

    // Two quick edits: the debounce validates only the last version.
    const change = (version: number, text: string) =>
      server!.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    await change(2, broken.replace('Swtich', 'Swich'));
    await change(3, fixed);
    const third = await published.next((p) => p.version === 3);
    expect(third.diagnostics).toEqual([]);
    expect(published.received.some((p) => p.version === 2)).toBe(false);

    // An incremental edit that breaks the document again, then a save publishes without waiting.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 2, character: 15 }, end: { line: 2, character: 32 } }, text: 'UserPrincipalName' }],
    });
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const fourth = await published.next((p) => p.version === 4);
    expect(fourth.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['attribute-case', 2, 15]]);

    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await published.next((p) => p.uri === uri && p.version === undefined);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('checks .scimfilter documents against the Chatwork schema', async () => {
    server = await startServer({});
    const published = recorder(server);
    const filterUri = 'file:///workspace/lookups.scimfilter';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: filterUri, languageId: 'scimfilter', version: 7, text: 'userName eq "a@b.c"\nexternalId eq "x"\n' },
    });
    const result = await published.next((p) => p.uri === filterUri);
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['non-filterable-attribute', 1]]);
  });
});

describe('pull diagnostics (LSP 3.17 client)', () => {
  it('answers textDocument/diagnostic and does not push', async () => {
    server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    const published = recorder(server);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'aadmap', version: 1, text: broken },
    });
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    expect(report.kind).toBe('full');
    const items = report.kind === 'full' ? report.items : [];
    expect(items.map((d) => d.code)).toEqual(['unknown-function']);
    // The link opens the reference shipped beside dist/ (in the .vsix too), at the code's heading.
    const link = new URL(items[0]!.codeDescription!.href);
    expect(link.protocol).toBe('file:');
    expect(link.hash).toBe('#unknown-function');
    expect(fileURLToPath(link)).toBe(join(__dirname, '..', '..', 'docs', 'diagnostics.md'));
    expect(readFileSync(fileURLToPath(link), 'utf8')).toContain('\n### unknown-function\n');
    expect(items[0]!.source).toBe('aadmap');
    expect(items[0]!.data).toEqual({ suggestions: ['Switch'] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(published.received).toEqual([]);
  });
});

describe('incremental changes (the server records them as offsets for the incremental diagnostics)', () => {
  it('reports what a full analysis of the text reports, after changes of every shape', async () => {
    server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    // The server links diagnostics to the reference beside dist/ (server/lsp/main.ts); so does this one.
    const reference = createLanguageService({
      diagnosticsReference: pathToFileURL(join(__dirname, '..', '..', 'docs', 'diagnostics.md')).href,
    });
    const docUri = 'file:///workspace/incremental.aadmap';
    let text = `${generateMappingFile(20)}\nmapping "Broken" User -> User {\n  title <- Swtich([jobTitle], , "a", "b")\n}\n`;
    const client = TextDocument.create(docUri, 'aadmap', 1, text);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: docUri, languageId: 'aadmap', version: 1, text },
    });
    // A seeded sequence (mulberry32): the same changes on every run.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const snippets = [
      'x',
      '',
      '\n',
      '\r\n',
      '}',
      '{',
      '"',
      'Swtich(',
      '\nmapping "New" User -> User {\n  title <- [jobTitle]\n',
      '\ntarget chatwork\n',
    ];
    const pull = async () => {
      const report = await server!.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: docUri } });
      return report.kind === 'full' ? report.items : [];
    };
    expect(await pull()).toEqual(reference.validate({ uri: docUri, languageId: 'aadmap', text }));
    for (let version = 2; version <= 80; version++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      if (random() < 0.05) {
        changes.push({ text: text.replace('"n/a"', '"n/c"') }); // now and then the whole text
      } else {
        // Each range is in the text the changes before it produced.
        let scratch = text;
        for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
          const current = TextDocument.create(docUri, 'aadmap', 0, scratch);
          const a = Math.floor(random() * (scratch.length + 1));
          const b = Math.min(scratch.length, a + Math.floor(random() * 12));
          const [start, end] = random() < 0.2 ? [b, a] : [a, b]; // a range given end first, now and then
          const range = { start: current.positionAt(start), end: current.positionAt(end) };
          const insert = snippets[Math.floor(random() * snippets.length)]!;
          changes.push({ range, text: insert });
          scratch = TextDocument.applyEdits(current, [{ range, newText: insert }]);
        }
      }
      TextDocument.update(client, changes, version);
      text = client.getText();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: docUri, version },
        contentChanges: changes,
      });
      // Completion makes a snapshot without diagnostics: the edits since the last diagnostics add up.
      if (random() < 0.3)
        await server.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: docUri },
          position: client.positionAt(Math.floor(random() * text.length)),
        });
      if (random() < 0.5 || version === 80)
        expect(await pull(), `version ${version}`).toEqual(reference.validate({ uri: docUri, languageId: 'aadmap', text }));
    }
  });
});

describe('robustness', () => {
  it('survives hostile documents and keeps answering', async () => {
    server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    const hostile = [
      '\u0000\uffff\ud800',
      '('.repeat(5000),
      'mapping "x" User -> User {\n'.repeat(500),
      `target chatwork\nmapping "x" User -> User {\n  a <- ${'Join(",", '.repeat(3000)}\n}`,
      '"'.repeat(10001),
      '\r\r\n\n\t{}}}{{<-<-->->',
    ];
    for (const [i, text] of hostile.entries()) {
      const docUri = `file:///workspace/hostile${i}.aadmap`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: docUri, languageId: 'aadmap', version: 1, text },
      });
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: docUri } });
      expect(report.kind).toBe('full');
    }
    const ok = await server.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: 'file:///workspace/unknown.aadmap' },
    });
    expect(ok).toEqual({ kind: 'full', items: [] });
    expect(server.process.exitCode).toBeNull();
  });
});
