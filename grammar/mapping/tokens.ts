/**
 * Tokens of the `.aadmap` file language. Expression tokens are shared with the expression
 * language; the file adds line breaks, comments, braces, keywords, scoping operators and the target
 * path of a mapping line.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { expressionTokens, HexLiteral, Identifier, LineContent } from '../expression/tokens';
import { KEYWORD_WORDS, SCOPE_OPERATOR_PATTERN, SCOPE_OPERATORS, STATEMENT_KEYWORDS, type Keyword } from './vocabulary';

/** Line breaks end statements; inside open parentheses the lexer pass drops them (see lexer.ts). */
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'a line break' });
const InlineWhitespace = createToken({ name: 'InlineWhitespace', pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

const isLineSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * The target side of a mapping line: everything from the start of a line up to `<-` (outside
 * quotes), e.g. `emails[type eq "work"].value`. Matching it as one token lets the SCIM path parser
 * read it with its own grammar, and keeps `[`…`]` inside a path from lexing as an attribute reference.
 */
const matchTargetPath: CustomPatternMatcherFunc = (text, offset) => {
  let before = offset - 1;
  while (before >= 0 && isLineSpace(text[before])) before--;
  if (before >= 0) {
    const ch = text[before];
    if (ch !== '\n' && ch !== '\r' && ch !== '{') return null;
  }
  let inString = false;
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return null;
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 35 /* # */) {
      return null;
    } else if (code === 60 /* < */ && text.charCodeAt(i + 1) === 45 /* - */) {
      let end = i;
      while (end > offset && isLineSpace(text[end - 1])) end--;
      if (end === offset) return null;
      return [text.slice(offset, end)] as unknown as RegExpExecArray;
    }
  }
  return null;
};

const targetPathStartChars: string[] = [];
for (let code = 33; code < 127; code++) {
  const ch = String.fromCharCode(code);
  if (!'#[]"{}(),<'.includes(ch)) targetPathStartChars.push(ch);
}

export const TargetPath = createToken({
  name: 'TargetPath',
  pattern: { exec: matchTargetPath },
  start_chars_hint: targetPathStartChars,
  line_breaks: false,
  categories: [LineContent],
  label: 'a target attribute',
});

/** `<-` is the mapping arrow only right after a target path; elsewhere `<` is a comparison. */
export const LeftArrow = createToken({
  name: 'LeftArrow',
  pattern: {
    exec: (text: string, offset: number, matched: IToken[]) =>
      text.charCodeAt(offset) === 60 && text.charCodeAt(offset + 1) === 45 && matched[matched.length - 1]?.tokenType === TargetPath
        ? (['<-'] as unknown as RegExpExecArray)
        : null,
  },
  start_chars_hint: ['<'],
  line_breaks: false,
  categories: [LineContent],
  label: "'<-'",
});

export const Arrow = createToken({ name: 'Arrow', pattern: '->', categories: [LineContent], label: "'->'" });
export const LBrace = createToken({ name: 'LBrace', pattern: '{', categories: [LineContent], label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: '}', label: "'}'" });

/** Scoping-filter operators, spelled as the portal shows them (several contain spaces): vocabulary.ts. */
export const ScopeOperator = createToken({
  name: 'ScopeOperator',
  pattern: new RegExp(SCOPE_OPERATOR_PATTERN),
  longer_alt: Identifier,
  categories: [LineContent],
  label: `a scoping operator (${SCOPE_OPERATORS.map((o) => o.label).join(', ')})`,
});

/** One token per vocabulary keyword, in the vocabulary's (lexer) order. */
export const keywordTokens: Readonly<Record<Keyword, TokenType>> = Object.fromEntries(
  KEYWORD_WORDS.map((word) => [
    word,
    createToken({ name: `Kw_${word}`, pattern: word, longer_alt: Identifier, categories: [LineContent], label: `'${word}'` }),
  ]),
) as Record<Keyword, TokenType>;

export const Target = keywordTokens.target;
export const Deploy = keywordTokens.deploy;
export const Mapping = keywordTokens.mapping;
export const Scope = keywordTokens.scope;
export const Enabled = keywordTokens.enabled;
export const FlowTypes = keywordTokens.flowTypes;
export const Attribute = keywordTokens.attribute;
export const Source = keywordTokens.source;
export const FlowType = keywordTokens.flowType;
export const FlowBehavior = keywordTokens.flowBehavior;
export const ExportMissingReferences = keywordTokens.exportMissingReferences;
export const None = keywordTokens.none;
export const Match = keywordTokens.match;
export const Default = keywordTokens.default;
export const On = keywordTokens.on;
export const Create = keywordTokens.create;
export const Operator = keywordTokens.operator;
export const True = keywordTokens.true;
export const False = keywordTokens.false;

const keywords: TokenType[] = KEYWORD_WORDS.map((word) => keywordTokens[word]);

/** The keyword a token is, or undefined. */
export function keywordOf(tokenType: TokenType | undefined): Keyword | undefined {
  return tokenType && keywordByToken.get(tokenType);
}
const keywordByToken = new Map<TokenType, Keyword>(KEYWORD_WORDS.map((word) => [keywordTokens[word], word]));

/** Keywords that start a statement: a line starting with one ends an unclosed expression above it. */
export const statementStarters = new Set<TokenType>([...STATEMENT_KEYWORDS.map((word) => keywordTokens[word]), TargetPath, RBrace]);

export const mappingTokenVocabulary: TokenType[] = [
  Newline,
  InlineWhitespace,
  Comment,
  TargetPath,
  LeftArrow,
  Arrow,
  LBrace,
  RBrace,
  HexLiteral, // before ScopeOperator: `&H1F` is a number, `&` alone an operator
  ScopeOperator,
  ...keywords,
  ...expressionTokens.filter((t) => t !== HexLiteral),
  LineContent,
];
