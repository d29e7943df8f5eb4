/** Reads Graph schema JSON files for `target "file.json"`, relative to the document, cached by mtime. */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonSyntaxError, parseJson } from '../evaluator/json';
import type { SchemaFileReader, SchemaFileResult } from '../service/schema-resolver';
import { FileReadError, readBoundedText } from './bounded-read';

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

export function createFileSchemaReader(): SchemaFileReader {
  const cache = new Map<string, { mtimeMs: number; size: number; result: SchemaFileResult }>();
  return {
    readJson(path, documentUri) {
      const base = documentPath(documentUri);
      if (!isAbsolute(path) && !base) return { error: 'the document is not a file, so a relative schema path has no base folder' };
      const file = isAbsolute(path) ? path : resolve(dirname(base!), path);
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

class SchemaJsonError extends Error {}

/** JSON.parse, with an error that gives a position and never quotes the file (V8's message does). */
function parseSchemaJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      parseJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) throw new SchemaJsonError(`invalid JSON at ${error.line}:${error.column}`);
    }
    throw new SchemaJsonError('invalid JSON');
  }
}
