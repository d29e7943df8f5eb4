/**
 * The what-if: what a PUT of `after` changes compared with `before`, per object mapping — mappings
 * added, changed and removed (compared as `.aadmap` lines), and object-level changes (name, enabled,
 * flowTypes, scoping filters). Object mappings are paired by position (export keeps positions and
 * appends new ones); attribute mappings by target attribute, k-th to k-th. Attribute definitions
 * added, changed or removed in the directories (declarations, docs/custom-attributes.md) are listed
 * too, and shown as declaration lines in the side-by-side texts.
 */
import { t } from '../../grammar/common/l10n';
import { attributeChanges, type AttributeChange } from './declarations';
import { alignmentWidth, blockLines, type ObjectMappingView, type SchemaView, viewSchema, viewText } from './mapping-view';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface MappingChange {
  kind: ChangeKind;
  target: string;
  /** The `.aadmap` line before / after (absent for added / removed). */
  before?: string;
  after?: string;
}

export interface ObjectMappingDiff {
  name: string;
  objects: string;
  status: ChangeKind | 'unchanged';
  /** Object-level lines that changed: the header (name, objects), settings, scoping filters. */
  settingChanges: { before: string[]; after: string[] };
  mappings: MappingChange[];
}

export interface SchemaDiff {
  objectMappings: ObjectMappingDiff[];
  /**
   * Attribute mappings added, changed, removed; mapping blocks added or removed; kept blocks whose
   * header, settings or scopes changed (`objectSettings`).
   */
  counts: { added: number; changed: number; removed: number; objectSettings: number; blocksAdded: number; blocksRemoved: number };
  /** attributeDefinitions added, changed or removed in the schema's directories. */
  attributes: AttributeChange[];
  /** The sum of the counts and of the attribute definition changes (describeCounts says them). */
  total: number;
  /**
   * The `.aadmap` views of both schemas (for a side-by-side diff). A deploy's plan replaces them with
   * the file's own text and the job's mappings in its layout (side-by-side.ts).
   */
  beforeText: string;
  afterText: string;
}

function headerAndSettings(view: ObjectMappingView | undefined): string[] {
  if (!view) return [];
  return blockLines({ ...view, mappings: [] }).slice(0, -1);
}

function pairMappings(before: ObjectMappingView | undefined, after: ObjectMappingView | undefined): MappingChange[] {
  const old = before?.mappings ?? [];
  const now = after?.mappings ?? [];
  const claimed = new Set<number>();
  const changes: MappingChange[] = [];
  for (const mapping of now) {
    const index = old.findIndex((m, i) => !claimed.has(i) && m.target === mapping.target);
    if (index < 0) {
      changes.push({ kind: 'added', target: mapping.target, after: mapping.line });
      continue;
    }
    claimed.add(index);
    if (old[index]!.line !== mapping.line)
      changes.push({ kind: 'changed', target: mapping.target, before: old[index]!.line, after: mapping.line });
  }
  old.forEach((mapping, i) => {
    if (!claimed.has(i)) changes.push({ kind: 'removed', target: mapping.target, before: mapping.line });
  });
  return changes;
}

export function diffSchemas(before: unknown, after: unknown): SchemaDiff {
  const beforeView = viewSchema(before);
  const afterView = viewSchema(after);
  const key = (v: ObjectMappingView) => `${v.ruleIndex}/${v.index}`;
  const oldByKey = new Map(beforeView.rules.flatMap((r) => r.objectMappings).map((v) => [key(v), v]));
  const newByKey = new Map(afterView.rules.flatMap((r) => r.objectMappings).map((v) => [key(v), v]));
  const keys = [...new Set([...newByKey.keys(), ...oldByKey.keys()])].sort((a, b) => {
    const [ra, ia] = a.split('/').map(Number);
    const [rb, ib] = b.split('/').map(Number);
    return ra! - rb! || ia! - ib!;
  });
  const objectMappings: ObjectMappingDiff[] = [];
  const counts: SchemaDiff['counts'] = { added: 0, changed: 0, removed: 0, objectSettings: 0, blocksAdded: 0, blocksRemoved: 0 };
  for (const k of keys) {
    const old = oldByKey.get(k);
    const now = newByKey.get(k);
    const shown = (now ?? old)!;
    const settingsBefore = headerAndSettings(old);
    const settingsAfter = headerAndSettings(now);
    const settingsChanged = settingsBefore.join('\n') !== settingsAfter.join('\n');
    const mappings = pairMappings(old, now);
    for (const change of mappings) counts[change.kind]++;
    const status: ObjectMappingDiff['status'] = !old
      ? 'added'
      : !now
        ? 'removed'
        : settingsChanged || mappings.length
          ? 'changed'
          : 'unchanged';
    if (status === 'added') counts.blocksAdded++;
    else if (status === 'removed') counts.blocksRemoved++;
    else if (settingsChanged) counts.objectSettings++;
    objectMappings.push({
      name: shown.name,
      objects: `${shown.sourceObjectName} -> ${shown.targetObjectName}`,
      status,
      settingChanges: settingsChanged ? { before: settingsBefore, after: settingsAfter } : { before: [], after: [] },
      mappings,
    });
  }
  // Both sides of a block align their `<-` to the same column, so a longer target added to a block
  // does not mark its other lines as changed in a side-by-side diff.
  const widths = new Map(
    keys.map((k) => [k, alignmentWidth([...(oldByKey.get(k)?.mappings ?? []), ...(newByKey.get(k)?.mappings ?? [])])]),
  );
  const widthOf = (v: ObjectMappingView) => widths.get(key(v))!;
  const attributes = attributeChanges(before, after);
  showDeclarations(beforeView, attributes, 'before');
  showDeclarations(afterView, attributes, 'after');
  return {
    objectMappings,
    counts,
    attributes,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0) + attributes.length,
    beforeText: viewText(beforeView, widthOf),
    afterText: viewText(afterView, widthOf),
  };
}

/** Each changed attribute's declaration in the first block whose objects hold it (the side-by-side diff shows it there). */
function showDeclarations(view: SchemaView, changes: readonly AttributeChange[], side: 'before' | 'after'): void {
  for (const change of changes) {
    const line = change[side];
    if (line === undefined) continue;
    const rule = view.rules.find((r) =>
      change.side === 'target' ? r.targetDirectoryName === change.directory : r.sourceDirectoryName === change.directory,
    );
    const block = rule?.objectMappings.find(
      (om) => (change.side === 'target' ? om.targetObjectName : om.sourceObjectName) === change.object,
    );
    if (block) (block.declarations ??= []).push(line);
  }
}

/** One line operation of a small line diff. */
type LineOp = { op: '=' | '-' | '+'; line: string };

/** A longest-common-subsequence line diff (the header and scope lines of one block: a few lines). */
function lineDiff(before: readonly string[], after: readonly string[]): LineOp[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ op: '=', line: before[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ op: '-', line: before[i++]! });
    else ops.push({ op: '+', line: after[j++]! });
  }
  return ops;
}

/**
 * The changed lines of a block's header, settings and scopes, in block order. A scope whose clauses
 * changed is named by an unmarked line, so each clause reads under its scope.
 */
function sectionLines(om: ObjectMappingDiff): string[] {
  const { before, after } = om.settingChanges;
  // An added or removed block is named by its title; its header line would say it again.
  const ops = lineDiff(om.status === 'changed' ? before : before.slice(1), om.status === 'changed' ? after : after.slice(1));
  const out: string[] = [];
  let openScope: string | undefined;
  let scopeNamed = false;
  for (const { op, line } of ops) {
    const body = line.startsWith('  ') ? line.slice(2) : line; // without the block's own indentation
    if (op === '=') {
      if (/^scope\b/.test(body)) [openScope, scopeNamed] = [body, false];
      else if (body === '}') openScope = undefined;
      continue;
    }
    if (openScope !== undefined && !scopeNamed && /^\s/.test(body)) {
      out.push(`    ${openScope}`);
      scopeNamed = true;
    }
    out.push(`  ${op} ${body}`);
  }
  return out;
}

/**
 * The one sentence of totals (`1 mapping added, 2 mappings changed, 1 block's header, settings or
 * scope changed`): its numbers add up to `total`. Empty when nothing changes.
 */
export function describeCounts(counts: SchemaDiff['counts'], attributes: readonly AttributeChange[] = []): string {
  // Whole phrases, one a number and kind (singular and plural apart), so each language words them its way.
  const parts: string[] = [];
  const { blocksAdded, blocksRemoved, added, changed, removed, objectSettings } = counts;
  if (blocksAdded) parts.push(blocksAdded === 1 ? t('{0} mapping block added', 1) : t('{0} mapping blocks added', blocksAdded));
  if (blocksRemoved) parts.push(blocksRemoved === 1 ? t('{0} mapping block removed', 1) : t('{0} mapping blocks removed', blocksRemoved));
  if (added) parts.push(added === 1 ? t('{0} mapping added', 1) : t('{0} mappings added', added));
  if (changed) parts.push(changed === 1 ? t('{0} mapping changed', 1) : t('{0} mappings changed', changed));
  if (removed) parts.push(removed === 1 ? t('{0} mapping removed', 1) : t('{0} mappings removed', removed));
  if (objectSettings)
    parts.push(
      objectSettings === 1
        ? t("{0} mapping block's header, settings or scope changed", 1)
        : t("{0} mapping blocks' header, settings or scope changed", objectSettings),
    );
  const definitions = (kind: ChangeKind) => attributes.filter((a) => a.kind === kind).length;
  const definitionsAdded = definitions('added');
  const definitionsChanged = definitions('changed');
  const definitionsRemoved = definitions('removed');
  if (definitionsAdded)
    parts.push(definitionsAdded === 1 ? t('{0} attribute definition added', 1) : t('{0} attribute definitions added', definitionsAdded));
  if (definitionsChanged)
    parts.push(
      definitionsChanged === 1 ? t('{0} attribute definition changed', 1) : t('{0} attribute definitions changed', definitionsChanged),
    );
  if (definitionsRemoved)
    parts.push(
      definitionsRemoved === 1 ? t('{0} attribute definition removed', 1) : t('{0} attribute definitions removed', definitionsRemoved),
    );
  return parts.length ? parts.reduce((list, part) => t('{0}, {1}', list, part)) : '';
}

/**
 * A plain-text report of a diff (CLI output, logs, the confirmation's detail), in the order of the
 * file: each changed block's title, then its header, settings and scope lines, then its mapping
 * lines; every change line is indented two spaces and starts with its mark (`+` added, `-` removed,
 * `~` changed, followed by `→` and the new line). The totals are the summary's (describeCounts).
 */
export function formatDiff(diff: SchemaDiff): string {
  const lines: string[] = [];
  for (const om of diff.objectMappings) {
    if (om.status === 'unchanged') continue;
    lines.push(
      om.status === 'added'
        ? t('mapping "{0}" ({1}): added', om.name, om.objects)
        : om.status === 'removed'
          ? t('mapping "{0}" ({1}): removed', om.name, om.objects)
          : t('mapping "{0}" ({1}): changed', om.name, om.objects),
    );
    if (om.settingChanges.before.length || om.settingChanges.after.length) lines.push(...sectionLines(om));
    for (const change of om.mappings) {
      if (change.kind === 'added') lines.push(`  + ${change.after}`);
      else if (change.kind === 'removed') lines.push(`  - ${change.before}`);
      else lines.push(`  ~ ${change.before}`, `  → ${change.after}`);
    }
  }
  for (const change of diff.attributes) {
    const where = `(${change.directory} ${change.object})`;
    if (change.kind === 'added') lines.push(`  + ${change.after}  ${where}`);
    else if (change.kind === 'removed') lines.push(`  - ${change.before}  ${where}`);
    else lines.push(`  ~ ${change.before}  ${where}`, `  → ${change.after}`);
  }
  if (diff.total === 0) lines.push(t('No changes: the job already has these mappings.'));
  return lines.join('\n');
}
