/**
 * AST of attribute-mapping expressions. Nodes carry absolute document offsets (half-open), so
 * expressions inside a `.aadmap` file report positions in that file. The evaluator, the checker
 * and the Graph serializer (attributeMappingSource trees) all walk this tree.
 */
import type { TextRange } from '../common/text-range';

export type ComparisonOperatorText = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** `Name(arg, arg, …)` — `args` holds one entry per position, empty positions included. */
export interface CallExpression extends TextRange {
  kind: 'call';
  name: string;
  nameRange: TextRange;
  args: Argument[];
  /** Offset of `(`. */
  openParen: number;
  /** Offset of `)`, or undefined when the closing parenthesis is missing. */
  closeParen?: number;
}

/** A bare identifier: InStr's `vbTextCompare`, the Workday guide's `IgnoreObjectFlow`. */
export interface IdentifierExpression extends TextRange {
  kind: 'identifier';
  name: string;
}

/** `[name]`: the name exactly as written between the brackets. */
export interface AttributeReference extends TextRange {
  kind: 'attribute';
  name: string;
  nameRange: TextRange;
}

export interface StringLiteral extends TextRange {
  kind: 'string';
  /** Decoded value (`\\` → `\`, `\"` → `"`; other escapes kept as written). */
  value: string;
  /** Source text including the quotes. */
  raw: string;
}

/** Decimal (`-10`, `42568.75`) or VBA hex (`&HF7`); kept as text because values may exceed 2^53. */
export interface NumberLiteral extends TextRange {
  kind: 'number';
  raw: string;
  hex: boolean;
}

/** `left op right`; only meaningful as an IIF or CBool condition (the checker says so elsewhere). */
export interface ComparisonExpression extends TextRange {
  kind: 'comparison';
  operator: ComparisonOperatorText;
  operatorRange: TextRange;
  left: Expression;
  right: Expression;
}

/** Where an expression was required but the input had none; a diagnostic always accompanies it. */
export interface MissingExpression extends TextRange {
  kind: 'missing';
}

export type Expression =
  | CallExpression
  | IdentifierExpression
  | AttributeReference
  | StringLiteral
  | NumberLiteral
  | ComparisonExpression
  | MissingExpression;

/** An argument position left empty: `Switch([x], , "a", "b")`. Its range spans the blank between separators. */
export interface EmptyArgument extends TextRange {
  kind: 'empty';
}

export type Argument = Expression | EmptyArgument;

/** Calls `visit` on `node` and every expression below it, parents first. */
export function walkExpression(
  node: Argument,
  visit: (node: Argument, parent: CallExpression | ComparisonExpression | undefined) => void,
  parent?: CallExpression | ComparisonExpression,
): void {
  visit(node, parent);
  if (node.kind === 'call') {
    for (const arg of node.args) walkExpression(arg, visit, node);
  } else if (node.kind === 'comparison') {
    walkExpression(node.left, visit, node);
    walkExpression(node.right, visit, node);
  }
}
