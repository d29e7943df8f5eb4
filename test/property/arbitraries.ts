/**
 * Shared fast-check generators for the property tests of the parsers and the language service:
 *
 *  - random text (any UTF-16 code units, lone surrogates, line breaks of every kind, NUL, tabs);
 *  - random sequences of the tokens of each language (so that the parsers' deeper rules run);
 *  - mutations of the valid fixture files and examples read from disk;
 *  - pathological shapes (deep nesting, very long lines, …);
 *  - VALID SCIM filters / paths and VALID expressions (generated structure plus text), for the
 *    round-trip properties;
 *  - well-formed `.aadmap` files with semantically random content (to reach every checker rule);
 *  - "almost valid" inputs: valid ones changed by a few mutations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { KEYWORD_WORDS, SCOPE_OPERATORS } from '../../grammar/mapping/vocabulary';
import { FUNCTIONS } from '../../server/catalogue/index';

export const repoRoot = join(__dirname, '..', '..');

// ───────────────────────────────────────────────────────────── random text

/** Characters that tend to matter to lexers: line breaks, NUL, tabs, quotes, brackets, surrogates. */
const specialUnits = [
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\0',
  '\f',
  '\v',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u3000',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d\ude00',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ',',
  '.',
  ':',
  '#',
  '<',
  '-',
  '>',
  '=',
  '!',
  '&',
  ' ',
];

/** One UTF-16 code unit of any value (lone surrogates included). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/**
 * One code point of the whole Unicode range (as fc.string's 'binary' unit, plus lone surrogates).
 * Not the 'binary' unit itself: fast-check then builds a reverse index of all 1.1 million code
 * points (about 2 s of CPU in every test file).
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

const textUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: anyCodePoint },
  { weight: 2, arbitrary: anyCodeUnit },
  { weight: 3, arbitrary: fc.constantFrom(...specialUnits) },
);

/** Random text: printable ASCII, any code point, any code unit (lone surrogates) and special characters. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: textUnit, maxLength: 120 }),
  fc.string({ unit: anyCodePoint, maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: anyCodeUnit, maxLength: 60 }),
);

// ───────────────────────────────────────────────────────────── token soups

const functionNames = FUNCTIONS.map((f) => f.name);

/** Separators put between tokens (nothing, spaces, tabs, line breaks). */
const separator = fc.constantFrom('', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0');

function soup(tokens: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(tokens, separator), { maxLength }).map((parts) => parts.map(([token, sep]) => token + sep).join(''));
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);

/** Tokens of the expression language, valid and broken. */
export const expressionToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...functionNames) },
  { weight: 1, arbitrary: fc.constantFrom('switch', 'join', 'Swtich', 'vbTextCompare', 'IgnoreObjectFlow', 'True', 'x') },
  { weight: 1, arbitrary: identifier },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '[mail]',
      '[userPrincipalName]',
      '[IsSoftDeleted]',
      '[department]',
      '[jobTitle]',
      '[appRoleAssignments]',
      '[manager]',
      '[extension_abc_x]',
      '[a.b:c]',
      '[]',
      '[mail',
      '[',
      ']',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '"x"',
      '""',
      '"a\\\\b"',
      '"say \\"hi\\""',
      '"\\d"',
      '"\\"',
      '"unterminated',
      '"abc\\"',
      '"@contoso.com"',
      '"True"',
      '"False"',
      '"yyyyMMddHHmmss.fZ"',
      '"\\u00e9"',
      '"é😀"',
      '"a,b"',
      '"(x)"',
      '"#"',
      '"\t"',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('1', '-1', '0', '42568.75', '-10', '&HF7', '&H', '99999999999999999999', '1.', '.5', '-') },
  { weight: 8, arbitrary: fc.constantFrom('(', ')', ',', ',', '(', ')') },
  { weight: 2, arbitrary: fc.constantFrom('=', '<>', '<', '<=', '>', '>=', '<-', '->', '&', '+', "'", '.', '!', '{', '}', '#') },
);

/** A random sequence of expression tokens. */
export const expressionSoup: fc.Arbitrary<string> = soup(expressionToken, 40);

/** Every keyword of the `.aadmap` language (the vocabulary's). */
const mappingKeywords: readonly string[] = KEYWORD_WORDS;

const scopeOperators = [
  ...SCOPE_OPERATORS.map((o) => o.label),
  // What the lexer must read too: runs of blanks inside a two-word operator, a first word alone.
  'NOT   EQUALS',
  'IS\tNOT NULL',
  'IS',
  'NOT',
];

const targetPaths = [
  'userName',
  'active',
  'title',
  'externalId',
  'displayName',
  'name.givenName',
  'emails[type eq "work"].value',
  'emails[type eq "work"]',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
  'phoneNumbers[type eq "mobile"].value',
  'a.b.c',
  '1abc',
  'emails[',
  'emails[type eq "w]',
  'x y',
  '$ref',
];

/** Tokens of the `.aadmap` language: expression tokens plus keywords, braces, arrows, comments and line breaks. */
export const mappingToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: expressionToken },
  { weight: 4, arbitrary: fc.constantFrom(...mappingKeywords) },
  { weight: 3, arbitrary: fc.constantFrom(...scopeOperators) },
  { weight: 3, arbitrary: fc.constantFrom(...targetPaths) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'User',
      'Group',
      '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      'chatwork',
      '"schema.json"',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('Add', 'Update', 'Delete', 'None', 'Always', 'ObjectAddOnly', 'FlowAlways', 'FlowWhenChanged') },
  { weight: 6, arbitrary: fc.constantFrom('{', '}', '<-', '->', '\n', '\n', '\r\n', '\r', '# comment', '#', '# "x" [y] {') },
);

/** A random sequence of `.aadmap` tokens. */
export const mappingSoup: fc.Arbitrary<string> = soup(mappingToken, 60);

/** Line-structured `.aadmap` text: a block header, lines of (mostly) well-shaped items, a closing brace. */
export const structuredMapping: fc.Arbitrary<string> = (() => {
  const expressionTokens = fc.array(expressionToken, { minLength: 0, maxLength: 10 }).map((t) => t.join(' '));
  const modifier = fc.constantFrom(
    'match 1',
    'match 0',
    'match -1',
    'match',
    'default "x"',
    'default',
    'on create',
    'on',
    'flowType Always',
    'flowType Bogus',
    'flowBehavior FlowAlways',
    'exportMissingReferences',
    'match 1 match 2',
  );
  const mappingLine = fc
    .tuple(fc.constantFrom(...targetPaths), fc.oneof(expressionTokens, fc.constant('none')), fc.array(modifier, { maxLength: 3 }))
    .map(([target, source, modifiers]) => `  ${target} <- ${source} ${modifiers.join(' ')}`);
  const clause = fc
    .tuple(
      fc.constantFrom('[department]', '[accountEnabled]', '[mail]', '[manager]', '[x', '"x"'),
      fc.oneof(fc.constantFrom(...scopeOperators), fc.constant('operator "custom"'), fc.constant('operator')),
      fc.array(fc.constantFrom('"Sales"', '1', '-2', 'true', '"[a-z]+"', '"("', ','), { maxLength: 4 }),
    )
    .map(([attribute, operator, values]) => `    ${attribute} ${operator} ${values.join(', ')}`);
  const scope = fc
    .tuple(fc.constantFrom('"S"', '"S"', '', 'S'), fc.array(clause, { maxLength: 4 }), fc.boolean())
    .map(([name, clauses, closed]) => [`  scope ${name} {`, ...clauses, closed ? '  }' : ''].join('\n'));
  // Attribute declarations (docs/custom-attributes.md), well-formed and not.
  const declaration = fc
    .tuple(
      fc.constantFrom('target', 'source', 'target', '', 'mapping', '"x"'),
      fc.constantFrom(
        '"urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter"',
        'extension_0a1b_x',
        'costCenter',
        '"x',
        'EQUALS',
        '',
      ),
      fc.array(
        fc.constantFrom(
          'String',
          'Boolean',
          'Reference',
          'Strng',
          'required',
          'multiValued',
          'caseExact',
          'remove',
          'apiExpression "k" "v"',
          'referencedObject "User"',
          '"s"',
          '5',
          'match',
          '[',
        ),
        { maxLength: 4 },
      ),
    )
    .map(([side, name, words]) => `  attribute ${side} ${name} ${words.join(' ')}`);
  const item = fc.oneof(
    { weight: 2, arbitrary: declaration },
    { weight: 6, arbitrary: mappingLine },
    { weight: 2, arbitrary: scope },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '  enabled false',
        '  enabled',
        '  flowTypes Add, Update',
        '  flowTypes None',
        '  flowTypes',
        '  flowTypes Add,',
      ),
    },
    { weight: 2, arbitrary: soup(mappingToken, 8) },
  );
  const block = fc
    .tuple(
      fc.constantFrom(
        'mapping "M" User -> User {',
        'mapping "M" User -> User',
        'mapping User -> User {',
        'mapping "M" "x" -> Group {',
        'mapping "M" {',
      ),
      fc.array(item, { maxLength: 8 }),
      fc.constantFrom('}', '}', '', '}}', '} }'),
    )
    .map(([header, items, close]) => [header, ...items, close].join('\n'));
  return fc
    .tuple(
      fc.constantFrom('', 'target chatwork', 'target "schema.json"', 'target', 'target x'),
      fc.array(block, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([target, blocks, eol]) => [target, ...blocks].join('\n').replace(/\n/g, eol));
})();

/** Tokens of SCIM filters and paths, valid and broken. */
export const scimToken: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'userName',
      'title',
      'emails',
      'name.givenName',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
      'meta.lastModified',
      'members',
      'type',
      'value',
      'a.b.c',
      '1abc',
      '$ref',
      'urn:attr',
      'urn:',
      'a.',
      'x-y_z',
      'é',
      'emails.',
      ':a',
    ),
  },
  { weight: 5, arbitrary: fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr', 'EQ', 'Pr', 'gE') },
  { weight: 2, arbitrary: fc.constantFrom('==', '=', '!=', '<', '>=', '<>', 'lte', 'contains', '!', '&&', '||', '&', '|') },
  { weight: 5, arbitrary: fc.constantFrom('and', 'or', 'not', 'AND', 'Or', 'NOT', 'not(') },
  { weight: 6, arbitrary: fc.constantFrom('(', ')', '[', ']', '.value', '.', '.display.name', '(', ')', '[', ']') },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '"bjensen"',
      '""',
      '"a\\"b"',
      '"a\\\\b"',
      '"\\u00e9"',
      '"\\ud83d\\ude00"',
      '"\\ud800"',
      '"\\/"',
      '"\\b\\f\\n\\r\\t"',
      '"\\a"',
      '"\\u12"',
      '"\\u12G4"',
      '"unterminated',
      '"abc\\"',
      '"abc\\',
      "'single'",
      "'open",
      '"\t"',
      '"\u0001"',
      '"O\'Malley"',
      '"2011-05-13T04:42:34Z"',
      '"😀"',
      '"\ud800"',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '1',
      '-1.5e3',
      '0',
      '1E+2',
      '01',
      '+1',
      '.5',
      '1.',
      '1e',
      '0x1F',
      'true',
      'false',
      'null',
      'True',
      'NULL',
      'bjensen',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u00a0', '\u3000', '\t', '\n', '\r\n', '\ufeff') },
);

/** A random sequence of SCIM tokens. */
export const scimSoup: fc.Arbitrary<string> = soup(scimToken, 30);

// ───────────────────────────────────────────────────────────── fixtures and mutations

function readDirectory(directory: string, pattern: RegExp): string[] {
  try {
    return readdirSync(directory)
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => readFileSync(join(directory, name), 'utf8'));
  } catch {
    return [];
  }
}

/** The `.aadmap` fixture files and examples, as text. */
export const mappingFixtures: string[] = [
  ...readDirectory(join(repoRoot, 'test', 'checker', 'fixtures'), /\.aadmap$/),
  ...readDirectory(join(repoRoot, 'examples'), /\.aadmap$/),
];

/** The `.scimfilter` fixture files and examples, as text. */
export const scimFilterFileFixtures: string[] = [
  ...readDirectory(join(repoRoot, 'test', 'checker', 'fixtures'), /\.scimfilter$/),
  ...readDirectory(join(repoRoot, 'examples'), /\.scimfilter$/),
];

/**
 * Single filters / paths: the lines of the `.scimfilter` fixtures and the inputs of the SCIM
 * grammar fixtures (`INPUT  =>  …` lines of test/grammar/scim/fixtures/*.txt).
 */
export const scimLineFixtures: string[] = (() => {
  const lines = new Set<string>();
  for (const file of scimFilterFileFixtures) {
    for (const line of file.split(/\r\n|\r|\n/)) if (line.trim() !== '' && !line.startsWith('#')) lines.add(line);
  }
  for (const file of readDirectory(join(repoRoot, 'test', 'grammar', 'scim', 'fixtures'), /\.txt$/)) {
    for (const line of file.split(/\r\n|\r|\n/)) {
      if (line.trim() === '' || line.startsWith('#') || line.startsWith('@') || line.startsWith('=>') || /^\s*\^/.test(line)) continue;
      const input = line.split('  =>  ')[0]!;
      if (input.trim() !== '') lines.add(input);
    }
  }
  return [...lines];
})();

/** Expressions found on the mapping lines of the `.aadmap` fixtures (the text after `<-`). */
export const expressionFixtures: string[] = (() => {
  const result = new Set<string>();
  for (const file of mappingFixtures) {
    for (const line of file.split(/\r\n|\r|\n/)) {
      const arrow = line.indexOf('<-');
      if (arrow >= 0 && !line.trimStart().startsWith('#')) result.add(line.slice(arrow + 2).trim());
    }
  }
  result.add('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
  result.add('Join("@", [mailNickname], DefaultDomain())');
  result.add('IIF([a] <> "x", Replace([x], "-", , , "_", , ), &HF7)');
  return [...result];
})();

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swapChars'; a: number; b: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number; to: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'truncate'; at: number };

/** A mutation whose positions are reduced modulo the text (or line count) when applied. */
export function mutation(insertable: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const pos = fc.nat({ max: 100_000 });
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: pos, length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ op: fc.constant('insert' as const), at: pos, text: insertable }),
    fc.record({ op: fc.constant('duplicate' as const), at: pos, length: fc.integer({ min: 1, max: 40 }), to: pos }),
    fc.record({ op: fc.constant('swapChars' as const), a: pos, b: pos }),
    fc.record({ op: fc.constant('deleteLine' as const), line: pos }),
    fc.record({ op: fc.constant('duplicateLine' as const), line: pos, to: pos }),
    fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }),
    fc.record({ op: fc.constant('truncate' as const), at: pos }),
  );
}

export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'delete': {
      const start = at(m.at);
      return text.slice(0, start) + text.slice(start + m.length);
    }
    case 'insert': {
      const start = at(m.at);
      return text.slice(0, start) + m.text + text.slice(start);
    }
    case 'duplicate': {
      const start = at(m.at);
      const piece = text.slice(start, start + m.length);
      const to = at(m.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'swapChars': {
      if (text.length < 2) return text;
      const a = m.a % text.length;
      const b = m.b % text.length;
      const chars = text.split('');
      [chars[a], chars[b]] = [chars[b]!, chars[a]!];
      return chars.join('');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    default: {
      // Line operations keep each line's own terminator.
      const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
      if (lines.length === 0) return text;
      const index = (n: number) => n % lines.length;
      if (m.op === 'deleteLine') lines.splice(index(m.line), 1);
      else if (m.op === 'duplicateLine') lines.splice(m.to % (lines.length + 1), 0, lines[index(m.line)]!);
      else {
        const a = index(m.a);
        const b = index(m.b);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return lines.join('');
    }
  }
}

/** One of `bases`, changed by one to six random mutations inserting `insertable` text. */
export function mutated(bases: readonly string[], insertable: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (bases.length === 0) throw new Error('no fixtures found to mutate');
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(mutation(insertable), { minLength: 1, maxLength: 6 }))
    .map(([base, mutations]) => mutations.reduce(applyMutation, base));
}

const insertableChar = fc.oneof(textUnit, fc.constantFrom(...specialUnits));

export const mutatedMapping = mutated(mappingFixtures, fc.oneof(mappingToken, insertableChar));
export const mutatedScimFilterFile = mutated(scimFilterFileFixtures, fc.oneof(scimToken, insertableChar));
export const mutatedScimLine = mutated(scimLineFixtures, fc.oneof(scimToken, insertableChar));
export const mutatedExpression = mutated(expressionFixtures, fc.oneof(expressionToken, insertableChar));

// ───────────────────────────────────────────────────────────── pathological shapes

export type Language = 'expression' | 'aadmap' | 'scim';

/**
 * Inputs that catch exponential recovery, catastrophic backtracking and stack overflows, with the
 * languages they are meant for (the shapes of the task run through every parser).
 */
export function pathologicalInputs(): { name: string; languages: Language[]; text: string }[] {
  const thousandLines = Array.from({ length: 1000 }, (_, i) => `  title <- [jobTitle${i}]`).join('\n');
  return [
    { name: '2,000 nested Join(', languages: ['expression', 'aadmap', 'scim'], text: 'Join('.repeat(2000) },
    { name: '2,000 nested Join( closed', languages: ['expression', 'aadmap'], text: `${'Join("", '.repeat(2000)}[x]${')'.repeat(2000)}` },
    {
      name: '2,000 nested Join( in a mapping line',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n  title <- ${'Join('.repeat(2000)}\n}`,
    },
    { name: '50,000-character line (letters)', languages: ['expression', 'aadmap', 'scim'], text: 'a'.repeat(50_000) },
    { name: '50,000-character line (string)', languages: ['expression', 'aadmap', 'scim'], text: `"${'x'.repeat(50_000)}"` },
    {
      name: '50,000-character line (mapping)',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n  title <- "${'x'.repeat(50_000)}"\n}`,
    },
    { name: '50,000-character target path', languages: ['aadmap'], text: `mapping "M" User -> User {\n  ${'a.'.repeat(25_000)} <- [x]\n}` },
    { name: '50,000-character expression list', languages: ['expression', 'aadmap'], text: `Join(${'[a], '.repeat(10_000)}[a])` },
    { name: '10,000 commas', languages: ['expression', 'aadmap', 'scim'], text: ','.repeat(10_000) },
    { name: '10,000 commas in a call', languages: ['expression', 'aadmap'], text: `Join(${','.repeat(10_000)})` },
    {
      name: '10,000 commas in a mapping',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n  title <- Join(${','.repeat(10_000)})\n}`,
    },
    { name: 'unterminated string then 1,000 lines', languages: ['expression', 'aadmap', 'scim'], text: `"unterminated\n${thousandLines}` },
    {
      name: 'unterminated string in a mapping then 1,000 lines',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n  title <- "x\n${thousandLines}\n}`,
    },
    {
      name: 'unclosed call then 1,000 lines',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n  title <- Join(\n${'  [x],\n'.repeat(1000)}}`,
    },
    { name: '5,000 {', languages: ['expression', 'aadmap', 'scim'], text: '{'.repeat(5000) },
    { name: '5,000 { in a block', languages: ['aadmap'], text: `mapping "M" User -> User ${'{'.repeat(5000)}` },
    { name: '2,000 unclosed scopes', languages: ['aadmap'], text: `mapping "M" User -> User {\n${'scope "s" {\n'.repeat(2000)}` },
    {
      name: '2,000 scopes',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n${'scope "s" {\n'.repeat(2000)}${'}\n'.repeat(2000)}`,
    },
    { name: '5,000 (', languages: ['expression', 'aadmap', 'scim'], text: '('.repeat(5000) },
    { name: '5,000 [', languages: ['expression', 'aadmap', 'scim'], text: '['.repeat(5000) },
    { name: '5,000 nested SCIM groups', languages: ['scim'], text: `${'('.repeat(5000)}a pr${')'.repeat(5000)}` },
    { name: '5,000 not (', languages: ['scim'], text: 'not ('.repeat(5000) },
    { name: '5,000 not', languages: ['scim'], text: `${'not '.repeat(5000)}(a pr)` },
    { name: '5,000 and', languages: ['scim'], text: Array.from({ length: 5000 }, () => 'a pr').join(' and ') },
    {
      name: '5,000 alternating and/or',
      languages: ['scim'],
      text: Array.from({ length: 5000 }, (_, i) => `a${i} eq "x"`)
        .join(' or ')
        .replace(/ or /g, (m, i) => (i % 2 ? ' and ' : m)),
    },
    { name: '2,000 value paths', languages: ['scim'], text: Array.from({ length: 2000 }, () => 'emails[type eq "w"]').join(' or ') },
    { name: '5,000 [ in a path', languages: ['scim'], text: `emails${'[type eq "w"'.repeat(5000)}` },
    { name: '2,000 unterminated strings', languages: ['expression', 'aadmap', 'scim'], text: '"\n'.repeat(2000) },
    { name: '10,000 line breaks', languages: ['expression', 'aadmap', 'scim'], text: '\r\n\r\n\n\r'.repeat(2500) },
    { name: '10,000 comments', languages: ['aadmap', 'scim'], text: '# comment\n'.repeat(10_000) },
    // Broken lines cost about 0.3 ms each (chevrotain's recovery): 1,000 lines, not 10,000.
    {
      name: '1,000 mapping lines',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n${'  title <- [jobTitle] match 1 default "x" on create\n'.repeat(1000)}}`,
    },
    {
      name: '1,000 bad mapping lines',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n${'  title <- Join( , [x] [y] ) ) ( \n'.repeat(1000)}}`,
    },
    {
      name: '1,000 scope clauses',
      languages: ['aadmap'],
      text: `mapping "M" User -> User {\n scope "s" {\n${'  [department] EQUALS "a", "b", 3\n'.repeat(1000)} }\n}`,
    },
    { name: '10,000 backslashes', languages: ['expression', 'aadmap', 'scim'], text: `"${'\\'.repeat(10_001)}` },
    { name: '10,000 lone surrogates', languages: ['expression', 'aadmap', 'scim'], text: '\ud800'.repeat(10_000) },
    { name: '10,000 NUL', languages: ['expression', 'aadmap', 'scim'], text: '\0'.repeat(10_000) },
    { name: '10,000 <-', languages: ['aadmap'], text: `mapping "M" User -> User {\n  a ${'<- '.repeat(10_000)}\n}` },
    {
      name: '10,000 tokens on one line',
      languages: ['expression', 'aadmap', 'scim'],
      text: 'eq pr and or not ( ) [ ] "x" 1 '.repeat(1000),
    },
  ];
}

// ───────────────────────────────────────────────────────────── valid SCIM filters

const SCIM_KEYWORDS = new Set(['and', 'or', 'not', 'pr', 'eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);

/** ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_"), never a SCIM keyword. */
export const scimAttrName = fc.oneof(
  fc.constantFrom('userName', 'title', 'emails', 'type', 'value', 'displayName', 'members', 'meta', 'x', 'A-b_1', 'true', 'null', 'urn'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,10}$/).filter((name) => !SCIM_KEYWORDS.has(name.toLowerCase())),
);

const schemaUri = fc.constantFrom(
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:x',
  'http://example.com/schema',
);

/** `[URI ":"] ATTRNAME ["." subAttr]` */
export const scimAttrPath: fc.Arbitrary<string> = fc
  .tuple(fc.option(schemaUri, { nil: undefined }), scimAttrName, fc.option(scimAttrName, { nil: undefined }))
  .map(([uri, name, sub]) => `${uri ? `${uri}:` : ''}${name}${sub ? `.${sub}` : ''}`);

/** JSON-encodable strings, including control characters, quotes, backslashes, lone surrogates. */
const jsonStringValue = fc.oneof(
  fc.string({ unit: textUnit, maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '"a\\"b"',
    '"a\\\\b"',
    '"\\/"',
    '"\\b\\f\\n\\r\\t"',
    '"\\u00e9"',
    '"\\uD83D\\uDE00"',
    '"\\ud800"',
    '""',
    '"O\'Malley"',
    '"é😀"',
  ),
);

const jsonNumber = fc.stringMatching(/^-?(?:0|[1-9][0-9]{0,5})(?:\.[0-9]{1,4})?(?:[eE][+-]?[0-9]{1,3})?$/);

export const scimValue = fc.oneof(
  { weight: 4, arbitrary: jsonStringValue },
  { weight: 2, arbitrary: jsonNumber },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
);

const compareOp = fc
  .tuple(fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'), fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }))
  .map(([op, upper]) => [...op].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

const keywordCase = (word: string) => fc.constantFrom(word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1));
/** Whitespace the filter grammar accepts silently between tokens (inside brackets: also nothing). */
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t');

/**
 * A generated VALID filter: `text` should parse with no error diagnostics, and with no diagnostic
 * at all unless it uses the Entra form (`entra`), which is accepted with a warning.
 */
export interface ValidScimFilter {
  text: string;
  /** The top-level structure, for readable counter-examples. */
  kind: 'compare' | 'present' | 'valuePath' | 'entra' | 'and' | 'or' | 'not' | 'group';
  entra: boolean;
}

const scimFilterMemos = new Map<boolean, fc.Memo<ValidScimFilter>>();

function scimFilterArbitrary(allowValuePath: boolean): fc.Memo<ValidScimFilter> {
  const known = scimFilterMemos.get(allowValuePath);
  if (known) return known;
  const memo = fc.memo((n): fc.Arbitrary<ValidScimFilter> => {
    const compare = fc
      .tuple(scimAttrPath, gap, compareOp, gap, scimValue)
      .map(([path, g1, op, g2, value]): ValidScimFilter => ({ kind: 'compare', text: `${path}${g1}${op}${g2}${value}`, entra: false }));
    const present = fc
      .tuple(scimAttrPath, gap, keywordCase('pr'))
      .map(([path, g, pr]): ValidScimFilter => ({ kind: 'present', text: `${path}${g}${pr}`, entra: false }));
    const leaves: fc.Arbitrary<ValidScimFilter>[] = [compare, compare, present];
    if (allowValuePath) {
      const simplePath = fc
        .tuple(fc.option(schemaUri, { nil: undefined }), scimAttrName)
        .map(([uri, name]) => `${uri ? `${uri}:` : ''}${name}`);
      const inner = scimFilterArbitrary(false)(Math.min(n, 2));
      leaves.push(
        fc
          .tuple(simplePath, fc.constantFrom('', ' '), inner, fc.constantFrom('', ' '))
          .map(([path, s1, f, s2]): ValidScimFilter => ({ kind: 'valuePath', text: `${path}[${s1}${f.text}${s2}]`, entra: false })),
        // The Entra form `emails[type eq "work"].value eq "x"` (a warning, not an error).
        fc
          .tuple(
            simplePath,
            inner,
            scimAttrName,
            fc.oneof(
              compareOp.chain((op) => scimValue.map((v) => `${op} ${v}`)),
              fc.constant('pr'),
            ),
          )
          .map(
            ([path, f, sub, comparison]): ValidScimFilter => ({
              kind: 'entra',
              text: `${path}[${f.text}].${sub} ${comparison}`,
              entra: true,
            }),
          ),
      );
    }
    if (n <= 1) return fc.oneof(...leaves);
    const sub = scimFilterArbitrary(allowValuePath);
    // `or` under `and` needs parentheses to mean what the tree says; a `not` always has them.
    const operand = (op: 'and' | 'or') => sub(n - 1).map((f) => (op === 'and' && f.kind === 'or' ? { ...f, text: `(${f.text})` } : f));
    const logical = (op: 'and' | 'or') =>
      fc.array(fc.tuple(operand(op), keywordCase(op)), { minLength: 2, maxLength: 4 }).map(
        (items): ValidScimFilter => ({
          kind: op,
          text: items.map(([f, kw], i) => (i === 0 ? f.text : ` ${kw} ${f.text}`)).join(''),
          entra: items.some(([f]) => f.entra),
        }),
      );
    return fc.oneof(
      { weight: 3, arbitrary: fc.oneof(...leaves) },
      { weight: 2, arbitrary: logical('and') },
      { weight: 2, arbitrary: logical('or') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(keywordCase('not'), fc.constantFrom('', ' '), fc.constantFrom('', ' '), sub(n - 1))
          .map(([kw, s1, s2, f]): ValidScimFilter => ({ kind: 'not', text: `${kw}${s1}(${s2}${f.text}${s2})`, entra: f.entra })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('', ' '), sub(n - 1))
          .map(([s, f]): ValidScimFilter => ({ kind: 'group', text: `(${s}${f.text}${s})`, entra: f.entra })),
      },
    );
  });
  scimFilterMemos.set(allowValuePath, memo);
  return memo;
}

export const validScimFilter: fc.Arbitrary<ValidScimFilter> = scimFilterArbitrary(true)(4);

/** A VALID attribute / PATCH path: `attrPath` or `attrPath[valFilter]` or `attrPath[valFilter].sub`. */
export const validScimPath: fc.Arbitrary<string> = fc.oneof(
  scimAttrPath,
  fc
    .tuple(
      fc.tuple(fc.option(schemaUri, { nil: undefined }), scimAttrName).map(([uri, name]) => `${uri ? `${uri}:` : ''}${name}`),
      scimFilterArbitrary(false)(3),
      fc.option(scimAttrName, { nil: undefined }),
    )
    .map(([path, filter, sub]) => `${path}[${filter.text}]${sub ? `.${sub}` : ''}`),
);

// ───────────────────────────────────────────────────────────── valid expressions

/** The structure of a generated expression (what the parser's AST must reproduce). */
export type ExprShape =
  | { kind: 'call'; name: string; args: ExprShape[] }
  | { kind: 'identifier'; name: string }
  | { kind: 'attribute'; name: string }
  | { kind: 'string'; value: string; raw: string }
  | { kind: 'number'; raw: string; hex: boolean }
  | { kind: 'comparison'; operator: string; left: ExprShape; right: ExprShape }
  | { kind: 'empty' };

const exprWhitespace = fc.constantFrom('', '', ' ', ' ', '  ', '\t', '\n', '\r\n');

function encodeString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Characters for string constants: anything but line breaks (strings do not span lines). */
const stringChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\\', '"', '\\\\', '\\"', 'a', ' ', ',', '(', ')', '[', ']', '#', '<-', 'é', '😀', '\t') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: anyCodeUnit.filter((c) => c !== '\r' && c !== '\n') },
);

const exprTerm = (n: number, self: (n: number) => fc.Arbitrary<ExprShape>): fc.Arbitrary<ExprShape> => {
  const leaves: fc.Arbitrary<ExprShape>[] = [
    fc
      .string({
        unit: fc
          .oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), anyCodeUnit)
          .filter((c) => c !== ']' && c !== '\r' && c !== '\n'),
        maxLength: 20,
      })
      .map((name): ExprShape => ({ kind: 'attribute', name })),
    fc
      .constantFrom('mail', 'userPrincipalName', 'IsSoftDeleted', 'extension_a_b', 'a.b:c d')
      .map((name): ExprShape => ({ kind: 'attribute', name })),
    fc.string({ unit: stringChar, maxLength: 10 }).map((value): ExprShape => ({ kind: 'string', value, raw: encodeString(value) })),
    fc.stringMatching(/^-?[0-9]{1,20}(?:\.[0-9]{1,5})?$/).map((raw): ExprShape => ({ kind: 'number', raw, hex: false })),
    fc.stringMatching(/^&H[0-9A-Fa-f]{1,8}$/).map((raw): ExprShape => ({ kind: 'number', raw, hex: true })),
    fc
      .oneof(fc.constantFrom('vbTextCompare', 'vbBinaryCompare', 'IgnoreObjectFlow'), identifier)
      .map((name): ExprShape => ({ kind: 'identifier', name })),
  ];
  if (n <= 0) return fc.oneof(...leaves);
  const argument = fc.oneof({ weight: 1, arbitrary: fc.constant<ExprShape>({ kind: 'empty' }) }, { weight: 5, arbitrary: self(n - 1) });
  const call = fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...functionNames) }, { weight: 1, arbitrary: identifier }),
      fc.array(argument, { maxLength: 5 }),
    )
    .map(([name, args]): ExprShape => ({ kind: 'call', name, args }));
  return fc.oneof({ weight: 2, arbitrary: fc.oneof(...leaves) }, { weight: 3, arbitrary: call });
};

const exprShapeArbitrary: (n: number) => fc.Arbitrary<ExprShape> = fc.memo((n) =>
  fc.oneof(
    { weight: 5, arbitrary: exprTerm(n, exprShapeArbitrary) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(exprTerm(n - 1, exprShapeArbitrary), fc.constantFrom('=', '<>', '<', '<=', '>', '>='), exprTerm(n - 1, exprShapeArbitrary))
        .map(([left, operator, right]): ExprShape => ({ kind: 'comparison', operator, left, right })),
    },
  ),
);

/** Writes an expression shape as text with random (valid) whitespace between tokens. */
function writeExpression(shape: ExprShape, ws: () => string): string {
  switch (shape.kind) {
    case 'call':
      return `${shape.name}${ws()}(${ws()}${shape.args.map((a) => `${writeExpression(a, ws)}${ws()}`).join(`,${ws()}`)})`;
    case 'identifier':
      return shape.name;
    case 'attribute':
      return `[${shape.name}]`;
    case 'string':
      return shape.raw;
    case 'number':
      return shape.raw;
    case 'comparison':
      return `${writeExpression(shape.left, ws)}${ws()}${shape.operator}${ws()}${writeExpression(shape.right, ws)}`;
    case 'empty':
      return '';
  }
}

/** Words an `.aadmap` file lexes as keywords or scoping operators (not as names) outside strings. */
export const mappingReservedWords: ReadonlySet<string> = new Set([
  ...mappingKeywords,
  // The scoping operators written as one word (the others lex as an operator only as a whole).
  ...SCOPE_OPERATORS.map((o) => o.label).filter((label) => /^\w+$/.test(label)),
]);

/** Whether a shape uses a name that is reserved in `.aadmap` files (a call or bare identifier). */
export function usesReservedWord(shape: ExprShape): boolean {
  switch (shape.kind) {
    case 'call':
      return mappingReservedWords.has(shape.name) || shape.args.some(usesReservedWord);
    case 'identifier':
      return mappingReservedWords.has(shape.name);
    case 'comparison':
      return usesReservedWord(shape.left) || usesReservedWord(shape.right);
    default:
      return false;
  }
}

/** `f()` has no arguments (not one empty argument): the shape the parser builds. */
export function normalizeShape(shape: ExprShape): ExprShape {
  if (shape.kind === 'call') {
    const args = shape.args.map(normalizeShape);
    return { kind: 'call', name: shape.name, args: args.length === 1 && args[0]!.kind === 'empty' ? [] : args };
  }
  if (shape.kind === 'comparison') return { ...shape, left: normalizeShape(shape.left), right: normalizeShape(shape.right) };
  return shape;
}

export interface ValidExpression {
  shape: ExprShape;
  text: string;
}

/** A VALID expression: its generated shape and its text (random whitespace between tokens). */
export const validExpression: fc.Arbitrary<ValidExpression> = fc
  .tuple(exprShapeArbitrary(4), fc.array(exprWhitespace, { minLength: 64, maxLength: 64 }))
  .map(([shape, spaces]) => {
    let i = 0;
    const ws = () => spaces[i++ % spaces.length]!;
    return { shape: normalizeShape(shape), text: writeExpression(shape, ws) };
  });

// ───────────────────────────────────────────────────────────── well-formed mapping files

const sourceAttributes = [
  'objectId',
  'IsSoftDeleted',
  'accountEnabled',
  'city',
  'companyName',
  'department',
  'displayName',
  'employeeId',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'manager',
  'mobile',
  'passwordProfile.password',
  'proxyAddresses',
  'surname',
  'userPrincipalName',
  'appRoleAssignments',
  'members',
  'userType',
  'extensionAttribute1',
  'Mail',
  'createdDateTime',
];

const notReserved = (name: string) => !mappingReservedWords.has(name);

/** An expression for a mapping line: valid shape, one line, no word the file lexes as a keyword. */
const mappingSource: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: validExpression.filter(({ shape }) => !usesReservedWord(shape)).map(({ text }) => text.replace(/\r\n|\n/g, ' ')),
  },
  { weight: 2, arbitrary: fc.constantFrom(...sourceAttributes).map((name) => `[${name}]`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      'Join("@", [mailNickname], DefaultDomain())',
      '"Contoso"',
      'none',
      'IIF([department] = "Sales", "S", "O")',
      'SelectUniqueValue([mail], [userPrincipalName])',
      'SingleAppRoleAssignment([appRoleAssignments])',
      'IgnoreFlowIfNullOrEmpty([mail])',
      'CBool([a] > 1)',
      'FormatDateTime([createdDateTime], , "yyyyMMdd", "yyyy")',
      'Mid([mail], "x", 2)',
      'DateAdd("zz", 1, CDate("2020"))',
      'InStr([mail], "@", , vbTextCompare)',
      'Replace([mail], , "[a-", , "_", , )',
    ),
  },
);

const mappingTarget: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'userName',
      'active',
      'title',
      'externalId',
      'UserName',
      'displayName',
      'emails[type eq "work"].value',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
      'name.givenName',
    ),
  },
  { weight: 1, arbitrary: validScimPath },
);

const nameWord = fc.oneof(
  fc.constantFrom(
    'Always',
    'ObjectAddOnly',
    'MultiValueAddOnly',
    'ValueAddOnly',
    'AttributeAddOnly',
    'FlowWhenChanged',
    'FlowAlways',
    'Add',
    'Update',
    'Delete',
    'None',
  ),
  identifier.filter(notReserved),
);

const quoted = fc.oneof(
  fc.constantFrom('"Sales"', '""', '"x"', '"[a-z]+"', '"(?i)^a"', '"("', '"\\\\d+"'),
  fc.string({ unit: stringChar, maxLength: 8 }).map(encodeString),
);

const modifierText: fc.Arbitrary<string> = fc
  .record(
    {
      match: fc.constantFrom('0', '1', '2', '-1', '1.5', '99999999999999999999'),
      default: quoted,
      onCreate: fc.constant('on create'),
      flowType: nameWord,
      flowBehavior: nameWord,
      exportMissingReferences: fc.constant('exportMissingReferences'),
    },
    { requiredKeys: [] },
  )
  .chain((modifiers) => fc.shuffledSubarray(Object.entries(modifiers), { minLength: Object.keys(modifiers).length }))
  .map((entries) =>
    entries.map(([kind, value]) => (kind === 'onCreate' || kind === 'exportMissingReferences' ? value : `${kind} ${value}`)).join(' '),
  );

const scopeClauseText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...sourceAttributes),
      fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map((s) => s.replace(/[\]#]/g, '')),
    ),
    fc.oneof(
      fc.constantFrom(...scopeOperators.filter((op) => op !== 'IS' && op !== 'NOT')),
      quoted.map((q) => `operator ${q}`),
    ),
    fc.array(fc.oneof(quoted, fc.constantFrom('1', '-2', '0', 'true', 'false', '3.5')), { maxLength: 3 }),
  )
  .map(([attribute, operator, values]) => `[${attribute}] ${operator} ${values.join(', ')}`.trimEnd());

const blockItemText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(mappingTarget, mappingSource, modifierText)
      .map(([target, source, modifiers]) => `${target} <- ${source} ${modifiers}`.trimEnd()),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(quoted, fc.array(scopeClauseText, { maxLength: 4 }))
      .map(([name, clauses]) => [`scope ${name} {`, ...clauses.map((c) => `  ${c}`), '}'].join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('enabled true', 'enabled false') },
  { weight: 1, arbitrary: fc.array(nameWord, { minLength: 1, maxLength: 4 }).map((names) => `flowTypes ${names.join(', ')}`) },
);

/**
 * Syntactically valid `.aadmap` files with semantically random content (unknown functions, wrong
 * argument counts and types, duplicate targets, bad regexes, …): they reach every checker rule.
 */
export const wellFormedMapping: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'target chatwork', 'target x', 'target chatwork\ntarget chatwork'),
    fc.array(
      fc.tuple(
        quoted,
        fc.constantFrom('User', 'Group', 'Device', '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', 'user'),
        fc.constantFrom('User', 'Group', 'Device', '"User"'),
        fc.array(blockItemText, { maxLength: 10 }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('  ', '\t', ''),
  )
  .map(([target, blocks, eol, indent]) =>
    [
      target,
      ...blocks.map(([name, source, targetObject, items]) =>
        [
          `mapping ${name} ${source} -> ${targetObject} {`,
          ...items.map((item) =>
            item
              .split('\n')
              .map((l) => indent + l)
              .join('\n'),
          ),
          '}',
        ].join('\n'),
      ),
    ]
      .join('\n')
      .replace(/\n/g, eol),
  );

// ───────────────────────────────────────────────────────────── near-valid inputs

/** `base` texts changed by one to three mutations: almost valid, so the parsers get deep before failing. */
function nearly(base: fc.Arbitrary<string>, insertable: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(mutation(insertable), { minLength: 1, maxLength: 3 }))
    .map(([text, mutations]) => mutations.reduce(applyMutation, text));
}

/** Keywords as names, missing spaces, `$ref`, Entra forms…: what a filter is when it is almost right. */
const scimTweak = fc.oneof(
  scimToken,
  fc.constantFrom('pr', 'not', 'and', 'or', 'eq', ' ', '', '$ref', '.value', ']', '[', ')', '(', '"', '\\'),
);

export const nearValidScimFilter: fc.Arbitrary<string> = nearly(
  validScimFilter.map((f) => f.text),
  scimTweak,
);
export const nearValidScimPath: fc.Arbitrary<string> = nearly(validScimPath, scimTweak);
export const nearValidExpression: fc.Arbitrary<string> = nearly(
  validExpression.map((e) => e.text),
  expressionToken,
);
export const nearValidMapping: fc.Arbitrary<string> = nearly(
  wellFormedMapping,
  fc.oneof(mappingToken, fc.constantFrom('\n', '"', '(', ')', '[', ']', '{', '}')),
);
