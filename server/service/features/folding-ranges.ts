/**
 * Folding: mapping and scope blocks, multi-line expressions, runs of comment lines and
 * `# region` / `# endregion` markers (the language configuration's markers, which an editor stops
 * using once the server answers folding requests).
 */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { TextRange } from '../../../grammar/common/text-range';
import type { DocumentSnapshot } from '../snapshot';

const REGION_START = /^\s*#\s*region\b/;
const REGION_END = /^\s*#\s*endregion\b/;

export function foldingRanges(snapshot: DocumentSnapshot): FoldingRange[] {
  const lines = snapshot.lines;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (snapshot.languageId === 'aadmap') {
    const { ast } = snapshot.parsed;
    // A block folds up to the line before its `}` so the brace stays visible.
    const block = (node: TextRange & { closeBrace?: number }) =>
      add(lineOf(node.start), node.closeBrace !== undefined ? lineOf(node.closeBrace) - 1 : lineOf(node.end));
    for (const mapping of ast.mappings) {
      block(mapping);
      for (const item of mapping.items) {
        if (item.kind === 'scope') block(item);
        else if (item.kind === 'attributeMapping' && item.source.kind !== 'none') add(lineOf(item.start), lineOf(item.end));
      }
    }
  }
  // Comment runs and regions, line by line.
  const regions: number[] = [];
  let runStart = -1;
  const commentLine = (line: number) => {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : snapshot.text.length;
    return snapshot.text.slice(start, end);
  };
  for (let line = 0; line <= lines.lineCount; line++) {
    const text = line < lines.lineCount ? commentLine(line) : '';
    const isComment = line < lines.lineCount && /^\s*#/.test(text);
    if (isComment && REGION_START.test(text)) regions.push(line);
    else if (isComment && REGION_END.test(text) && regions.length) add(regions.pop()!, line, FoldingRangeKind.Region);
    const plainComment = isComment && !REGION_START.test(text) && !REGION_END.test(text);
    if (plainComment && runStart === -1) runStart = line;
    if (!plainComment && runStart !== -1) {
      add(runStart, line - 1, FoldingRangeKind.Comment);
      runStart = -1;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
