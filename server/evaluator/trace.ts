/** Evaluation traces as indented text (CLI `--trace`, hovers). */
import type { TraceNode } from './evaluate';

/** One line per evaluated node: `label → value  (note; note)`, children indented below their call. */
export function traceLines(trace: TraceNode | undefined, indent = '  '): string[] {
  const lines: string[] = [];
  const walk = (node: TraceNode, depth: number) => {
    const value = node.value === undefined ? '✗' : node.value;
    const notes = node.notes.length ? `   (${node.notes.join('; ')})` : '';
    lines.push(`${indent.repeat(depth)}${node.label} → ${value}${notes}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  if (trace) walk(trace, 0);
  return lines;
}
