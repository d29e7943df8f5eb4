/**
 * CST → AST for expressions. Chevrotain's error recovery leaves partial CST nodes (missing
 * children, tokens inserted with NaN offsets), so every accessor here tolerates absence and falls
 * back to a nearby offset; the AST always has finite, ordered ranges.
 */
import { t } from '../common/l10n';
import type { CstNode, IToken } from 'chevrotain';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { Argument, AttributeReference, CallExpression, ComparisonOperatorText, Expression, NumberLiteral, StringLiteral } from './ast';
import { decodeExpressionString } from './strings';
import { SingleQuotedString, UnterminatedAttributeRef, UnterminatedString } from './tokens';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

export function firstToken(children: Children, name: string): IToken | undefined {
  const token = children[name]?.[0] as IToken | undefined;
  return token && isRealToken(token) ? token : undefined;
}

export function tokens(children: Children, name: string): IToken[] {
  return ((children[name] ?? []) as IToken[]).filter(isRealToken);
}

export function firstNode(children: Children, name: string): CstNode | undefined {
  return children[name]?.[0] as CstNode | undefined;
}

export function nodes(children: Children, name: string): CstNode[] {
  return (children[name] ?? []) as CstNode[];
}

/** Tokens inserted by single-token-insertion recovery have no position. */
function isRealToken(token: IToken): boolean {
  return !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Builds expression nodes, collecting the diagnostics that only the tree can tell (escapes, unterminated tokens). */
export class ExpressionVisitor {
  constructor(readonly diagnostics: SyntaxDiagnostic[]) {}

  /** `fallback`: where to place a missing expression (the end of the token before it). */
  expression(node: CstNode | undefined, fallback: number): Expression {
    if (!node) return { kind: 'missing', start: fallback, end: fallback };
    const c = node.children as Children;
    const termNodes = nodes(c, 'term');
    const left = this.term(termNodes[0], fallback);
    const operator = firstToken(c, 'ComparisonOperator');
    if (!operator) return left;
    const right = this.term(termNodes[1], tokenEnd(operator));
    return {
      kind: 'comparison',
      operator: operator.image as ComparisonOperatorText,
      operatorRange: { start: operator.startOffset, end: tokenEnd(operator) },
      left,
      right,
      start: left.start,
      end: Math.max(right.end, tokenEnd(operator)),
    };
  }

  term(node: CstNode | undefined, fallback: number): Expression {
    if (!node) return { kind: 'missing', start: fallback, end: fallback };
    const c = node.children as Children;
    const call = firstNode(c, 'call');
    if (call) return this.call(call, fallback);
    const attribute = firstToken(c, 'AttributeRef');
    if (attribute) return this.attribute(attribute);
    const string = firstToken(c, 'StringLiteral');
    if (string) return this.string(string);
    const number = firstToken(c, 'NumberLiteral') ?? firstToken(c, 'HexLiteral');
    if (number) return this.number(number);
    return { kind: 'missing', start: fallback, end: fallback };
  }

  attribute(token: IToken): AttributeReference {
    const start = token.startOffset;
    const end = tokenEnd(token);
    const unterminated = token.tokenType === UnterminatedAttributeRef;
    if (unterminated) {
      this.diagnostics.push({
        start,
        end,
        severity: 'error',
        code: 'unterminated-attribute',
        message: t("Attribute reference is missing its closing ']'"),
      });
    }
    return {
      kind: 'attribute',
      name: token.image.slice(1, unterminated ? undefined : -1),
      nameRange: { start: start + 1, end: unterminated ? end : end - 1 },
      start,
      end,
    };
  }

  string(token: IToken): StringLiteral {
    const start = token.startOffset;
    if (token.tokenType === SingleQuotedString) {
      const end = tokenEnd(token);
      this.diagnostics.push({
        start,
        end,
        severity: 'error',
        code: 'syntax-error',
        message: t('Strings are written in double quotes: "{0}"', token.image.slice(1, -1)),
      });
      return { kind: 'string', value: token.image.slice(1, -1), raw: token.image, start, end };
    }
    if (token.tokenType === UnterminatedString) {
      this.diagnostics.push({
        start,
        end: tokenEnd(token),
        severity: 'error',
        code: 'unterminated-string',
        message: t("String is missing its closing '\"'"),
      });
    }
    return {
      kind: 'string',
      value: decodeExpressionString(token.image, start, this.diagnostics),
      raw: token.image,
      start,
      end: tokenEnd(token),
    };
  }

  number(token: IToken): NumberLiteral {
    return { kind: 'number', raw: token.image, hex: token.image.startsWith('&'), start: token.startOffset, end: tokenEnd(token) };
  }

  call(node: CstNode, fallback: number): Expression {
    const c = node.children as Children;
    const name = firstToken(c, 'Identifier');
    if (!name) return { kind: 'missing', start: fallback, end: fallback };
    const start = name.startOffset;
    const nameEnd = tokenEnd(name);
    const list = firstNode(c, 'argumentList');
    const open = list && firstToken(list.children as Children, 'LParen');
    if (!list || !open) return { kind: 'identifier', name: name.image, start, end: nameEnd };
    const call: CallExpression = {
      kind: 'call',
      name: name.image,
      nameRange: { start, end: nameEnd },
      args: [],
      openParen: open.startOffset,
      start,
      end: tokenEnd(open),
    };
    this.argumentList(list, call);
    return call;
  }

  /**
   * Rebuilds the argument positions from the separators rather than from the order of CST nodes:
   * an expression belongs to the position its first token falls into, which stays correct when
   * recovery dropped nodes or inserted commas.
   */
  private argumentList(list: CstNode, call: CallExpression): void {
    const c = list.children as Children;
    const commas = tokens(c, 'Comma');
    const close = firstToken(c, 'RParen');
    const expressions: Expression[] = [];
    let lastEnd = call.openParen + 1;
    for (const arg of nodes(c, 'argument')) {
      const exprNode = firstNode(arg.children as Children, 'expression');
      if (!exprNode) continue;
      const expr = this.expression(exprNode, lastEnd);
      if (expr.kind === 'missing' && !hasRealToken(exprNode)) continue;
      expressions.push(expr);
      lastEnd = expr.end;
    }
    // Position i lies between the i-th and (i+1)-th separator of `(`, commas, `)`.
    const separators = [call.openParen, ...commas.map((t) => t.startOffset)];
    const positions: Expression[][] = separators.map(() => []);
    for (const expr of expressions) {
      let position = 0;
      while (position + 1 < separators.length && separators[position + 1]! < expr.start) position++;
      positions[position]!.push(expr);
    }
    const args: Argument[] = [];
    positions.forEach((exprs, i) => {
      if (exprs.length) {
        // Recovery can leave two expressions in one position (`f(a b)`): keep both, in order.
        args.push(...exprs);
        return;
      }
      const slotStart = separators[i]! + 1;
      const slotEnd = i + 1 < separators.length ? separators[i + 1]! : (close?.startOffset ?? slotStart);
      args.push({ kind: 'empty', start: slotStart, end: Math.max(slotStart, slotEnd) });
    });
    // `f()` is a call with no arguments, not one empty argument.
    if (args.length === 1 && args[0]!.kind === 'empty' && commas.length === 0) args.length = 0;
    call.args = args;
    if (close) call.closeParen = close.startOffset;
    const lastArgEnd = args.length ? args[args.length - 1]!.end : call.openParen + 1;
    call.end = close ? tokenEnd(close) : Math.max(lastArgEnd, commas.length ? tokenEnd(commas[commas.length - 1]!) : call.openParen + 1);
  }
}

function hasRealToken(node: CstNode): boolean {
  for (const list of Object.values(node.children)) {
    for (const child of list ?? []) {
      if ('image' in child) {
        if (isRealToken(child)) return true;
      } else if (hasRealToken(child)) return true;
    }
  }
  return false;
}
