/**
 * Evaluation in the editor, over the protocol against the bundled server: value lenses for the
 * sample user next to the file, the trace hover, the `aadmap/preview` request and sample-user
 * selection through `aadmap/previewSettings` (with a CodeLens refresh).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startServer, type ServerUnderTest } from '../support/server-process';

const examples = join(__dirname, '..', '..', 'examples');
const uri = pathToFileURL(join(examples, 'chatwork.aadmap')).href;
const text = readFileSync(join(examples, 'chatwork.aadmap'), 'utf8');
const bob = pathToFileURL(join(examples, 'bob.user.json')).href;

let server: ServerUnderTest | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function open(s: ServerUnderTest, content = text) {
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'aadmap', version: 1, text: content },
  });
}

const lensTitles = async (s: ServerUnderTest) => {
  const lenses = (await s.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  return lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]);
};

describe('evaluation lenses', () => {
  it("show each mapping line's value for the first sample user next to the file", async () => {
    server = await startServer({});
    await open(server);
    expect(await lensTitles(server)).toEqual([
      [5, 'Sample user: alice.user.json', 'aadmap.selectSampleUser'],
      [5, 'Preview provisioning', 'aadmap.previewProvisioning'],
      [11, '= "alice@contoso.com"', ''],
      [12, '= "True"', ''],
      [13, '= "Sales Manager"', ''],
      [14, '= "alice"', ''],
      [15, '= "Sales"', ''],
      [16, '= "Contoso"', ''],
    ]);
  });

  it('follow the chosen sample user and edits, and ask the client to refresh', async () => {
    server = await startServer({ workspace: { codeLens: { refreshSupport: true } } });
    let refreshes = 0;
    server.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes++;
      return null;
    });
    await open(server);
    await server.connection.sendNotification('aadmap/previewSettings', { sampleUser: bob });
    const titles = await lensTitles(server);
    expect(titles[0]![1]).toBe('Sample user: bob.user.json (exists in the target: bob.target.json)');
    expect(titles[4]![1]).toBe('= "Account Executive"');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(refreshes).toBe(1);

    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('title      <- [jobTitle]', 'title      <- Mid([jobTitle], 0, 3)') }],
    });
    expect((await lensTitles(server))[4]![1]).toBe('⚠ Mid: start is 1-based (1 is the first character); got 0');
  });
});

describe('evaluation hover', () => {
  it('shows the value and the branch Switch took, marking the node under the cursor, before what the token is', async () => {
    server = await startServer({});
    await open(server);
    const line = text.split('\n').findIndex((l) => l.includes('Switch(['));
    const character = text.split('\n')[line]!.indexOf('[IsSoftDeleted]') + 2;
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('**active** for sample user `alice.user.json`: `"True"`');
    expect(value).toContain(
      'Switch([IsSoftDeleted], , "False", "True", "True", "False") → "True"   (key "False" matched (pair 1) → its value)',
    );
    expect(value).toContain('  ▶ [IsSoftDeleted] → False');
    // The value first, then the documentation of the token under the cursor, whose range the hover keeps.
    const sections = value.split('\n\n---\n\n');
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^\*\*active\*\* for sample user/);
    expect(sections[1]).toMatch(/^\*\*\[IsSoftDeleted\]\*\* — Azure Active Directory User attribute/);
    expect(hover!.range).toEqual({
      start: { line, character: character - 2 },
      end: { line, character: character - 2 + '[IsSoftDeleted]'.length },
    });
  });
});

describe('aadmap/preview', () => {
  it('returns the preview document for the open text, and follows the sample user', async () => {
    server = await startServer({});
    await open(server);
    const first = await server.connection.sendRequest<{ content: string; sampleUser?: string }>('aadmap/preview', {
      textDocument: { uri },
    });
    expect(first.sampleUser).toMatch(/alice\.user\.json$/);
    expect(first.content).toContain('# Sample user: alice.user.json');
    expect(first.content).toContain('\nPOST /Users\n');

    await server.connection.sendNotification('aadmap/previewSettings', { sampleUser: bob, scimCompliant: true });
    const second = await server.connection.sendRequest<{ content: string }>('aadmap/preview', { textDocument: { uri }, format: 'json' });
    const preview = JSON.parse(second.content);
    expect(preview.existing).toBe('bob.target.json');
    expect(preview.patchFlavour).toBe('aadOptscim062020');
    expect(preview.mappings[0].action).toBe('update');
  });

  it('explains a file with errors and survives bad requests', async () => {
    server = await startServer({});
    await open(server, text.replace('Switch(', 'Swtich('));
    const { content } = await server.connection.sendRequest<{ content: string }>('aadmap/preview', { textDocument: { uri } });
    expect(content).toContain("The file has errors; fix them to see the preview:\n#   chatwork.aadmap:13:17: Unknown function 'Swtich'");
    const bad = await server.connection.sendRequest<{ content: string }>('aadmap/preview', {});
    expect(bad.content).toContain('names no document');
    const missing = await server.connection.sendRequest<{ content: string }>('aadmap/preview', {
      textDocument: { uri: 'file:///nowhere/x.aadmap' },
    });
    expect(missing.content).toContain('cannot read');
  });
});

describe('Restricted Mode (an untrusted workspace)', () => {
  it('evaluates no sample user: no lenses, no value in the hover, a preview that says why', async () => {
    server = await startServer({}, { restricted: true });
    await open(server);
    expect(await lensTitles(server)).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('Switch(['));
    const character = text.split('\n')[line]!.indexOf('[IsSoftDeleted]') + 2;
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    expect((hover!.contents as MarkupContent).value).not.toContain('for sample user');
    const { content } = await server.connection.sendRequest<{ content: string }>('aadmap/preview', { textDocument: { uri } });
    expect(content).toBe(
      '# aadmap provisioning preview\n# Sample users are not evaluated in Restricted Mode: trust this workspace to see values and the preview.\n',
    );
  });
});
