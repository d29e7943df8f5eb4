/** Document symbols (the Outline) through vscode.executeDocumentSymbolProvider, for examples/chatwork.aadmap. */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openInEditor, whenProvided } from './helpers';

/** One line per symbol: indentation for nesting, its kind, name and detail. */
function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${vscode.SymbolKind[symbol.kind]} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`,
    ...outline(symbol.children, depth + 1),
  ]);
}

suite('document symbols', () => {
  test('examples/chatwork.aadmap: the target, the mapping block, its scope with its clauses, and each mapping with its source', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    const symbols = await whenProvided(
      'document symbols',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      (answer) => (answer?.length ?? 0) > 0,
    );
    assert.deepEqual(outline(symbols), [
      'Module target chatwork',
      'Class Synchronize Azure Active Directory Users to Chatwork — User → User',
      '  Namespace scope "Assigned employees" — 2 clauses',
      '    Boolean [accountEnabled] IS TRUE',
      '    Boolean [userPrincipalName] ENDS_WITH "@contoso.com"',
      '  Field userName — ← [userPrincipalName]  match 1',
      '  Field active — ← Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      '  Field title — ← [jobTitle]',
      '  Field externalId — ← [mailNickname]  on create',
      '  Field urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department — ← [department]',
      '  Field urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization — ← Coalesce([companyName], "Contoso")',
    ]);
    // Ranges: the block symbol spans the block, each mapping symbol selects its target on its line.
    const block = symbols[1]!;
    assert.match(document.lineAt(block.range.start.line).text, /^mapping "Synchronize/);
    assert.equal(document.lineAt(block.range.end.line).text, '}');
    const title = block.children.find((s) => s.name === 'title')!;
    assert.equal(document.getText(title.selectionRange), 'title');
    assert.match(document.lineAt(title.range.start.line).text, /^ {2}title {6}<- \[jobTitle\]$/);
  });
});
