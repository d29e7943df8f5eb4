/**
 * What completion and hover read of a whole mapping block, kept from one version of a document to
 * the next (DocumentSnapshot derives it). A keystroke inside a block of 5,000 lines changes one or
 * two of its lines; reading every line again on each request cost as much as the rest of a
 * completion. Here the block's lines are summarised once — the target written before `<-` on each
 * line, and whether a line holds the word `attribute` (a declaration may follow) — and an edited
 * version's summary is the previous one with the changed lines taken out and read again.
 *
 * The contract: `editedBlockLines` gives what `readBlockLines` gives on the new text, or undefined
 * (the caller then reads the block whole). test/service/block-lines.test.ts proves it on random
 * edits.
 */
import { closeBraceAfter, type StatementSource } from '../../grammar/mapping/statement-view';

/** A block's lines, from the one after its `{` to its closing `}` (or the end of the text when it is never closed). */
export interface BlockLines {
  /** Offset of the block's `{`. */
  openBrace: number;
  /** Offset of the block's `}` (the text's length when unclosed). */
  end: number;
  /** The target written on each line (text before `<-`, trimmed, lower-cased; comment lines aside), with how many lines write it (never 0). */
  targets: Map<string, number>;
  /** How many of the block's line segments (the rest of the header line after `{` included) hold the word `attribute`. */
  declaring: number;
  /** Changes whenever a target comes or goes (not when only a count changes): what a ranking by `targets.has` depends on. */
  targetsVersion: number;
}

/** The word every declaration starts with (docs/custom-attributes.md); a block without it declares nothing. */
const DECLARATION_WORD = /\battribute\b/g;

/** The block whose `{` is at `openBrace`, read line by line. */
export function readBlockLines(source: StatementSource, openBrace: number): BlockLines {
  const text = source.text;
  const end = closeBraceAfter(source, openBrace);
  const summary: BlockLines = { openBrace, end, targets: new Map(), declaring: 0, targetsVersion: 0 };
  const first = text.indexOf('\n', openBrace) + 1;
  // The rest of the header line after `{` (a declaration there is read by the whole-file parse).
  if (hasWord(text, openBrace, first > 0 && first < end ? first : end)) summary.declaring++;
  if (first > 0 && first < end) addLines(summary, text, first, end, end, 1);
  return summary;
}

/**
 * The summary of the same block in `text`, which equals `previousText` in its first `prefix` and
 * last `suffix` characters, made from `previous` (the summary of `previousText`): the lines the
 * edit touched are taken out and read again. Undefined when the edit reaches the block's first or
 * last line, or moves its closing `}` (the caller reads the block again). `previous` is changed and
 * given to the result: the caller drops it.
 */
export function editedBlockLines(
  previous: BlockLines,
  previousText: string,
  source: StatementSource,
  prefix: number,
  suffix: number,
): BlockLines | undefined {
  const text = source.text;
  const delta = text.length - previousText.length;
  const oldChangeEnd = previousText.length - suffix;
  const first = previousText.indexOf('\n', previous.openBrace) + 1;
  if (first === 0 || previous.openBrace >= prefix) return undefined;
  // Wholly before the change: the same lines.
  if (previous.end < prefix) return closeBraceAfter(source, previous.openBrace) === previous.end ? previous : undefined;
  // The lines the edit touched: from the start of the line holding `prefix` to the line break after the change.
  const from = previousText.lastIndexOf('\n', prefix - 1) + 1;
  const oldTo = previousText.indexOf('\n', oldChangeEnd);
  if (from < first || oldTo < 0 || oldTo >= previous.end) return undefined;
  const end = closeBraceAfter(source, previous.openBrace);
  if (end !== previous.end + delta) return undefined;
  const zeroed: string[] = [];
  addLines(previous, previousText, from, oldTo + 1, previous.end, -1, zeroed);
  const added = addLines(previous, text, from, oldTo + delta + 1, end, 1);
  let changed = added;
  for (const key of zeroed) {
    if (previous.targets.get(key) !== 0) continue;
    previous.targets.delete(key);
    changed = true;
  }
  if (changed) previous.targetsVersion++;
  previous.end = end;
  return previous;
}

/**
 * Counts (`sign` 1) or uncounts (-1) the lines that start in [from, to) — `from` a line start — each
 * read up to its line break or `blockEnd`, whichever comes first.
 */
function addLines(summary: BlockLines, text: string, from: number, to: number, blockEnd: number, sign: 1 | -1, zeroed?: string[]): boolean {
  let added = false;
  // The declaration word's places in the lines read, found in one pass over them (a view, not a copy).
  const region = text.slice(from, Math.min(to, blockEnd));
  DECLARATION_WORD.lastIndex = 0;
  let word = DECLARATION_WORD.exec(region)?.index ?? -1;
  let start = from;
  while (start < to && start < blockEnd) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd === -1 || lineEnd > blockEnd) lineEnd = blockEnd;
    const arrow = text.indexOf('<-', start);
    if (arrow !== -1 && arrow < lineEnd) {
      const target = text.slice(start, arrow).trim();
      if (target && !target.startsWith('#')) {
        const key = target.toLowerCase();
        const before = summary.targets.get(key);
        if (before === undefined) added = true;
        const count = (before ?? 0) + sign;
        summary.targets.set(key, count);
        // A target no line writes any more: its entry goes at the end (`zeroed`), unless a new line writes it again.
        if (count === 0) zeroed?.push(key);
      }
    }
    if (word >= 0 && from + word < lineEnd) {
      summary.declaring += sign;
      // The next occurrence on a later line.
      DECLARATION_WORD.lastIndex = lineEnd - from;
      word = DECLARATION_WORD.exec(region)?.index ?? -1;
    }
    start = lineEnd + 1;
  }
  return added;
}

/** Whether text[start, end) holds the declaration word (a line segment: no word goes on past its end). */
function hasWord(text: string, start: number, end: number): boolean {
  DECLARATION_WORD.lastIndex = 0;
  return DECLARATION_WORD.test(text.slice(start, end));
}
