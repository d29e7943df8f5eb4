/**
 * Chevrotain CST parser for SCIM filters and attribute paths, following the precedence-climbing
 * rewrite of RFC 7644's grammar (RFC 7644 §3.4.2.2, Figure 1: https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2):
 *
 *   filter        = orExp
 *   attributePath = pathBody                      ; a mapping's targetAttributeName
 *   patchPath     = pathBody                      ; RFC 7644 §3.5.2 PATH = attrPath / valuePath [subAttr]
 *   pathBody      = NAME [ "[" [orExp] "]" [".sub"] ]
 *   orExp         = andExp *( "or" andExp )
 *   andExp        = term *( "and" term )
 *   term          = *"not" ( group / attrTerm )   ; "not" here is a prefix only when it is not
 *                                                 ; itself an attribute name (`not eq "x"`)
 *   group         = "(" [orExp] ")"
 *   attrTerm      = NAME ( "[" [orExp] "]" [".sub"] [comparison] / comparison )
 *   comparison    = "pr" [plainValue] / compareOp [value] / unknownOp [value]
 *
 * The grammar is deliberately more permissive than the RFC in places where a precise diagnostic
 * is more useful than a generic parse error: a `not` without parentheses, an empty group, a value
 * after `pr`, a missing value, an unknown operator (`==`, `lte`), unquoted / single-quoted values,
 * a nested value path, `emails[…] pr` and the Entra form `emails[…].value eq "x"` all parse, and
 * the visitor reports them. What remains for chevrotain (missing operator, missing expression,
 * trailing input, unbalanced brackets) gets messages from `scimErrorMessageProvider`.
 *
 * ONE parser instance is created at module load and reused (chevrotain parsers are expensive to
 * build and cheap to reset via `input`). Parsing is synchronous, so sharing is safe.
 */
import { t } from '../common/l10n';
import { CstParser, EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  And,
  AnyValue,
  CompareOp,
  DotWord,
  DoubleQuoted,
  LBracket,
  LParen,
  NameLike,
  Not,
  OpSymbol,
  Or,
  PlainValue,
  Pr,
  RBracket,
  RParen,
  SingleQuoted,
  UnknownOp,
  Word,
} from './tokens';
import { SKIP_GRAMMAR_VALIDATIONS } from '../common/build-mode';

/** Separator between the diagnostic code and the text in messages built by the provider. */
export const CODE_SEPARATOR = '\u0000';

const operatorList = () => t("a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le) or 'pr'");

/** `'image'` for messages (shortened), or "end of input". */
function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return t('end of input');
  const image = token.image;
  if (image.length === 0) return t('end of input');
  const shown = image.length > 40 ? `${image.slice(0, 37)}...` : image;
  return `'${shown}'`;
}

/**
 * A token label in the user's language. Labels are set when the token types are made (at module
 * load, before a bundle is chosen), so they are written in English and translated here; quoted
 * labels are code (`')'`, `'and'`) and stay as they are.
 */
function scimLabel(label: string): string {
  switch (label) {
    case 'an attribute path':
      return t('an attribute path');
    case 'a comparison operator':
      return t('a comparison operator');
    case 'an operator':
      return t('an operator');
    case 'a value':
      return t('a value');
    case 'a string':
      return t('a string');
    case 'a single-quoted string':
      return t('a single-quoted string');
    case "a '.subAttribute'":
      return t("a '.subAttribute'");
    case 'a word':
      return t('a word');
  }
  return label;
}

function isEof(token: IToken | undefined): boolean {
  return !token || token.tokenType === EOF;
}

function withCode(code: string, message: string): string {
  return code + CODE_SEPARATOR + message;
}

/** `&&`, `&`, `||` or `|`: symbols written where `and` / `or` would continue the filter. */
function isLogicalSymbol(token: IToken): boolean {
  return ['&&', '&', '||', '|'].includes(token.image);
}

/** `message` with the did-you-mean for symbols seen where `and` / `or` would continue the filter. */
function withLogicalHint(message: string, token: IToken): string {
  const image = token.image;
  if (image === '&&' || image === '&') return t('{0}. {1}', message, t('Did you mean {0}?', "'and'"));
  if (image === '||' || image === '|') return t('{0}. {1}', message, t('Did you mean {0}?', "'or'"));
  return message;
}

/**
 * Builds chevrotain's error messages. Each message is prefixed with a diagnostic code and
 * `CODE_SEPARATOR`; `index.ts` splits them. Positions are not part of the text (the diagnostic
 * range carries them).
 */
const scimErrorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }): string {
    const found = describeToken(actual);
    if (expected === RParen || expected === RBracket) {
      const close = expected === RParen ? "')'" : "']'";
      if (previous && (previous.tokenType === LParen || previous.tokenType === LBracket)) {
        return withCode('syntax-error', t("Expected a filter expression after '{0}', found {1}", previous.image, found));
      }
      const code =
        isEof(actual) || actual.tokenType === RParen || actual.tokenType === RBracket ? 'scim-unbalanced-brackets' : 'syntax-error';
      return withCode(code, withLogicalHint(t("Expected 'and', 'or' or {0}, found {1}", close, found), actual));
    }
    if (expected === NameLike) {
      return withCode('syntax-error', t('Expected an attribute path, found {0}', found));
    }
    const label = expected.LABEL ?? expected.name;
    return withCode('syntax-error', t('Expected {0}, found {1}', scimLabel(label), found));
  },

  buildNotAllInputParsedMessage({ firstRedundant, ruleName }): string {
    const found = describeToken(firstRedundant);
    const type = firstRedundant.tokenType;
    if (type === RParen || type === RBracket) {
      return withCode('scim-trailing-input', t("Unexpected {0}: there is no matching '{1}'", found, type === RParen ? '(' : '['));
    }
    if (ruleName === 'filter') {
      return withCode(
        'scim-trailing-input',
        withLogicalHint(t("Unexpected {0}: expected 'and', 'or' or the end of the filter", found), firstRedundant),
      );
    }
    return withCode(
      'scim-trailing-input',
      tokenMatcher(firstRedundant, CompareOp) || type === Pr
        ? t("Unexpected {0} after the end of the attribute path: a path cannot contain a comparison outside '[ ]'", found)
        : t('Unexpected {0} after the end of the attribute path', found),
    );
  },

  buildNoViableAltMessage({ actual, previous, ruleName }): string {
    const found = describeToken(actual[0]);
    if (ruleName === 'attrTerm') {
      return withCode('scim-missing-operator', t('Expected {0} after {1}, found {2}', operatorList(), describeToken(previous), found));
    }
    if (previous && previous.tokenType === Not) {
      return withCode('scim-not-without-parens', t("'not' must be followed by a parenthesised filter: write 'not (…)', found {0}", found));
    }
    const first = actual[0];
    const quoted = first !== undefined && (first.tokenType === DoubleQuoted || first.tokenType === SingleQuoted);
    const afterToken = previous && !isEof(previous) && previous.image ? describeToken(previous) : undefined;
    let message: string;
    if (afterToken === undefined) {
      message = quoted
        ? t(
            "Expected a filter expression (an attribute path, '(' or 'not ('), found {0}: a value needs an attribute path and an operator before it",
            found,
          )
        : t("Expected a filter expression (an attribute path, '(' or 'not ('), found {0}", found);
    } else {
      message = quoted
        ? t(
            "Expected a filter expression (an attribute path, '(' or 'not (') after {0}, found {1}: a value needs an attribute path and an operator before it",
            afterToken,
            found,
          )
        : t("Expected a filter expression (an attribute path, '(' or 'not (') after {0}, found {1}", afterToken, found);
    }
    return withCode('syntax-error', first && !quoted ? withLogicalHint(message, first) : message);
  },

  buildEarlyExitMessage({ actual }): string {
    return withCode('syntax-error', t('Unexpected {0}', describeToken(actual[0])));
  },
};

/**
 * Does `token` continue an attribute expression right after its path (`eq`, `pr`, `[`, `==`)?
 * Decides whether a keyword just before it is an attribute name (`not eq "x"`, `pr pr`).
 */
function continuesAttributePath(token: IToken): boolean {
  return tokenMatcher(token, CompareOp) || tokenMatcher(token, Pr) || tokenMatcher(token, LBracket) || tokenMatcher(token, OpSymbol);
}

/** Is the `not` at LA(1) the prefix operator (rather than an attribute named `not`)? */
function notIsPrefix(next: IToken): boolean {
  return !continuesAttributePath(next);
}

/** Can `token` (at the start of a term) be an attribute name, given the token after it? */
function keywordCanBeName(token: IToken, next: IToken): boolean {
  if (token.tokenType === Word || token.tokenType === Not) return true;
  return continuesAttributePath(next);
}

/** Should the token after `pr` be taken as its (erroneous) value? Not if it starts a new expression. */
function prValueFollows(next: IToken, afterNext: IToken): boolean {
  if (isLogicalSymbol(next)) return false;
  return !continuesAttributePath(afterNext);
}

class ScimParser extends CstParser {
  constructor(tokens: TokenType[]) {
    super(tokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider: scimErrorMessageProvider,
      skipValidations: SKIP_GRAMMAR_VALIDATIONS,
    });
    this.performSelfAnalysis();
  }

  // ---- entry points -------------------------------------------------------------------------

  public filter = this.RULE('filter', () => {
    this.SUBRULE(this.orExp);
  });

  public attributePath = this.RULE('attributePath', () => {
    this.SUBRULE(this.pathBody);
  });

  public patchPath = this.RULE('patchPath', () => {
    this.SUBRULE(this.pathBody);
  });

  // ---- rules --------------------------------------------------------------------------------

  private pathBody = this.RULE('pathBody', () => {
    this.CONSUME(NameLike, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(LBracket);
      this.OPTION2(() => this.SUBRULE(this.orExp));
      this.CONSUME(RBracket);
      this.OPTION3(() => this.CONSUME(DotWord, { LABEL: 'subAttribute' }));
    });
  });

  private orExp = this.RULE('orExp', () => {
    this.SUBRULE(this.andExp, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(Or, { LABEL: 'operator' });
      this.SUBRULE2(this.andExp, { LABEL: 'operand' });
    });
  });

  private andExp = this.RULE('andExp', () => {
    this.SUBRULE(this.term, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(And, { LABEL: 'operator' });
      this.SUBRULE2(this.term, { LABEL: 'operand' });
    });
  });

  private term = this.RULE('term', () => {
    this.MANY({
      GATE: () => notIsPrefix(this.LA(2)),
      DEF: () => this.CONSUME(Not, { LABEL: 'not' }),
    });
    this.OR([
      { ALT: () => this.SUBRULE(this.group) },
      // A keyword starts an attribute expression only when an operator follows (`pr pr`,
      // `and eq "x"`); otherwise `a or or b pr` would read the second `or` as a name.
      { GATE: () => keywordCanBeName(this.LA(1), this.LA(2)), ALT: () => this.SUBRULE(this.attrTerm) },
    ]);
  });

  private group = this.RULE('group', () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.SUBRULE(this.orExp));
    this.CONSUME(RParen);
  });

  private attrTerm = this.RULE('attrTerm', () => {
    this.CONSUME(NameLike, { LABEL: 'name' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LBracket);
          this.OPTION(() => this.SUBRULE(this.orExp));
          this.CONSUME(RBracket);
          this.OPTION2(() => this.CONSUME(DotWord, { LABEL: 'subAttribute' }));
          this.OPTION3(() => this.SUBRULE(this.comparison));
        },
      },
      { ALT: () => this.SUBRULE2(this.comparison) },
    ]);
  });

  private comparison = this.RULE('comparison', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Pr, { LABEL: 'operator' });
          // A value after `pr` is an error the visitor explains; but `a pr b pr` / `a pr && b pr`
          // more likely lack an `and`, so leave those words to the "expected 'and'/'or'" errors.
          this.OPTION({
            GATE: () => prValueFollows(this.LA(1), this.LA(2)),
            DEF: () => this.CONSUME(PlainValue, { LABEL: 'value' }),
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(CompareOp, { LABEL: 'operator' });
          this.OPTION2(() => this.CONSUME2(AnyValue, { LABEL: 'value' }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(UnknownOp, { LABEL: 'operator' });
          this.OPTION3(() => this.CONSUME3(AnyValue, { LABEL: 'value' }));
        },
      },
    ]);
  });
}

let parser: ScimParser | undefined;

/** The one parser instance, built on first use: well-formed filters are read by the fast path (./fast-path.ts). */
export function scimParser(): ScimParser {
  return (parser ??= new ScimParser(allTokens));
}
