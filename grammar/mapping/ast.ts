/**
 * AST of a `.aadmap` file. Every field of Graph's objectMapping and attributeMapping that the file
 * can express has a node here, so the checker, the evaluator, the formatter and the Graph
 * serializer read one tree. Items keep their source order (the formatter reprints them in place).
 */
import type { TextRange } from '../common/text-range';
import type { AttributeReference, Expression, NumberLiteral, StringLiteral } from '../expression/ast';
import type { ScimPath } from '../scim/ast';
import { DEFAULT_FLOW_BEHAVIOR, DEFAULT_FLOW_TYPE, ON_CREATE_FLOW_TYPE } from './vocabulary';

/** An identifier or a quoted string used as a name (`User`, `"urn:…:User"`, `chatwork`). */
export interface NameNode extends TextRange {
  kind: 'name';
  /** The name (decoded when quoted). */
  text: string;
  quoted: boolean;
}

export interface Comment extends TextRange {
  kind: 'comment';
  /** Including the leading `#`. */
  text: string;
}

export interface TargetStatement extends TextRange {
  kind: 'target';
  /** `chatwork` (identifier) or a quoted path to a Graph schema JSON file. */
  value?: NameNode;
}

/** One `name "value"` pair of a deploy statement. */
export interface DeployField extends TextRange {
  kind: 'deployField';
  name: NameNode;
  value: StringLiteral;
}

/**
 * `deploy tenant "contoso.onmicrosoft.com" servicePrincipal "<object id>" job "<job id>"`: where
 * `aadmap deploy` and the editor's deploy command push this file. Field names are checked by the
 * checker (tenant, servicePrincipal, job), so the grammar reserves only `deploy`.
 */
export interface DeployStatement extends TextRange {
  kind: 'deploy';
  keyword: TextRange;
  fields: DeployField[];
}

export interface ObjectMappingBlock extends TextRange {
  kind: 'objectMapping';
  /** The `mapping` keyword: where block-level diagnostics point. */
  keyword: TextRange;
  name?: StringLiteral;
  sourceObject?: NameNode;
  targetObject?: NameNode;
  items: BlockItem[];
  /** Offset of the closing `}`, undefined when it is missing. */
  closeBrace?: number;
}

export type BlockItem = EnabledSetting | FlowTypesSetting | ScopeGroup | AttributeMapping | AttributeDeclaration;

/** One word after a declaration's name (`required`, `apiExpression "KEY" "VALUE"`) with the strings that follow it. */
export interface AttributeWord extends TextRange {
  kind: 'attributeWord';
  name: NameNode;
  values: StringLiteral[];
}

/**
 * `attribute target|source "NAME" TYPE FLAGS…`: an attribute the job schema's directory gains on
 * deploy (Graph attributeDefinition), or loses with `remove` (docs/custom-attributes.md). The
 * type is the first word when it is not a flag; the checker reads the words (vocabulary.ts
 * ATTRIBUTE_TYPES and ATTRIBUTE_FLAGS).
 */
export interface AttributeDeclaration extends TextRange {
  kind: 'attributeDeclaration';
  /** The `attribute` keyword. */
  keyword: TextRange;
  /** `target` or `source` (the keyword as written). */
  side?: NameNode;
  name?: NameNode;
  type?: NameNode;
  flags: AttributeWord[];
}

/** `enabled true|false` → objectMapping.enabled */
export interface EnabledSetting extends TextRange {
  kind: 'enabled';
  value: boolean;
}

/** `flowTypes Add, Update` → objectMapping.flowTypes */
export interface FlowTypesSetting extends TextRange {
  kind: 'flowTypes';
  values: NameNode[];
}

/** `scope "name" { clauses }` → one scope.groups[] entry. */
export interface ScopeGroup extends TextRange {
  kind: 'scope';
  name?: StringLiteral;
  clauses: ScopeClause[];
  closeBrace?: number;
}

export interface ScopeOperatorNode extends TextRange {
  /** The portal label with its inner whitespace normalised (`NOT EQUALS`), or the quoted operatorName. */
  name: string;
  /** Written as `operator "NAME"`. */
  custom: boolean;
}

/**
 * A value of a scoping clause. A bare word after an operator that takes a value (`EQUALS Tokyo`) is
 * read as the string it was meant to be, marked `unquoted`, so the checker reports one clear error
 * with a quick fix instead of a missing value and a stray word.
 */
export type ScopeValue = (StringLiteral & { unquoted?: true }) | NumberLiteral | (TextRange & { kind: 'boolean'; value: boolean });

/** `[attribute] OPERATOR values` → filterClause */
export interface ScopeClause extends TextRange {
  kind: 'clause';
  attribute: AttributeReference;
  operator?: ScopeOperatorNode;
  values: ScopeValue[];
}

/** The target side of a mapping line, with its parsed SCIM path. */
export interface TargetAttribute extends TextRange {
  kind: 'targetAttribute';
  /** Exactly as written. */
  text: string;
  path?: ScimPath;
}

export interface NoSource extends TextRange {
  kind: 'none';
}

export type Modifier =
  | (TextRange & { kind: 'match'; value?: NumberLiteral })
  | (TextRange & { kind: 'default'; value?: StringLiteral })
  | (TextRange & { kind: 'onCreate' })
  | (TextRange & { kind: 'flowType'; value?: NameNode })
  | (TextRange & { kind: 'flowBehavior'; value?: NameNode })
  | (TextRange & { kind: 'exportMissingReferences' });

/** `target <- source modifiers` → attributeMapping */
export interface AttributeMapping extends TextRange {
  kind: 'attributeMapping';
  target: TargetAttribute;
  /** Offset of `<-`. */
  arrow: number;
  source: Expression | NoSource;
  modifiers: Modifier[];
}

export interface MappingFile extends TextRange {
  kind: 'file';
  targets: TargetStatement[];
  /** Deploy statements, in file order; absent when the file has none. */
  deploys?: DeployStatement[];
  mappings: ObjectMappingBlock[];
  comments: Comment[];
}

export const attributeMappingsOf = (block: ObjectMappingBlock): AttributeMapping[] =>
  block.items.filter((item): item is AttributeMapping => item.kind === 'attributeMapping');

export const attributeDeclarationsOf = (block: ObjectMappingBlock): AttributeDeclaration[] =>
  block.items.filter((item): item is AttributeDeclaration => item.kind === 'attributeDeclaration');

export const scopesOf = (block: ObjectMappingBlock): ScopeGroup[] =>
  block.items.filter((item): item is ScopeGroup => item.kind === 'scope');

/** The Graph attributeMapping fields a mapping line sets (the defaults where it says nothing). */
export interface AttributeMappingProperties {
  matchingPriority: number;
  defaultValue: string | null;
  flowType: string;
  flowBehavior: string;
  exportMissingReferences: boolean;
}

/**
 * The properties of a line without modifiers (most lines), shared and frozen: the checker keeps
 * one per mapping line of a file (docs/performance.md, "Analysis of the two shapes").
 */
const DEFAULT_PROPERTIES: Readonly<AttributeMappingProperties> = Object.freeze({
  matchingPriority: 0,
  defaultValue: null,
  flowType: DEFAULT_FLOW_TYPE,
  flowBehavior: DEFAULT_FLOW_BEHAVIOR,
  exportMissingReferences: false,
});

/** The line's properties; read them, never change them (a line without modifiers shares one frozen object). */
export function mappingProperties(mapping: AttributeMapping): Readonly<AttributeMappingProperties> {
  if (mapping.modifiers.length === 0) return DEFAULT_PROPERTIES;
  const properties: AttributeMappingProperties = {
    matchingPriority: 0,
    defaultValue: null,
    flowType: DEFAULT_FLOW_TYPE,
    flowBehavior: DEFAULT_FLOW_BEHAVIOR,
    exportMissingReferences: false,
  };
  for (const modifier of mapping.modifiers) {
    switch (modifier.kind) {
      case 'match':
        if (modifier.value && /^\d+$/.test(modifier.value.raw)) properties.matchingPriority = Number(modifier.value.raw);
        break;
      case 'default':
        if (modifier.value) properties.defaultValue = modifier.value.value;
        break;
      case 'onCreate':
        properties.flowType = ON_CREATE_FLOW_TYPE;
        break;
      case 'flowType':
        if (modifier.value) properties.flowType = modifier.value.text;
        break;
      case 'flowBehavior':
        if (modifier.value) properties.flowBehavior = modifier.value.text;
        break;
      case 'exportMissingReferences':
        properties.exportMissingReferences = true;
        break;
    }
  }
  return properties;
}

/** A copy of a syntax-tree node moved by `delta`: every `start`/`end` below it shifted. */
export function shiftedNode<T>(node: T, delta: number): T {
  if (delta === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => shiftedNode(item, delta)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = (key === 'start' || key === 'end') && typeof value === 'number' ? value + delta : shiftedNode(value, delta);
  }
  return copy as T;
}
