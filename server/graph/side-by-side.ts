/**
 * The what-if's two texts for the editor's diff view when the new schema comes from a `.aadmap` file:
 * the right side is the file's own text, and the left is the same text changed only where the job's
 * current mappings differ from it, compared in canonical form (mapping-view.ts). An unchanged block,
 * and an unchanged line of a changed block, is the file's text on both sides, so a line whose only
 * difference is its alignment or spacing is never marked; a changed line keeps the file's text up to
 * its `<-` and shows the job's source after it; a line the file adds is left out of the left side, a
 * line the job has and the file drops is shown there. A block whose header, settings, scopes or
 * declarations change is shown whole, as the job has it (blockLines).
 */
import { attributeDeclarationsOf, attributeMappingsOf, type MappingFile } from '../../grammar/mapping/ast';
import { alignmentWidth, blockLines, type ObjectMappingView, viewSchema } from './mapping-view';

/** Lines of the file's text; `eol` is the line ending it uses. */
function splitLines(text: string): { lines: string[]; eol: string } {
  return { lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Line index of each offset, by binary search over line starts. */
function lineIndexer(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}

const headerAndSettings = (view: ObjectMappingView) =>
  blockLines({ ...view, mappings: [] })
    .slice(0, -1)
    .join('\n');

/** Replaces lines [from, to] (inclusive) with `lines`. */
interface LineEdit {
  from: number;
  to: number;
  lines: string[];
}

export function fileSideBySide(
  file: MappingFile,
  text: string,
  before: unknown,
  after: unknown,
): { beforeText: string; afterText: string } {
  const beforeView = viewSchema(before);
  const afterView = viewSchema(after);
  const key = (v: ObjectMappingView) => `${v.ruleIndex}/${v.index}`;
  const oldByKey = new Map(beforeView.rules.flatMap((r) => r.objectMappings).map((v) => [key(v), v]));
  const newBlocks = afterView.rules.flatMap((r) => r.objectMappings);
  const { lines, eol } = splitLines(text);
  const lineOf = lineIndexer(text);
  const edits: LineEdit[] = [];
  const shownKeys = new Set<string>();
  const claimedNew = new Set<ObjectMappingView>();

  for (const block of file.mappings) {
    // Export writes each block into the object mapping of the same name (k-th to k-th).
    const now = newBlocks.find((v) => !claimedNew.has(v) && v.name === block.name?.value);
    if (!now) continue;
    claimedNew.add(now);
    shownKeys.add(key(now));
    const old = oldByKey.get(key(now));
    const from = lineOf(block.start);
    const to = lineOf(Math.max(block.start, block.end - 1));
    if (!old) {
      edits.push({ from, to, lines: [] });
      continue;
    }
    if (headerAndSettings(old) !== headerAndSettings(now) || attributeDeclarationsOf(block).length > 0) {
      if (blockLines(old).join('\n') !== blockLines(now).join('\n') || attributeDeclarationsOf(block).length > 0)
        edits.push({ from, to, lines: blockLines(old) });
      continue;
    }
    const fileMappings = attributeMappingsOf(block);
    if (fileMappings.length !== now.mappings.length) {
      edits.push({ from, to, lines: blockLines(old) });
      continue;
    }
    // The file's lines, k-th to k-th by target as the what-if pairs them (diff.ts).
    const claimedOld = new Set<number>();
    let arrowColumn: number | undefined;
    now.mappings.forEach((mapping, i) => {
      const node = fileMappings[i]!;
      const first = lineOf(node.start);
      const last = lineOf(Math.max(node.start, node.end - 1));
      const arrow = lines[first]!.indexOf('<-');
      arrowColumn ??= arrow >= 0 ? arrow : undefined;
      const index = old.mappings.findIndex((m, j) => !claimedOld.has(j) && m.target === mapping.target);
      if (index < 0) {
        edits.push({ from: first, to: last, lines: [] });
        return;
      }
      claimedOld.add(index);
      const was = old.mappings[index]!;
      if (was.line === mapping.line) return;
      const source = was.line.slice(was.target.length + 4);
      const prefix = arrow >= 0 ? lines[first]!.slice(0, arrow + 2) : `  ${was.target}`;
      edits.push({ from: first, to: last, lines: [`${prefix} ${source}`] });
    });
    // The job's lines the file does not have, before the block's `}`.
    const removed = old.mappings.filter((_, j) => !claimedOld.has(j));
    if (removed.length) {
      const width = arrowColumn !== undefined ? arrowColumn - 3 : alignmentWidth(removed);
      edits.push({
        from: to,
        to: to - 1,
        lines: removed.map((m) => `  ${m.target.padEnd(width)} ${m.line.slice(m.target.length + 1)}`),
      });
    }
  }

  const left = [...lines];
  // Bottom up, so earlier line numbers stay valid; an insertion (to < from) goes before line `from`.
  edits.sort((a, b) => b.from - a.from || b.to - a.to);
  for (const edit of edits) left.splice(edit.from, edit.to - edit.from + 1, ...edit.lines);
  // Blocks the job has and the new schema drops (not written by this file): shown after the file's.
  for (const [k, old] of oldByKey) {
    if (shownKeys.has(k) || newBlocks.some((v) => key(v) === k)) continue;
    left.push('', ...blockLines(old));
  }
  return { beforeText: left.join(eol), afterText: text };
}
