/** A half-open range of document offsets: [start, end). Every AST node carries one. */
export interface TextRange {
  start: number;
  end: number;
}

export function rangeContains(range: TextRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
