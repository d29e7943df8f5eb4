/**
 * Tokens of the `.aadmap` file language. Expression tokens are shared with the expression
 * language; the file adds line breaks, comments, braces, keywords, scoping operators and the target
 * path of a mapping line.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { expressionTokens, HexLiteral, Identifier, LineContent } from '../expression/tokens';

/** Line breaks end statements; inside open parentheses the lexer pass drops them (see lexer.ts). */
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'a line break' });
export const InlineWhitespace = createToken({ name: 'InlineWhitespace', pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

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

/** Scoping-filter operators, spelled as the portal shows them (several contain spaces). */
export const ScopeOperator = createToken({
  name: 'ScopeOperator',
  pattern:
    /NOT[ \t]+REGEX[ \t]+MATCH|REGEX[ \t]+MATCH|NOT[ \t]+EQUALS|EQUALS|IS[ \t]+NOT[ \t]+NULL|IS[ \t]+NULL|IS[ \t]+TRUE|IS[ \t]+FALSE|Greater_Than_OR_EQUALS|Greater_Than|Includes|ENDS_WITH|!&|&/,
  longer_alt: Identifier,
  categories: [LineContent],
  label: 'a scoping operator (EQUALS, NOT EQUALS, IS TRUE, IS FALSE, IS NULL, IS NOT NULL, REGEX MATCH, NOT REGEX MATCH, Greater_Than, Greater_Than_OR_EQUALS, Includes, ENDS_WITH, &, !&)',
});

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: word, longer_alt: Identifier, categories: [LineContent], label: `'${word}'` });
}

export const Target = keyword('target');
export const Mapping = keyword('mapping');
export const Scope = keyword('scope');
export const Enabled = keyword('enabled');
// `flowTypes` before `flowType`: the first pattern that matches wins.
export const FlowTypes = keyword('flowTypes');
export const FlowType = keyword('flowType');
export const FlowBehavior = keyword('flowBehavior');
export const ExportMissingReferences = keyword('exportMissingReferences');
export const None = keyword('none');
export const Match = keyword('match');
export const Default = keyword('default');
export const On = keyword('on');
export const Create = keyword('create');
export const Operator = keyword('operator');
export const True = keyword('true');
export const False = keyword('false');

export const keywords = [Target, Mapping, Scope, Enabled, FlowTypes, FlowType, FlowBehavior, ExportMissingReferences, None, Match, Default, On, Create, Operator, True, False];

/** Keywords that start a statement: a line starting with one ends an unclosed expression above it. */
export const statementStarters = new Set<TokenType>([Target, Mapping, Scope, Enabled, FlowTypes, TargetPath, RBrace]);

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
