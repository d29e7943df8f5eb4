/**
 * AST of SCIM 2.0 filters and attribute paths (RFC 7644 §3.4.2.2 and §3.5.2).
 *
 * Every node carries absolute document offsets (`start`/`end`, half-open), so a filter or path
 * embedded in a larger document (the target side of a `.aadmap` mapping line, one line of a
 * `.scimfilter` file) reports positions in that document. Grouping parentheses do not get a node:
 * the tree is the canonical structure (the printer re-inserts the parentheses precedence needs),
 * and a node's range covers its parentheses when it was written inside them.
 */
import type { TextRange } from '../common/text-range';

export type ScimCompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'lt' | 'ge' | 'le';
export type ScimLogicalOperator = 'and' | 'or';

/** `[URI ":"] ATTRNAME ["." subAttr]` — names kept exactly as written (comparison is case-insensitive). */
export interface ScimAttributePath extends TextRange {
  kind: 'attributePath';
  /** The schema URI prefix without the trailing ':' (split at the last ':'), when present. */
  uri?: string;
  name: string;
  subAttribute?: string;
  /** The path exactly as written (the source text of the range). */
  text: string;
}

export type ScimCompareValue =
  | (TextRange & { kind: 'string'; value: string; raw: string })
  | (TextRange & { kind: 'number'; raw: string })
  | (TextRange & { kind: 'boolean'; value: boolean; raw: string })
  | (TextRange & { kind: 'null'; raw: string });

/** `attrPath pr` or `attrPath op value`. */
export interface ScimAttributeExpression extends TextRange {
  kind: 'attributeExpression';
  path: ScimAttributePath;
  /** Lower-cased operator. */
  operator: ScimCompareOperator | 'pr';
  /** The operator as written (e.g. `EQ`), with its range. */
  operatorToken: TextRange & { text: string };
  /** Absent for `pr` (and when missing in broken input). */
  value?: ScimCompareValue;
}

/**
 * `attrPath "[" valFilter "]"`. In the Entra compatibility form
 * (`emails[type eq "work"].value eq "x"`, accepted with a warning) `subAttribute`, `operator` and
 * `value` are set as well.
 */
export interface ScimValuePathExpression extends TextRange {
  kind: 'valuePath';
  path: ScimAttributePath;
  filter: ScimFilter;
  /** Entra form only: the sub-attribute after `]` and its comparison. */
  subAttribute?: TextRange & { name: string };
  operator?: ScimCompareOperator | 'pr';
  operatorToken?: TextRange & { text: string };
  value?: ScimCompareValue;
}

/** A flattened chain of one logical operator: `a and b and c` is one node with three operands. */
export interface ScimLogicalExpression extends TextRange {
  kind: 'logical';
  operator: ScimLogicalOperator;
  operands: ScimFilter[];
}

/** `not (filter)` */
export interface ScimNotExpression extends TextRange {
  kind: 'not';
  operand: ScimFilter;
}

/** Placeholder where recovery could not build a node; a diagnostic always accompanies it. */
export interface ScimErrorNode extends TextRange {
  kind: 'error';
}

export type ScimFilter = ScimAttributeExpression | ScimValuePathExpression | ScimLogicalExpression | ScimNotExpression | ScimErrorNode;

/**
 * A PATCH path or a mapping's target attribute: `attrPath` or `attrPath "[" valFilter "]" ["." subAttr]`.
 */
export interface ScimPath extends TextRange {
  kind: 'path';
  attribute: ScimAttributePath;
  /** The value filter between brackets, when the path selects values of a multi-valued attribute. */
  filter?: ScimFilter;
  /** The sub-attribute after `]`. */
  subAttribute?: TextRange & { name: string };
  text: string;
}
