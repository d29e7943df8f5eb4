/**
 * CST → AST for SCIM filters and paths. Walks `CstNode.children` directly (no visitor base
 * class: fewer allocations, and every child lookup can tolerate the partial nodes chevrotain's
 * error recovery leaves behind).
 *
 * Invariants:
 *  - tokens inserted by recovery (`isInsertedInRecovery`, NaN offsets) are treated as absent, so
 *    every range lies inside the input;
 *  - `and`/`or` chains are flattened, also across redundant parentheses (`(a or b) or c` is one
 *    `or` node), so the printer's output re-parses to the same tree;
 *  - a node written inside parentheses has a range covering them;
 *  - recursion depth is bounded by the caller's nesting check (index.ts).
 */
import { t } from '../common/l10n';
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { tokenMatcher } from 'chevrotain';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type {
  ScimAttributePath,
  ScimCompareOperator,
  ScimCompareValue,
  ScimErrorNode,
  ScimFilter,
  ScimLogicalOperator,
  ScimPath,
  ScimValuePathExpression,
} from './ast';
import { scimDiagnostic } from './diagnostics';
import { buildAttributePath, checkAttributeName } from './names';
import { entraValuePathToRfc } from './printer';
import { suggestOperator } from './operators';
import { CompareOp, DoubleQuoted, isJsWhitespace, keywordTokens, Pr, SingleQuoted } from './tokens';
import { buildSingleQuotedValue, buildStringValue, buildWordValue } from './values';

export interface VisitContext {
  readonly text: string;
  /** Added to every token offset. */
  readonly base: number;
  readonly tokens: readonly IToken[];
  readonly diagnostics: SyntaxDiagnostic[];
  /** Number of error nodes built (index.ts makes sure a diagnostic accompanies them). */
  errorNodes: number;
}

const operators = () => t("a comparison operator (eq, ne, co, sw, ew, gt, lt, ge, le) or 'pr'");
const valueKinds = () => t('a double-quoted string, a number, true, false or null');

// ---------------------------------------------------------------------------------------------
// CST access helpers
// ---------------------------------------------------------------------------------------------

function isRealToken(token: CstElement | undefined): token is IToken {
  return (
    token !== undefined &&
    (token as IToken).image !== undefined &&
    (token as IToken).isInsertedInRecovery !== true &&
    (token as IToken).startOffset === (token as IToken).startOffset // not NaN
  );
}

function tokenAt(node: CstNode, key: string): IToken | undefined {
  const list = node.children[key];
  if (list === undefined) return undefined;
  const first = list[0];
  return isRealToken(first) ? first : undefined;
}

function nodeAt(node: CstNode, key: string): CstNode | undefined {
  const list = node.children[key];
  return list === undefined ? undefined : (list[0] as CstNode);
}

function start(ctx: VisitContext, token: IToken): number {
  return ctx.base + token.startOffset;
}

function end(ctx: VisitContext, token: IToken): number {
  return ctx.base + token.startOffset + token.image.length;
}

function quoteToken(token: IToken | undefined): string {
  if (token === undefined) return t('end of input');
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}...` : token.image;
  return `'${image}'`;
}

/** The real token following `token` in the input (binary search on offsets). */
function nextToken(ctx: VisitContext, token: IToken): IToken | undefined {
  const tokens = ctx.tokens;
  let low = 0;
  let high = tokens.length - 1;
  const offset = token.startOffset;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const midOffset = tokens[mid]!.startOffset;
    if (midOffset === offset) return tokens[mid + 1];
    if (midOffset < offset) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

function errorNode(ctx: VisitContext, startOffset: number, endOffset: number): ScimErrorNode {
  ctx.errorNodes++;
  return { kind: 'error', start: startOffset, end: endOffset };
}

function isBlank(ctx: VisitContext, from: number, to: number): boolean {
  for (let i = from - ctx.base; i < to - ctx.base; i++) {
    const code = ctx.text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

/**
 * Reports a missing thing right after `after`: at the next token (the offending one), or as a
 * zero-width range just after `after` at the end of the input.
 */
function reportMissingAfter(
  ctx: VisitContext,
  after: IToken,
  code: 'scim-missing-value' | 'scim-missing-operator',
  message: (found: string) => string,
): void {
  const next = nextToken(ctx, after);
  if (next !== undefined) {
    ctx.diagnostics.push(scimDiagnostic(code, start(ctx, next), end(ctx, next), message(quoteToken(next))));
  } else {
    const at = end(ctx, after);
    ctx.diagnostics.push(scimDiagnostic(code, at, at, message(t('end of input'))));
  }
}

function warnMissingSpace(ctx: VisitContext, at: number, message: string): void {
  ctx.diagnostics.push(scimDiagnostic('scim-whitespace', at, at, message));
}

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

export function visitFilter(cst: CstNode, ctx: VisitContext): ScimFilter | undefined {
  const orExp = nodeAt(cst, 'orExp');
  return orExp === undefined ? undefined : visitLogical(orExp, 'or', ctx, 0);
}

/** `orExp` (operator 'or', operands are `andExp`) or `andExp` (operator 'and', operands are `term`). */
function visitLogical(node: CstNode, operator: ScimLogicalOperator, ctx: VisitContext, brackets: number): ScimFilter | undefined {
  const operandNodes = node.children['operand'] as CstNode[] | undefined;
  if (operandNodes === undefined) return undefined;
  const operatorTokens = node.children['operator'] as IToken[] | undefined;
  if (operatorTokens === undefined && operandNodes.length === 1) {
    const only = operandNodes[0]!;
    return operator === 'or' ? visitLogical(only, 'and', ctx, brackets) : visitTerm(only, ctx, brackets);
  }
  const operands: ScimFilter[] = [];
  for (let i = 0; i < operandNodes.length; i++) {
    const child = operandNodes[i]!;
    const operand = operator === 'or' ? visitLogical(child, 'and', ctx, brackets) : visitTerm(child, ctx, brackets);
    if (operand === undefined) continue;
    if (operand.kind === 'logical' && operand.operator === operator) {
      // `(a or b) or c`: redundant parentheses, one chain.
      for (const inner of operand.operands) operands.push(inner);
    } else {
      operands.push(operand);
    }
  }
  if (operatorTokens !== undefined) {
    for (const token of operatorTokens) {
      if (!isRealToken(token)) continue;
      const tokenStart = start(ctx, token);
      const tokenEnd = end(ctx, token);
      const before = ctx.text.charCodeAt(token.startOffset - 1);
      const after = ctx.text.charCodeAt(token.startOffset + token.image.length);
      // Only where an operand really touches the operator (`)and(`, `"x"or`); a missing operand
      // (`(a pr and)`) is a different error, reported by the parser.
      if (token.startOffset > 0 && before === before && !isJsWhitespace(before) && before !== 0x28 && before !== 0x5b) {
        warnMissingSpace(ctx, tokenStart, t("RFC 7644 requires a space before '{0}'", token.image));
      }
      if (after === after && !isJsWhitespace(after) && after !== 0x29 && after !== 0x5d) {
        warnMissingSpace(ctx, tokenEnd, t("RFC 7644 requires a space after '{0}'", token.image));
      }
    }
  }
  if (operands.length === 0) return undefined;
  if (operands.length === 1) return operands[0];
  return {
    kind: 'logical',
    operator,
    operands,
    start: operands[0]!.start,
    end: operands[operands.length - 1]!.end,
  };
}

function visitTerm(node: CstNode, ctx: VisitContext, brackets: number): ScimFilter | undefined {
  const group = nodeAt(node, 'group');
  const attrTerm = group === undefined ? nodeAt(node, 'attrTerm') : undefined;
  let inner: ScimFilter | undefined =
    group !== undefined ? visitGroup(group, ctx, brackets) : attrTerm !== undefined ? visitAttrTerm(attrTerm, ctx, brackets) : undefined;
  const nots = node.children['not'] as IToken[] | undefined;
  if (nots === undefined) return inner;
  const groupHasParen = group !== undefined && tokenAt(group, 'LParen') !== undefined;
  for (let i = nots.length - 1; i >= 0; i--) {
    const notToken = nots[i]!;
    if (!isRealToken(notToken)) continue;
    const last = i === nots.length - 1;
    // Without an operand chevrotain already reported "'not' must be followed by …".
    if (inner !== undefined && !(last && groupHasParen)) {
      const next = nextToken(ctx, notToken);
      ctx.diagnostics.push(
        scimDiagnostic(
          'scim-not-without-parens',
          start(ctx, notToken),
          end(ctx, notToken),
          next
            ? t("'not' must be followed by a parenthesised filter: write 'not (…)', found {0}", quoteToken(next))
            : t("'not' must be followed by a parenthesised filter: write 'not (…)'"),
        ),
      );
    }
    const operand = inner ?? errorNode(ctx, end(ctx, notToken), end(ctx, notToken));
    inner = { kind: 'not', operand, start: start(ctx, notToken), end: Math.max(operand.end, end(ctx, notToken)) };
  }
  return inner;
}

function visitGroup(node: CstNode, ctx: VisitContext, brackets: number): ScimFilter | undefined {
  const open = tokenAt(node, 'LParen');
  const close = tokenAt(node, 'RParen');
  const innerNode = nodeAt(node, 'orExp');
  const inner = innerNode === undefined ? undefined : visitLogical(innerNode, 'or', ctx, brackets);
  if (inner === undefined) {
    if (open === undefined) return undefined;
    if (close !== undefined && isBlank(ctx, end(ctx, open), start(ctx, close))) {
      ctx.diagnostics.push(
        scimDiagnostic('scim-empty-group', start(ctx, open), end(ctx, close), t("Empty parentheses: expected a filter inside '( )'")),
      );
    }
    return errorNode(ctx, start(ctx, open), end(ctx, close ?? open));
  }
  if (open !== undefined) inner.start = start(ctx, open);
  if (close !== undefined) inner.end = end(ctx, close);
  return inner;
}

interface Comparison {
  operator: ScimCompareOperator | 'pr';
  operatorToken: { text: string; start: number; end: number };
  value?: ScimCompareValue;
  end: number;
}

/** `pr [value]` / `op [value]` / `unknown [value]`. Undefined when no usable operator. */
function visitComparison(node: CstNode, subject: string, ctx: VisitContext): Comparison | undefined {
  const operatorToken = tokenAt(node, 'operator');
  if (operatorToken === undefined) return undefined;
  const valueToken = tokenAt(node, 'value');
  const opStart = start(ctx, operatorToken);
  const opEnd = end(ctx, operatorToken);
  const opRange = { text: operatorToken.image, start: opStart, end: opEnd };
  if (tokenMatcher(operatorToken, Pr)) {
    if (valueToken !== undefined) {
      ctx.diagnostics.push(
        scimDiagnostic(
          'scim-pr-value',
          start(ctx, valueToken),
          end(ctx, valueToken),
          t("'pr' (present) takes no value: remove {0}, or use a comparison operator such as 'eq'", quoteToken(valueToken)),
        ),
      );
    }
    return { operator: 'pr', operatorToken: opRange, end: opEnd };
  }
  if (tokenMatcher(operatorToken, CompareOp)) {
    const operator = operatorToken.image.toLowerCase() as ScimCompareOperator;
    if (valueToken === undefined) {
      reportMissingAfter(ctx, operatorToken, 'scim-missing-value', (found) =>
        t("Expected a value after '{0}' ({1}), found {2}", operatorToken.image, valueKinds(), found),
      );
      return { operator, operatorToken: opRange, end: opEnd };
    }
    if (valueToken.startOffset === operatorToken.startOffset + operatorToken.image.length) {
      warnMissingSpace(ctx, opEnd, t("RFC 7644 requires a space between '{0}' and its value", operatorToken.image));
    }
    const value = buildValue(valueToken, ctx);
    return { operator, operatorToken: opRange, value, end: value.end };
  }
  // Unknown operator (`==`, `lte`, `contains`, …).
  const suggestion = suggestOperator(operatorToken.image);
  ctx.diagnostics.push(
    scimDiagnostic(
      'scim-unknown-operator',
      opStart,
      opEnd,
      suggestion
        ? t(
            '{0}. {1}',
            t("Expected {0} after '{1}', found {2}", operators(), subject, `'${operatorToken.image}'`),
            t('Did you mean {0}?', `'${suggestion}'`),
          )
        : t("Expected {0} after '{1}', found {2}", operators(), subject, `'${operatorToken.image}'`),
    ),
  );
  if (valueToken !== undefined) buildValue(valueToken, ctx);
  return undefined;
}

function buildValue(token: IToken, ctx: VisitContext): ScimCompareValue {
  const at = start(ctx, token);
  if (token.tokenType === DoubleQuoted) return buildStringValue(token.image, at, ctx.diagnostics);
  if (token.tokenType === SingleQuoted) return buildSingleQuotedValue(token.image, at, ctx.diagnostics);
  return buildWordValue(token.image, at, ctx.diagnostics);
}

function attributePathOf(token: IToken, ctx: VisitContext): ScimAttributePath {
  const path = buildAttributePath(token.image, start(ctx, token), ctx.diagnostics);
  if (keywordTokens.has(token.tokenType)) {
    ctx.diagnostics.push(
      scimDiagnostic(
        'scim-keyword-attribute',
        path.start,
        path.end,
        t("'{0}' is a SCIM keyword; here it is read as an attribute name", token.image),
      ),
    );
  }
  return path;
}

function visitAttrTerm(node: CstNode, ctx: VisitContext, brackets: number): ScimFilter | undefined {
  const nameToken = tokenAt(node, 'name');
  if (nameToken === undefined) return undefined;
  const path = attributePathOf(nameToken, ctx);
  const open = tokenAt(node, 'LBracket');
  const comparisonNode = nodeAt(node, 'comparison');
  if (open === undefined) {
    const comparison = comparisonNode === undefined ? undefined : visitComparison(comparisonNode, path.text, ctx);
    if (comparison === undefined) return errorNode(ctx, path.start, comparisonNode ? cstEnd(comparisonNode, ctx, path.end) : path.end);
    const expression: ScimFilter = {
      kind: 'attributeExpression',
      path,
      operator: comparison.operator,
      operatorToken: comparison.operatorToken,
      start: path.start,
      end: comparison.end,
    };
    if (comparison.value !== undefined) expression.value = comparison.value;
    return expression;
  }
  return visitValuePath(node, path, open, comparisonNode, ctx, brackets);
}

/** End offset of the last real token inside a CST node (fallback when nothing real is there). */
function cstEnd(node: CstNode, ctx: VisitContext, fallback: number): number {
  let result = fallback;
  for (const key in node.children) {
    for (const element of node.children[key]!) {
      if (isRealToken(element)) result = Math.max(result, end(ctx, element));
      else if ((element as CstNode).children !== undefined) result = Math.max(result, cstEnd(element as CstNode, ctx, fallback));
    }
  }
  return result;
}

/** `[` valFilter `]` shared by filters and paths; returns the filter (or an error node) and the end. */
function visitBrackets(
  node: CstNode,
  path: ScimAttributePath,
  open: IToken,
  ctx: VisitContext,
  brackets: number,
): { filter: ScimFilter; close: IToken | undefined } {
  const close = tokenAt(node, 'RBracket');
  if (start(ctx, open) > path.end) {
    ctx.diagnostics.push(
      scimDiagnostic('scim-whitespace', path.end, start(ctx, open), t("No space is allowed between '{0}' and '['", path.text)),
    );
  }
  const innerNode = nodeAt(node, 'orExp');
  let filter = innerNode === undefined ? undefined : visitLogical(innerNode, 'or', ctx, brackets + 1);
  if (filter === undefined) {
    if (close !== undefined && isBlank(ctx, end(ctx, open), start(ctx, close))) {
      ctx.diagnostics.push(
        scimDiagnostic(
          'scim-empty-group',
          start(ctx, open),
          end(ctx, close),
          t('Empty value filter: expected a filter inside \'[ ]\', e.g. {0}[type eq "work"]', path.text),
        ),
      );
    }
    filter = errorNode(ctx, end(ctx, open), close !== undefined ? start(ctx, close) : end(ctx, open));
  }
  return { filter, close };
}

function subAttributeOf(token: IToken, close: IToken | undefined, ctx: VisitContext): { name: string; start: number; end: number } {
  const tokenStart = start(ctx, token);
  if (close !== undefined && token.startOffset > close.startOffset + 1) {
    ctx.diagnostics.push(scimDiagnostic('scim-whitespace', end(ctx, close), tokenStart, t("No space is allowed between ']' and '.'")));
  }
  const name = token.image.substring(1);
  const dot = name.indexOf('.');
  if (name.length === 0 || dot === 0) {
    ctx.diagnostics.push(
      scimDiagnostic('scim-missing-attribute-name', tokenStart, tokenStart + 1, t("Expected a sub-attribute name after '.'")),
    );
  } else {
    checkAttributeName(dot < 0 ? name : name.substring(0, dot), tokenStart + 1, 'sub-attribute name', ctx.diagnostics);
    if (dot > 0) {
      ctx.diagnostics.push(
        scimDiagnostic(
          'scim-too-many-subattributes',
          tokenStart + 1 + dot,
          end(ctx, token),
          t("Only one sub-attribute may follow ']' ('.{0}'): '{1}' is not allowed", name.substring(0, dot), name.substring(dot)),
        ),
      );
    }
  }
  return { name, start: tokenStart + 1, end: end(ctx, token) };
}

function visitValuePath(
  node: CstNode,
  path: ScimAttributePath,
  open: IToken,
  comparisonNode: CstNode | undefined,
  ctx: VisitContext,
  brackets: number,
): ScimFilter {
  const errorsBefore = countErrors(ctx);
  const { filter, close } = visitBrackets(node, path, open, ctx, brackets);
  const filterIsValid = countErrors(ctx) === errorsBefore;
  const result: ScimValuePathExpression = {
    kind: 'valuePath',
    path,
    filter,
    start: path.start,
    end: close !== undefined ? end(ctx, close) : Math.max(filter.end, end(ctx, open)),
  };
  const subToken = tokenAt(node, 'subAttribute');
  if (subToken !== undefined) {
    result.subAttribute = subAttributeOf(subToken, close, ctx);
    result.end = result.subAttribute.end;
  }
  const subject = subToken !== undefined ? `${path.text}[…].${result.subAttribute!.name}` : `${path.text}[…]`;
  let comparison: Comparison | undefined;
  if (comparisonNode !== undefined) {
    comparison = visitComparison(comparisonNode, subject, ctx);
    if (comparison !== undefined) {
      result.operator = comparison.operator;
      result.operatorToken = comparison.operatorToken;
      if (comparison.value !== undefined) result.value = comparison.value;
      result.end = comparison.end;
    } else {
      result.end = cstEnd(comparisonNode, ctx, result.end);
    }
  }
  if (brackets > 0) {
    ctx.diagnostics.push(
      scimDiagnostic('scim-nested-value-path', result.start, result.end, t("A value filter '[…]' cannot contain another value filter")),
    );
  }
  if (subToken !== undefined) {
    if (comparisonNode === undefined) {
      reportMissingAfter(ctx, subToken, 'scim-missing-operator', (found) =>
        t("Expected {0} after '{1}', found {2}", operators(), subject, found),
      );
    } else if (comparison !== undefined && filterIsValid && (comparison.operator === 'pr' || comparison.value !== undefined)) {
      ctx.diagnostics.push(
        scimDiagnostic(
          'scim-entra-value-path',
          result.start,
          result.end,
          t('This is the Entra ID form, not RFC 7644 syntax; the RFC equivalent is {0}', entraValuePathToRfc(result)),
        ),
      );
    }
  } else if (comparison !== undefined) {
    const op = comparison.operatorToken;
    const suggestion = entraValuePathToRfc({ ...result, subAttribute: { name: 'value', start: 0, end: 0 } });
    ctx.diagnostics.push(
      scimDiagnostic(
        'scim-value-path-comparison',
        op.start,
        comparison.end,
        t('A value filter cannot be compared directly: compare a sub-attribute inside the brackets, e.g. {0}', suggestion),
      ),
    );
  }
  return result;
}

function countErrors(ctx: VisitContext): number {
  let count = 0;
  for (const diagnostic of ctx.diagnostics) if (diagnostic.severity === 'error') count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

/** `attributePath` / `patchPath` entry rule → path node. */
export function visitPath(cst: CstNode, ctx: VisitContext): ScimPath | undefined {
  const body = nodeAt(cst, 'pathBody');
  if (body === undefined) return undefined;
  const nameToken = tokenAt(body, 'name');
  if (nameToken === undefined) return undefined;
  const attribute = attributePathOf(nameToken, ctx);
  const result: ScimPath = {
    kind: 'path',
    attribute,
    start: attribute.start,
    end: attribute.end,
    text: attribute.text,
  };
  const open = tokenAt(body, 'LBracket');
  if (open !== undefined) {
    const { filter, close } = visitBrackets(body, attribute, open, ctx, 0);
    result.filter = filter;
    result.end = close !== undefined ? end(ctx, close) : Math.max(filter.end, end(ctx, open));
    const subToken = tokenAt(body, 'subAttribute');
    if (subToken !== undefined) {
      result.subAttribute = subAttributeOf(subToken, close, ctx);
      result.end = result.subAttribute.end;
    }
  }
  result.text = ctx.text.substring(result.start - ctx.base, result.end - ctx.base);
  return result;
}
