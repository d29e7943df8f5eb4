/**
 * Schema files (`target "…"`) are read off the language server's main thread: a slow file or a FIFO
 * never delays the answers for another document, and the checks that need the schema appear once
 * the file is read (`workspace/diagnostic/refresh`, then a new pull), as docs/security.md says.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type ClientCapabilities,
  CompletionRequest,
  DiagnosticRefreshRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FileChangeType,
  type FullDocumentDiagnosticReport,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { startServer, type ServerUnderTest } from '../support/server-process';
import { runCommand } from '../support/cli-process';

const examples = join(__dirname, '..', '..', 'examples');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-schema-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let server: ServerUnderTest | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** VS Code's: diagnostics are pulled, and the server may ask for them again. */
const PULL: ClientCapabilities = { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } };

const attribute = (name: string) => ({ name, type: 'String' });
const SCHEMA = JSON.stringify({
  directories: [
    { name: 'Azure Active Directory', objects: [{ name: 'User', attributes: [attribute('userPrincipalName'), attribute('mail')] }] },
    { name: 'customappsso', objects: [{ name: 'User', attributes: [attribute('userName'), attribute('emails')] }] },
  ],
});
/** `nickName` is not in SCHEMA: the check that says so needs the schema. */
const mappingText = (schemaPath: string) =>
  `target "${schemaPath}"\n\nmapping "users" User -> User {\n  userName <- [userPrincipalName]  match 1\n  nickName <- [mail]\n}\n`;
const UNKNOWN_NICKNAME = "customappsso has no attribute 'nickName'";
const READING = 'Reading the target schema';

const other = { uri: pathToFileURL(join(examples, 'chatwork.aadmap')).href, text: readFileSync(join(examples, 'chatwork.aadmap'), 'utf8') };

async function open(s: ServerUnderTest, uri: string, text: string) {
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'aadmap', version: 1, text },
  });
}

async function pull(s: ServerUnderTest, uri: string): Promise<string[]> {
  const report = (await s.connection.sendRequest(DocumentDiagnosticRequest.type, {
    textDocument: { uri },
  })) as FullDocumentDiagnosticReport;
  return report.items.map((d) => d.message);
}

/** How long the server takes to answer a document-symbol request on the other document. */
async function otherAnswerTime(s: ServerUnderTest): Promise<number> {
  const started = Date.now();
  await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other.uri } });
  return Date.now() - started;
}

/** Counts the server's `workspace/diagnostic/refresh` requests; `next()` resolves at the next one. */
function refreshes(s: ServerUnderTest) {
  let waiting: (() => void)[] = [];
  s.connection.onRequest(DiagnosticRefreshRequest.type, () => {
    for (const resolve of waiting) resolve();
    waiting = [];
  });
  return {
    next: (timeoutMs: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no workspace/diagnostic/refresh within ${timeoutMs} ms`)), timeoutMs);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

describe('a schema file on a slow drive', () => {
  it('another document is answered at once; the schema checks appear when the read ends', async () => {
    const folder = mkdtempSync(join(scratch, 'slow-'));
    const slow = join(folder, 'slow');
    mkdirSync(slow);
    writeFileSync(join(slow, 'schema.json'), SCHEMA);
    const file = join(folder, 'users.aadmap');
    const text = mappingText('slow/schema.json');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    // Every file-system call under slow/ takes 6 s longer (test/support/slow-files.mjs): read on the
    // main thread, the schema stopped every request of every document for 12 s (a stat, then an open).
    const delayMs = 6_000;
    server = await startServer(PULL, undefined, {
      execArgv: ['--import', pathToFileURL(join(__dirname, '..', 'support', 'slow-files.mjs')).href],
      env: { AADMAP_SLOW_FILES: slow, AADMAP_SLOW_FILES_MS: String(delayMs) },
    });
    const refreshed = refreshes(server);
    await open(server, other.uri, other.text);
    await open(server, uri, text);
    const started = Date.now();
    const first = pull(server, uri);
    expect(await otherAnswerTime(server)).toBeLessThan(2_500);
    // Requests on the document itself answer too, without its schema.
    const hover = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 4 } });
    const completion = server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 2 },
    });
    await Promise.all([hover, completion]);
    // The pull waits a moment for the schema, then answers with a note saying it is being read.
    const messages = await first;
    expect(Date.now() - started).toBeLessThan(delayMs);
    expect(messages.join('\n')).toContain(`${READING} "slow/schema.json"`);
    expect(messages.join('\n')).not.toContain(UNKNOWN_NICKNAME);
    // Once read, the server asks for the diagnostics again, and they hold the schema's checks.
    await refreshed.next(4 * delayMs);
    const after = await pull(server, uri);
    expect(after.join('\n')).toContain(UNKNOWN_NICKNAME);
    expect(after.join('\n')).not.toContain(READING);
  }, 60_000);
});

describe('a FIFO named as the schema', () => {
  it('is refused at once; replaced by a regular file, its checks appear', async () => {
    const folder = mkdtempSync(join(scratch, 'fifo-'));
    const schema = join(folder, 'schema.json');
    await runCommand('mkfifo', [schema]);
    const file = join(folder, 'users.aadmap');
    const text = mappingText('schema.json');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    server = await startServer(PULL);
    const refreshed = refreshes(server);
    await open(server, other.uri, other.text);
    await open(server, uri, text);
    const first = pull(server, uri);
    expect(await otherAnswerTime(server)).toBeLessThan(2_500);
    expect((await first).join('\n')).toContain('is a named pipe; aadmap reads only regular files');
    // No writer ever opened the FIFO: the server did not wait for one, and answers as before.
    expect(await otherAnswerTime(server)).toBeLessThan(2_500);
    rmSync(schema);
    writeFileSync(schema, SCHEMA);
    const next = refreshed.next(10_000);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(schema).href, type: FileChangeType.Changed }],
    });
    await next;
    const after = await pull(server, uri);
    expect(after.join('\n')).toContain(UNKNOWN_NICKNAME);
    expect(after.join('\n')).not.toContain('named pipe');
  }, 60_000);
});
