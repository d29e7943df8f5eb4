/**
 * Completion through VS Code's own command (vscode.executeCompletionItemProvider), i.e. through the
 * language client and the bundled server: what a person gets at the cursor, as VS Code converts it
 * (labels, kinds, snippets, sort order).
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { closeWithoutSaving, openInEditor, openWithCursor, whenProvided } from './helpers';

const block = (line: string) => `target chatwork\nmapping "Users" User -> User {\n${line}\n}\n`;

const CHATWORK_TARGETS = [
  'userName',
  'active',
  'title',
  'externalId',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
];

interface CompletionCase {
  name: string;
  /** The document, `<|>` at the cursor. */
  text: string;
  /** The character that triggered completion, as when it is typed. */
  trigger?: string;
  includes: string[];
  excludes?: string[];
  /** The label VS Code sorts first (by sortText, as the suggest widget does). */
  first?: string;
  /** Items inserted as snippets: label → snippet text. */
  snippets?: Record<string, string>;
  kinds?: Record<string, vscode.CompletionItemKind>;
}

const CASES: CompletionCase[] = [
  {
    name: 'after the arrow: function names with their arguments as snippets, attributes and none',
    text: block('  title <- <|>'),
    trigger: ' ',
    includes: ['Join', 'Switch', 'Coalesce', 'IIF', 'ToLower', '[jobTitle]', '[IsSoftDeleted]', 'none'],
    excludes: ['match', 'default', 'userName'],
    snippets: { Join: 'Join(${1:separator}, ${2:source})', Switch: 'Switch(${1:source}, ${2}, ${3:key}, ${4:value})' },
    kinds: { Join: vscode.CompletionItemKind.Function },
  },
  {
    name: 'after `[`: the Azure AD attributes in their exact case',
    text: block('  title <- ToLower([<|>'),
    trigger: '[',
    includes: ['jobTitle', 'userPrincipalName', 'IsSoftDeleted', 'passwordProfile.password', 'extensionAttribute1'],
    excludes: ['Join', 'JobTitle', 'none'],
  },
  {
    name: "at the start of a block line: Chatwork's six target attributes, userName (required) first, and the block keywords",
    text: block('  <|>'),
    includes: [...CHATWORK_TARGETS, 'scope', 'enabled', 'flowTypes', 'active from IsSoftDeleted'],
    // Nothing that is valid only outside a block: no new file, no mapping block (VS Code would offer
    // static snippets here whatever the context, so there are none).
    excludes: ['Join', 'match', 'target', '[jobTitle]', 'chatwork', 'new-chatwork-mapping-file', 'mapping'],
    first: 'userName',
  },
  {
    name: 'in an empty file: the statement keywords and a new Chatwork file',
    text: '<|>',
    includes: ['target', 'mapping', 'chatwork'],
    excludes: ['scope', 'active from IsSoftDeleted', 'userName'],
  },
  {
    name: 'inside a nested call: functions and attributes again',
    text: block('  title <- Join(" ", ToLower(<|>'),
    trigger: '(',
    includes: ['[givenName]', 'StripSpaces', 'Replace'],
  },
];

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function complete(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await whenProvided(
    'completion items',
    () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger),
    (answer) => (answer?.items.length ?? 0) > 0,
  );
  return list.items;
}

suite('completion', function () {
  for (const c of CASES) {
    test(c.name, async () => {
      const { editor, position } = await openWithCursor(c.text);
      try {
        const items = await complete(editor.document.uri, position, c.trigger);
        const labels = items.map(labelOf);
        for (const label of c.includes) assert.ok(labels.includes(label), `no '${label}' among: ${labels.join(', ')}`);
        for (const label of c.excludes ?? []) assert.ok(!labels.includes(label), `'${label}' is offered here`);
        if (c.first) {
          const sorted = [...items].sort(
            (a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)) || labelOf(a).localeCompare(labelOf(b)),
          );
          assert.equal(labelOf(sorted[0]!), c.first);
        }
        for (const [label, snippet] of Object.entries(c.snippets ?? {})) {
          const item = items.find((i) => labelOf(i) === label)!;
          assert.ok(item.insertText instanceof vscode.SnippetString, `${label} is not inserted as a snippet`);
          assert.equal(item.insertText.value, snippet);
        }
        for (const [label, kind] of Object.entries(c.kinds ?? {})) {
          assert.equal(items.find((i) => labelOf(i) === label)?.kind, kind, `the kind of ${label}`);
        }
      } finally {
        await closeWithoutSaving(editor.document);
      }
    });
  }

  test('in examples/chatwork.aadmap, inside the brackets of [jobTitle]: the attributes, replacing the name typed so far', async () => {
    const { document } = await openInEditor('examples/chatwork.aadmap');
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('title      <- [jobTitle]'));
    assert.ok(line > 0);
    const character = document.lineAt(line).text.indexOf('[jobTitle]') + '[job'.length;
    const items = await complete(document.uri, new vscode.Position(line, character));
    const jobTitle = items.find((i) => labelOf(i) === 'jobTitle');
    assert.ok(jobTitle, `no jobTitle among ${items.map(labelOf).join(', ')}`);
    assert.ok(items.some((i) => labelOf(i) === 'department'));
    // The edit covers the whole name inside the brackets, so picking an item replaces "jobTitle".
    const range = jobTitle.range instanceof vscode.Range ? jobTitle.range : jobTitle.range?.replacing;
    assert.ok(range, 'the item has no range');
    assert.equal(document.getText(range), 'jobTitle');
  });
});
