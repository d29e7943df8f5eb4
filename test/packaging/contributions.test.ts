/**
 * The editor contributions of package.json hold together: no static snippets (the server's expand to
 * clean, canonically formatted mappings); walkthrough pages exist and their command links name real commands; every
 * contributed command is registered by the client; custom semantic-token modifiers are declared;
 * the inlay-hint setting offers exactly the values the server understands.
 */
import { withNls } from '../l10n/manifest-nls';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../server/protocol';
import { stripSnippet } from '../../server/service/features/completion';
import { ACTIVE_FROM_SOFT_DELETE, CHATWORK_FILE } from '../../server/service/features/snippets';
import { SEMANTIC_TOKEN_MODIFIERS } from '../../server/service/features/semantic-tokens';
import { createLanguageService } from '../../server/service/language-service';

const root = join(__dirname, '..', '..');
// The manifest as VS Code shows it in English: each `%key%` replaced from package.nls.json.
const manifest = withNls(
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
  JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')),
);
const contributes = manifest.contributes;
const service = createLanguageService();

describe('snippets', () => {
  // VS Code offers contributed snippets on every line whatever the context (a file template inside a
  // block): the server offers its snippets where they are valid instead (features/snippets.ts).
  it('none are contributed statically', () => {
    expect(contributes.snippets).toBeUndefined();
  });

  const offered = (text: string) => {
    const [before, after] = text.split('<|>') as [string, string];
    const document = { uri: 'file:///snippet.aadmap', text: before + after };
    const lines = before.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    return { document, items: service.completion(document, position)?.items ?? [] };
  };
  const applied = (text: string, label: string) => {
    const { document, items } = offered(text);
    const item = items.find((i) => i.label === label);
    expect(item, label).toBeDefined();
    const edit = item!.textEdit as { range: { start: { line: number; character: number } }; newText: string };
    const lines = document.text.split('\n');
    const { line, character } = edit.range.start;
    lines[line] = lines[line]!.slice(0, character) + stripSnippet(edit.newText) + lines[line]!.slice(character);
    return lines.join('\n').replace(/\t/g, '  ');
  };

  for (const [name, text, label] of [
    ['a new Chatwork file', '<|>', CHATWORK_FILE.label],
    [
      'active from IsSoftDeleted',
      'target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n\n  <|>\n}\n',
      ACTIVE_FROM_SOFT_DELETE.label,
    ],
  ] as const) {
    it(`${name}: expands to a mapping without problems, formatted canonically`, () => {
      const document = { uri: 'file:///snippet.aadmap', text: `${applied(text, label).trimEnd()}\n` };
      expect(service.diagnostics(document)).toEqual([]);
      expect(service.format(document, { tabSize: 2, insertSpaces: true })).toEqual([]);
    });
  }
});

describe('walkthrough', () => {
  const walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string } }[] }[] =
    contributes.walkthroughs;
  const commands = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));

  it('has a getting-started walkthrough with a page per step', () => {
    expect(walkthroughs.map((w) => w.id)).toEqual(['aadmap.gettingStarted']);
    for (const step of walkthroughs[0]!.steps) {
      expect(step.media.markdown, step.id).toMatch(/^walkthrough\/[a-z0-9-]+\.md$/);
      expect(existsSync(join(root, step.media.markdown!)), step.media.markdown).toBe(true);
    }
  });

  it('links only commands that exist', () => {
    for (const step of walkthroughs[0]!.steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        expect(commands.has(command!) || command!.startsWith('editor.action.'), command).toBe(true);
      }
    }
  });

  it('the client registers every contributed command', () => {
    const sources = readdirSync(join(root, 'client'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(root, 'client', file), 'utf8'))
      .join('\n');
    // A command is registered by its id written out or through the shared protocol's COMMANDS table.
    const keyOf = (command: string) => Object.entries(COMMANDS).find(([, id]) => id === command)?.[0];
    for (const command of commands) {
      const key = keyOf(command);
      const literal = `'${command.replace(/\./g, '\\.')}'`;
      const pattern = key ? `(${literal}|COMMANDS\\.${key}\\b)` : literal;
      expect(sources, command).toMatch(new RegExp(`registerCommand\\(\\s*${pattern}`));
    }
  });
});

describe('settings and semantic tokens', () => {
  it('declares the custom semantic-token modifiers', () => {
    const standard = new Set([
      'declaration',
      'definition',
      'readonly',
      'static',
      'deprecated',
      'abstract',
      'async',
      'modification',
      'documentation',
      'defaultLibrary',
    ]);
    const custom = SEMANTIC_TOKEN_MODIFIERS.filter((m) => !standard.has(m));
    expect(contributes.semanticTokenModifiers.map((m: { id: string }) => m.id)).toEqual(custom);
  });

  it('indents .aadmap files with two spaces by default, as the examples and the formatter do', () => {
    expect(contributes.configurationDefaults['[aadmap]']).toEqual({ 'editor.tabSize': 2, 'editor.insertSpaces': true });
  });

  it('offers the inlay-hint modes the server reads', () => {
    const setting = contributes.configuration.properties['aadmap.inlayHints.parameterNames'];
    expect(setting.enum).toEqual(['none', 'literals', 'all']);
    expect(setting.default).toBe('literals');
  });
});

describe('Restricted Mode', () => {
  it('is declared as limited support, and the workspace cannot set the Graph endpoint, client id or trace', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    expect(untrusted.supported).toBe('limited');
    expect(untrusted.description).toMatch(/evaluates no sample user/);
    expect([...untrusted.restrictedConfigurations].sort()).toEqual([
      'aadmap.graph.clientId',
      'aadmap.graph.endpoint',
      'aadmap.trace.server',
    ]);
    // Every restricted setting exists (a typo would restrict nothing).
    for (const key of untrusted.restrictedConfigurations) expect(contributes.configuration.properties).toHaveProperty([key]);
  });
});
