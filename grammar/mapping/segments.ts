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
export function segmentStarts(text: string): number[] {
  const starts = [0];
  let lineStart = 0;
  const length = text.length;
  while (lineStart < length) {
    let i = lineStart;
    while (i < length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    const code = text.charCodeAt(i);
    if (
      lineStart > 0 &&
      (code === 0x6d /* m */ ? startsWord(text, i, 'mapping') : code === 0x74 /* t */ && startsWord(text, i, 'target'))
    ) {
      starts.push(lineStart);
    }
    // Next line: after \n, \r\n or a lone \r (the lexers' line breaks).
    const lf = text.indexOf('\n', i);
    const cr = text.indexOf('\r', i);
    if (lf < 0 && cr < 0) break;
    lineStart = cr >= 0 && (lf < 0 || cr < lf) ? (text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1) : lf + 1;
  }
  return starts;
}
