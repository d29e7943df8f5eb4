/**
 * Protocol-level tests against the bundled server in a child process: push diagnostics (debounced,
 * stale versions dropped, immediate on save, cleared on close), pull diagnostics, and survival of
 * hostile input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
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
    expect(items[0]!.codeDescription?.href).toMatch(/#unknown-function$/);
    expect(items[0]!.source).toBe('aadmap');
    expect(items[0]!.data).toEqual({ suggestions: ['Switch'] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(published.received).toEqual([]);
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
