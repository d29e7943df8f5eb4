/**
 * Reading the CLI's input files: `-` is standard input, and a file that cannot be read is reported
 * in words ("no such file"), not by its errno code (`ENOENT`). Files go through the bounded reader
 * (regular files only, a size cap, strict UTF-8 or a UTF-16 byte order mark).
 */
import { t } from '../../grammar/common/l10n';
import { readFileSync } from 'node:fs';
import { decodeText, FileReadError, readBoundedText, type TextEncoding } from '../node/bounded-read';
import { readFailureReason } from '../node/file-errors';

export { FileReadError, type TextEncoding };

/** The file name that means standard input (`aadmap check -`). */
export const STDIN = '-';

/**
 * The text of a file (or of standard input for `-`), without a byte order mark. `what` names the
 * file in the error ("the sample user"); `displayName` is how standard input is called; `encoding`
 * is told how the text was stored (for a command that writes it back).
 */
export function readTextInput(path: string, what = '', displayName = '<stdin>', encoding?: (found: TextEncoding) => void): string {
  if (path === STDIN) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(0);
    } catch (error) {
      const reason = readFailureReason(error);
      throw new FileReadError(
        what
          ? t('cannot read {0} standard input ({1}): {2}', what, displayName, reason)
          : t('cannot read standard input ({0}): {1}', displayName, reason),
      );
    }
    return decodeText(bytes, displayName, encoding);
  }
  try {
    return readBoundedText(path, undefined, encoding);
  } catch (error) {
    if (error instanceof FileReadError && what && error.reason !== undefined)
      throw new FileReadError(t('cannot read {0} {1}: {2}', what, path, error.reason), undefined, undefined, error.reason);
    throw error;
  }
}
