/** Why a file could not be read, in words for people (the CLI, the editor's messages), not an errno code. */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in its path',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  EAGAIN: 'the input is not ready (non-blocking standard input)',
};

/** Why a file could not be read, in words: the errno code's meaning, else the system's message. */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages start with the code ("ENOENT: no such file…, open 'x'"): keep the words.
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
