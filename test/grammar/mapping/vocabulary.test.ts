/**
 * Every consumer of the `.aadmap` vocabulary (grammar/mapping/vocabulary.ts) knows every entry: the
 * lexer and both parsers, the checker, completion, hover, the preview's scope semantics, the Graph
 * mapping view and export, and the TextMate grammar. A new keyword or scoping operator that one of
 * them misses fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMappingFile, parseMappingFileWhole, scopesOf, type Modifier } from '../../../grammar/mapping/index';
import { lexMappingFile } from '../../../grammar/mapping/lexer';
import { keywordOf, ScopeOperator } from '../../../grammar/mapping/tokens';
import {
  ATTRIBUTE_FLAGS,
  ATTRIBUTE_TYPES,
  FLOW_BEHAVIORS,
  FLOW_TYPES,
  KEYWORDS,
  MODIFIERS,
  OBJECT_FLOW_TYPES,
  SCOPE_OPERATORS,
  type ModifierKind,
} from '../../../grammar/mapping/vocabulary';
import { exportSchema } from '../../../server/graph/export';
import { blockLines, viewSchema } from '../../../server/graph/mapping-view';
import { EVALUATED_SCOPE_OPERATORS, evaluateClause } from '../../../server/preview/scope';
import { createLanguageService } from '../../../server/service/language-service';
import type { EvaluationEnvironment } from '../../../server/evaluator/evaluate';

// The AST's modifier kinds and the vocabulary's are the same set (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const modifierKindsAgree: Same<ModifierKind, Modifier['kind']> = true;

const service = createLanguageService();
const uri = 'file:///vocabulary.aadmap';

/** A file with one scope clause per operator: unary ones without a value, the others with one that fits. */
function clauseLine(label: string, values: string): string {
  return values === 'none' ? `[department] ${label}` : `[department] ${label} ${values === 'integer' ? '5' : '"a"'}`;
}
const operatorFile = [
  'mapping "m" User -> User {',
  ...SCOPE_OPERATORS.map((o, i) => `  scope "s${i}" {\n    ${clauseLine(o.label, o.values)}\n  }`),
  '  userName <- [userPrincipalName] match 1',
  '}',
  '',
].join('\n');

function hoverText(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  const result = service.hover({ uri, text }, { line: lines.length - 1, character: lines[lines.length - 1]!.length });
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

function completionLabels(text: string): string[] {
  const offset = text.indexOf('<|>');
  const clean = text.replace('<|>', '');
  const lines = clean.slice(0, offset).split('\n');
  const list = service.completion({ uri, text: clean }, { line: lines.length - 1, character: lines[lines.length - 1]!.length });
  return (list?.items ?? []).map((item) => item.label);
}

describe('the vocabulary itself', () => {
  it('has unique keywords, modifier kinds, operator labels and Graph names', () => {
    expect(modifierKindsAgree).toBe(true);
    const unique = (values: readonly string[]) => expect(new Set(values).size).toBe(values.length);
    unique(KEYWORDS.map((k) => k.word));
    unique(MODIFIERS.map((m) => m.kind));
    unique(SCOPE_OPERATORS.map((o) => o.label));
    unique(SCOPE_OPERATORS.map((o) => o.graphName));
    for (const entry of [
      ...KEYWORDS,
      ...SCOPE_OPERATORS,
      ...FLOW_TYPES,
      ...FLOW_BEHAVIORS,
      ...OBJECT_FLOW_TYPES,
      ...ATTRIBUTE_TYPES,
      ...ATTRIBUTE_FLAGS,
    ]) {
      expect(entry.doc.trim()).not.toBe('');
    }
  });
});

describe('lexer and parsers', () => {
  it('lexes every keyword as its own keyword token', () => {
    for (const { word } of KEYWORDS) {
      const { tokens } = lexMappingFile(`x <- [a] ${word}\n`);
      expect(tokens.map((t) => keywordOf(t.tokenType)).filter((k) => k === word)).toEqual([word]);
    }
  });

  it('reads every scoping operator, with spaces or tabs between its words, the same in the fast path and the reference parser', () => {
    for (const spaced of [operatorFile, operatorFile.replace(/(NOT|IS|REGEX) /g, '$1 \t ')]) {
      const result = parseMappingFile(spaced);
      expect(result.diagnostics).toEqual([]);
      expect(result).toStrictEqual(parseMappingFileWhole(spaced));
      const operators = scopesOf(result.ast.mappings[0]!).map((g) => g.clauses[0]!.operator);
      expect(operators.map((o) => o && { name: o.name, custom: o.custom })).toEqual(
        SCOPE_OPERATORS.map((o) => ({ name: o.label, custom: false })),
      );
    }
    const { tokens } = lexMappingFile(operatorFile);
    expect(tokens.filter((t) => t.tokenType === ScopeOperator).map((t) => t.image)).toEqual(SCOPE_OPERATORS.map((o) => o.label));
  });

  it('reads every modifier', () => {
    const line = MODIFIERS.map((m) =>
      [
        ...m.words,
        m.value === 'integer'
          ? '1'
          : m.value === 'string'
            ? '"d"'
            : m.value === 'flowType'
              ? 'Always'
              : m.value === 'flowBehavior'
                ? 'FlowAlways'
                : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    // `on create` and `flowType` together are a checker error, not a syntax error.
    const text = `mapping "m" User -> User {\n  x <- [a] ${line.join(' ')}\n}\n`;
    const result = parseMappingFile(text);
    expect(result.diagnostics).toEqual([]);
    const mapping = result.ast.mappings[0]!.items[0]!;
    expect(mapping.kind === 'attributeMapping' && mapping.modifiers.map((m) => m.kind)).toEqual(MODIFIERS.map((m) => m.kind));
  });
});

describe('checker', () => {
  it('knows the arity and value kind of every scoping operator', () => {
    const codes = (text: string) => service.diagnostics({ uri, text }).map((d) => d.code);
    expect(codes(operatorFile).filter((c) => c !== 'scope-attribute-not-supported')).toEqual([]);
    for (const o of SCOPE_OPERATORS) {
      const wrongArity = operatorFile.replace(clauseLine(o.label, o.values), clauseLine(o.label, o.values === 'none' ? 'text' : 'none'));
      expect(codes(wrongArity), o.label).toContain('scope-operator-arity');
    }
    for (const o of SCOPE_OPERATORS.filter((o) => o.values === 'integer')) {
      expect(codes(operatorFile.replace(clauseLine(o.label, o.values), `[department] ${o.label} "x"`))).toContain('scope-value-type');
    }
    for (const o of SCOPE_OPERATORS.filter((o) => o.values === 'regex')) {
      expect(codes(operatorFile.replace(clauseLine(o.label, o.values), `[department] ${o.label} "("`))).toContain('invalid-regex');
    }
  });

  it('accepts every flow type, flow behavior and object flow type, and nothing else', () => {
    const codes = (line: string) =>
      service
        .diagnostics({ uri, text: `mapping "m" User -> User {\n${line}\n  userName <- [userPrincipalName] match 1\n}\n` })
        .map((d) => d.code);
    for (const { name } of FLOW_TYPES) expect(codes(`  title <- [jobTitle] flowType ${name}`)).toEqual([]);
    expect(codes('  title <- [jobTitle] flowType Sometimes')).toContain('invalid-flow-type');
    for (const { name } of FLOW_BEHAVIORS) expect(codes(`  title <- [jobTitle] flowBehavior ${name}`)).toEqual([]);
    expect(codes('  title <- [jobTitle] flowBehavior Never')).toContain('invalid-flow-behavior');
    for (const { name } of OBJECT_FLOW_TYPES) expect(codes(`  flowTypes ${name}`)).toEqual([]);
    expect(codes('  flowTypes Move')).toContain('invalid-object-flow-types');
  });
});

describe('completion and hover', () => {
  it('completes every scoping operator in a clause', () => {
    const labels = completionLabels('mapping "m" User -> User {\n  scope "s" {\n    [department] <|>\n  }\n}\n');
    for (const o of SCOPE_OPERATORS) expect(labels).toContain(o.label);
  });

  it('completes every flow type and flow behavior after its modifier, every object flow type after flowTypes', () => {
    const at = (line: string) => completionLabels(`mapping "m" User -> User {\n${line}\n}\n`);
    expect(at('  title <- [jobTitle] flowType <|>')).toEqual(expect.arrayContaining(FLOW_TYPES.map((t) => t.name)));
    expect(at('  title <- [jobTitle] flowBehavior <|>')).toEqual(expect.arrayContaining(FLOW_BEHAVIORS.map((t) => t.name)));
    expect(at('  flowTypes <|>')).toEqual(expect.arrayContaining(OBJECT_FLOW_TYPES.map((t) => t.name)));
  });

  it("hovers every scoping operator, keyword and flow value with the vocabulary's words", () => {
    for (const o of SCOPE_OPERATORS) {
      const offset = operatorFile.indexOf(`] ${o.label}`) + 2;
      expect(hoverText(operatorFile, offset), o.label).toContain(o.doc);
    }
    for (const k of KEYWORDS) {
      const text = `mapping "m" User -> User {\n  x <- [a] ${k.word}\n}\n`;
      expect(hoverText(text, text.indexOf(` ${k.word}`) + 1), k.word).toContain(k.doc);
    }
    for (const t of FLOW_TYPES) {
      const text = `mapping "m" User -> User {\n  x <- [a] flowType ${t.name}\n}\n`;
      expect(hoverText(text, text.indexOf(` ${t.name}`) + 1)).toContain(t.doc);
    }
    for (const b of FLOW_BEHAVIORS) {
      const text = `mapping "m" User -> User {\n  x <- [a] flowBehavior ${b.name}\n}\n`;
      expect(hoverText(text, text.indexOf(` ${b.name}`) + 1)).toContain(b.doc);
    }
    for (const t of OBJECT_FLOW_TYPES) {
      const text = `mapping "m" User -> User {\n  flowTypes ${t.name}\n}\n`;
      expect(hoverText(text, text.indexOf(` ${t.name}`) + 1)).toContain(t.doc);
    }
  });
});

describe('preview', () => {
  it('evaluates every scoping operator', () => {
    expect([...EVALUATED_SCOPE_OPERATORS].sort()).toEqual(SCOPE_OPERATORS.map((o) => o.label).sort());
    const env: EvaluationEnvironment = {
      attribute: () => ({ kind: 'string', value: '7' }),
      now: 0n,
      isTaken: () => false,
      random: { next: () => 0 } as unknown as EvaluationEnvironment['random'],
    };
    for (const group of scopesOf(parseMappingFile(operatorFile).ast.mappings[0]!)) {
      const result = evaluateClause(group.clauses[0]!, env);
      expect(result.error ?? '', result.operator).not.toContain('unknown operator');
    }
  });
});

describe('Graph mapping view and export', () => {
  const schemaWith = (operatorNames: readonly string[]) => ({
    synchronizationRules: [
      {
        id: 'r',
        name: 'r',
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'SCIM',
        objectMappings: [
          {
            name: 'm',
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'User',
            targetObjectName: 'User',
            attributeMappings: [],
            scope: {
              groups: operatorNames.map((operatorName, i) => ({
                name: `s${i}`,
                clauses: [{ sourceOperandName: 'department', operatorName, targetOperand: { values: ['a'] } }],
              })),
            },
          },
        ],
      },
    ],
  });

  it('writes every Graph operatorName as its label, and exports every label as its Graph operatorName', () => {
    const view = viewSchema(schemaWith([...SCOPE_OPERATORS.map((o) => o.graphName), 'Custom_Operator']));
    expect(view.problems).toEqual([]);
    const lines = blockLines(view.rules[0]!.objectMappings[0]!).join('\n');
    for (const o of SCOPE_OPERATORS) expect(lines).toContain(`[department] ${o.label} "a"`);
    expect(lines).toContain('[department] operator "Custom_Operator" "a"');
    const base = schemaWith([]);
    const { schema, problems } = exportSchema(parseMappingFile(operatorFile).ast, base);
    expect(problems).toEqual([]);
    const groups = (schema as any).synchronizationRules[0].objectMappings[0].scope.groups;
    expect(groups.map((g: any) => g.clauses[0].operatorName)).toEqual(SCOPE_OPERATORS.map((o) => o.graphName));
  });
});

describe('TextMate grammar', () => {
  // Both packages are CommonJS bundles (dependencies of vscode-tmgrammar-test): load them with require.
  const require = createRequire(import.meta.url);
  const onig = require('vscode-oniguruma') as typeof import('vscode-oniguruma');
  const textmate = require('vscode-textmate') as typeof import('vscode-textmate');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  let tokenize: (text: string) => { text: string; scopes: string[] }[];

  beforeAll(async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s) => new onig.OnigScanner(s), createOnigString: (s) => new onig.OnigString(s) }),
      loadGrammar: async (scopeName) =>
        scopeName === 'source.aadmap'
          ? textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes/aadmap.tmLanguage.json'), 'utf8'), 'aadmap.tmLanguage.json')
          : null,
    });
    const grammar = (await registry.loadGrammar('source.aadmap'))!;
    tokenize = (text) => {
      let state = textmate.INITIAL;
      const out: { text: string; scopes: string[] }[] = [];
      for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const t of result.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
        state = result.ruleStack;
      }
      return out;
    };
  });

  /** The scopes of the token(s) that spell `word` exactly (several tokens for a label with spaces are joined). */
  const scopesOf = (tokens: { text: string; scopes: string[] }[], word: string): string[] | undefined =>
    tokens.find((t) => t.text === word)?.scopes;

  it('highlights every scoping operator label as one scope operator', () => {
    const tokens = tokenize(operatorFile);
    for (const o of SCOPE_OPERATORS) {
      expect(scopesOf(tokens, o.label), o.label).toEqual(expect.arrayContaining(['keyword.operator.scope.aadmap']));
    }
  });

  it('highlights every attribute type and declaration flag in a declaration', () => {
    for (const t of ATTRIBUTE_TYPES) {
      const tokens = tokenize(`mapping "m" User -> User {\n  attribute target "x" ${t.name}\n}`);
      expect(scopesOf(tokens, t.name), t.name).toEqual(expect.arrayContaining(['support.type.attribute.aadmap']));
    }
    for (const f of ATTRIBUTE_FLAGS) {
      const tokens = tokenize(`mapping "m" User -> User {\n  attribute target "x" String ${f.name}\n}`);
      expect(scopesOf(tokens, f.name), f.name).toEqual(expect.arrayContaining(['keyword.other.aadmap']));
    }
  });

  it('highlights every keyword where the language uses it', () => {
    const expected: Record<string, string> = {
      statement: 'keyword.control.aadmap',
      modifier: 'keyword.other.aadmap',
      operator: 'keyword.other.aadmap',
      boolean: 'constant.language.boolean.aadmap',
    };
    const sample: Record<string, string> = {
      target: 'target chatwork',
      deploy: 'deploy tenant "t"',
      mapping: 'mapping "m" User -> User {\n}',
      scope: 'mapping "m" User -> User {\n  scope "s" {\n  }\n}',
      enabled: 'mapping "m" User -> User {\n  enabled true\n}',
      flowTypes: 'mapping "m" User -> User {\n  flowTypes Add\n}',
      operator: 'mapping "m" User -> User {\n  scope "s" {\n    [a] operator "X" "v"\n  }\n}',
      true: 'mapping "m" User -> User {\n  enabled true\n}',
      false: 'mapping "m" User -> User {\n  enabled false\n}',
      none: 'mapping "m" User -> User {\n  x <- none default "d"\n}',
      attribute: 'mapping "m" User -> User {\n  attribute target "x" String\n}',
      source: 'mapping "m" User -> User {\n  attribute source "x" String\n}',
    };
    for (const k of KEYWORDS) {
      const line = MODIFIERS.find((m) => (m.words as readonly string[]).includes(k.word));
      const text =
        sample[k.word] ??
        `mapping "m" User -> User {\n  x <- [a] ${line!.words.join(' ')}${line!.value === 'integer' ? ' 1' : line!.value === 'string' ? ' "d"' : ''}\n}`;
      expect(scopesOf(tokenize(text), k.word), k.word).toEqual(expect.arrayContaining([expected[k.role]]));
    }
  });
});
