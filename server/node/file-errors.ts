/** Why a file could not be read, in words for people (the CLI, the editor's messages), not an errno code. */
import { t } from '../../grammar/common/l10n';

/** The reason of an errno code, in the user's language (a function: `t` reads the bundle set at start-up). */
function reasonOf(code: string): string | undefined {
  switch (code) {
    case 'ENOENT':
      return t('no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied');
    case 'EISDIR':
      return t('it is a folder, not a file');
    case 'ENOTDIR':
      return t('a part of its path is a file, not a folder');
    case 'ENAMETOOLONG':
      return t('the path is too long');
    case 'ELOOP':
      return t('too many symbolic links in its path');
    case 'EMFILE':
      return t('too many files are open');
    case 'EBUSY':
      return t('the file is busy');
    case 'EAGAIN':
      return t('the input is not ready (non-blocking standard input)');
    default:
      return undefined;
  }
}

/** Why a file could not be read, in words: the errno code's meaning, else the system's message. */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? reasonOf(code) : undefined;
  if (reason) return reason;
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages start with the code ("ENOENT: no such file…, open 'x'"): keep the words.
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
