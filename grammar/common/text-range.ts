/** A half-open range of document offsets: [start, end). Every AST node carries one. */
export interface TextRange {
  start: number;
  end: number;
}
