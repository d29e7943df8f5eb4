/**
 * Reading files a workspace names (schema files of `target "…"`, sample users, files found by
 * `check DIR`, `--input`): whoever wrote the workspace chose the path, so only regular files are read
 * (a FIFO would block forever, `/dev/zero` never ends), never more than a cap, and the bytes must be
 * UTF-8 (or UTF-16 with a byte order mark) — an invalid byte is an error at its line and column
 * instead of a U+FFFD that would be deployed. Error messages never quote the file's content.
 */
import { t } from '../../grammar/common/l10n';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { readFailureReason } from './file-errors';

/** The largest file aadmap reads: far above any mapping file, schema or sample user. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export class FileReadError extends Error {
  constructor(
    message: string,
    /** 1-based position of an encoding error. */
    readonly line?: number,
    readonly column?: number,
    /** Why the file could not be read, for "cannot read PATH: REASON" (so callers can name the file otherwise). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Why a path that is not a regular file is refused. */
function notRegular(path: string, stat: Stats): string {
  if (stat.isFIFO()) return t('{0} is a named pipe; aadmap reads only regular files', path);
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return t('{0} is a device; aadmap reads only regular files', path);
  if (stat.isSocket()) return t('{0} is a socket; aadmap reads only regular files', path);
  return t('{0} is not a regular file; aadmap reads only regular files', path);
}

function refuse(path: string, stat: Stats, maxBytes: number): void {
  // A folder is a common slip (a wrong argument), said as the other unreadable paths are.
  if (stat.isDirectory()) throw cannotRead(path, t('it is a folder, not a file'));
  if (!stat.isFile()) throw new FileReadError(notRegular(path, stat));
  if (stat.size > maxBytes)
    throw new FileReadError(t('{0} is {1}, over the {2} limit of aadmap', path, megabytes(stat.size), megabytes(maxBytes)));
}

/** "cannot read PATH: REASON", with the reason kept apart (files.ts names the file differently). */
export function cannotRead(path: string, reason: string): FileReadError {
  return new FileReadError(t('cannot read {0}: {1}', path, reason), undefined, undefined, reason);
}

// O_NONBLOCK: opening a FIFO does not wait for a writer (the type check then refuses it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes` and decodes it (see decodeText). Throws FileReadError. */
export function readBoundedText(path: string, maxBytes = MAX_FILE_BYTES, encoding?: (found: TextEncoding) => void): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw cannotRead(path, readFailureReason(error));
  }
  try {
    const stat = fstatSync(fd);
    refuse(path, stat, maxBytes);
    // One byte more than allowed tells a file that grew since the stat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new FileReadError(t('{0} is over the {1} limit of aadmap', path, megabytes(maxBytes)));
    return decodeText(buffer.subarray(0, length), path, encoding);
  } finally {
    closeSync(fd);
  }
}

/**
 * readBoundedText with the same checks, on libuv's thread pool: the language server's main thread
 * never waits for a slow disk or network drive (https://nodejs.org/api/fs.html#promises-api).
 */
export async function readBoundedTextAsync(path: string, maxBytes = MAX_FILE_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw new FileReadError(`cannot read ${path}: ${readFailureReason(error)}`);
  }
  try {
    const stat = await handle.stat();
    refuse(path, stat, maxBytes);
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new FileReadError(`${path} is over the ${megabytes(maxBytes)} limit of aadmap`);
    return decodeText(buffer.subarray(0, length), path);
  } finally {
    await handle.close();
  }
}

/** How a file's text was stored: what a command that writes it back (`aadmap fmt --write`) keeps. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * UTF-8 (a leading BOM dropped), or UTF-16 LE/BE when the bytes start with its byte order mark
 * (https://www.unicode.org/faq/utf_bom.html#bom4). Invalid UTF-8 is a FileReadError at the first bad
 * byte's line and column. `encoding` is told which of them the bytes were.
 */
export function decodeText(bytes: Uint8Array, path: string, encoding?: (found: TextEncoding) => void): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeUtf16(bytes, 'utf-16le', path);
    encoding?.('utf-16le');
    return text;
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeUtf16(bytes, 'utf-16be', path);
    encoding?.('utf-16be');
    return text;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding?.(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8');
    return text;
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new FileReadError(
      `${path}:${line}:${column}: ${t('invalid UTF-8 (byte {0} at offset {1}); save the file as UTF-8', `0x${bytes[at]!.toString(16).padStart(2, '0').toUpperCase()}`, at)}`,
      line,
      column,
    );
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new FileReadError(
      `${path}: ${t('starts with a UTF-16 byte order mark but is not valid {0}; save the file as UTF-8', encoding.toUpperCase())}`,
    );
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
