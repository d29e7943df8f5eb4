/**
 * Reading the CLI's input files: `-` is standard input, and a file that cannot be read is reported
 * in words ("no such file"), not by its errno code (`ENOENT`).
 */
import { readFileSync } from 'node:fs';
import { readFailureReason } from '../node/file-errors';

/** The file name that means standard input (`aadmap check -`). */
export const STDIN = '-';

/** A file that could not be read; `message` says which and why, in words. */
export class FileReadError extends Error {}

/**
 * The text of a file (or of standard input for `-`), without a byte order mark. `what` names the
 * file in the error ("the sample user"); `displayName` is how standard input is called.
 */
export function readTextInput(path: string, what = '', displayName = '<stdin>'): string {
  let text: string;
  try {
    text = path === STDIN ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (error) {
    const name = path === STDIN ? `standard input (${displayName})` : path;
    throw new FileReadError(`cannot read ${what ? `${what} ` : ''}${name}: ${readFailureReason(error)}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
