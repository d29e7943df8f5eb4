/**
 * The `.aadmap` grammar. It extends the expression grammar, so the source side of a mapping line
 * is parsed by the expression rules. Every statement is one line; a line no rule accepts is read
 * as a `strayLine` (one or more tokens) so the parser reports it and carries on with the next line.
 *
 *   file             := ( Newline | targetStatement | deployStatement | mappingBlock | "}" | strayLine )*
 *   targetStatement  := "target" ( Identifier | String )
 *   deployStatement  := "deploy" ( Identifier String )*          (fields: tenant, servicePrincipal, job)
 *   mappingBlock     := "mapping" String objectName "->" objectName "{" blockItem* "}"
 *   blockItem        := Newline | scopeBlock | enabledSetting | flowTypesSetting | attributeDeclaration | attributeMapping | strayLine
 *   attributeDeclaration := "attribute" ( "target" | "source" ) ( Identifier | String ) ( Identifier String* )*
 *   scopeBlock       := "scope" String "{" ( Newline | scopeClause | strayLine )* "}"
 *   scopeClause      := AttributeRef scopeOperator ( scopeValue ( "," scopeValue )* )?
 *   scopeOperator    := ScopeOperator | "operator" String
 *   attributeMapping := TargetPath "<-" ( "none" | expression ) modifier*
 *   modifier         := "match" Number | "default" String | "on" "create" | "flowType" Identifier
 *                     | "flowBehavior" Identifier | "exportMissingReferences"
 */
import { EOF } from 'chevrotain';
import { t } from '../common/l10n';
import type { RuleDescriptions } from '../common/parser-messages';
import { expressionRuleDescriptions, ExpressionGrammar } from '../expression/parser';
import { AttributeRef, Comma, Identifier, LineContent, NumberLiteral, StringLiteral } from '../expression/tokens';
import {
  Arrow,
  Attribute,
  Create,
  Default,
  Deploy,
  Enabled,
  ExportMissingReferences,
  False,
  FlowBehavior,
  FlowType,
  FlowTypes,
  LBrace,
  LeftArrow,
  Mapping,
  mappingTokenVocabulary,
  Match,
  Newline,
  None,
  On,
  Operator,
  RBrace,
  Scope,
  ScopeOperator,
  Source,
  Target,
  TargetPath,
  True,
} from './tokens';
import { MODIFIERS, SCOPE_OPERATORS } from './vocabulary';

const ruleDescriptions: RuleDescriptions = {
  ...expressionRuleDescriptions,
  objectName: () => t('an object name (User, Group or a quoted name)'),
  scopeOperator: () =>
    t(
      'a scoping operator ({0})',
      `${SCOPE_OPERATORS.slice(0, 7)
        .map((o) => o.label)
        .join(', ')}, …`,
    ),
  scopeValue: () => t('a value (a string or a number)'),
  modifier: () => t('a modifier ({0})', MODIFIERS.map((m) => `'${m.words.join(' ')}'`).join(', ')),
  targetStatement: () => t('chatwork or a "schema.json" path'),
  deployStatement: () => t('deploy fields: tenant "…", servicePrincipal "…", job "…"'),
  enabledSetting: () => t('true or false'),
  attributeDeclaration: () => t('target or source, then the attribute\'s "NAME", its type and flags'),
  attributeMapping: () => t("a source after '<-' (an expression, an [attribute], a \"constant\" or 'none')"),
};

class MappingFileParser extends ExpressionGrammar {
  constructor() {
    super([...mappingTokenVocabulary], ruleDescriptions);
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.targetStatement) },
        { ALT: () => this.SUBRULE(this.deployStatement) },
        { ALT: () => this.SUBRULE(this.mappingBlock) },
        { ALT: () => this.CONSUME(RBrace) },
        { ALT: () => this.SUBRULE(this.strayLine), IGNORE_AMBIGUITIES: true },
      ]);
    });
  });

  targetStatement = this.RULE('targetStatement', () => {
    this.CONSUME(Target);
    this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(StringLiteral) }]);
  });

  /** Where the file deploys: `deploy tenant "…" servicePrincipal "…" job "…"` (names checked by the checker). */
  deployStatement = this.RULE('deployStatement', () => {
    this.CONSUME(Deploy);
    this.MANY(() => {
      this.CONSUME(Identifier);
      this.CONSUME(StringLiteral);
    });
  });

  mappingBlock = this.RULE('mappingBlock', () => {
    this.CONSUME(Mapping);
    this.CONSUME(StringLiteral);
    this.SUBRULE(this.objectName);
    this.CONSUME(Arrow);
    this.SUBRULE2(this.objectName);
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.blockItem));
    this.CONSUME(RBrace);
  });

  objectName = this.RULE('objectName', () => {
    this.OR([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(StringLiteral) }]);
  });

  blockItem = this.RULE('blockItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(Newline) },
      { ALT: () => this.SUBRULE(this.scopeBlock) },
      { ALT: () => this.SUBRULE(this.enabledSetting) },
      { ALT: () => this.SUBRULE(this.flowTypesSetting) },
      { ALT: () => this.SUBRULE(this.attributeDeclaration) },
      { ALT: () => this.SUBRULE(this.attributeMapping) },
      { ALT: () => this.SUBRULE(this.strayLine), IGNORE_AMBIGUITIES: true },
    ]);
  });

  enabledSetting = this.RULE('enabledSetting', () => {
    this.CONSUME(Enabled);
    this.OR([{ ALT: () => this.CONSUME(True) }, { ALT: () => this.CONSUME(False) }]);
  });

  flowTypesSetting = this.RULE('flowTypesSetting', () => {
    this.CONSUME(FlowTypes);
    this.CONSUME(Identifier);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Identifier);
    });
  });

  /** `attribute target "NAME" TYPE FLAGS…`: type and flags are words the checker reads (vocabulary.ts). */
  attributeDeclaration = this.RULE('attributeDeclaration', () => {
    this.CONSUME(Attribute);
    this.OR([{ ALT: () => this.CONSUME(Target) }, { ALT: () => this.CONSUME(Source) }]);
    this.OR2([{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(StringLiteral) }]);
    this.MANY(() => {
      this.CONSUME2(Identifier);
      this.MANY2(() => this.CONSUME2(StringLiteral));
    });
  });

  scopeBlock = this.RULE('scopeBlock', () => {
    this.CONSUME(Scope);
    this.CONSUME(StringLiteral);
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.scopeClause) },
        { ALT: () => this.SUBRULE(this.strayLine), IGNORE_AMBIGUITIES: true },
      ]);
    });
    this.CONSUME(RBrace);
  });

  scopeClause = this.RULE('scopeClause', () => {
    this.CONSUME(AttributeRef);
    this.SUBRULE(this.scopeOperator);
    this.OPTION(() => {
      this.SUBRULE(this.scopeValue);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.scopeValue);
      });
    });
  });

  scopeOperator = this.RULE('scopeOperator', () => {
    this.OR([
      { ALT: () => this.CONSUME(ScopeOperator) },
      {
        ALT: () => {
          this.CONSUME(Operator);
          this.CONSUME(StringLiteral);
        },
      },
    ]);
  });

  scopeValue = this.RULE('scopeValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
    ]);
  });

  attributeMapping = this.RULE('attributeMapping', () => {
    this.CONSUME(TargetPath);
    this.CONSUME(LeftArrow);
    this.OR([{ ALT: () => this.CONSUME(None) }, { ALT: () => this.SUBRULE(this.expression) }]);
    this.MANY(() => this.SUBRULE(this.modifier));
  });

  modifier = this.RULE('modifier', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Match);
          this.CONSUME(NumberLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(Default);
          this.CONSUME(StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(On);
          this.CONSUME(Create);
        },
      },
      {
        ALT: () => {
          this.CONSUME(FlowType);
          this.CONSUME2(Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(FlowBehavior);
          this.CONSUME3(Identifier);
        },
      },
      { ALT: () => this.CONSUME(ExportMissingReferences) },
    ]);
  });

  /** A line no other rule accepts: all its tokens, reported once by the visitor. */
  strayLine = this.RULE('strayLine', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(LineContent));
  });
}

let parser: MappingFileParser | undefined;

export function mappingFileParser(): MappingFileParser {
  return (parser ??= new MappingFileParser());
}

export { EOF };
