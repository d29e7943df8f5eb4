/**
 * Static checks of the TextMate grammars and language configurations in `syntaxes/` (cheap: no
 * VS Code). The highlighting itself is tested by `npm run test:grammar` (vscode-tmgrammar-test,
 * `test/syntaxes/*.test.aadmap` and `*.test.scimfilter`).
 *
 *  - every JSON file parses;
 *  - every `include` names an existing repository rule (`#name`, or `scope#name` in one of our grammars);
 *  - every repository rule is used;
 *  - every `match` / `begin` / `end` / `while` regex compiles with Oniguruma (the engine VS Code uses);
 *  - the function names the grammar highlights are exactly the catalogue's;
 *  - the language configurations' regexes compile (JavaScript) and behave;
 *  - the Markdown injection highlights ```aadmap and ```scimfilter fenced blocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../server/catalogue/index';

// Both packages are CommonJS bundles (dependencies of vscode-tmgrammar-test): load them with require.
const require = createRequire(import.meta.url);
const onig = require('vscode-oniguruma') as typeof import('vscode-oniguruma');
const textmate = require('vscode-textmate') as typeof import('vscode-textmate');

const root = fileURLToPath(new URL('../../', import.meta.url));
const syntaxesDir = join(root, 'syntaxes');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface RawRule extends JsonObject {}
interface RawGrammar {
  scopeName: string;
  patterns?: RawRule[];
  repository?: Record<string, RawRule>;
  injectionSelector?: string;
}

const GRAMMAR_FILES = ['aadmap.tmLanguage.json', 'scimfilter.tmLanguage.json', 'aadmap.markdown.tmLanguage.json'];
const CONFIG_FILES = ['aadmap.language-configuration.json', 'scimfilter.language-configuration.json'];

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(syntaxesDir, file), 'utf8'));
}

const grammars = new Map<string, RawGrammar>(GRAMMAR_FILES.map((f) => [f, readJson(f) as RawGrammar]));
const byScope = new Map<string, RawGrammar>([...grammars.values()].map((g) => [g.scopeName, g]));

interface Visited {
  path: string;
  rule: JsonObject;
}

/** Every rule object of a grammar (top-level patterns, repository, nested patterns, capture rules). */
function rulesOf(grammar: RawGrammar): Visited[] {
  const out: Visited[] = [];
  const visit = (rule: Json, path: string) => {
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return;
    out.push({ path, rule });
    const patterns = rule['patterns'];
    if (Array.isArray(patterns)) patterns.forEach((p, i) => visit(p, `${path}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
      const captures = rule[key];
      if (captures && typeof captures === 'object' && !Array.isArray(captures)) {
        for (const [n, capture] of Object.entries(captures)) visit(capture, `${path}.${key}[${n}]`);
      }
    }
  };
  (grammar.patterns ?? []).forEach((p, i) => visit(p, `patterns[${i}]`));
  for (const [name, rule] of Object.entries(grammar.repository ?? {})) visit(rule, `repository.${name}`);
  return out;
}

/** Loads the Oniguruma WASM engine once (later calls return the same promise). */
function loadOniguruma(): Promise<void> {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  return onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
}

/** vscode-textmate replaces `\1`… in `end`/`while` with the text captured by `begin` before compiling. */
function resolveBackReferences(source: string): string {
  return source.replace(/\\(\d+)/g, 'x');
}

describe('grammar and configuration files', () => {
  it('has every expected file, and every JSON file in syntaxes/ parses', () => {
    const present = readdirSync(syntaxesDir).filter((f) => f.endsWith('.json'));
    expect(present.sort()).toEqual(expect.arrayContaining([...GRAMMAR_FILES, ...CONFIG_FILES].sort()));
    for (const file of present) expect(() => readJson(file), file).not.toThrow();
  });

  it('declares the expected scope names', () => {
    expect([...byScope.keys()].sort()).toEqual(['markdown.aadmap.codeblock', 'source.aadmap', 'source.scimfilter']);
    expect(byScope.get('markdown.aadmap.codeblock')?.injectionSelector).toBe('L:text.html.markdown');
  });

  describe.each(GRAMMAR_FILES)('%s', (file) => {
    const grammar = grammars.get(file)!;
    const rules = rulesOf(grammar);

    it('resolves every include', () => {
      const problems: string[] = [];
      for (const { path, rule } of rules) {
        const include = rule['include'];
        if (typeof include !== 'string') continue;
        if (include === '$self' || include === '$base') continue;
        if (include.startsWith('#')) {
          if (!grammar.repository?.[include.slice(1)]) problems.push(`${path}: ${include}`);
          continue;
        }
        const [scope, name] = include.split('#') as [string, string | undefined];
        const other = byScope.get(scope);
        if (!other) problems.push(`${path}: unknown grammar ${scope}`);
        else if (name !== undefined && !other.repository?.[name]) problems.push(`${path}: ${include}`);
      }
      expect(problems).toEqual([]);
    });

    it('uses every repository rule', () => {
      const included = new Set<string>();
      for (const g of grammars.values()) {
        for (const { rule } of rulesOf(g)) {
          const include = rule['include'];
          if (typeof include !== 'string') continue;
          if (include.startsWith('#') && g === grammar) included.add(include.slice(1));
          else if (include.startsWith(`${grammar.scopeName}#`)) included.add(include.slice(grammar.scopeName.length + 1));
        }
      }
      const unused = Object.keys(grammar.repository ?? {}).filter((name) => !included.has(name));
      expect(unused).toEqual([]);
    });

    it('has no rule that is both a match rule and a begin rule, and no begin without end/while', () => {
      const problems = rules
        .filter(({ rule }) => ('match' in rule && 'begin' in rule) || ('begin' in rule && !('end' in rule) && !('while' in rule)))
        .map(({ path }) => path);
      expect(problems).toEqual([]);
    });
  });
});

describe('regular expressions compile with Oniguruma', () => {
  beforeAll(loadOniguruma);

  /**
   * The Oniguruma error for `source`, or undefined when it compiles. vscode-oniguruma 1.7.0 does
   * not throw for an invalid pattern (fixed upstream later: microsoft/vscode-oniguruma#18), and
   * vscode-textmate then silently never matches it; so read the engine's last error message, which
   * every compilation resets. A later vscode-oniguruma throws instead: that is handled too.
   */
  interface OnigBinding {
    UTF8ToString(pointer: number): string;
    _getLastOnigError(): number;
  }
  function lastError(scanner: unknown): string | undefined {
    const binding = (scanner as { _onigBinding?: OnigBinding })._onigBinding;
    return binding ? binding.UTF8ToString(binding._getLastOnigError()) : undefined;
  }
  let noError: string | undefined;
  function compileError(source: string): string | undefined {
    noError ??= lastError(new onig.OnigScanner(['a']));
    let scanner: InstanceType<typeof onig.OnigScanner>;
    try {
      scanner = new onig.OnigScanner([source]);
    } catch (error) {
      return String(error);
    }
    const message = lastError(scanner);
    if (message !== noError) return message; // a failed scanner is not disposed: its pointer is not valid
    scanner.dispose();
    return undefined;
  }

  it('detects an invalid pattern (the check below is not vacuous)', () => {
    expect(compileError('(unclosed')).toMatch(/parenthesis/);
    expect(compileError('*a')).toBeDefined();
    expect(compileError('[abc')).toBeDefined();
    expect(compileError('(?<=\\])(\\.)x')).toBeUndefined();
    expect(compileError('\\G(?i:urn):[^\\]]*')).toBeUndefined();
  });

  it.each(GRAMMAR_FILES)('%s', (file) => {
    const problems: string[] = [];
    let count = 0;
    for (const { path, rule } of rulesOf(grammars.get(file)!)) {
      for (const key of ['match', 'begin', 'end', 'while']) {
        const source = rule[key];
        if (source === undefined) continue;
        if (typeof source !== 'string') {
          problems.push(`${path}.${key}: not a string`);
          continue;
        }
        count++;
        const error = compileError(key === 'end' || key === 'while' ? resolveBackReferences(source) : source);
        if (error) problems.push(`${path}.${key}: ${error}\n    ${source}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(file.includes('markdown') ? 3 : 20);
  });
});

describe('function names', () => {
  const callRule = grammars.get('aadmap.tmLanguage.json')!.repository!['function-call']!;
  // begin = \b(?:(CURRENT)|(LEGACY)|(IDENT))…: read the two alternations back.
  const [, current = '', legacy = ''] = /^\\b\(\?:\(([^()]*)\)\|\(([^()]*)\)\|/.exec(String(callRule['begin'])) ?? [];

  it('highlights exactly the catalogue functions as support.function', () => {
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(current.split('|'))).toEqual(sorted(FUNCTIONS.filter((f) => f.status === 'current').map((f) => f.name)));
    expect(sorted(legacy.split('|'))).toEqual(sorted(FUNCTIONS.filter((f) => f.status === 'legacy').map((f) => f.name)));
  });
});

describe('language configurations', () => {
  interface LanguageConfiguration {
    comments: { lineComment: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    wordPattern: string;
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    onEnterRules: { beforeText: string; afterText?: string; action: { indent: string } }[];
  }
  const configs = new Map(CONFIG_FILES.map((f) => [f, readJson(f) as LanguageConfiguration]));

  it.each(CONFIG_FILES)('%s has # comments, bracket pairs and JavaScript regexes that compile', (file) => {
    const config = configs.get(file)!;
    expect(config.comments.lineComment).toBe('#');
    for (const pair of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ]) {
      expect(config.brackets).toContainEqual(pair);
      expect(config.surroundingPairs).toContainEqual(pair);
      expect(config.autoClosingPairs).toContainEqual(expect.objectContaining({ open: pair[0], close: pair[1] }));
    }
    expect(config.autoClosingPairs).toContainEqual({ open: '"', close: '"', notIn: ['string', 'comment'] });
    const sources = [
      config.wordPattern,
      config.indentationRules.increaseIndentPattern,
      config.indentationRules.decreaseIndentPattern,
      ...config.onEnterRules.flatMap((r) => [r.beforeText, r.afterText ?? '']),
    ];
    for (const source of sources) expect(() => new RegExp(source), source).not.toThrow();
  });

  /** The word VS Code selects on a double-click at `column` (the same search as its getWordAtText). */
  function wordAt(config: LanguageConfiguration, text: string, column: number): string | undefined {
    const re = new RegExp(config.wordPattern, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index <= column && column < m.index + m[0].length) return m[0];
      if (m[0].length === 0) re.lastIndex++;
    }
    return undefined;
  }

  it.each(CONFIG_FILES)('%s: wordPattern keeps names, enums and URN paths whole', (file) => {
    const config = configs.get(file)!;
    const line = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value <- IIF([extension_abc_x], vbTextCompare, [userPrincipalName])';
    const at = (word: string) => wordAt(config, line, line.indexOf(word) + 1);
    expect(at('extension_abc_x')).toBe('extension_abc_x');
    expect(at('vbTextCompare')).toBe('vbTextCompare');
    expect(at('userPrincipalName')).toBe('userPrincipalName');
    expect(at('IIF')).toBe('IIF');
    expect(at('ietf')).toBe('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager');
    expect(at('value')).toBe('value');
    expect(wordAt(config, 'msDS-cloudExtensionAttribute1 eq -10', 6)).toBe('msDS-cloudExtensionAttribute1');
    expect(wordAt(config, 'msDS-cloudExtensionAttribute1 eq -10', 34)).toBe('-10');
  });

  it('aadmap: Enter after { indents, } outdents, Enter inside an open call indents', () => {
    const config = configs.get('aadmap.language-configuration.json')!;
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    const enterIndents = (line: string) =>
      config.onEnterRules.some((r) => new RegExp(r.beforeText).test(line) && (r.action.indent === 'indent' || r.action.indent === 'indentOutdent'));

    for (const line of ['mapping "Users {x}" User -> User {', '  scope "Sales" {   # comment', 'mapping "a#b" User -> User {']) {
      expect(increase.test(line), line).toBe(true);
      expect(enterIndents(line), line).toBe(true);
    }
    expect(increase.test('  displayName <- Join(" ", [a#b],  # open call')).toBe(true);
    // Limitation: only the last `(` of a line is looked at (a regex cannot count parentheses).
    expect(increase.test('  x <- IIF(Len([a]) > 1,')).toBe(false);
    for (const line of ['  title <- "{"', '  # {', '  x <- [a{]', '  x <- Switch([a], , "(")']) {
      expect(increase.test(line), line).toBe(false);
      expect(enterIndents(line), line).toBe(false);
    }
    expect(decrease.test('  }')).toBe(true);
    expect(decrease.test('}  # end')).toBe(true);
    expect(decrease.test('  title <- [a]  # }')).toBe(false);
  });
});

describe('Markdown fenced code blocks', () => {
  type Token = { text: string; scopes: string[] };
  let tokenize: (markdown: string) => Promise<Token[][]>;

  beforeAll(async () => {
    await loadOniguruma();
    const files = new Map(GRAMMAR_FILES.map((f) => [grammars.get(f)!.scopeName, join(syntaxesDir, f)]));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
        createOnigString: (s: string) => new onig.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        // A stand-in for VS Code's Markdown grammar: the injection does the work.
        if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), 'markdown.json');
        const path = files.get(scopeName);
        return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? ['markdown.aadmap.codeblock'] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    tokenize = async (markdown) => {
      let state = textmate.INITIAL;
      return markdown.split('\n').map((line) => {
        const result = grammar!.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      });
    };
  });

  const scopesOf = (lines: Token[][], line: number, text: string) => lines[line]!.find((t) => t.text === text)?.scopes ?? [];

  it('embeds source.aadmap in ```aadmap blocks and source.scimfilter in ```scimfilter blocks', async () => {
    const lines = await tokenize(
      [
        'Text with [brackets] and "quotes".',
        '```aadmap',
        '  title <- Join(" ",',
        '    [jobTitle])  default "n/a"',
        '```',
        '```scimfilter',
        'userName eq "bjensen"',
        '```',
        'after <- [x]',
      ].join('\n'),
    );
    expect(scopesOf(lines, 1, 'aadmap')).toContain('fenced_code.block.language.markdown');
    expect(scopesOf(lines, 2, 'title')).toEqual(expect.arrayContaining(['meta.embedded.block.aadmap', 'entity.name.tag.target.aadmap']));
    expect(scopesOf(lines, 2, 'Join')).toContain('support.function.aadmap');
    expect(scopesOf(lines, 3, 'jobTitle')).toEqual(expect.arrayContaining(['meta.function-call.arguments.aadmap', 'variable.other.attribute.aadmap']));
    expect(scopesOf(lines, 3, 'default')).toContain('keyword.other.aadmap');
    expect(scopesOf(lines, 4, '```')).toContain('punctuation.definition.markdown');
    expect(scopesOf(lines, 6, 'eq')).toEqual(expect.arrayContaining(['meta.embedded.block.scimfilter', 'keyword.operator.comparison.scimfilter']));
    expect(lines[8]!.flatMap((t) => t.scopes)).not.toContain('keyword.operator.assignment.aadmap');
    expect(lines[0]!.flatMap((t) => t.scopes).some((s) => s.endsWith('.aadmap'))).toBe(false);
  });

  it('ends the block at the closing fence even inside an unclosed call', async () => {
    const lines = await tokenize(['```aadmap', 'x <- Join(",", [a],', '```', 'plain text'].join('\n'));
    expect(scopesOf(lines, 2, '```')).toContain('punctuation.definition.markdown');
    expect(lines[3]!.flatMap((t) => t.scopes)).toEqual(['text.html.markdown']);
  });
});
