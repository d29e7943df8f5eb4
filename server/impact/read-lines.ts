/**
 * Streams a file's lines without holding the file: chunks of bytes are split at '\n' (a '\r' before
 * it is dropped), and a line cut by a chunk boundary is carried to the next chunk.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Calls `onLine(text, lineNumber)` for every line (1-based), the last one even without a final newline. */
export async function forEachLine(path: string, onLine: (text: string, line: number) => void): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  const emit = (text: string) => {
    line++;
    onLine(text.endsWith('\r') ? text.slice(0, -1) : text, line);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = carry + decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      emit(text.slice(start, nl));
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  carry += decoder.end();
  if (carry !== '') emit(carry);
  return line;
}
