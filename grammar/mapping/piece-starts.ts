/**
 * Where a `.aadmap` file may be cut into pieces that parse on their own (see parseMappingFile):
 * offset 0 and the start of every line whose first word is `mapping` or `target`. No token spans
 * a line break (strings, `[attributes]`, comments and target paths all end at the line's end), so
 * the lexer reads the same tokens from such a line start whether or not the text before it is there.
 */

function isIdentifierChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

function startsWord(text: string, at: number, word: string): boolean {
  return text.startsWith(word, at) && !isIdentifierChar(text.charCodeAt(at + word.length));
}

/** Offsets where a piece may start, ascending, beginning with 0. */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  lineStartsWithStatement(text, 0, text.length, starts);
  return starts;
}

/**
 * Appends to `out` the line starts in [from, to) (`from` must be a line start) whose line begins
 * with `mapping` or `target`, except offset 0.
 */
function lineStartsWithStatement(text: string, from: number, to: number, out: number[]): void {
  let lineStart = from;
  const length = text.length;
  while (lineStart < to) {
    let i = lineStart;
    while (i < length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    const code = text.charCodeAt(i);
    if (
      lineStart > 0 &&
      (code === 0x6d /* m */ ? startsWord(text, i, 'mapping') : code === 0x74 /* t */ && startsWord(text, i, 'target'))
    ) {
      out.push(lineStart);
    }
    // Next line: after \n, \r\n or a lone \r (the lexers' line breaks). One scan per line: an
    // indexOf('\r') per line would rescan the rest of a file that has none.
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) break;
      i++;
    }
    if (i >= length) break;
    lineStart = text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
}

/**
 * pieceStarts(text) computed from the previous text's list: `text` equals `previous` but for the
 * characters between a common prefix of length `prefix` and a common suffix of length `suffix`.
 * Only the lines around the change are scanned; piece starts before it are kept, those after it move.
 */
export function updatePieceStarts(
  previous: string,
  previousStarts: readonly number[],
  text: string,
  prefix: number,
  suffix: number,
): number[] {
  const delta = text.length - previous.length;
  // From the start of the line holding the first changed character…
  let from = prefix;
  while (from > 0 && text.charCodeAt(from - 1) !== 0x0a && text.charCodeAt(from - 1) !== 0x0d) from--;
  // …to the start of the line after the one holding the last changed character (its line break
  // and everything after it are unchanged, so the piece starts there are the old ones, moved).
  let to = text.length - suffix;
  while (to < text.length && text.charCodeAt(to) !== 0x0a && text.charCodeAt(to) !== 0x0d) to++;
  if (to < text.length) to += text.charCodeAt(to) === 0x0d && text.charCodeAt(to + 1) === 0x0a ? 2 : 1;
  const starts = [0];
  for (const start of previousStarts) if (start > 0 && start < from) starts.push(start);
  lineStartsWithStatement(text, from, to, starts);
  for (const start of previousStarts) if (start + delta >= to && start > 0) starts.push(start + delta);
  return starts;
}
