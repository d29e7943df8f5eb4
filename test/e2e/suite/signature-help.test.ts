/** Signature help through vscode.executeSignatureHelpProvider: the call around the cursor and its active parameter. */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { closeWithoutSaving, openWithCursor, whenProvided } from './helpers';

const block = (line: string) => `target chatwork\nmapping "Users" User -> User {\n${line}\n}\n`;

const CASES: { name: string; text: string; trigger?: string; label: string; active: string }[] = [
  {
    name: 'the first parameter right after the parenthesis',
    text: block('  title <- Join(<|>'),
    trigger: '(',
    label: 'Join(separator, source, …) → String',
    active: 'separator',
  },
  {
    name: 'Replace: across empty arguments',
    text: block('  title <- Replace([x], , "a", , <|>'),
    trigger: ',',
    label: 'Replace(source, oldValue?, regexPattern?, regexGroupName?, replacementValue?, replacementAttributeName?, template?) → String',
    active: 'replacementValue?',
  },
  {
    name: 'Switch: the pair being typed is numbered',
    text: block('  title <- Switch([country], , "US", "a", "JP", <|>'),
    trigger: ',',
    label: 'Switch(source, defaultValue?, key1, value1, key2, value2, …) → Any',
    active: 'value2',
  },
  {
    name: 'the innermost call wins',
    text: block('  title <- Join(" ", ToLower(<|>'),
    trigger: '(',
    label: 'ToLower(source, culture?) → String',
    active: 'source',
  },
];

suite('signature help', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { editor, position } = await openWithCursor(c.text);
      try {
        const help = await whenProvided('signature help', () =>
          vscode.commands.executeCommand<vscode.SignatureHelp | undefined>(
            'vscode.executeSignatureHelpProvider',
            editor.document.uri,
            position,
            c.trigger,
          ),
        );
        const signature = help.signatures[help.activeSignature];
        assert.ok(signature, 'no active signature');
        assert.equal(signature.label, c.label);
        const parameter = signature.parameters[signature.activeParameter ?? help.activeParameter];
        assert.ok(parameter, `no active parameter (${signature.activeParameter ?? help.activeParameter})`);
        const name = typeof parameter.label === 'string' ? parameter.label : signature.label.slice(...parameter.label);
        assert.equal(name, c.active);
      } finally {
        await closeWithoutSaving(editor.document);
      }
    });
  }
});
