/**
 * Completion: what fits where the cursor is (completion-context.ts says where). Function names come
 * with snippet arguments from the catalogue's parameter specs, attributes in the schema's exact
 * case, enum arguments (DateAdd intervals, InStr compare types, cultures) first where a parameter
 * takes them, and keywords where the grammar allows them.
 */
import { completionItemData, type CompletionItemData } from './completion-item-data';
import {
  attributeIndex,
  type AttributeIndex,
  type Categories,
  type Categorize,
  type IndexEntry,
  type IndexVariant,
  inOrder,
  rankedAttributes,
} from './attribute-index';
import {
  type CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  type CompletionList,
  InsertTextFormat,
  type Position,
  type Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { TextRange } from '../../../grammar/common/text-range';
import { parameterForArgument, splitParameters, type FunctionSignature, type ParameterSpec } from '../../catalogue/index';
import {
  ATTRIBUTE_SIDES,
  ATTRIBUTE_TYPE_NAMES,
  FLOW_BEHAVIOR_NAMES as FLOW_BEHAVIORS,
  FLOW_TYPE_NAMES as FLOW_TYPES,
  OBJECT_FLOW_FLAGS,
  OBJECT_FLOW_TYPES,
  SCOPE_OPERATORS,
} from '../../../grammar/mapping/vocabulary';
import { scopeUnsupportedReason } from '../../checker/mapping/rules/scopes';
import { findAttribute, findObject, findTargetAttribute } from '../../schema/lookup';
import type { AttributeDefinition, DirectorySchema, ObjectSchema } from '../../schema/types';
import type { DocumentSnapshot } from '../snapshot';
import { functionsOf, signatureOf } from './calls';
import { ACTIVE_FROM_SOFT_DELETE, type BlockSnippet, CHATWORK_FILE } from './snippets';
import { blockObject, schemaObject } from './declared-objects';
import { declarationCompletion } from './declaration-completion';
import { completionSite, type CompletionSite, type EnclosingCall, type ModifierKeyword } from './completion-context';
import {
  CULTURE_NAMES,
  directoryExtensionMarkdown,
  flowBehaviorDoc,
  flowTypeDoc,
  functionMarkdown,
  intervalWord,
  keywordDoc,
  objectFlowTypeDoc,
  parameterMarkdown,
  scimOperatorDoc,
  sourceAttributeMarkdown,
  targetAttributeMarkdown,
  typePhrase,
  vbCompareDoc,
} from './descriptions';
import { localized, t } from '../../../grammar/common/l10n';
import { type BlockHeader, closeBraceAfter, isKeyword, statementAt } from '../../../grammar/mapping/statement-view';

/** The block settings written at most once a block (a second one is `duplicate-setting`). */
const BLOCK_SETTINGS = ['enabled', 'flowTypes'] as const;
type BlockSetting = (typeof BLOCK_SETTINGS)[number];

export interface CompletionOptions {
  /** Whether the client understands snippet syntax (`${1:name}`); plain text otherwise. */
  snippets?: boolean;
  /** The character that triggered the request, when one did. */
  triggerCharacter?: string;
  /**
   * Whether the client asks for an item's documentation when it shows the item (LSP
   * `completionItem/resolve`): schema attributes then carry `data` (CompletionItemData) instead of
   * their Markdown, which `resolveCompletion` adds. A schema of thousands of attributes would
   * otherwise cost a Markdown text per attribute on every keystroke.
   */
  resolve?: boolean;
}

/**
 * The most schema attributes one list holds. A longer list is cut to the attributes matching the
 * word typed so far and marked incomplete (LSP `isIncomplete`), so the editor asks again as the
 * user types; the built-in schemas stay under it (Azure AD's user has 45 attributes).
 */
export const ATTRIBUTE_ITEM_LIMIT = 200;

/** A completion item with the documentation `completion` deferred (unchanged when it has none to add). */
export function resolveCompletion(snapshot: DocumentSnapshot, item: CompletionItem): CompletionItem {
  const data = completionItemData(item);
  if (!data || item.documentation !== undefined) return item;
  const directory = data.side === 'target' ? snapshot.schemas.target : snapshot.schemas.source;
  const object = directory && findObject(directory, data.object);
  const found = object && (data.side === 'target' ? findTargetAttribute(object, data.attribute) : findAttribute(object, data.attribute));
  // The schema may have changed since the list was made: only the attribute of that name is documented.
  if (!directory || !object || !found || found.attribute.name !== data.attribute) return item;
  const markdown =
    data.side === 'target'
      ? targetAttributeMarkdown(found.attribute, directory)
      : sourceAttributeMarkdown(found.attribute, object.name, directory);
  return { ...item, documentation: md(markdown) };
}

/** Sites where typing a space is worth a suggestion list (elsewhere a space trigger gets none). */
const SPACE_SITES = new Set<CompletionSite['kind']>([
  'operand',
  'modifier',
  'modifierValue',
  'targetValue',
  'objectName',
  'enabledValue',
  'flowTypesValue',
  'scopeOperator',
  'scimOperator',
  'scimValue',
  'scimLogical',
]);

const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
const TRIGGER_PARAMETER_HINTS = { title: 'Parameter hints', command: 'editor.action.triggerParameterHints' };

/**
 * `indexFrom`: objects of more attributes than this are read through their sorted index
 * (attribute-index.ts); tests pass Infinity for the plain path, one candidate per attribute, which
 * the index is proven to equal.
 */
export function completion(
  snapshot: DocumentSnapshot,
  position: Position,
  options: CompletionOptions = {},
  indexFrom = ATTRIBUTE_ITEM_LIMIT,
): CompletionList | null {
  const offset = snapshot.lines.offsetAt(position);
  const declaration = declarationCompletion(snapshot, offset);
  if (declaration !== undefined) return declaration;
  const site = completionSite(snapshot, offset);
  if (site.kind === 'none') return null;
  if (options.triggerCharacter === ' ' && !SPACE_SITES.has(site.kind)) return null;
  const builder = new ItemBuilder(snapshot, site, options.snippets !== false, options.resolve === true, indexFrom);
  builder.build();
  const typed = site.replace.start <= offset ? snapshot.text.slice(site.replace.start, offset) : '';
  let isIncomplete = false;
  // Only the attribute items shown are made (a schema may have thousands).
  const ranked = builder.ranked;
  if (ranked) {
    const { index } = ranked;
    isIncomplete = index.count > ATTRIBUTE_ITEM_LIMIT;
    const kept = isIncomplete ? ranking(ranked, typed) : index.listed;
    for (const entry of kept) ranked.make(entry);
  } else {
    const chosen = chooseAttributes(builder.attributes, typed);
    isIncomplete = chosen.isIncomplete;
    for (const candidate of chosen.kept) candidate.make();
  }
  return builder.items.length ? { isIncomplete, items: builder.items } : null;
}

/** What the ranking of an index depends on besides the typed word: its categories' inputs (`dependsOn`, `version`). */
interface RankedList {
  index: AttributeIndex;
  categories: Categories;
  categorize: Categorize;
  make: (entry: IndexEntry) => void;
  /** An object whose `version` changes whenever `categorize` may answer otherwise (the block's lines), or none (it never does). */
  dependsOn?: { targetsVersion: number };
}

/** Each index's last ranking: typing a word asks for it again with the same inputs (a keystroke that maps no new target). */
const lastRanking = new WeakMap<AttributeIndex, { dependsOn?: object; version: number; word: string; kept: IndexEntry[] }>();

function ranking(ranked: RankedList, word: string): IndexEntry[] {
  const version = ranked.dependsOn?.targetsVersion ?? 0;
  const last = lastRanking.get(ranked.index);
  if (last && last.dependsOn === ranked.dependsOn && last.version === version && last.word === word) return last.kept;
  const kept = rankedAttributes(ranked.index, word, ATTRIBUTE_ITEM_LIMIT, ranked.categories, ranked.categorize);
  lastRanking.set(ranked.index, { dependsOn: ranked.dependsOn, version, word, kept });
  return kept;
}

/** The categories of a target attribute list (their sort texts' first character), in order. */
const TARGET_CATEGORIES: Categories = [
  { category: '0', over: 'required' },
  { category: '1', over: 'names' },
  { category: '2', over: 'valuePaths' },
  { category: '8', over: 'names' },
];

/** A schema attribute's item, made only when the list keeps it. */
interface AttributeCandidate {
  filterText: string;
  sortText: string;
  make(): void;
}

/**
 * At most ATTRIBUTE_ITEM_LIMIT of the schema-attribute items: those whose filter text holds the
 * typed word's characters in order (VS Code's filter is fuzzy in the same way, so it would show no
 * other), names starting with the word first, then by sort text. A cut list is incomplete: the
 * editor asks again as the word grows or shrinks.
 */
function chooseAttributes(
  candidates: readonly AttributeCandidate[],
  typed: string,
): { kept: readonly AttributeCandidate[]; isIncomplete: boolean } {
  if (candidates.length <= ATTRIBUTE_ITEM_LIMIT) return { kept: candidates, isIncomplete: false };
  const word = typed.toLowerCase();
  const ranked: { candidate: AttributeCandidate; starts: boolean }[] = [];
  for (const candidate of candidates) {
    const filter = candidate.filterText.toLowerCase();
    if (inOrder(word, filter)) ranked.push({ candidate, starts: filter.startsWith(word) });
  }
  ranked.sort((a, b) =>
    a.starts !== b.starts
      ? a.starts
        ? -1
        : 1
      : a.candidate.sortText < b.candidate.sortText
        ? -1
        : a.candidate.sortText > b.candidate.sortText
          ? 1
          : 0,
  );
  return { kept: ranked.slice(0, ATTRIBUTE_ITEM_LIMIT).map((r) => r.candidate), isIncomplete: true };
}

class ItemBuilder {
  readonly items: CompletionItem[] = [];
  /** The items of schema attributes (and their value paths), not made yet: the part of a list that grows with the schema. */
  readonly attributes: AttributeCandidate[] = [];
  /** Instead of `attributes`, for an object of many attributes: its sorted index and how an entry becomes an item. */
  ranked?: RankedList;
  private readonly range: Range;

  constructor(
    private readonly snapshot: DocumentSnapshot,
    private readonly site: Exclude<CompletionSite, { kind: 'none' }>,
    private readonly snippets: boolean,
    private readonly resolve: boolean,
    private readonly indexFrom: number,
  ) {
    this.range = this.toRange(site.replace);
  }

  build(): void {
    const site = this.site;
    switch (site.kind) {
      case 'topLevel':
        this.topLevelKeywords();
        break;
      case 'blockItem':
        this.targetAttributes(site.header, site.hasArrow, site.hasMatch);
        if (site.keywords) {
          this.blockKeywords(this.presentSettings(site.header));
          this.activeSnippet(site.header);
        }
        break;
      case 'scopeClause':
        this.sourceAttributes(site.header, { brackets: 'clause', inScope: true });
        break;
      case 'scopeOperator':
        this.scopeOperators();
        break;
      case 'sourceAttribute':
        this.sourceAttributes(site.header, { brackets: site.closeBracket ? 'close' : 'none', inScope: site.inScope });
        break;
      case 'operand':
        this.enumValues(site.call);
        this.functions(site.beforeParen, site.call);
        this.sourceAttributes(site.header, { brackets: 'both', inScope: false });
        if (site.sourceStart) this.keyword('none', 'none', keywordDoc('none')!, '3');
        break;
      case 'stringArgument':
        this.stringValues(site.call, site.closeQuote);
        break;
      case 'modifier':
        this.modifiers(site.used, site.target, site.header);
        break;
      case 'modifierValue':
        this.modifierValues(site.keyword, site.header);
        break;
      case 'targetValue':
        this.add({
          label: 'chatwork',
          kind: CompletionItemKind.Module,
          detail: t('built-in target schema'),
          documentation: md(keywordDoc('target')!),
        });
        this.snippet(
          '"schema.json"',
          '"${1:schema.json}"',
          '"schema.json"',
          CompletionItemKind.File,
          t('a Graph synchronizationSchema file, relative to this file'),
        );
        break;
      case 'objectName':
        this.objectNames(site.side);
        break;
      case 'enabledValue':
        for (const value of ['true', 'false']) this.keyword(value, value, keywordDoc('enabled')!);
        break;
      case 'flowTypesValue': {
        // Each value once; `None` (not a combinable flag) only alone: not after a value, nothing after it.
        const combinable = (value: string) => OBJECT_FLOW_FLAGS.includes(value);
        if (site.used.some((value) => !combinable(value) && OBJECT_FLOW_TYPES.some((type) => type.name === value))) break;
        for (const { name: value } of OBJECT_FLOW_TYPES) {
          if (site.used.includes(value) || (!combinable(value) && site.used.length > 0)) continue;
          this.add({ label: value, kind: CompletionItemKind.EnumMember, documentation: md(objectFlowTypeDoc(value)!) });
        }
        break;
      }
      case 'scimAttribute':
        this.scimAttributes(site.inBrackets);
        break;
      case 'scimOperator':
        this.scimOperators(site.attribute);
        break;
      case 'scimValue':
        this.scimValues(site.attribute);
        break;
      case 'scimLogical':
        for (const word of ['and', 'or']) this.keyword(word, word, scimOperatorDoc(word)!);
        break;
    }
  }

  // ───────────────────────────── helpers

  private toRange(range: TextRange): Range {
    return { start: this.snapshot.lines.positionAt(range.start), end: this.snapshot.lines.positionAt(range.end) };
  }

  private add(item: CompletionItem & { insert?: string; snippet?: boolean }): CompletionItem {
    const { insert, snippet, ...rest } = item;
    const text = insert ?? item.label;
    rest.textEdit = TextEdit.replace(this.range, snippet && !this.snippets ? stripSnippet(text) : text);
    if (snippet && this.snippets) rest.insertTextFormat = InsertTextFormat.Snippet;
    this.items.push(rest);
    return rest;
  }

  /**
   * A schema attribute's item, made if the list keeps it: its documentation then, or (for a client
   * that resolves items) `data` naming the attribute when the schema's own object has it; a block's
   * declared attribute keeps its documentation inline, as resolving it would need the block.
   */
  private addAttribute(
    filterText: string,
    sortText: string,
    item: () => CompletionItem & { insert?: string },
    attribute: AttributeDefinition,
    schema: SchemaAttributes | undefined,
    documentation: () => string,
  ): void {
    const make = () => this.makeAttribute(filterText, sortText, item(), attribute, schema, documentation);
    this.attributes.push({ filterText, sortText, make });
  }

  private makeAttribute(
    filterText: string,
    sortText: string,
    made: CompletionItem & { insert?: string },
    attribute: AttributeDefinition,
    schema: SchemaAttributes | undefined,
    documentation: () => string,
  ): void {
    if (this.resolve && schema?.has(attribute))
      made.data = {
        uri: this.snapshot.uri,
        side: schema.side,
        object: schema.object,
        attribute: attribute.name,
      } satisfies CompletionItemData;
    else made.documentation = md(documentation());
    this.add({ ...made, filterText, sortText });
  }

  /**
   * The sorted index of `object`'s candidates, when the list is read through it: the schema's own
   * object (a block's declarations make another object per request) of more than `indexFrom` attributes.
   */
  private indexOf(
    object: ObjectSchema,
    schema: SchemaAttributes | undefined,
    variant: IndexVariant,
    offered: (attribute: AttributeDefinition) => boolean,
    withValuePaths: boolean,
  ): AttributeIndex | undefined {
    if (object.attributes.length <= this.indexFrom || !schema?.own) return undefined;
    return attributeIndex(object, variant, offered, withValuePaths);
  }

  /** Which attributes of `object` (a block's object, declarations added) are the schema's own. */
  private schemaAttributes(side: 'source' | 'target', header: BlockHeader | undefined, object: ObjectSchema): SchemaAttributes | undefined {
    const base = schemaObject(this.snapshot, header, side);
    if (!base) return undefined;
    if (base === object) return { side, object: base.name, own: true, has: () => true };
    const own = new Set(base.attributes);
    return { side, object: base.name, own: false, has: (attribute) => own.has(attribute) };
  }

  /**
   * The attributes of a list where all sort in one category (`category`, then the name): through
   * the object's index when it has one, else one candidate each.
   */
  private oneCategory(
    object: ObjectSchema,
    schema: SchemaAttributes | undefined,
    variant: IndexVariant,
    category: '1' | '4',
    offered: (attribute: AttributeDefinition) => boolean,
    item: (attribute: AttributeDefinition) => CompletionItem & { insert?: string },
    documentation: (attribute: AttributeDefinition) => () => string,
  ): void {
    const index = this.indexOf(object, schema, variant, offered, false);
    if (index) {
      this.ranked = {
        index,
        categories: [{ category, over: 'names' }],
        categorize: () => category,
        make: ({ attribute }) =>
          this.makeAttribute(attribute.name, `${category}${attribute.name}`, item(attribute), attribute, schema, documentation(attribute)),
      };
      return;
    }
    for (const attribute of object.attributes) {
      if (offered(attribute))
        this.addAttribute(
          attribute.name,
          `${category}${attribute.name}`,
          () => item(attribute),
          attribute,
          schema,
          documentation(attribute),
        );
    }
  }

  private keyword(label: string, insert: string, doc: string, sort = '5'): void {
    this.add({ label, kind: CompletionItemKind.Keyword, insert, documentation: md(doc), sortText: `${sort}${label}` });
  }

  private snippet(
    label: string,
    body: string,
    filterText: string,
    kind: CompletionItemKind,
    detail: string,
    doc?: string,
    sort = '5',
  ): void {
    this.add({
      label,
      kind,
      insert: body,
      snippet: true,
      filterText,
      detail,
      documentation: doc ? md(doc) : undefined,
      sortText: `${sort}${label}`,
    });
  }

  private get target(): DirectorySchema | undefined {
    return this.snapshot.schemas.target;
  }

  private targetObject(header: BlockHeader | undefined): ObjectSchema | undefined {
    return blockObject(this.snapshot, header, 'target');
  }

  private sourceObject(header: BlockHeader | undefined): ObjectSchema | undefined {
    return blockObject(this.snapshot, header, 'source');
  }

  // ───────────────────────────── keywords

  private topLevelKeywords(): void {
    // A file has one target statement: offer it only when no other line has one.
    const cursorLine = this.range.start.line;
    const lines = this.snapshot.lines;
    // A whole new file only where the file is empty (blank and comment lines aside).
    const otherLines = this.snapshot.text.split(/\r?\n/).filter((_, line) => line !== cursorLine);
    if (otherLines.every((line) => /^\s*(#.*)?$/.test(line))) this.blockSnippet(CHATWORK_FILE, CompletionItemKind.Snippet, '7');
    const hasTarget = [...this.snapshot.text.matchAll(/^[ \t]*target\b/gm)].some((m) => lines.positionAt(m.index).line !== cursorLine);
    if (!hasTarget)
      this.snippet('target', 'target ${1|chatwork|}', 'target', CompletionItemKind.Keyword, t('target schema'), keywordDoc('target')!);
    // A file has one deploy statement too.
    const hasDeploy = [...this.snapshot.text.matchAll(/^[ \t]*deploy\b/gm)].some((m) => lines.positionAt(m.index).line !== cursorLine);
    if (!hasDeploy)
      this.snippet(
        'deploy',
        'deploy tenant "${1:contoso.onmicrosoft.com}" servicePrincipal "${2:object id}" job "${3:job id}"',
        'deploy',
        CompletionItemKind.Keyword,
        t('where aadmap deploy pushes this file'),
        keywordDoc('deploy')!,
      );
    this.snippet(
      'mapping',
      'mapping "${1:Synchronize Azure Active Directory Users to Chatwork}" ${2:User} -> ${3:User} {\n\tuserName <- [userPrincipalName]  match 1\n\t$0\n}',
      'mapping',
      CompletionItemKind.Snippet,
      t('object mapping block'),
      keywordDoc('mapping')!,
    );
  }

  /**
   * The settings a block has at most once (`enabled`, `flowTypes`) that it has on a line other than
   * the cursor's: the keyword's places in the block's text, each confirmed by its statement's tokens.
   */
  private presentSettings(header: BlockHeader): Set<BlockSetting> {
    const { text, lines } = this.snapshot;
    const end = this.snapshot.blockLines(header.openBrace).end;
    const cursorLine = this.range.start.line;
    const present = new Set<BlockSetting>();
    for (const keyword of BLOCK_SETTINGS) {
      for (let at = text.indexOf(keyword, header.openBrace); at !== -1 && at < end; at = text.indexOf(keyword, at + keyword.length)) {
        if (lines.positionAt(at).line === cursorLine) continue;
        const statement = statementAt(this.snapshot, at);
        const first = statement.tokens[0];
        const container = statement.container;
        if (
          first?.startOffset === at &&
          isKeyword(first, keyword) &&
          container.kind === 'mapping' &&
          container.header.openBrace === header.openBrace
        ) {
          present.add(keyword);
          break;
        }
      }
    }
    return present;
  }

  private blockKeywords(present: ReadonlySet<BlockSetting>): void {
    this.snippet(
      'scope',
      `scope "\${1:name}" {\n\t[\${2:department}] \${3|${SCOPE_OPERATORS.map((o) => o.label).join(',')}|} \${4:"value"}\n}`,
      'scope',
      CompletionItemKind.Keyword,
      t('scoping filter group'),
      keywordDoc('scope')!,
      '6',
    );
    if (!present.has('enabled'))
      this.snippet(
        'enabled',
        'enabled ${1|false,true|}',
        'enabled',
        CompletionItemKind.Keyword,
        t('enable or disable the object mapping'),
        keywordDoc('enabled')!,
        '6',
      );
    this.snippet(
      'attribute',
      `attribute \${1|${ATTRIBUTE_SIDES.join(',')}|} "\${2:name}" \${3|${ATTRIBUTE_TYPE_NAMES.join(',')}|}`,
      'attribute',
      CompletionItemKind.Keyword,
      t('declare an attribute the schema lacks'),
      keywordDoc('attribute')!,
      '6',
    );
    if (!present.has('flowTypes'))
      this.snippet(
        'flowTypes',
        'flowTypes ${1:Add, Update, Delete}',
        'flowTypes',
        CompletionItemKind.Keyword,
        t('operations of the object mapping'),
        keywordDoc('flowTypes')!,
        '6',
      );
  }

  /** Chatwork's `active` from IsSoftDeleted, where the block's target has `active` and it is not mapped yet. */
  private activeSnippet(header: BlockHeader): void {
    const hasActive = this.targetObject(header)?.attributes.some((a) => a.name === 'active');
    const hasSoftDelete = this.sourceObject(header)?.attributes.some((a) => a.name === 'IsSoftDeleted');
    if (hasActive && hasSoftDelete && !this.snapshot.blockLines(header.openBrace).targets.has('active'))
      this.blockSnippet(ACTIVE_FROM_SOFT_DELETE, CompletionItemKind.Snippet, '3');
  }

  private blockSnippet(snippet: BlockSnippet, kind: CompletionItemKind, sort: string): void {
    this.snippet(snippet.label, snippet.body, snippet.filterText, kind, localized(snippet.detail), undefined, sort);
  }

  private modifiers(used: Set<ModifierKeyword>, target: string | undefined, header: BlockHeader | undefined): void {
    const attribute = target ? this.targetAttribute(header, target) : undefined;
    const filterability = this.target?.filterabilityKnown ? attribute?.filterable : undefined;
    if (!used.has('match') && filterability !== false) {
      this.snippet(
        'match',
        `match \${1:${this.freeMatchingPriority(header)}}`,
        'match',
        CompletionItemKind.Keyword,
        t('matching attribute'),
        keywordDoc('match')!,
        '1',
      );
    }
    if (!used.has('default'))
      this.snippet('default', 'default "${1}"', 'default', CompletionItemKind.Keyword, t('default value'), keywordDoc('default')!, '2');
    if (!used.has('onCreate') && !used.has('flowType')) this.keyword('on create', 'on create', keywordDoc('on')!, '3');
    if (!used.has('flowType') && !used.has('onCreate')) {
      this.snippet(
        'flowType',
        `flowType \${1|${FLOW_TYPES.join(',')}|}`,
        'flowType',
        CompletionItemKind.Keyword,
        t('when the mapping applies'),
        keywordDoc('flowType')!,
        '4',
      );
    }
    if (!used.has('flowBehavior')) {
      this.snippet(
        'flowBehavior',
        `flowBehavior \${1|${FLOW_BEHAVIORS.join(',')}|}`,
        'flowBehavior',
        CompletionItemKind.Keyword,
        t('when the value is exported'),
        keywordDoc('flowBehavior')!,
        '4',
      );
    }
    if (!used.has('exportMissingReferences'))
      this.keyword('exportMissingReferences', 'exportMissingReferences', keywordDoc('exportMissingReferences')!, '4');
  }

  private modifierValues(keyword: 'onCreate' | 'flowType' | 'flowBehavior' | 'match', header: BlockHeader | undefined): void {
    switch (keyword) {
      case 'onCreate':
        this.keyword('create', 'create', keywordDoc('create')!);
        break;
      case 'flowType':
        FLOW_TYPES.forEach((value, i) =>
          this.add({ label: value, kind: CompletionItemKind.EnumMember, documentation: md(flowTypeDoc(value)!), sortText: `${i}` }),
        );
        break;
      case 'flowBehavior':
        FLOW_BEHAVIORS.forEach((value, i) =>
          this.add({ label: value, kind: CompletionItemKind.EnumMember, documentation: md(flowBehaviorDoc(value)!), sortText: `${i}` }),
        );
        break;
      case 'match': {
        const free = this.freeMatchingPriority(header);
        this.add({
          label: String(free),
          kind: CompletionItemKind.Value,
          detail: t('the lowest matching precedence not used in this block'),
          documentation: md(keywordDoc('match')!),
        });
        break;
      }
    }
  }

  /** The lowest `match N` not used in the block (read from the block's text). */
  private freeMatchingPriority(header: BlockHeader | undefined): number {
    if (!header) return 1;
    const text = this.snapshot.text;
    const end = closeBraceAfter(this.snapshot, header.openBrace);
    const used = new Set<number>();
    for (const m of text.slice(header.openBrace, end).matchAll(/\bmatch[ \t]+(\d+)/g)) used.add(Number(m[1]));
    let free = 1;
    while (used.has(free)) free++;
    return free;
  }

  private scopeOperators(): void {
    SCOPE_OPERATORS.forEach(({ label, doc, values }, i) => {
      const unary = values === 'none';
      this.add({
        label,
        kind: CompletionItemKind.Operator,
        insert: unary ? label : `${label} `,
        documentation: md(localized(doc)),
        sortText: String(i).padStart(2, '0'),
        filterText: label,
      });
    });
    this.snippet(
      'operator "…"',
      'operator "${1:NAME}" ',
      'operator',
      CompletionItemKind.Keyword,
      t('a Graph operatorName, sent as written'),
      keywordDoc('operator')!,
      '99',
    );
  }

  private objectNames(side: 'source' | 'target'): void {
    const directory = side === 'source' ? this.snapshot.schemas.source : this.target;
    if (!directory) return;
    for (const object of directory.objects) {
      const names = object.aliases.length ? object.aliases : [object.name];
      for (const name of names) {
        const label = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
        this.add({
          label,
          kind: CompletionItemKind.Class,
          detail: object.name !== name ? t('{0} object ({1})', directory.displayName, object.name) : t('{0} object', directory.displayName),
          documentation: md(t('{0} attributes', object.attributes.length)),
          insert: side === 'source' ? `${label} -> ` : `${label} {`,
          command: side === 'source' ? TRIGGER_SUGGEST : undefined,
        });
      }
    }
  }

  // ───────────────────────────── attributes

  private targetAttribute(header: BlockHeader | undefined, name: string): AttributeDefinition | undefined {
    const object = this.targetObject(header);
    return object ? findTargetAttribute(object, name)?.attribute : undefined;
  }

  private targetAttributes(header: BlockHeader, hasArrow: boolean, hasMatch: boolean): void {
    const directory = this.target;
    const object = this.targetObject(header);
    if (!directory || !object) return;
    // Target paths already written in the block (lower-cased): sorted last.
    const lines = this.snapshot.blockLines(header.openBrace);
    const mapped = lines.targets;
    const onlyFilterable = hasMatch && directory.filterabilityKnown;
    const suffix = hasArrow ? '' : ' <- ';
    const schema = this.schemaAttributes('target', header, object);
    const makeAttribute = (attribute: AttributeDefinition, sortText: string, already: boolean) =>
      this.makeAttribute(
        attribute.name,
        sortText,
        {
          label: attribute.name,
          kind: CompletionItemKind.Field,
          detail: `${typePhrase(attribute)}${attribute.required ? t(', required') : ''}${attribute.filterable ? t(', filterable') : ''}${already ? t(' — already mapped') : ''}`,
          insert: `${attribute.name}${suffix}`,
          command: hasArrow ? undefined : TRIGGER_SUGGEST,
        },
        attribute,
        schema,
        () => targetAttributeMarkdown(attribute, directory),
      );
    // A multi-valued attribute is written through a value path: `emails[type eq "work"].value`.
    const makeValuePath = (attribute: AttributeDefinition, sortText: string) =>
      void this.add({
        label: `${attribute.name}[type eq "…"].value`,
        kind: CompletionItemKind.Field,
        detail: t('value path of the multi-valued {0}', attribute.name),
        documentation: md(t('Writes the `value` of the {0} entry whose `type` matches (e.g. `"work"`).', attribute.name)),
        insert: `${attribute.name}[type eq "\${1|work,home,other|}"].\${2:value}${suffix}`,
        snippet: true,
        sortText,
        filterText: attribute.name,
      });
    const category = (attribute: AttributeDefinition, already: boolean) => (attribute.required && !already ? '0' : already ? '8' : '1');
    const offered = (attribute: AttributeDefinition) => !onlyFilterable || attribute.filterable === true;
    const index = this.indexOf(object, schema, onlyFilterable ? 'filterable target' : 'target', offered, true);
    if (index) {
      this.ranked = {
        index,
        categories: TARGET_CATEGORIES,
        dependsOn: lines,
        categorize: (entry) => (entry.valuePath ? '2' : category(entry.attribute, mapped.has(entry.lower))),
        make: (entry) => {
          const sortText = (already: boolean) => `${entry.valuePath ? '2' : category(entry.attribute, already)}${entry.name}`;
          if (entry.valuePath) makeValuePath(entry.attribute, sortText(false));
          else {
            const already = mapped.has(entry.lower);
            makeAttribute(entry.attribute, sortText(already), already);
          }
        },
      };
      return;
    }
    for (const attribute of object.attributes) {
      if (!offered(attribute)) continue;
      const already = mapped.has(attribute.name.toLowerCase());
      const sortText = `${category(attribute, already)}${attribute.name}`;
      this.attributes.push({ filterText: attribute.name, sortText, make: () => makeAttribute(attribute, sortText, already) });
      if (attribute.multivalued && !attribute.name.includes('[')) {
        const pathSort = `2${attribute.name}`;
        this.attributes.push({ filterText: attribute.name, sortText: pathSort, make: () => makeValuePath(attribute, pathSort) });
      }
    }
  }

  private sourceAttributes(
    header: BlockHeader | undefined,
    options: { brackets: 'none' | 'close' | 'both' | 'clause'; inScope: boolean },
  ): void {
    const directory = this.snapshot.schemas.source;
    const object = this.sourceObject(header);
    const wrap = (name: string) =>
      options.brackets === 'both'
        ? `[${name}]`
        : options.brackets === 'close'
          ? `${name}]`
          : options.brackets === 'clause'
            ? `[${name}] `
            : name;
    const label = (name: string) => (options.brackets === 'both' || options.brackets === 'clause' ? `[${name}]` : name);
    const schema = object && this.schemaAttributes('source', header, object);
    const item = (attribute: AttributeDefinition) => ({
      label: label(attribute.name),
      kind: CompletionItemKind.Field,
      detail: typePhrase(attribute),
      insert: wrap(attribute.name),
      command: options.brackets === 'clause' ? TRIGGER_SUGGEST : undefined,
    });
    const documentation = (attribute: AttributeDefinition) => () => sourceAttributeMarkdown(attribute, object!.name, directory);
    const offered = (attribute: AttributeDefinition) => !options.inScope || !scopeUnsupportedReason(attribute);
    if (object) this.oneCategory(object, schema, options.inScope ? 'scope source' : 'source', '4', offered, item, documentation);
    for (const name of this.snapshot.extensionAttributes) {
      this.add({
        label: label(name),
        kind: CompletionItemKind.Field,
        detail: t('directory extension (used in this file)'),
        documentation: md(directoryExtensionMarkdown()),
        insert: wrap(name),
        filterText: name,
        sortText: `4${name}`,
      });
    }
  }

  // ───────────────────────────── functions and arguments

  private parameterOf(call: EnclosingCall | undefined): ParameterSpec | undefined {
    const sig = call && signatureOf(call.name, functionsOf(this.snapshot));
    return sig && call ? parameterForArgument(sig, call.argIndex) : undefined;
  }

  private functions(beforeParen: boolean, call: EnclosingCall | undefined): void {
    const parameter = this.parameterOf(call);
    // Where a parameter takes one of a closed set of bare names, functions are not what is wanted first.
    const rank = parameter?.allowed ? '7' : '2';
    // The job's function list too (docs/real-schemas.md): what the checker accepts, completion offers.
    for (const sig of functionsOf(this.snapshot).signatures()) {
      const legacy = sig.status === 'legacy';
      const item: CompletionItem & { insert?: string; snippet?: boolean } = {
        label: sig.name,
        kind: CompletionItemKind.Function,
        detail: localized(sig.summary),
        documentation: md(functionMarkdown(sig, { details: false })),
        sortText: `${legacy ? '9' : rank}${sig.name}`,
      };
      if (legacy) item.tags = [CompletionItemTag.Deprecated];
      if (!beforeParen) {
        item.insert = this.snippets ? functionSnippet(sig) : sig.parameters.length ? `${sig.name}(` : `${sig.name}()`;
        item.snippet = this.snippets;
        if (sig.parameters.length) item.command = TRIGGER_PARAMETER_HINTS;
      }
      this.add(item);
    }
  }

  /** Bare-name and string values a parameter accepts, offered first. */
  private enumValues(call: EnclosingCall | undefined): void {
    const parameter = this.parameterOf(call);
    if (!parameter) return;
    const values = allowedValues(parameter);
    values.forEach(({ value, doc }, i) => {
      const text = parameter.allowed?.form === 'identifier' ? value : JSON.stringify(value);
      this.add({
        label: text,
        kind: CompletionItemKind.EnumMember,
        documentation: md(doc),
        sortText: `0${String(i).padStart(2, '0')}`,
        preselect: i === 0,
        filterText: text,
      });
    });
  }

  /** Inside a string argument: the accepted values without quotes. */
  private stringValues(call: EnclosingCall, closeQuote: boolean): void {
    const parameter = this.parameterOf(call);
    if (!parameter || parameter.allowed?.form === 'identifier') return;
    allowedValues(parameter).forEach(({ value, doc }, i) => {
      this.add({
        label: value,
        kind: CompletionItemKind.EnumMember,
        documentation: md(doc),
        sortText: String(i).padStart(2, '0'),
        insert: closeQuote ? `${value}"` : value,
      });
    });
  }

  // ───────────────────────────── .scimfilter

  private scimUserObject(): { directory: DirectorySchema; object: ObjectSchema } | undefined {
    const directory = this.target;
    const object = directory && findObject(directory, 'User');
    return directory && object ? { directory, object } : undefined;
  }

  private scimAttributes(inBrackets: boolean): void {
    const found = this.scimUserObject();
    if (!inBrackets) {
      this.snippet('not (…)', 'not (${1})', 'not', CompletionItemKind.Keyword, t('negates a filter'), scimOperatorDoc('not')!, '9');
    }
    if (!found || inBrackets) return;
    const { directory, object } = found;
    const schema: SchemaAttributes = { side: 'target', object: object.name, own: true, has: () => true };
    const item = (attribute: AttributeDefinition) => ({
      label: attribute.name,
      kind: CompletionItemKind.Field,
      detail: typePhrase(attribute),
      insert: `${attribute.name} `,
      command: TRIGGER_SUGGEST,
    });
    const documentation = (attribute: AttributeDefinition) => () => targetAttributeMarkdown(attribute, directory);
    // The target answers only filters on attributes it can filter on.
    const offered = (attribute: AttributeDefinition) => !directory.filterabilityKnown || attribute.filterable === true;
    this.oneCategory(object, schema, 'scim', '1', offered, item, documentation);
  }

  private scimOperators(attributeName: string): void {
    const found = this.scimUserObject();
    const attribute = found && findTargetAttribute(found.object, attributeName)?.attribute;
    const ordering = attribute?.type !== 'Boolean' && attribute?.type !== 'Binary';
    const operators = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr'].filter(
      (op) => ordering || op === 'eq' || op === 'ne' || op === 'pr',
    );
    operators.forEach((op, i) => {
      this.add({
        label: op,
        kind: CompletionItemKind.Operator,
        documentation: md(scimOperatorDoc(op)!),
        insert: op === 'pr' ? op : `${op} `,
        sortText: String(i).padStart(2, '0'),
        command: op === 'pr' ? undefined : TRIGGER_SUGGEST,
      });
    });
  }

  private scimValues(attributeName: string): void {
    const found = this.scimUserObject();
    const attribute = found && findTargetAttribute(found.object, attributeName)?.attribute;
    if (attribute?.type === 'Boolean') {
      for (const value of ['true', 'false'])
        this.add({ label: value, kind: CompletionItemKind.Value, detail: t('JSON literal (lower case)') });
      return;
    }
    this.snippet('"…"', '"${1}"', '"', CompletionItemKind.Value, t('a JSON string'));
  }
}

interface SchemaAttributes {
  side: 'source' | 'target';
  object: string;
  /** Whether the list's object is the schema's own (no attribute declared by the block). */
  own: boolean;
  has(attribute: AttributeDefinition): boolean;
}

function md(value: string) {
  return { kind: 'markdown' as const, value };
}

/** `${1:name}` → `name`, `${1|a,b|}` → `a`, `$0` → nothing: the plain text of a snippet. */
export function stripSnippet(text: string): string {
  return text
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * `Join(${1:separator}, ${2:source})`: the positions up to the last required parameter (optional
 * ones in between as empty stops, since their position must still be written) and one repetition
 * of a repeating group (or as many as it needs at least).
 */
function functionSnippet(sig: FunctionSignature): string {
  const { fixed, group } = splitParameters(sig);
  let last = -1;
  fixed.forEach((p, i) => {
    if (!p.optional) last = i;
  });
  const positions: ParameterSpec[] = fixed.slice(0, group.length > 0 && sig.minRepeats > 0 ? fixed.length : last + 1);
  if (group.length > 0) for (let r = 0; r < Math.max(sig.minRepeats, 1); r++) positions.push(...group);
  // A function whose parameters are all optional gets its first one.
  if (positions.length === 0 && sig.parameters.length > 0) positions.push(sig.parameters[0]!);
  const stops = positions.map((p, i) => (p.optional && !p.repeating ? `\${${i + 1}}` : `\${${i + 1}:${escapeSnippet(p.name)}}`));
  return `${sig.name}(${stops.join(', ')})`;
}

function allowedValues(parameter: ParameterSpec): { value: string; doc: string }[] {
  if (parameter.allowed) {
    return parameter.allowed.values.map((value) => ({
      value,
      doc: vbCompareDoc(value) ?? (intervalWord(value) ? `\`"${value}"\`: ${intervalWord(value)}` : parameterMarkdown(parameter)),
    }));
  }
  if (parameter.name === 'culture')
    return CULTURE_NAMES.map((value) => ({ value, doc: t('Culture `{0}` (.NET / RFC 4646 name).', value) }));
  return [];
}
