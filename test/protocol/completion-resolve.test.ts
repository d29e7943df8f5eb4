/**
 * Completion against a schema of its own through the bundled server over stdio: attribute
 * documentation comes through `completionItem/resolve`, and a list longer than the server's limit
 * holds the attributes matching the typed word and says it is incomplete, so the editor asks again
 * as the user types (docs/performance.md, benchmark 7).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompletionItem,
  CompletionItemKind,
  CompletionRequest,
  CompletionResolveRequest,
  type CompletionList,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { ATTRIBUTE_ITEM_LIMIT } from '../../server/service/features/completion';
import { bigBlockAttribute, generateBigBlockSchema } from '../support/generate-big-block';
import { startServer, type ServerUnderTest } from '../support/server-process';

/** More target attributes than one list holds. */
const ATTRIBUTES = ATTRIBUTE_ITEM_LIMIT + 100;
const folder = mkdtempSync(join(tmpdir(), 'aadmap-protocol-completion-'));
const uri = pathToFileURL(join(folder, 'users.aadmap')).href;
const lines = ['target "schema.json"', 'mapping "Users" User -> User {', '  userName <- [userPrincipalName]  match 1', '  ', '}', ''];
/** The blank line of the block, where the target attributes are offered. */
const LINE = 3;

let server: ServerUnderTest;
let version = 1;

beforeAll(async () => {
  writeFileSync(join(folder, 'schema.json'), JSON.stringify(generateBigBlockSchema(ATTRIBUTES)));
  // As VS Code announces itself: snippets, and documentation resolved lazily.
  server = await startServer({
    textDocument: {
      completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } } },
    },
  });
  // The server reads schema files in the background and pushes the file's diagnostics again once
  // the schema is read: completion is asked for after that, as a user types after opening.
  const schemaRead = new Promise<void>((resolve) =>
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri && !params.diagnostics.some((d) => d.message.includes('schema.json'))) resolve();
    }),
  );
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'aadmap', version, text: lines.join('\n') },
  });
  await schemaRead;
});

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Types `word` on the blank line of the block (replacing what is there) and asks for completion at its end. */
async function completeAfter(word: string): Promise<CompletionList> {
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: { line: LINE, character: 2 }, end: { line: LINE + 1, character: 0 } }, text: `${word}\n` }],
  });
  const list = await server.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: LINE, character: 2 + word.length },
  });
  expect(list, `a completion list after '${word}'`).not.toBeNull();
  return list as CompletionList;
}

const attributeItems = (list: CompletionList) => list.items.filter((item) => item.kind === CompletionItemKind.Field);
const resolve = (item: CompletionItem) => server.connection.sendRequest(CompletionResolveRequest.type, item);

describe('completion with a large schema over LSP', () => {
  it('announces completionItem/resolve', () => {
    expect(server.initializeResult.capabilities.completionProvider?.resolveProvider).toBe(true);
  });

  it('cuts a list longer than the limit, keeps the block keywords and marks the list incomplete', async () => {
    const list = await completeAfter('');
    expect(list.isIncomplete).toBe(true);
    const attributes = attributeItems(list);
    expect(attributes).toHaveLength(ATTRIBUTE_ITEM_LIMIT);
    const labels = list.items.map((item) => item.label);
    // The required attribute not mapped yet is kept: it sorts first; so are the keywords.
    expect(labels).toContain('active');
    expect(labels).toEqual(expect.arrayContaining(['scope', 'enabled', 'flowTypes']));
    // The last attributes by name are what the cut drops.
    expect(labels).not.toContain(bigBlockAttribute(ATTRIBUTES - 1));
  });

  it('offers, once a word is typed, the attributes holding its letters in order, those starting with it first', async () => {
    const list = await completeAfter('field0029');
    expect(list.isIncomplete).toBe(true);
    const attributes = attributeItems(list).map((item) => item.label);
    // field00290 … field00299 were beyond the cut of the empty word's list.
    for (let i = 290; i < 300; i++) expect(attributes).toContain(bigBlockAttribute(i));
    for (const label of attributes) expect(label.toLowerCase()).toMatch(/f.*i.*e.*l.*d.*0.*0.*2.*9/);
    expect(attributes).not.toContain(bigBlockAttribute(280));
  });

  it('sends attribute documentation only when the item is resolved', async () => {
    const list = await completeAfter('field00290');
    const item = list.items.find((i) => i.label === bigBlockAttribute(290))!;
    expect(item.documentation).toBeUndefined();
    expect(item.detail).toBe('String');
    const resolved = await resolve(item);
    expect(resolved.label).toBe(item.label);
    expect(resolved.textEdit).toEqual(item.textEdit);
    expect((resolved.documentation as MarkupContent).value).toMatch(
      new RegExp(`^\\*\\*${bigBlockAttribute(290)}\\*\\* — .* attribute \\(String; optional\\)`),
    );
  });

  it('resolves a source attribute after `[` (a list under the limit stays complete)', async () => {
    await completeAfter('title <- [');
    const list = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: LINE, character: 2 + 'title <- ['.length },
      context: { triggerKind: 2, triggerCharacter: '[' },
    })) as CompletionList;
    expect(list.isIncomplete).toBe(false);
    const item = list.items.find((i) => i.label === 'jobTitle')!;
    expect(item.documentation).toBeUndefined();
    expect(((await resolve(item)).documentation as MarkupContent).value).toMatch(
      /^\*\*\[jobTitle\]\*\* — Azure Active Directory User attribute/,
    );
  });

  it('answers a resolve it cannot document with the item as sent', async () => {
    const list = await completeAfter('field00290');
    const item = list.items.find((i) => i.label === bigBlockAttribute(290))!;
    const closed = { ...item, data: { ...(item.data as object), uri: pathToFileURL(join(folder, 'closed.aadmap')).href } };
    expect(await resolve(closed)).toEqual(closed);
    const unknown = { ...item, data: { ...(item.data as object), attribute: `${bigBlockAttribute(290)}x` } };
    expect(await resolve(unknown)).toEqual(unknown);
    const scope = list.items.find((i) => i.label === 'scope');
    if (scope) expect(await resolve(scope)).toEqual(scope);
    expect(await resolve({ label: 'x', data: 'not ours' })).toEqual({ label: 'x', data: 'not ours' });
  });
});
