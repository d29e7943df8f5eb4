/** Hover through vscode.executeHoverProvider: the documentation of what is under the cursor, and its range. */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { closeWithoutSaving, hoverText, openWithCursor, whenProvided } from './helpers';

const block = (line: string) => `target chatwork\nmapping "Users" User -> User {\n${line}\n}\n`;

const CASES: { name: string; text: string; contains: string[]; range: string }[] = [
  {
    name: "a function: its signature, description, an example and the Microsoft reference's link",
    text: block('  active <- Swi<|>tch([IsSoftDeleted], , "False", "True", "True", "False")'),
    contains: [
      'Switch(source, defaultValue?, key, value, …) → Any',
      'Returns the value paired with the first key equal to the source',
      'Example',
      '(https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data#switch)',
    ],
    range: 'Switch',
  },
  {
    name: 'a nested function',
    text: block('  title <- Join(" ", To<|>Lower([givenName], "en-US"))'),
    contains: ['ToLower(source, culture?) → String'],
    range: 'ToLower',
  },
  {
    name: 'a source attribute: its type and description',
    text: block('  userName <- [userPrinc<|>ipalName]  match 1'),
    contains: ['**[userPrincipalName]** — Azure Active Directory User attribute (String, required)', 'Sign-in name'],
    range: '[userPrincipalName]',
  },
  {
    name: 'a target attribute: required and filterable',
    text: block('  user<|>Name <- [userPrincipalName]  match 1'),
    contains: ['**userName** — Chatwork attribute (String; required; filterable: can be a matching attribute)'],
    range: 'userName',
  },
];

suite('hover', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { editor, position } = await openWithCursor(c.text);
      try {
        const [hover] = await whenProvided(
          'a hover',
          () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position),
          (hovers) => hovers.length > 0,
        );
        const text = hoverText(hover!);
        for (const expected of c.contains) assert.ok(text.includes(expected), `the hover does not say "${expected}":\n${text}`);
        assert.ok(hover!.range, 'the hover has no range');
        assert.equal(editor.document.getText(hover!.range), c.range);
      } finally {
        await closeWithoutSaving(editor.document);
      }
    });
  }
});
