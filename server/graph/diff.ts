/**
 * The what-if: what a PUT of `after` changes compared with `before`, per object mapping — mappings
 * added, changed and removed (compared as `.aadmap` lines), and object-level changes (name, enabled,
 * flowTypes, scoping filters). Object mappings are paired by position (export keeps positions and
 * appends new ones); attribute mappings by target attribute, k-th to k-th. Attribute definitions
 * added, changed or removed in the directories (declarations, docs/custom-attributes.md) are listed
 * too, and shown as declaration lines in the side-by-side texts.
 */
import { attributeChanges, type AttributeChange } from './declarations';
import { blockLines, type ObjectMappingView, type SchemaView, viewSchema, viewText } from './mapping-view';

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
  counts: { added: number; changed: number; removed: number; objectSettings: number };
  /** attributeDefinitions added, changed or removed in the schema's directories. */
  attributes: AttributeChange[];
  /** Attribute-mapping changes plus object mappings whose settings, scopes or existence changed, plus attribute definition changes. */
  total: number;
  /** The `.aadmap` views of both schemas (for a side-by-side diff). */
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
  const counts = { added: 0, changed: 0, removed: 0, objectSettings: 0 };
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
    if (settingsChanged) counts.objectSettings++;
    objectMappings.push({
      name: shown.name,
      objects: `${shown.sourceObjectName} -> ${shown.targetObjectName}`,
      status,
      settingChanges: settingsChanged ? { before: settingsBefore, after: settingsAfter } : { before: [], after: [] },
      mappings,
    });
  }
  const attributes = attributeChanges(before, after);
  showDeclarations(beforeView, attributes, 'before');
  showDeclarations(afterView, attributes, 'after');
  return {
    objectMappings,
    counts,
    attributes,
    total: counts.added + counts.changed + counts.removed + counts.objectSettings + attributes.length,
    beforeText: viewText(beforeView),
    afterText: viewText(afterView),
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

/** A plain-text report of a diff, one line per change (CLI output, logs, the confirmation's detail). */
export function formatDiff(diff: SchemaDiff): string {
  const lines: string[] = [];
  for (const om of diff.objectMappings) {
    if (om.status === 'unchanged') continue;
    lines.push(
      `${om.status === 'added' ? '+ ' : om.status === 'removed' ? '- ' : ''}mapping "${om.name}" (${om.objects})${om.status === 'changed' ? '' : ` ${om.status}`}`,
    );
    if (om.settingChanges.before.length || om.settingChanges.after.length) {
      for (const line of om.settingChanges.before.slice(1).filter((l) => !om.settingChanges.after.includes(l)))
        lines.push(`    - ${line.trim()}`);
      for (const line of om.settingChanges.after.slice(1).filter((l) => !om.settingChanges.before.includes(l)))
        lines.push(`    + ${line.trim()}`);
      if (om.settingChanges.before[0] !== om.settingChanges.after[0] && om.status === 'changed')
        lines.push(`    ~ ${om.settingChanges.after[0]}`);
    }
    for (const change of om.mappings) {
      if (change.kind === 'added') lines.push(`  + ${change.after}`);
      else if (change.kind === 'removed') lines.push(`  - ${change.before}`);
      else lines.push(`  ~ ${change.before}\n    → ${change.after}`);
    }
  }
  for (const change of diff.attributes) {
    const where = `(${change.directory} ${change.object})`;
    if (change.kind === 'added') lines.push(`+ ${change.after}  ${where}`);
    else if (change.kind === 'removed') lines.push(`- ${change.before}  ${where}`);
    else lines.push(`~ ${change.before}  ${where}\n  → ${change.after}`);
  }
  const { added, changed, removed, objectSettings } = diff.counts;
  const parts = [`${added} added`, `${changed} changed`, `${removed} removed`];
  if (objectSettings) parts.push(`${objectSettings} object mapping${objectSettings === 1 ? '' : 's'} with other changes`);
  lines.push(diff.total === 0 ? 'No changes: the job already has these mappings.' : `Mappings: ${parts.join(', ')}.`);
  if (diff.attributes.length) {
    const count = (kind: AttributeChange['kind']) => diff.attributes.filter((a) => a.kind === kind).length;
    lines.push(`Attribute definitions: ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed.`);
  }
  return lines.join('\n');
}
