/**
 * The editor contributions of package.json hold together: snippets expand to clean, canonically
 * formatted mappings; walkthrough pages exist and their command links name real commands; every
 * contributed command is registered by the client; custom semantic-token modifiers are declared;
 * the inlay-hint setting offers exactly the values the server understands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../server/protocol';
import { stripSnippet } from '../../server/service/features/completion';
import { SEMANTIC_TOKEN_MODIFIERS } from '../../server/service/features/semantic-tokens';
import { createLanguageService } from '../../server/service/language-service';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const service = createLanguageService();

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
  isFileTemplate?: boolean;
}

const snippetFiles: { language: string; path: string }[] = contributes.snippets;
const snippets = snippetFiles.flatMap(({ path }) =>
  Object.entries(JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, Snippet>),
);

/** A snippet's text with each choice and placeholder replaced by its first value. */
const expand = (snippet: Snippet) => stripSnippet(snippet.body.filter((line) => line.trim() !== '$0').join('\n'));

describe('snippets', () => {
  it('include a file template for a new Chatwork mapping file', () => {
    expect(snippetFiles).toEqual([{ language: 'aadmap', path: './snippets/aadmap.json' }]);
    const template = snippets.find(([, s]) => s.isFileTemplate);
    expect(template?.[0]).toBe('Chatwork mapping file');
  });

  for (const [name, snippet] of snippets) {
    it(`${name}: expands to a mapping without problems, formatted canonically`, () => {
      const body = expand(snippet);
      // Block-level snippets are checked inside a block with the required mapping.
      const text = /^(target|#)/.test(body)
        ? `${body}\n`
        : /^mapping/.test(body)
          ? `target chatwork\n${body}\n`
          : `target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n\n${body.replace(/^/gm, '  ')}\n}\n`;
      const document = { uri: 'file:///snippet.aadmap', text };
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
