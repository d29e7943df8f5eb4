/** Reads Graph schema JSON files for `target "file.json"`, relative to the document, cached by mtime. */
import { statSync } from 'node:fs';
import { stat as statAsync } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonSyntaxError, parsePlainJson } from '../evaluator/json';
import type { BackgroundSchemaFileReader, SchemaFileReader, SchemaFileResult } from '../service/schema-resolver';
import { FileReadError, readBoundedText, readBoundedTextAsync } from './bounded-read';

export function documentPath(uri: string): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return /^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri) ? undefined : uri;
}

/** The file `path` names, relative to the document's folder; or why there is none. */
function schemaFilePath(path: string, documentUri: string): { file: string } | { error: string } {
  const base = documentPath(documentUri);
  if (!isAbsolute(path) && !base) return { error: 'the document is not a file, so a relative schema path has no base folder' };
  return { file: isAbsolute(path) ? path : resolve(dirname(base!), path) };
}

/** Synchronous, for the CLI and the evaluation thread (whose work may wait for a file). */
export function createFileSchemaReader(): SchemaFileReader {
  const cache = new Map<string, { mtimeMs: number; size: number; result: SchemaFileResult }>();
  return {
    readJson(path, documentUri) {
      const where = schemaFilePath(path, documentUri);
      if ('error' in where) return where;
      const { file } = where;
      let stat;
      try {
        stat = statSync(file);
      } catch {
        return { error: `no such file (${file})` };
      }
      const cached = cache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
      let result: SchemaFileResult;
      try {
        result = { json: parseSchemaJson(readBoundedText(file)) };
      } catch (error) {
        result = { error: error instanceof FileReadError || error instanceof SchemaJsonError ? error.message : `cannot read ${file}` };
      }
      cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
      return result;
    },
  };
}

/** How long a file's last check counts as current, for hosts that send no watched-file events. */
const RECHECK_AFTER_MS = 2_000;
/** Files remembered (a path typed letter by letter names many that do not exist). */
const MAX_ENTRIES = 256;

interface Entry {
  result?: SchemaFileResult;
  stamp?: { mtimeMs: number; size: number };
  /** The read or check in flight. */
  reading?: Promise<void>;
  checkedAt: number;
}

/**
 * The language server's reader: no file is touched on the main thread. The first `readJson` of a
 * file answers `pending` and reads it in the background (regular files only, the same size cap as the
 * CLI: readBoundedTextAsync); later ones answer what was read and, when the last check is older than
 * RECHECK_AFTER_MS or `invalidate` was called, check in the background (a stat, and a read when the
 * file's time or size changed). A result unlike the one answered before calls the listeners, and the
 * server analyses again (server/lsp/server.ts). A file that never answers (a hung network drive) keeps
 * its document's schema `pending`, and nothing else waits for it.
 */
export function createBackgroundSchemaReader(): BackgroundSchemaFileReader {
  const entries = new Map<string, Entry>();
  const filesOf = new Map<string, Set<string>>();
  const listeners: (() => void)[] = [];

  const check = async (file: string, entry: Entry): Promise<void> => {
    let stamp: Entry['stamp'];
    let result: SchemaFileResult;
    try {
      const stat = await statAsync(file);
      stamp = { mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      stamp = undefined;
    }
    if (entry.result && !('pending' in entry.result) && sameStamp(entry.stamp, stamp) && stamp) return;
    if (!stamp) result = { error: `no such file (${file})` };
    else {
      try {
        result = { json: parseSchemaJson(await readBoundedTextAsync(file)) };
      } catch (error) {
        result = { error: error instanceof FileReadError || error instanceof SchemaJsonError ? error.message : `cannot read ${file}` };
      }
    }
    const before = entry.result;
    entry.stamp = stamp;
    if (before && sameResult(before, result)) return;
    entry.result = result;
    if (before) for (const listener of listeners) listener();
  };

  const start = (file: string, entry: Entry) => {
    entry.reading = check(file, entry)
      .catch(() => undefined)
      .finally(() => {
        entry.reading = undefined;
        entry.checkedAt = Date.now();
      });
  };

  return {
    readJson(path, documentUri) {
      const where = schemaFilePath(path, documentUri);
      if ('error' in where) return where;
      const { file } = where;
      let entry = entries.get(file);
      if (!entry) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(file, (entry = { result: { pending: true }, checkedAt: 0 }));
      }
      let files = filesOf.get(documentUri);
      if (!files) filesOf.set(documentUri, (files = new Set()));
      files.delete(file);
      files.add(file);
      if (files.size > 8) files.delete(files.values().next().value!);
      if (!entry.reading && Date.now() - entry.checkedAt >= RECHECK_AFTER_MS) start(file, entry);
      return entry.result!;
    },
    busy(documentUri) {
      return [...(filesOf.get(documentUri) ?? [])].some((file) => entries.get(file)?.reading !== undefined);
    },
    async settled(documentUri, timeoutMs) {
      const reading = [...(filesOf.get(documentUri) ?? [])].flatMap((file) => entries.get(file)?.reading ?? []);
      if (reading.length === 0) return true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([Promise.all(reading).then(() => true), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    onDidChange(listener) {
      listeners.push(listener);
    },
    invalidate() {
      for (const entry of entries.values()) entry.checkedAt = 0;
    },
  };
}

const sameStamp = (a: Entry['stamp'], b: Entry['stamp']) => !!a && !!b && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** Errors compare by message; parsed files are never the same object, so a new read is a change. */
function sameResult(a: SchemaFileResult, b: SchemaFileResult): boolean {
  if ('error' in a && 'error' in b) return a.error === b.error;
  return false;
}

class SchemaJsonError extends Error {}

/** JSON.parse, with an error that gives a position and never quotes the file (V8's message does). */
function parseSchemaJson(text: string): unknown {
  try {
    return parsePlainJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new SchemaJsonError(`invalid JSON at ${error.line}:${error.column}`);
    throw error;
  }
}
