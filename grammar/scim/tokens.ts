/**
 * Token types of the SCIM filter / attribute-path language (RFC 7644 §3.4.2.2, §3.5.2).
 *
 * The lexer is deliberately coarse: an attribute path such as
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value` is ONE `Word` token (a
 * maximal run of characters that are not whitespace, quotes, brackets, parentheses or comparison
 * symbols). Splitting it into URI / name / sub-attribute and validating each part happens in the
 * visitor, which can then report precise, friendly diagnostics (`a.b.c`, `1abc`, `urn:attr`, `$ref`)
 * instead of generic "unexpected character" lexer errors. The same `Word` token stands for
 * unquoted values (`userName eq bjensen`), invalid numbers (`01`, `+1`) and unknown operators
 * (`lte`), which the parser accepts in those positions so that the visitor can explain them.
 *
 * Consequences of this design:
 *  - the lexer can never fail: every character belongs to some token (or to skipped whitespace);
 *  - keywords need no explicit delimiter rule: `title prx` lexes as two words because `prx` is a
 *    longer `Word` match (`longer_alt`), and `pr)` lexes as `pr` `)`.
 *
 * Whitespace (any JS `\s` character) only separates tokens and is skipped; see `index.ts`
 * for the whitespace policy and the few whitespace warnings.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';
import { isJsWhitespace } from './characters';

export { isJsWhitespace };

// ---------------------------------------------------------------------------------------------
// Abstract categories (never produced by the lexer, used by the parser to match groups of tokens)
// ---------------------------------------------------------------------------------------------

/** Tokens that can be read as an attribute path: any word, including keywords (`not eq "x"`). */
export const NameLike = createToken({ name: 'NameLike', pattern: Lexer.NA, label: 'an attribute path' });
/** The nine comparison operators. */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA, label: 'a comparison operator' });
/** Something written where an operator belongs that is not one (`==`, `lte`, `contains`). */
export const UnknownOp = createToken({ name: 'UnknownOp', pattern: Lexer.NA, label: 'an operator' });
/** Tokens that look like a value and may be reported after `pr`. */
export const PlainValue = createToken({ name: 'PlainValue', pattern: Lexer.NA, label: 'a value' });
/** Tokens accepted (possibly with a diagnostic) as a comparison value. */
export const AnyValue = createToken({ name: 'AnyValue', pattern: Lexer.NA, label: 'a value' });

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

/** Characters that end a word: whitespace, quotes, brackets, parentheses and `=<>!`. */
function isWordBreak(code: number): boolean {
  switch (code) {
    case 0x22: // "
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x3d: // =
    case 0x3c: // <
    case 0x3e: // >
    case 0x21: // !
      return true;
    default:
      return isJsWhitespace(code);
  }
}

/**
 * Start characters of `Word` for chevrotain's "first char" lexer optimisation: every code unit
 * below 256 except the word breaks and the characters that start other tokens (`'` and `.`).
 * Above 255 chevrotain only distinguishes blocks of 255 code units, so one representative every
 * 85 code units (a divisor of 255, so each block gets at least three) registers `Word` for all of
 * them without a 65,536-entry list. The property tests lex random code units to keep this honest.
 */
function wordStartChars(): number[] {
  const result: number[] = [];
  for (let code = 0; code <= 0xffff; code = code < 0xff ? code + 1 : code + 85) {
    if (code === 0x27 /* ' */ || code === 0x2e /* . */ || isWordBreak(code)) continue;
    result.push(code);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Custom matchers (faster than regular expressions and easier to make total)
// ---------------------------------------------------------------------------------------------

/**
 * A double-quoted JSON string. Ends at the closing quote, or — unterminated — just before a line
 * break or at the end of the input. Escapes are only skipped here; the visitor validates and
 * decodes them, so `"abc\"` is reported as unterminated (the quote is escaped).
 */
function matchDoubleQuoted(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 0x22) return null;
  const length = text.length;
  let i = offset + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return [text.substring(offset, i + 1)];
    if (code === 0x0a || code === 0x0d) break;
    if (code === 0x5c /* \ */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x0a || next === 0x0d || i + 1 >= length) {
        i++;
        break;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return [text.substring(offset, i)];
}

/** A single-quoted "string" (always an error; recognised to suggest double quotes). */
function matchSingleQuoted(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 0x27) return null;
  const length = text.length;
  let i = offset + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 0x27) return [text.substring(offset, i + 1)];
    if (code === 0x0a || code === 0x0d) break;
    i++;
  }
  return [text.substring(offset, i)];
}

function matchWordRest(text: string, offset: number, start: number): CustomPatternMatcherReturn {
  const length = text.length;
  let i = start;
  while (i < length && !isWordBreak(text.charCodeAt(i))) i++;
  return [text.substring(offset, i)];
}

/** `.name` directly after `]` (also lexes a stray `.5`). */
function matchDotWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== 0x2e) return null;
  return matchWordRest(text, offset, offset + 1);
}

function matchWord(text: string, offset: number): CustomPatternMatcherReturn | null {
  const code = text.charCodeAt(offset);
  if (code !== code /* NaN: end of input */ || code === 0x27 || code === 0x2e || isWordBreak(code)) return null;
  return matchWordRest(text, offset, offset + 1);
}

function matchOpSymbol(text: string, offset: number): CustomPatternMatcherReturn | null {
  let i = offset;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code !== 0x3d && code !== 0x3c && code !== 0x3e && code !== 0x21) break;
    i++;
  }
  return i === offset ? null : [text.substring(offset, i)];
}

// ---------------------------------------------------------------------------------------------
// Concrete tokens
// ---------------------------------------------------------------------------------------------

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

export const DoubleQuoted = createToken({
  name: 'DoubleQuoted',
  pattern: matchDoubleQuoted,
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [PlainValue, AnyValue],
  label: 'a string',
});
export const SingleQuoted = createToken({
  name: 'SingleQuoted',
  pattern: matchSingleQuoted,
  start_chars_hint: ["'"],
  line_breaks: false,
  categories: [PlainValue, AnyValue],
  label: 'a single-quoted string',
});
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
/** `.value` after `]` (Entra form / PATCH path sub-attribute). */
export const DotWord = createToken({
  name: 'DotWord',
  pattern: matchDotWord,
  start_chars_hint: ['.'],
  line_breaks: false,
  categories: [PlainValue, AnyValue],
  label: "a '.subAttribute'",
});
/** Runs of `=`, `<`, `>`, `!`: never valid, lexed separately to suggest `eq`, `ne`, `le`, … */
export const OpSymbol = createToken({
  name: 'OpSymbol',
  pattern: matchOpSymbol,
  start_chars_hint: ['=', '<', '>', '!'],
  line_breaks: false,
  categories: [UnknownOp],
  label: 'an operator',
});

export const Word = createToken({
  name: 'Word',
  pattern: matchWord,
  start_chars_hint: wordStartChars(),
  line_breaks: false,
  categories: [NameLike, UnknownOp, PlainValue, AnyValue],
  label: 'a word',
});

function keyword(name: string, categories: TokenType[]): TokenType {
  return createToken({
    name: name[0]!.toUpperCase() + name.slice(1),
    pattern: new RegExp(name, 'i'),
    longer_alt: Word,
    categories,
    label: `'${name}'`,
  });
}

export const And = keyword('and', [NameLike]);
export const Or = keyword('or', [NameLike]);
export const Not = keyword('not', [NameLike]);
export const Pr = keyword('pr', [NameLike, AnyValue]);
export const Eq = keyword('eq', [CompareOp, NameLike, AnyValue]);
export const Ne = keyword('ne', [CompareOp, NameLike, AnyValue]);
export const Co = keyword('co', [CompareOp, NameLike, AnyValue]);
export const Sw = keyword('sw', [CompareOp, NameLike, AnyValue]);
export const Ew = keyword('ew', [CompareOp, NameLike, AnyValue]);
export const Gt = keyword('gt', [CompareOp, NameLike, AnyValue]);
export const Lt = keyword('lt', [CompareOp, NameLike, AnyValue]);
export const Ge = keyword('ge', [CompareOp, NameLike, AnyValue]);
export const Le = keyword('le', [CompareOp, NameLike, AnyValue]);

/** Lexer order: keywords before `Word` (their `longer_alt`), categories last. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DoubleQuoted,
  SingleQuoted,
  LParen,
  RParen,
  LBracket,
  RBracket,
  DotWord,
  OpSymbol,
  And,
  Or,
  Not,
  Pr,
  Eq,
  Ne,
  Co,
  Sw,
  Ew,
  Gt,
  Lt,
  Ge,
  Le,
  Word,
  NameLike,
  CompareOp,
  UnknownOp,
  PlainValue,
  AnyValue,
];

/** Token types that are SCIM keywords (used to warn when one is read as an attribute name). */
export const keywordTokens: ReadonlySet<TokenType> = new Set([And, Or, Not, Pr, Eq, Ne, Co, Sw, Ew, Gt, Lt, Ge, Le]);

/**
 * The comparison operators, `eq` … `le` (RFC 7644, section 3.4.2.2): the keywords of the CompareOp
 * category, so an operator added above is in this list too. The editor features read them here.
 */
export const compareOperators: readonly TokenType[] = allTokens.filter((type) => type.CATEGORIES?.includes(CompareOp));
