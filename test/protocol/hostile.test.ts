/**
 * Hostile files against the bundled server: whatever a workspace holds, the server keeps answering
 * requests on another document within a bound.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CodeLensRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
  PublishDiagnosticsNotification,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { startServer, type ServerUnderTest } from '../support/server-process';
import { runCommand } from '../support/cli-process';

const examples = join(__dirname, '..', '..', 'examples');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let server: ServerUnderTest | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const other = { uri: pathToFileURL(join(examples, 'chatwork.aadmap')).href, text: readFileSync(join(examples, 'chatwork.aadmap'), 'utf8') };

async function open(s: ServerUnderTest, uri: string, text: string) {
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'aadmap', version: 1, text },
  });
}

/** How long the server takes to answer a document-symbol request on the other document. */
async function otherAnswerTime(s: ServerUnderTest): Promise<number> {
  const started = Date.now();
  await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other.uri } });
  return Date.now() - started;
}

describe('a catastrophic regular expression with a sample user beside the file', () => {
  it('ends each lens with "took too long"; another document is answered within a bound meanwhile', async () => {
    const folder = mkdtempSync(join(scratch, 'regex-'));
    const file = join(folder, 'hostile.aadmap');
    const text = readFileSync(join(examples, 'chatwork.aadmap'), 'utf8')
      .replace('title      <- [jobTitle]', 'title      <- Replace([jobTitle], , "(a+)+$", , "x", , )')
      .replace('<- [department]', '<- Replace([department], , "(b|b)*$", , "x", , )');
    writeFileSync(file, text);
    const user = JSON.parse(readFileSync(join(examples, 'alice.user.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(folder, 'alice.user.json'),
      JSON.stringify({ ...user, jobTitle: `${'a'.repeat(40)}!`, department: `${'b'.repeat(40)}!` }),
    );
    server = await startServer({});
    const uri = pathToFileURL(file).href;
    await open(server, other.uri, other.text);
    await open(server, uri, text);
    const lenses = server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    // Without a bound, the lens request never ends and neither does this one.
    expect(await otherAnswerTime(server)).toBeLessThan(5_000);
    const titles = ((await lenses) ?? []).map((lens) => lens.command?.title ?? '');
    expect(titles.filter((title) => title.includes('the regular expression took too long'))).toHaveLength(2);
    // Asked again (every keystroke asks), the known-hostile patterns cost little.
    const again = server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    expect(await otherAnswerTime(server)).toBeLessThan(2_000);
    await again;
  }, 30_000);
});

describe('evaluation runs off the main thread', () => {
  it('a file of 60 catastrophic patterns: the lenses stop at their budget with the values that were ready, another document is answered at once', async () => {
    // Each pattern is bounded (1 s, then 100 ms) by the regex guard, but 60 of them on the main thread
    // stopped every request of every document for half a minute.
    const folder = mkdtempSync(join(scratch, 'patterns-'));
    const file = join(folder, 'hostile.aadmap');
    const lines = Array.from({ length: 60 }, (_, i) => `  title      <- Replace([jobTitle], , "(a+)+$|x${i}", , "x", , )`);
    const text = other.text.replace('  title      <- [jobTitle]\n', `${lines.join('\n')}\n`);
    writeFileSync(file, text);
    const user = JSON.parse(readFileSync(join(examples, 'alice.user.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(folder, 'alice.user.json'), JSON.stringify({ ...user, jobTitle: `${'a'.repeat(40)}!` }));
    server = await startServer({});
    const uri = pathToFileURL(file).href;
    await open(server, other.uri, other.text);
    await open(server, uri, text);
    const lenses = server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await otherAnswerTime(server)).toBeLessThan(3_000);
    const shown = (await lenses) ?? [];
    // The values that were ready are shown, and the first missing one says why the rest is not.
    const warning = shown.at(-1)!;
    expect(warning.command?.title).toBe(
      '⚠ Values from this line on not shown: evaluating this file for the sample user took longer than 5 s and was stopped',
    );
    const sourceLines = text.split('\n');
    const mappingLines = sourceLines.flatMap((l, i) => (l.includes(' <- ') ? [i] : []));
    const stoppedAt = warning.range.start.line;
    expect(mappingLines).toContain(stoppedAt);
    const valueLines = shown
      .slice(0, -1)
      .filter((lens) => lens.command?.command === '')
      .map((lens) => lens.range.start.line);
    // Every line before it has its value (each pattern line: stopped by the regex guard), none after it.
    expect(valueLines).toEqual(mappingLines.filter((line) => line < stoppedAt));
    for (const line of valueLines.filter((l) => sourceLines[l]!.includes('"(a+)+$|x')))
      expect(shown.find((lens) => lens.range.start.line === line)?.command?.title).toContain('the regular expression took too long');
    // The block's own lenses (made before any line is evaluated) are there too.
    expect(shown.filter((lens) => lens.command?.title.startsWith('Sample user: '))).toHaveLength(1);
    // The hover evaluates one line: its pattern is stopped by the regex guard, and said so.
    const line = text.split('\n').findIndex((l) => l.includes('x7"'));
    const hover = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 20 } });
    expect(await otherAnswerTime(server)).toBeLessThan(3_000);
    expect(((await hover)!.contents as MarkupContent).value).toContain('the regular expression took too long');
    // Asked again for the same version, the stopped lenses cost nothing.
    const started = Date.now();
    expect(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })).toEqual(shown);
    expect(Date.now() - started).toBeLessThan(3_000);
  }, 60_000);
});

describe('a huge document, and a FIFO named as the target schema', () => {
  it('every request on them is answered within a bound, and so is another document', async () => {
    const folder = mkdtempSync(join(scratch, 'huge-'));
    writeFileSync(join(folder, 'alice.user.json'), readFileSync(join(examples, 'alice.user.json')));
    await runCommand('mkfifo', [join(folder, 'schema.json')]);
    const hugeText = `${other.text}${'\n'.repeat(1_000_000)}`;
    const huge = pathToFileURL(join(folder, 'huge.aadmap')).href;
    const fifoText = other.text.replace('target chatwork', 'target "schema.json"');
    const fifo = pathToFileURL(join(folder, 'fifo.aadmap')).href;
    server = await startServer({});
    const published = new Map<string, string[]>();
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) =>
      published.set(
        params.uri,
        params.diagnostics.map((d) => d.message),
      ),
    );
    await open(server, other.uri, other.text);
    await open(server, huge, hugeText);
    await open(server, fifo, fifoText);
    for (let waited = 0; waited < 20_000 && !(published.has(huge) && published.has(fifo)); waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(published.get(huge)).toEqual([
      "This document has 1,000,019 lines; aadmap's editor features stop at 200,000 lines (`aadmap check` checks it whole).",
    ]);
    expect(published.get(fifo)!.join('\n')).toContain('is a named pipe; aadmap reads only regular files');
    const position = { line: 12, character: 20 };
    for (const uri of [huge, fifo]) {
      const textDocument = { uri };
      const requests: [string, () => Promise<unknown>][] = [
        ['symbols', () => server!.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })],
        ['folding', () => server!.connection.sendRequest(FoldingRangeRequest.type, { textDocument })],
        ['semantic tokens', () => server!.connection.sendRequest(SemanticTokensRequest.type, { textDocument })],
        ['hover', () => server!.connection.sendRequest(HoverRequest.type, { textDocument, position })],
        ['completion', () => server!.connection.sendRequest(CompletionRequest.type, { textDocument, position })],
        ['lenses', () => server!.connection.sendRequest(CodeLensRequest.type, { textDocument })],
        [
          'formatting',
          () =>
            server!.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        ],
      ];
      for (const [name, request] of requests) {
        const started = Date.now();
        const answer = await request();
        expect(Date.now() - started, `${name} on ${uri}`).toBeLessThan(8_000);
        expect(JSON.stringify(answer ?? null).length, `${name} on ${uri}`).toBeLessThan(100_000);
        expect(await otherAnswerTime(server), `another document after ${name} on ${uri}`).toBeLessThan(3_000);
      }
    }
  }, 120_000);
});

describe('files the workspace names', () => {
  it('a FIFO as the sample user and target "/dev/zero": lenses and diagnostics come back, the server keeps answering', async () => {
    const folder = mkdtempSync(join(scratch, 'files-'));
    await runCommand('mkfifo', [join(folder, 'a.user.json')]);
    const file = join(folder, 'hostile.aadmap');
    const text = readFileSync(join(examples, 'chatwork.aadmap'), 'utf8').replace('target chatwork', 'target "/dev/zero"');
    writeFileSync(file, text);
    server = await startServer({});
    const uri = pathToFileURL(file).href;
    const diagnostics = new Promise<string[]>((resolve) =>
      server!.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri) resolve(params.diagnostics.map((d) => d.message));
      }),
    );
    await open(server, other.uri, other.text);
    await open(server, uri, text);
    const lenses = server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    expect(await otherAnswerTime(server)).toBeLessThan(5_000);
    expect((await diagnostics).join('\n')).toContain('/dev/zero is a device; aadmap reads only regular files');
    const titles = ((await lenses) ?? []).map((lens) => lens.command?.title ?? '');
    expect(titles.join('\n')).toContain('a.user.json');
  }, 30_000);
});

describe('a document with thousands of problems', () => {
  it('publishes the first 1000 diagnostics and a final "… and N more"', async () => {
    const lines = ['target chatwork', 'mapping "m" User -> User {', '  userName <- [userPrincipalName]  match 1'];
    for (let i = 0; i < 3000; i++) lines.push(`  title <- Nope${i}([jobTitle])`);
    const text = `${lines.join('\n')}\n}\n`;
    const uri = pathToFileURL(join(scratch, 'many.aadmap')).href;
    server = await startServer({});
    const published = new Promise<string[]>((resolve) =>
      server!.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri) resolve(params.diagnostics.map((d) => d.message));
      }),
    );
    await open(server, uri, text);
    const messages = await published;
    expect(messages).toHaveLength(1001);
    expect(messages[1000]).toBe('… and 4,999 more problems (only the first 1,000 are shown)');
  }, 30_000);
});
