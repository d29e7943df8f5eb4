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

const OPERATOR_LIST = "a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le) or 'pr'";

/** `'image'` for messages (shortened), or "end of input". */
function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'end of input';
  const image = token.image;
  if (image.length === 0) return 'end of input';
  const shown = image.length > 40 ? `${image.slice(0, 37)}...` : image;
  return `'${shown}'`;
}

function isEof(token: IToken | undefined): boolean {
  return !token || token.tokenType === EOF;
}

function withCode(code: string, message: string): string {
  return code + CODE_SEPARATOR + message;
}

/** Did-you-mean for symbols seen where `and` / `or` would continue the filter. */
function logicalHint(token: IToken): string {
  const image = token.image;
  if (image === '&&' || image === '&') return ". Did you mean 'and'?";
  if (image === '||' || image === '|') return ". Did you mean 'or'?";
  return '';
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
        return withCode('syntax-error', `Expected a filter expression after '${previous.image}', found ${found}`);
      }
      const code =
        isEof(actual) || actual.tokenType === RParen || actual.tokenType === RBracket ? 'scim-unbalanced-brackets' : 'syntax-error';
      return withCode(code, `Expected 'and', 'or' or ${close}, found ${found}${logicalHint(actual)}`);
    }
    if (expected === NameLike) {
      return withCode('syntax-error', `Expected an attribute path, found ${found}`);
    }
    const label = expected.LABEL ?? expected.name;
    return withCode('syntax-error', `Expected ${label}, found ${found}`);
  },

  buildNotAllInputParsedMessage({ firstRedundant, ruleName }): string {
    const found = describeToken(firstRedundant);
    const type = firstRedundant.tokenType;
    if (type === RParen || type === RBracket) {
      return withCode('scim-trailing-input', `Unexpected ${found}: there is no matching '${type === RParen ? '(' : '['}'`);
    }
    if (ruleName === 'filter') {
      return withCode(
        'scim-trailing-input',
        `Unexpected ${found}: expected 'and', 'or' or the end of the filter${logicalHint(firstRedundant)}`,
      );
    }
    const hint = tokenMatcher(firstRedundant, CompareOp) || type === Pr ? ": a path cannot contain a comparison outside '[ ]'" : '';
    return withCode('scim-trailing-input', `Unexpected ${found} after the end of the attribute path${hint}`);
  },

  buildNoViableAltMessage({ actual, previous, ruleName }): string {
    const found = describeToken(actual[0]);
    if (ruleName === 'attrTerm') {
      return withCode('scim-missing-operator', `Expected ${OPERATOR_LIST} after ${describeToken(previous)}, found ${found}`);
    }
    if (previous && previous.tokenType === Not) {
      return withCode('scim-not-without-parens', `'not' must be followed by a parenthesised filter: write 'not (…)', found ${found}`);
    }
    const first = actual[0];
    let hint = '';
    if (first && (first.tokenType === DoubleQuoted || first.tokenType === SingleQuoted)) {
      hint = ': a value needs an attribute path and an operator before it';
    } else if (first) {
      hint = logicalHint(first);
    }
    const after = previous && !isEof(previous) && previous.image ? ` after ${describeToken(previous)}` : '';
    return withCode('syntax-error', `Expected a filter expression (an attribute path, '(' or 'not (')${after}, found ${found}${hint}`);
  },

  buildEarlyExitMessage({ actual }): string {
    return withCode('syntax-error', `Unexpected ${describeToken(actual[0])}`);
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
  if (logicalHint(next) !== '') return false;
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
