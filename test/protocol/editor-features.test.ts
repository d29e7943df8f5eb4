/**
 * Editor features through the bundled server over stdio, as an editor uses them: the capabilities
 * it announces, then completion, hover, signature help, formatting, a quick fix (from the
 * diagnostics the server reported, with their `data`), inlay hints with the client's setting, and
 * semantic tokens and rename — plus answers for documents the server does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  HoverRequest,
  InlayHintRequest,
  InsertTextFormat,
  PrepareRenameRequest,
  RenameRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type InitializeResult,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../support/cases';
import { startServer, type ServerUnderTest } from '../support/server-process';

const uri = 'file:///workspace/editor.aadmap';
const text = `target chatwork
mapping "Users" User -> User {
  userName<-[userPrincipalName]   match 1
  active <- switch([IsSoftDeleted], , "False", "True", "True", "False")
  title <- Replace([jobTitle], , "a", , 
}
`;

let server: ServerUnderTest;
let capabilities: InitializeResult['capabilities'];
let parameterNames = 'all';

beforeAll(async () => {
  server = await startServer({
    textDocument: {
      diagnostic: { dynamicRegistration: false },
      completion: { completionItem: { snippetSupport: true } },
      inlayHint: {},
    },
    workspace: { configuration: true },
  });
  // The client's settings, as VS Code answers workspace/configuration.
  server.connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'aadmap.inlayHints' ? { parameterNames } : null)),
  );
  capabilities = server.initializeResult.capabilities;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'aadmap', version: 1, text },
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('editor features over LSP', () => {
  it('completes function names with snippet arguments inside a call', async () => {
    const result = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 40 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    })) as CompletionList;
    const join = result.items.find((i) => i.label === 'Join')!;
    expect(join.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(join.textEdit).toMatchObject({ newText: 'Join(${1:separator}, ${2:source})' });
    expect(result.items.map((i) => i.label)).toContain('[jobTitle]');
  });

  it('answers hover with the function signature and its documentation link', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 12 } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain(
      'Replace(source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?) → String',
    );
    expect(value).toContain('functions-for-customizing-application-data#replace');
    expect(hover!.range).toEqual({ start: { line: 4, character: 11 }, end: { line: 4, character: 18 } });
  });

  it('gives signature help with the active parameter across empty arguments', async () => {
    const help = await server.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 40 },
    });
    expect(help!.signatures[0]!.label).toMatch(/^Replace\(source, oldValue\?/);
    expect(help!.activeParameter).toBe(4);
  });

  it('formats the document', async () => {
    const edits = (await server.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    const formatted = applyEdits(text, edits);
    expect(formatted.split('\n')[2]).toBe('  userName <- [userPrincipalName]  match 1');
    // The broken last mapping is kept as written.
    expect(formatted.split('\n')[4]).toBe('  title <- Replace([jobTitle], , "a", , ');
  });

  it('offers the quick fix of a reported diagnostic', async () => {
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const diagnostics = report.kind === 'full' ? report.items : [];
    const caseProblem = diagnostics.find((d) => d.code === 'function-case')!;
    expect(caseProblem.data).toEqual({ suggestions: ['Switch'] });
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: caseProblem.range,
      context: { diagnostics: [caseProblem] },
    });
    const fix = actions!.find((a) => 'title' in a && a.title === "Change to 'Switch'");
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    const edits = (fix as { edit: { changes: Record<string, TextEdit[]> } }).edit.changes[uri]!;
    expect(applyEdits(text, edits).split('\n')[3]).toBe('  active <- Switch([IsSoftDeleted], , "False", "True", "True", "False")');
  });

  it('shows inlay hints as the client setting says, and again after it changes', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
    const all = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
    expect(all!.map((h) => h.label)).toContain('key1:');
    parameterNames = 'none';
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const none = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
    expect(none).toEqual([]);
  });

  it('returns semantic tokens and renames attributes', async () => {
    const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(tokens!.data.length % 5).toBe(0);
    expect(tokens!.data.length).toBeGreaterThan(50);
    const prepared = await server.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: 20 },
    });
    expect(prepared).toMatchObject({ placeholder: 'IsSoftDeleted' });
    const rename = await server.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: 20 },
      newName: 'accountEnabled',
    });
    expect(rename!.changes![uri]).toHaveLength(1);
    await expect(
      server.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 3, character: 20 }, newName: 'a]b' }),
    ).rejects.toThrow(/cannot be an attribute name/);
  });

  it('answers requests about unknown documents with nothing and keeps running', async () => {
    const other = { uri: 'file:///workspace/not-open.aadmap' };
    expect(
      await server.connection.sendRequest(CompletionRequest.type, { textDocument: other, position: { line: 0, character: 0 } }),
    ).toBeNull();
    expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: other, position: { line: 0, character: 0 } })).toBeNull();
    expect(
      await server.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: other,
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
    expect(server.process.exitCode).toBeNull();
  });

  // An editor may reuse a URI (VS Code's Untitled-1) for a new document, which then starts again at
  // version 1; answers must come from the new text even when no didClose was seen for the old one.
  for (const closeFirst of [true, false]) {
    it(`answers a document reopened under the same URI at the same version from its new text (${closeFirst ? 'after' : 'without'} didClose)`, async () => {
      const reused = `file:///workspace/reused-${closeFirst}.aadmap`;
      const open = (content: string) =>
        server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri: reused, languageId: 'aadmap', version: 1, text: content },
        });
      const hoverAt = async () => {
        const hover = await server.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri: reused },
          position: { line: 2, character: 14 },
        });
        return hover ? (hover.contents as MarkupContent).value : '';
      };
      const problems = async () =>
        (
          (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: reused } })) as {
            items: { code?: string | number }[];
          }
        ).items.map((d) => d.code);
      await open('target chatwork\nmapping "Users" User -> User {\n  title <- Trim([jobTitle])\n  bogus <- [jobTitle]\n}\n');
      expect(await hoverAt()).toMatch(/Trim/);
      expect(await problems()).toContain('unknown-target-attribute');
      if (closeFirst) await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: reused } });
      await open('target chatwork\nmapping "Users" User -> User {\n  title <- Join(" ", [jobTitle])\n}\n');
      expect(await hoverAt()).toMatch(/Join/);
      expect(await problems()).not.toContain('unknown-target-attribute');
    });
  }

  it('announces the features', () => {
    expect(capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['[', '(', ',']));
    expect(capabilities.signatureHelpProvider?.triggerCharacters).toEqual(['(', ',']);
    expect(capabilities.semanticTokensProvider).toMatchObject({ full: true, range: true });
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    for (const provider of [
      'hoverProvider',
      'inlayHintProvider',
      'codeActionProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentHighlightProvider',
    ] as const) {
      expect(capabilities[provider], provider).toBeTruthy();
    }
  });
});
