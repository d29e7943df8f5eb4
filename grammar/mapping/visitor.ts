/** CST → AST for `.aadmap` files; expressions go through the expression visitor. */
import { t } from '../common/l10n';
import type { CstNode, IToken } from 'chevrotain';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import { ExpressionVisitor, firstNode, firstToken, nodes, tokenEnd, tokens } from '../expression/visitor';
import { parseAttributePath } from '../scim/index';
import type {
  AttributeDeclaration,
  AttributeMapping,
  AttributeWord,
  BlockItem,
  DeployField,
  DeployStatement,
  MappingFile,
  Modifier,
  NameNode,
  ObjectMappingBlock,
  ScopeClause,
  ScopeGroup,
  ScopeValue,
  TargetStatement,
} from './ast';
import { AttributeRef } from '../expression/tokens';
import { keywordOf, keywordTokens, RBrace, TargetPath } from './tokens';
import { attributeFlag, MODIFIER_LIST, MODIFIERS, scopeOperatorByLabel } from './vocabulary';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

/** The tokens of a block's own header (keyword, name, object names, arrow, `{`), not of its items. */
function headerTokens(c: Children): IToken[] {
  const own = Object.values(c)
    .flat()
    .filter((t): t is IToken => !!t && 'image' in t && Number.isFinite(t.startOffset) && t.tokenType !== RBrace);
  const names = nodes(c, 'objectName').flatMap((n) => Object.values(n.children as Children).flat() as IToken[]);
  return [...own, ...names.filter((t) => 'image' in t && Number.isFinite(t.startOffset))];
}

/** The tokens of a stray line, in order. */
function strayTokens(node: CstNode): IToken[] {
  return Object.values(node.children as Children)
    .flat()
    .filter((t): t is IToken => !!t && 'image' in t && Number.isFinite(t.startOffset))
    .sort((a, b) => a.startOffset - b.startOffset);
}

/** How a modifier is written (`on create`), for messages. */
const modifierWords = Object.fromEntries(MODIFIERS.map((m) => [m.kind, m.words.join(' ')])) as Record<Modifier['kind'], string>;

export class MappingVisitor extends ExpressionVisitor {
  constructor(
    private readonly text: string,
    diagnostics: SyntaxDiagnostic[],
  ) {
    super(diagnostics);
  }

  file(node: CstNode): MappingFile {
    const c = node.children as Children;
    const targets = nodes(c, 'targetStatement').map((n) => this.targetStatement(n));
    const deploys = nodes(c, 'deployStatement').map((n) => this.deployStatement(n));
    const mappings = nodes(c, 'mappingBlock').map((n) => this.mappingBlock(n));
    for (const stray of nodes(c, 'strayLine')) this.strayLine(stray, 'file');
    for (const brace of tokens(c, 'RBrace')) {
      this.error(brace.startOffset, tokenEnd(brace), t("Unmatched '}'"), 'syntax-error');
    }
    const file: MappingFile = { kind: 'file', targets, mappings, comments: [], start: 0, end: this.text.length };
    if (deploys.length) file.deploys = deploys;
    return file;
  }

  private deployStatement(node: CstNode): DeployStatement {
    const c = node.children as Children;
    const keyword = firstToken(c, keywordTokens.deploy.name)!;
    const names = tokens(c, 'Identifier');
    const values = tokens(c, 'StringLiteral');
    const fields: DeployField[] = [];
    names.forEach((nameToken, i) => {
      const valueToken = values[i];
      // Recovery may leave a name without its value; the parser has reported that already.
      if (!valueToken || !Number.isFinite(nameToken.startOffset) || !Number.isFinite(valueToken.startOffset)) return;
      const value = this.string(valueToken);
      fields.push({ kind: 'deployField', name: this.name(nameToken)!, value, start: nameToken.startOffset, end: value.end });
    });
    const end = fields.length ? fields[fields.length - 1]!.end : tokenEnd(keyword);
    return { kind: 'deploy', keyword: { start: keyword.startOffset, end: tokenEnd(keyword) }, fields, start: keyword.startOffset, end };
  }

  private targetStatement(node: CstNode): TargetStatement {
    const c = node.children as Children;
    const keyword = firstToken(c, keywordTokens.target.name)!;
    const value = this.name(firstToken(c, 'Identifier') ?? firstToken(c, 'StringLiteral'));
    return { kind: 'target', value, start: keyword.startOffset, end: value?.end ?? tokenEnd(keyword) };
  }

  private mappingBlock(node: CstNode): ObjectMappingBlock {
    const c = node.children as Children;
    const keyword = firstToken(c, keywordTokens.mapping.name)!;
    const objectNames = nodes(c, 'objectName').map((n) => {
      const nc = n.children as Children;
      return this.name(firstToken(nc, 'Identifier') ?? firstToken(nc, 'StringLiteral'));
    });
    const nameToken = firstToken(c, 'StringLiteral');
    const items: BlockItem[] = [];
    for (const item of nodes(c, 'blockItem')) {
      const ic = item.children as Children;
      const scope = firstNode(ic, 'scopeBlock');
      const enabled = firstNode(ic, 'enabledSetting');
      const flowTypes = firstNode(ic, 'flowTypesSetting');
      const mapping = firstNode(ic, 'attributeMapping');
      const declaration = firstNode(ic, 'attributeDeclaration');
      const stray = firstNode(ic, 'strayLine');
      if (scope) items.push(this.scopeBlock(scope));
      else if (declaration) items.push(this.attributeDeclaration(declaration));
      else if (enabled) {
        const ec = enabled.children as Children;
        const kw = firstToken(ec, keywordTokens.enabled.name)!;
        const value = firstToken(ec, keywordTokens.true.name) ?? firstToken(ec, keywordTokens.false.name);
        items.push({
          kind: 'enabled',
          value: value?.image !== 'false',
          start: kw.startOffset,
          end: value ? tokenEnd(value) : tokenEnd(kw),
        });
      } else if (flowTypes) {
        const fc = flowTypes.children as Children;
        const kw = firstToken(fc, keywordTokens.flowTypes.name)!;
        const values = tokens(fc, 'Identifier').map((t) => this.name(t)!);
        items.push({
          kind: 'flowTypes',
          values,
          start: kw.startOffset,
          end: values.length ? values[values.length - 1]!.end : tokenEnd(kw),
        });
      } else if (mapping) {
        const parsed = this.attributeMapping(mapping);
        if (parsed) items.push(parsed);
      } else if (stray) this.strayLine(stray, 'block');
    }
    const close = firstToken(c, 'RBrace');
    // Without its '}', a block ends after its last item or header part (`mapping "M"` alone included).
    const headerEnd = Math.max(...headerTokens(c).map(tokenEnd));
    const lastItemEnd = Math.max(headerEnd, items.length ? items[items.length - 1]!.end : 0);
    return {
      kind: 'objectMapping',
      keyword: { start: keyword.startOffset, end: tokenEnd(keyword) },
      name: nameToken ? this.string(nameToken) : undefined,
      sourceObject: objectNames[0],
      targetObject: objectNames[1],
      items,
      closeBrace: close?.startOffset,
      start: keyword.startOffset,
      end: close ? tokenEnd(close) : lastItemEnd,
    };
  }

  private attributeDeclaration(node: CstNode): AttributeDeclaration {
    const c = node.children as Children;
    const keyword = firstToken(c, keywordTokens.attribute.name)!;
    const sideToken = firstToken(c, keywordTokens.target.name) ?? firstToken(c, keywordTokens.source.name);
    const side = sideToken && Number.isFinite(sideToken.startOffset) ? this.name(sideToken) : undefined;
    // Name, type and flags in text order: the first token is the name, each identifier after it starts a word.
    const rest = [...tokens(c, 'Identifier'), ...tokens(c, 'StringLiteral')]
      .filter((t) => Number.isFinite(t.startOffset))
      .sort((a, b) => a.startOffset - b.startOffset);
    const name = this.name(rest[0]);
    const words: AttributeWord[] = [];
    for (const token of rest.slice(1)) {
      if (token.tokenType.name === 'Identifier') {
        const wordName = this.name(token)!;
        words.push({ kind: 'attributeWord', name: wordName, values: [], start: wordName.start, end: wordName.end });
      } else if (words.length) {
        const word = words[words.length - 1]!;
        const value = this.string(token);
        word.values.push(value);
        word.end = value.end;
      }
    }
    const type = words.length && !attributeFlag(words[0]!.name.text) && words[0]!.values.length === 0 ? words.shift()!.name : undefined;
    const end = Math.max(
      tokenEnd(keyword),
      side?.end ?? 0,
      name?.end ?? 0,
      type?.end ?? 0,
      words.length ? words[words.length - 1]!.end : 0,
    );
    const declaration: AttributeDeclaration = {
      kind: 'attributeDeclaration',
      keyword: { start: keyword.startOffset, end: tokenEnd(keyword) },
      side,
      name,
      type,
      flags: words,
      start: keyword.startOffset,
      end,
    };
    return declaration;
  }

  private scopeBlock(node: CstNode): ScopeGroup {
    const c = node.children as Children;
    const keyword = firstToken(c, keywordTokens.scope.name)!;
    const nameToken = firstToken(c, 'StringLiteral');
    const clauses = nodes(c, 'scopeClause').map((n) => this.scopeClause(n));
    for (const stray of nodes(c, 'strayLine')) if (!this.unquotedScopeValue(stray, clauses)) this.strayLine(stray, 'scope');
    const close = firstToken(c, 'RBrace');
    const openEnd = Math.max(...headerTokens(c).map(tokenEnd));
    return {
      kind: 'scope',
      name: nameToken ? this.string(nameToken) : undefined,
      clauses,
      closeBrace: close?.startOffset,
      start: keyword.startOffset,
      end: close ? tokenEnd(close) : Math.max(openEnd, clauses.length ? clauses[clauses.length - 1]!.end : 0),
    };
  }

  private scopeClause(node: CstNode): ScopeClause {
    const c = node.children as Children;
    const attributeToken = firstToken(c, 'AttributeRef')!;
    const attribute = this.attribute(attributeToken);
    const operatorNode = firstNode(c, 'scopeOperator');
    let operator: ScopeClause['operator'];
    if (operatorNode) {
      const oc = operatorNode.children as Children;
      const label = firstToken(oc, 'ScopeOperator');
      const custom = firstToken(oc, keywordTokens.operator.name);
      const customName = firstToken(oc, 'StringLiteral');
      if (label) operator = { name: label.image.replace(/[ \t]+/g, ' '), custom: false, start: label.startOffset, end: tokenEnd(label) };
      else if (custom && customName) {
        operator = { name: this.string(customName).value, custom: true, start: custom.startOffset, end: tokenEnd(customName) };
      }
    }
    const values: ScopeValue[] = [];
    for (const valueNode of nodes(c, 'scopeValue')) {
      const vc = valueNode.children as Children;
      const string = firstToken(vc, 'StringLiteral');
      const number = firstToken(vc, 'NumberLiteral');
      const bool = firstToken(vc, keywordTokens.true.name) ?? firstToken(vc, keywordTokens.false.name);
      if (string) values.push(this.string(string));
      else if (number) values.push(this.number(number));
      else if (bool) values.push({ kind: 'boolean', value: bool.image === 'true', start: bool.startOffset, end: tokenEnd(bool) });
    }
    const end = Math.max(tokenEnd(attributeToken), operator?.end ?? 0, values.length ? values[values.length - 1]!.end : 0);
    return { kind: 'clause', attribute, operator, values, start: attributeToken.startOffset, end };
  }

  private attributeMapping(node: CstNode): AttributeMapping | undefined {
    const c = node.children as Children;
    const targetToken = firstToken(c, 'TargetPath');
    if (!targetToken) return undefined;
    const arrowToken = firstToken(c, 'LeftArrow');
    const arrowEnd = arrowToken ? tokenEnd(arrowToken) : tokenEnd(targetToken);
    const parsedPath = parseAttributePath(targetToken.image, { baseOffset: targetToken.startOffset });
    this.diagnostics.push(...parsedPath.diagnostics);
    const none = firstToken(c, keywordTokens.none.name);
    const source: AttributeMapping['source'] = none
      ? { kind: 'none', start: none.startOffset, end: tokenEnd(none) }
      : this.expression(firstNode(c, 'expression'), arrowEnd);
    const modifiers: Modifier[] = [];
    for (const modifierNode of nodes(c, 'modifier')) {
      const modifier = this.modifier(modifierNode);
      if (!modifier) continue;
      if (modifiers.some((m) => m.kind === modifier.kind)) {
        this.error(
          modifier.start,
          modifier.end,
          t("'{0}' is given twice on this mapping", modifierWords[modifier.kind]),
          'duplicate-modifier',
        );
      }
      modifiers.push(modifier);
    }
    const end = Math.max(source.end, arrowEnd, modifiers.length ? modifiers[modifiers.length - 1]!.end : 0);
    return {
      kind: 'attributeMapping',
      target: {
        kind: 'targetAttribute',
        text: targetToken.image,
        path: parsedPath.ast,
        start: targetToken.startOffset,
        end: tokenEnd(targetToken),
      },
      arrow: arrowToken?.startOffset ?? tokenEnd(targetToken),
      source,
      modifiers,
      start: targetToken.startOffset,
      end,
    };
  }

  private modifier(node: CstNode): Modifier | undefined {
    const c = node.children as Children;
    const [keyword] = Object.values(c)
      .flat()
      .filter((t): t is IToken => !!t && 'image' in t && keywordOf(t.tokenType) !== undefined && Number.isFinite(t.startOffset))
      .sort((a, b) => a.startOffset - b.startOffset);
    if (!keyword) return undefined;
    const start = keyword.startOffset;
    const valueToken = firstToken(c, 'NumberLiteral') ?? firstToken(c, 'StringLiteral') ?? firstToken(c, 'Identifier');
    const end = Math.max(
      tokenEnd(keyword),
      valueToken ? tokenEnd(valueToken) : 0,
      tokenEnd(firstToken(c, keywordTokens.create.name) ?? keyword),
    );
    switch (keywordOf(keyword.tokenType)) {
      case 'match': {
        const number = firstToken(c, 'NumberLiteral');
        return { kind: 'match', value: number && this.number(number), start, end };
      }
      case 'default': {
        const string = firstToken(c, 'StringLiteral');
        return { kind: 'default', value: string && this.string(string), start, end };
      }
      case 'on':
        return { kind: 'onCreate', start, end };
      case 'flowType':
        return { kind: 'flowType', value: this.name(firstToken(c, 'Identifier')), start, end };
      case 'flowBehavior':
        return { kind: 'flowBehavior', value: this.name(firstToken(c, 'Identifier')), start, end };
      case 'exportMissingReferences':
        return { kind: 'exportMissingReferences', start, end };
      default:
        return undefined;
    }
  }

  /**
   * `[department] EQUALS Tokyo`: the rest of a clause whose operator still lacks its value, on the
   * same line, without quotes or commas, is the value written without its quotes. It becomes an
   * `unquoted` string value of that clause (the checker reports it). After an operator that takes
   * no value (`IS TRUE yes`), the error says so. Returns whether it reported the stray tokens.
   */
  private unquotedScopeValue(node: CstNode, clauses: ScopeClause[]): boolean {
    const all = strayTokens(node);
    if (!all.length) return false;
    const start = all[0]!.startOffset;
    const end = tokenEnd(all[all.length - 1]!);
    const clause = clauses.find((c) => c.end <= start && !/[\r\n]/.test(this.text.slice(c.end, start)));
    const operator = clause?.operator;
    if (!clause || !operator || clause.values.length) return false;
    const written = this.text.slice(start, end);
    if (!operator.custom && scopeOperatorByLabel(operator.name)?.values === 'none') {
      this.error(start, end, t("Unexpected '{0}': {1} takes no value", all[0]!.image, operator.name), 'syntax-error');
      return true;
    }
    if (/["',\r\n]/.test(written)) return false;
    clause.values.push({ kind: 'string', value: written, raw: written, unquoted: true, start, end });
    clause.end = end;
    return true;
  }

  /** Reports a line (or the rest of one) that no rule accepted, with a message fitting where it is. */
  private strayLine(node: CstNode, context: 'file' | 'block' | 'scope'): void {
    const all = strayTokens(node);
    const first = all[0];
    if (!first) return;
    const start = first.startOffset;
    const end = tokenEnd(all[all.length - 1]!);
    const found = `'${first.image.length > 40 ? `${first.image.slice(0, 37)}…` : first.image}'`;
    let message: string;
    if (!this.atLineStart(start)) {
      message =
        context === 'scope'
          ? t('Unexpected {0}: a scoping clause ends after its values', found)
          : context === 'file'
            ? this.lineStartsWith(start, 'deploy')
              ? t('Unexpected {0}: expected name "value" pairs (tenant, servicePrincipal, job)', found)
              : t('Unexpected {0}: expected the end of the line', found)
            : t('Unexpected {0}: expected a modifier ({1}) or the end of the line', found, MODIFIER_LIST);
    } else if (context === 'file') {
      message =
        first.tokenType === TargetPath
          ? t('Attribute mappings belong inside a block: mapping "NAME" User -> User { … }')
          : t("Expected 'target' or 'mapping' but found {0}", found);
    } else if (context === 'block') {
      if (first.tokenType === keywordTokens.mapping) message = t("A mapping block cannot contain another one: is a '}' missing above?");
      else if (first.tokenType === AttributeRef) message = t('A scoping clause belongs inside a block: scope "NAME" { … }');
      else message = t("Expected an attribute mapping (target <- source), 'scope', 'enabled' or 'flowTypes' but found {0}", found);
    } else {
      message = t('Expected a scoping clause ([attribute] OPERATOR value) but found {0}', found);
    }
    this.error(start, end, message, 'syntax-error');
  }

  private lineStartsWith(offset: number, word: string): boolean {
    const lineStart = Math.max(this.text.lastIndexOf('\n', offset - 1), this.text.lastIndexOf('\r', offset - 1)) + 1;
    return new RegExp(`^[ \\t]*${word}\\b`).test(this.text.slice(lineStart, offset));
  }

  private atLineStart(offset: number): boolean {
    let i = offset - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return i < 0 || this.text[i] === '\n' || this.text[i] === '\r' || this.text[i] === '{';
  }

  private name(token: IToken | undefined): NameNode | undefined {
    if (!token) return undefined;
    const quoted = token.image.startsWith('"');
    const text = quoted ? this.string(token).value : token.image;
    return { kind: 'name', text, quoted, start: token.startOffset, end: tokenEnd(token) };
  }

  private error(start: number, end: number, message: string, code: string): void {
    this.diagnostics.push({ start, end, severity: 'error', code, message });
  }
}
