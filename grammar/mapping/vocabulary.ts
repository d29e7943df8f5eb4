/**
 * The vocabulary of the `.aadmap` language, written once: its keywords, the modifiers of a mapping
 * line, the Graph enum values it names (flowType, flowBehavior, an object mapping's flowTypes) and
 * the scoping operators. Everything else derives from these tables: the lexer's tokens (tokens.ts),
 * the parser's expectations, the fast path (fast-path.ts), the checker's scope and flow rules,
 * completion and hover, the preview's scope semantics, the Graph mapping view, and the test of the
 * TextMate grammar (test/grammar/mapping/vocabulary.test.ts checks that every consumer knows every
 * entry).
 *
 * How to add a scoping operator: add one entry to SCOPE_OPERATORS (its portal label, its Graph
 * `operatorName`, whether it takes values and of which kind, one line of documentation). The
 * compiler then asks for its meaning in the preview (server/preview/scope.ts, a table keyed by
 * label); add the label to the `scope-operator` rule of syntaxes/aadmap.tmLanguage.json (the
 * vocabulary test fails until it is highlighted), a line in the language documentation, and a test
 * of its meaning.
 *
 * How to add a keyword: add one entry to KEYWORDS (before any keyword it is a prefix of: the first
 * lexer pattern that matches wins), give it a grammar rule in parser.ts and fast-path.ts, and
 * highlight it in the TextMate grammar (the vocabulary test checks the highlighting).
 *
 * Sources: the portal's scoping-filter operators
 * (https://learn.microsoft.com/entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts),
 * attributeMappingFlowType, attributeFlowBehavior and objectMapping.flowTypes
 * (https://learn.microsoft.com/graph/api/resources/synchronization-attributemapping,
 * https://learn.microsoft.com/graph/api/resources/synchronization-objectmapping).
 */

/** Where a keyword is used: it decides how the TextMate grammar colours it. */
export type KeywordRole =
  /** Starts a statement (`target`, `mapping`, `scope`, …); a line starting with one ends an unclosed expression above it. */
  | 'statement'
  /** Part of a mapping line after its source (`match`, `on create`, …) or the `none` source. */
  | 'modifier'
  /** `operator "NAME"`: a scoping operator by its Graph name. */
  | 'operator'
  /** `true` / `false`. */
  | 'boolean';

export interface KeywordEntry {
  readonly word: string;
  readonly role: KeywordRole;
  /** Hover and completion documentation (Markdown). */
  readonly doc: string;
  /** What the word means after `attribute` (a declaration's side), when that differs from `doc`. */
  readonly declarationDoc?: string;
}

/** Order matters for the lexer: `flowTypes` before `flowType` (the first pattern that matches wins). */
export const KEYWORDS = [
  {
    word: 'target',
    role: 'statement',
    doc: '`target chatwork` checks the file against the built-in Chatwork schema (the default); `target "schema.json"` against the target directory of a Graph `synchronizationSchema` file, relative to this file.',
    declarationDoc:
      '`attribute target "NAME" TYPE`: the declared attribute belongs to the target directory (an attribute of the mapping\'s target object that mapping lines may write).',
  },
  {
    word: 'deploy',
    role: 'statement',
    doc: '`deploy tenant "…" servicePrincipal "…" job "…"`: where `aadmap deploy` and the deploy command push this file.',
  },
  {
    word: 'mapping',
    role: 'statement',
    doc: '`mapping "NAME" SOURCE -> TARGET { … }`: an object mapping (Graph `objectMapping`: `name`, `sourceObjectName`, `targetObjectName`).',
  },
  {
    word: 'scope',
    role: 'statement',
    doc: '`scope "NAME" { … }`: a scoping filter group (`scope.groups[]`). Groups are OR\'ed; the clauses of a group, one per line, are AND\'ed.',
  },
  {
    word: 'enabled',
    role: 'statement',
    doc: '`enabled true|false`: whether the object mapping is enabled (`objectMapping.enabled`, default true).',
  },
  {
    word: 'attribute',
    role: 'statement',
    doc: '`attribute target|source "NAME" TYPE FLAGS…`: declares an attribute the schema does not list yet (target: the mapping\'s target object; source: a directory extension of its source object). `aadmap deploy` adds it to the job schema; `remove` instead of a type removes it. See docs/custom-attributes.md.',
  },
  {
    word: 'flowTypes',
    role: 'statement',
    doc: '`flowTypes Add, Update, Delete` (or `None`): which operations the object mapping performs (`objectMapping.flowTypes`).',
  },
  {
    word: 'flowType',
    role: 'modifier',
    doc: '`flowType NAME`: when the mapping applies — `Always` (default), `ObjectAddOnly`, `MultiValueAddOnly`, `ValueAddOnly`, `AttributeAddOnly`.',
  },
  {
    word: 'flowBehavior',
    role: 'modifier',
    doc: '`flowBehavior NAME`: when the value is exported — `FlowWhenChanged` (default) or `FlowAlways`.',
  },
  {
    word: 'exportMissingReferences',
    role: 'modifier',
    doc: '`exportMissingReferences`: export references to objects that are not (yet) in the target (`exportMissingReferences: true`).',
  },
  {
    word: 'source',
    role: 'modifier',
    doc: '`attribute source "extension_<appId>_NAME" TYPE`: the declared attribute belongs to the source directory (a directory extension attribute).',
  },
  {
    word: 'none',
    role: 'modifier',
    doc: '`none`: the mapping has no source and writes only its default value (Graph `source: null`).',
  },
  {
    word: 'match',
    role: 'modifier',
    doc: '`match N`: use this attribute to match source and target objects (`matchingPriority`, 1 is tried first). The target must be able to filter on it — for Chatwork only `userName`.',
  },
  {
    word: 'default',
    role: 'modifier',
    doc: '`default "VALUE"`: the value written when the source is null (`defaultValue`). Applied only when the object is created.',
  },
  {
    word: 'on',
    role: 'modifier',
    doc: '`on create`: apply this mapping only during object creation (`flowType: ObjectAddOnly`).',
  },
  {
    word: 'create',
    role: 'modifier',
    doc: '`on create`: apply this mapping only during object creation (`flowType: ObjectAddOnly`).',
  },
  {
    word: 'operator',
    role: 'operator',
    doc: '`operator "NAME"`: a scoping operator by its Graph `operatorName`, sent as written (aadmap cannot check it).',
  },
  { word: 'true', role: 'boolean', doc: 'Boolean true.' },
  { word: 'false', role: 'boolean', doc: 'Boolean false.' },
] as const satisfies readonly KeywordEntry[];

export type Keyword = (typeof KEYWORDS)[number]['word'];

/** The words a keyword entry lists, in lexer order. */
export const KEYWORD_WORDS: readonly Keyword[] = KEYWORDS.map((k) => k.word);

/** The keywords that start a statement (`target`, `deploy`, `mapping`, `scope`, `enabled`, `flowTypes`). */
export const STATEMENT_KEYWORDS: readonly Keyword[] = KEYWORDS.filter((k) => k.role === 'statement').map((k) => k.word);

/** The statements of a file's top level; every other statement keyword starts a line in a block. */
export const FILE_STATEMENT_KEYWORDS: readonly Keyword[] = ['target', 'deploy', 'mapping'];
/** The statement keywords that start a line in a mapping block (`scope`, `enabled`, `flowTypes`). */
export const BLOCK_STATEMENT_KEYWORDS: readonly Keyword[] = STATEMENT_KEYWORDS.filter((word) => !FILE_STATEMENT_KEYWORDS.includes(word));

/**
 * The attribute types of a declaration (`attribute target "NAME" TYPE`): Graph attributeDefinition
 * `type` (https://learn.microsoft.com/graph/api/resources/synchronization-attributedefinition),
 * case-sensitive, the portal's default first.
 */
export const ATTRIBUTE_TYPES = [
  { name: 'String', doc: 'Text (the default type of the portal).' },
  { name: 'Boolean', doc: 'true or false; the preview sends a JSON Boolean.' },
  { name: 'Integer', doc: 'A whole number.' },
  { name: 'DateTime', doc: 'A date and time.' },
  { name: 'Reference', doc: 'A reference to another object (name it with `referencedObject "User"`).' },
  { name: 'Binary', doc: 'Binary data (base64 in SCIM).' },
] as const satisfies readonly EnumValueEntry[];

export type AttributeTypeName = (typeof ATTRIBUTE_TYPES)[number]['name'];
export const ATTRIBUTE_TYPE_NAMES: readonly AttributeTypeName[] = ATTRIBUTE_TYPES.map((t) => t.name);

/** What follows a declaration flag: nothing, one string, or two (a key and a value). */
export type AttributeFlagValue = 'nothing' | 'string' | 'pair';

export interface AttributeFlagEntry {
  /** As written after the type (case-sensitive). */
  readonly name: string;
  readonly value: AttributeFlagValue;
  /** Whether the flag may be given more than once (each adds one entry to a Graph list). */
  readonly repeatable: boolean;
  /** The Graph attributeDefinition field it sets. */
  readonly graphField: string;
  readonly doc: string;
}

/**
 * The flags of an attribute declaration, after its type: the portal's *Edit attribute list* columns
 * (https://learn.microsoft.com/entra/identity/app-provisioning/customize-application-attributes#editing-the-list-of-supported-attributes)
 * and the Graph attributeDefinition fields they set. `remove` stands alone (no type): deploy removes
 * the attribute from the job schema.
 */
export const ATTRIBUTE_FLAGS = [
  {
    name: 'required',
    value: 'nothing',
    repeatable: false,
    graphField: 'required',
    doc: 'The attribute must have a value (`required: true`).',
  },
  {
    name: 'multiValued',
    value: 'nothing',
    repeatable: false,
    graphField: 'multivalued',
    doc: 'The attribute holds a list of values (`multivalued: true`); the preview sends an array.',
  },
  {
    name: 'caseExact',
    value: 'nothing',
    repeatable: false,
    graphField: 'caseExact',
    doc: 'Changes in letter case count as changes (the portal\'s "Exact case"; `caseExact: true`).',
  },
  {
    name: 'apiExpression',
    value: 'pair',
    repeatable: true,
    graphField: 'apiExpressions',
    doc: '`apiExpression "KEY" "VALUE"`: one entry of `apiExpressions` (the portal\'s "API Expression"), sent as written.',
  },
  {
    name: 'referencedObject',
    value: 'string',
    repeatable: true,
    graphField: 'referencedObjects',
    doc: '`referencedObject "User"`: the object a Reference attribute points to (one `referencedObjects` entry).',
  },
  {
    name: 'remove',
    value: 'nothing',
    repeatable: false,
    graphField: '',
    doc: 'Deploy removes this attribute from the job schema (refused while a mapping still uses it). Written alone, without a type.',
  },
] as const satisfies readonly AttributeFlagEntry[];

export type AttributeFlagName = (typeof ATTRIBUTE_FLAGS)[number]['name'];

const attributeFlagByName = new Map<string, AttributeFlagEntry>(ATTRIBUTE_FLAGS.map((f) => [f.name, f]));

/** The declaration flag called `name` (exact case), or undefined. */
export function attributeFlag(name: string): AttributeFlagEntry | undefined {
  return attributeFlagByName.get(name);
}

/** The two sides a declaration names: `target` (the mapping's target object) or `source`. */
export const ATTRIBUTE_SIDES = ['target', 'source'] as const satisfies readonly Keyword[];
export type AttributeSide = (typeof ATTRIBUTE_SIDES)[number];

/**
 * The fields of the `deploy` statement (`deploy tenant "…" servicePrincipal "…" job "…"`), each at
 * most once: where `aadmap deploy` pushes the file (docs/deploy.md).
 */
export const DEPLOY_FIELD_ENTRIES = [
  { name: 'tenant', doc: '`tenant "…"`: the tenant to deploy to, by its id (a GUID) or a domain such as contoso.onmicrosoft.com.' },
  {
    name: 'servicePrincipal',
    doc: '`servicePrincipal "…"`: the enterprise application\'s object id (a GUID; an appId is resolved too).',
  },
  {
    name: 'job',
    doc: '`job "…"`: the id of the application\'s provisioning (synchronization) job, such as "scim.0123456789abcdef0123456789abcdef".',
  },
] as const satisfies readonly EnumValueEntry[];

/** What follows a modifier's keyword(s). */
export type ModifierValue = 'integer' | 'string' | 'flowType' | 'flowBehavior' | 'nothing';

export interface ModifierEntry {
  /** The AST's `Modifier['kind']`. */
  readonly kind: string;
  /** Its keywords, in order (`on create` has two). */
  readonly words: readonly Keyword[];
  readonly value: ModifierValue;
}

/** The modifiers of a mapping line (`target <- source modifiers`), in the order completion offers them. */
export const MODIFIERS = [
  { kind: 'match', words: ['match'], value: 'integer' },
  { kind: 'default', words: ['default'], value: 'string' },
  { kind: 'onCreate', words: ['on', 'create'], value: 'nothing' },
  { kind: 'flowType', words: ['flowType'], value: 'flowType' },
  { kind: 'flowBehavior', words: ['flowBehavior'], value: 'flowBehavior' },
  { kind: 'exportMissingReferences', words: ['exportMissingReferences'], value: 'nothing' },
] as const satisfies readonly ModifierEntry[];

export type ModifierKind = (typeof MODIFIERS)[number]['kind'];

/** `match, default, on create, flowType, flowBehavior, exportMissingReferences` (for messages). */
export const MODIFIER_LIST: string = MODIFIERS.map((m) => m.words.join(' ')).join(', ');

export interface EnumValueEntry {
  readonly name: string;
  readonly doc: string;
}

/** Graph attributeMappingFlowType (case-sensitive), the default first. */
export const FLOW_TYPES = [
  { name: 'Always', doc: 'Apply the mapping on create and on update (the default).' },
  {
    name: 'ObjectAddOnly',
    doc: 'Apply the mapping only when the object is created (the portal\'s "Only during object creation"; same as `on create`).',
  },
  { name: 'MultiValueAddOnly', doc: 'For multi-valued attributes: only add values, never remove them.' },
  { name: 'ValueAddOnly', doc: 'Only write the attribute when the target has no value yet.' },
  { name: 'AttributeAddOnly', doc: 'Only write the attribute when it is added.' },
] as const satisfies readonly EnumValueEntry[];

export type FlowType = (typeof FLOW_TYPES)[number]['name'];
export const FLOW_TYPE_NAMES: readonly FlowType[] = FLOW_TYPES.map((t) => t.name);
export const DEFAULT_FLOW_TYPE: FlowType = 'Always';
/** What `on create` means. */
export const ON_CREATE_FLOW_TYPE: FlowType = 'ObjectAddOnly';

/** Graph attributeFlowBehavior (case-sensitive), the default first. */
export const FLOW_BEHAVIORS = [
  { name: 'FlowWhenChanged', doc: 'Export the value only when it changed (the default).' },
  { name: 'FlowAlways', doc: 'Export the value on every synchronization cycle, changed or not.' },
] as const satisfies readonly EnumValueEntry[];

export type FlowBehavior = (typeof FLOW_BEHAVIORS)[number]['name'];
export const FLOW_BEHAVIOR_NAMES: readonly FlowBehavior[] = FLOW_BEHAVIORS.map((b) => b.name);
export const DEFAULT_FLOW_BEHAVIOR: FlowBehavior = 'FlowWhenChanged';

/** Graph objectMapping.flowTypes flags (`Add, Update`), and `None` which stands alone. */
export const OBJECT_FLOW_TYPES = [
  { name: 'Add', doc: 'Create objects in the target.' },
  { name: 'Update', doc: 'Update objects that exist in the target.' },
  { name: 'Delete', doc: 'Delete (deprovision) objects in the target.' },
  { name: 'None', doc: 'No flow at all (cannot be combined with the others).' },
] as const satisfies readonly EnumValueEntry[];

/** The combinable flags (every one but `None`), in Graph's order. */
export const OBJECT_FLOW_FLAGS: readonly string[] = OBJECT_FLOW_TYPES.filter((t) => t.name !== 'None').map((t) => t.name);
/** An object mapping without a `flowTypes` line does all three. */
export const DEFAULT_OBJECT_FLOW_TYPES: readonly string[] = OBJECT_FLOW_FLAGS;

/**
 * What a scoping operator compares: `none` (unary, takes no value), `text` (string values compared
 * case-sensitively), `integer` (whole numbers) or `regex` (.NET regular expressions).
 */
export type ScopeValueKind = 'none' | 'text' | 'integer' | 'regex';

export interface ScopeOperatorEntry {
  /** As the portal shows it and as a `.aadmap` clause writes it (inner spaces are single). */
  readonly label: string;
  /** Graph `filterClause.operatorName`: exported schemas use the portal labels as written. */
  readonly graphName: string;
  readonly values: ScopeValueKind;
  /** Hover and completion documentation (Markdown). */
  readonly doc: string;
}

export const SCOPE_OPERATORS = [
  { label: 'EQUALS', graphName: 'EQUALS', values: 'text', doc: 'True when the attribute equals the value exactly (case-sensitive).' },
  {
    label: 'NOT EQUALS',
    graphName: 'NOT EQUALS',
    values: 'text',
    doc: 'True when the attribute does not equal the value (case-sensitive).',
  },
  { label: 'IS TRUE', graphName: 'IS TRUE', values: 'none', doc: 'True when the Boolean attribute is true. Takes no value.' },
  { label: 'IS FALSE', graphName: 'IS FALSE', values: 'none', doc: 'True when the Boolean attribute is false. Takes no value.' },
  { label: 'IS NULL', graphName: 'IS NULL', values: 'none', doc: 'True when the attribute is empty. Takes no value.' },
  { label: 'IS NOT NULL', graphName: 'IS NOT NULL', values: 'none', doc: 'True when the attribute is not empty. Takes no value.' },
  {
    label: 'REGEX MATCH',
    graphName: 'REGEX MATCH',
    values: 'regex',
    doc: 'True when the attribute matches the .NET regular expression (case-sensitive).',
  },
  {
    label: 'NOT REGEX MATCH',
    graphName: 'NOT REGEX MATCH',
    values: 'regex',
    doc: 'True when the attribute does not match the regular expression; false when the attribute is empty.',
  },
  {
    label: 'Greater_Than',
    graphName: 'Greater_Than',
    values: 'integer',
    doc: 'True when the integer attribute is greater than the integer value.',
  },
  {
    label: 'Greater_Than_OR_EQUALS',
    graphName: 'Greater_Than_OR_EQUALS',
    values: 'integer',
    doc: 'True when the integer attribute is greater than or equal to the integer value.',
  },
  {
    label: 'Includes',
    graphName: 'Includes',
    values: 'text',
    doc: 'True when the attribute contains the value (case-sensitive substring).',
  },
  { label: 'ENDS_WITH', graphName: 'ENDS_WITH', values: 'text', doc: 'True when the attribute ends with the value.' },
  {
    label: '&',
    graphName: '&',
    values: 'text',
    doc: 'Documented only as "the attribute exists in the given string"; the exact semantics are unclear.',
  },
  { label: '!&', graphName: '!&', values: 'text', doc: 'The negation of `&`.' },
] as const satisfies readonly ScopeOperatorEntry[];

export type ScopeOperatorLabel = (typeof SCOPE_OPERATORS)[number]['label'];

const operatorByLabel = new Map<string, ScopeOperatorEntry>(SCOPE_OPERATORS.map((o) => [o.label, o]));
const operatorByGraphName = new Map<string, ScopeOperatorEntry>(SCOPE_OPERATORS.map((o) => [o.graphName, o]));

/** The operator a clause's label names (inner whitespace already normalised), or undefined. */
export function scopeOperatorByLabel(label: string): ScopeOperatorEntry | undefined {
  return operatorByLabel.get(label);
}

/** The operator a Graph `operatorName` names, or undefined (then `.aadmap` writes `operator "NAME"`). */
export function scopeOperatorByGraphName(name: string): ScopeOperatorEntry | undefined {
  return operatorByGraphName.get(name);
}

/** The Graph `operatorName` of a clause's operator: a label's Graph name, a custom `operator "NAME"` as written. */
export function scopeOperatorGraphName(operator: { readonly name: string; readonly custom: boolean }): string {
  return operator.custom ? operator.name : (operatorByLabel.get(operator.name)?.graphName ?? operator.name);
}

/** The portal label, source of a regular expression: words separated by spaces and tabs. */
const labelPattern = (label: string) =>
  label
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[ \\t]+');

/**
 * The source of a regular expression matching any scoping operator label. Longer labels first, so
 * that no label is cut at a shorter one it starts with (`Greater_Than_OR_EQUALS`, `NOT REGEX MATCH`).
 */
export const SCOPE_OPERATOR_PATTERN: string = [...SCOPE_OPERATORS]
  .sort((a, b) => b.label.length - a.label.length)
  .map((o) => labelPattern(o.label))
  .join('|');

/**
 * The words that begin a scoping operator label. The lexer tries the operator before identifiers,
 * so a name that is one of these words (or starts an operator) is read as an operator.
 */
export const SCOPE_OPERATOR_FIRST_WORDS: ReadonlySet<string> = new Set(
  SCOPE_OPERATORS.map((o) => o.label.split(' ')[0]!).filter((word) => /^[A-Za-z_]/.test(word)),
);
