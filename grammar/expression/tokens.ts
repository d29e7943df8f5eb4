/**
 * Tokens of the attribute-mapping expression language (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data, syntax overview). The `.aadmap`
 * lexer reuses these token types, so the expression rules of the parser work unchanged inside a
 * mapping file.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Category of every token that can appear on a line of a `.aadmap` file (all but line breaks and
 * `}`): the file parser skips a line it cannot parse as "one or more LineContent tokens", which
 * keeps one bad line from swallowing the rest of the file. Unused by the standalone parser.
 */
export const LineContent = createToken({ name: 'LineContent', pattern: Lexer.NA });

/** Whitespace between tokens, newlines included (a standalone expression may span lines). */
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `[any characters but ] and newline]`: attribute names may hold dots, colons and URNs. */
export const AttributeRef = createToken({
  name: 'AttributeRef',
  categories: [LineContent],
  pattern: /\[[^\]\r\n]*\]/,
  label: "'[attribute]'",
});
/** `[name` with no closing bracket on the line: reported, then parsed as an attribute. */
export const UnterminatedAttributeRef = createToken({
  name: 'UnterminatedAttributeRef',
  pattern: /\[[^\]\r\n]*/,
  categories: [AttributeRef, LineContent],
  label: "'[attribute]'",
});

/** Double-quoted; `\\` and `\"` are the documented escapes. Strings do not span lines. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  categories: [LineContent],
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  label: 'a string',
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral, LineContent],
  label: 'a string',
});

/** `'text'`: not a string of the language; lexed as one so the parse goes on and the visitor explains. */
export const SingleQuotedString = createToken({
  name: 'SingleQuotedString',
  pattern: /'[^'\r\n]*'/,
  categories: [StringLiteral, LineContent],
  label: 'a string',
});

/** VBA-style hex: `&HF7`. */
export const HexLiteral = createToken({ name: 'HexLiteral', categories: [LineContent], pattern: /&H[0-9A-Fa-f]+/, label: 'a number' });
/** Integers, negative and decimal numbers; kept as text (values beyond 2^53 occur: FILETIME dates). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  categories: [LineContent],
  pattern: /-?[0-9]+(?:\.[0-9]+)?/,
  label: 'a number',
});

/** Comparison operators, meaningful only inside IIF and CBool conditions (checked later). */
export const ComparisonOperator = createToken({
  name: 'ComparisonOperator',
  categories: [LineContent],
  pattern: /<>|<=|>=|=|<|>/,
  label: 'a comparison operator',
});

export const LParen = createToken({ name: 'LParen', categories: [LineContent], pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', categories: [LineContent], pattern: ')', label: "')'" });
export const Comma = createToken({ name: 'Comma', categories: [LineContent], pattern: ',', label: "','" });

/** Function names and bare identifiers (`vbTextCompare`). */
export const Identifier = createToken({
  name: 'Identifier',
  categories: [LineContent],
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: 'a name',
});

/** Tokens shared with the `.aadmap` lexer, in matching order (whitespace excluded). */
export const expressionTokens: TokenType[] = [
  StringLiteral,
  UnterminatedString,
  SingleQuotedString,
  AttributeRef,
  UnterminatedAttributeRef,
  HexLiteral,
  NumberLiteral,
  ComparisonOperator,
  LParen,
  RParen,
  Comma,
  Identifier,
];
