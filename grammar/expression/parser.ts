/**
 * The expression grammar (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data, syntax overview), as a chevrotain CST parser. The `.aadmap`
 * parser extends this class, so expressions inside mapping files are parsed by the same rules.
 *
 *   expression   := term ( ComparisonOperator term )?
 *   term         := call | AttributeRef | StringLiteral | NumberLiteral | HexLiteral
 *   call         := Identifier argumentList?          (no argument list: a bare identifier such as vbTextCompare)
 *   argumentList := "(" argument ( "," argument )* ")"
 *   argument     := expression?                       (empty positions are allowed)
 */
import { CstParser, type TokenVocabulary } from 'chevrotain';
import { SKIP_GRAMMAR_VALIDATIONS } from '../common/build-mode';
import { t } from '../common/l10n';
import { createMessageProvider, type RuleDescriptions } from '../common/parser-messages';
import { AttributeRef, Comma, ComparisonOperator, HexLiteral, Identifier, LParen, NumberLiteral, RParen, StringLiteral } from './tokens';
import { expressionTokenVocabulary } from './lexer';

export const expressionRuleDescriptions: RuleDescriptions = {
  term: () => t('an expression (a function call, [attribute], "string" or number)'),
};

export class ExpressionGrammar extends CstParser {
  constructor(vocabulary: TokenVocabulary, ruleDescriptions: RuleDescriptions = expressionRuleDescriptions) {
    super(vocabulary, {
      recoveryEnabled: true,
      maxLookahead: 1,
      nodeLocationTracking: 'none',
      errorMessageProvider: createMessageProvider(ruleDescriptions),
      skipValidations: SKIP_GRAMMAR_VALIDATIONS,
    });
  }

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.term);
    this.OPTION(() => {
      this.CONSUME(ComparisonOperator);
      this.SUBRULE2(this.term);
    });
  });

  term = this.RULE('term', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.CONSUME(AttributeRef) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(HexLiteral) },
    ]);
  });

  call = this.RULE('call', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  argumentList = this.RULE('argumentList', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.argument);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.argument);
    });
    this.CONSUME(RParen);
  });

  argument = this.RULE('argument', () => {
    this.OPTION(() => this.SUBRULE(this.expression));
  });
}

/** The parser for a standalone expression (`aadmap check --expr`, Graph `expression` strings). */
class StandaloneExpressionParser extends ExpressionGrammar {
  constructor() {
    super(expressionTokenVocabulary);
    this.performSelfAnalysis();
  }

  expressionRoot = this.RULE('expressionRoot', () => {
    this.SUBRULE(this.expression);
  });
}

let parser: StandaloneExpressionParser | undefined;

/** Built on first use: grammar analysis costs a few milliseconds, once per process. */
export function expressionParser(): StandaloneExpressionParser {
  return (parser ??= new StandaloneExpressionParser());
}
