/**
 * Sample users for the editor, from the file system: `*.user.json` files next to a mapping file,
 * and for `NAME.user.json` the existing target object `NAME.target.json` beside it (when present).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SampleFileAccess } from '../service/sample-users';
import { cannotRead, FileReadError, readBoundedText } from './bounded-read';
import { readFailureReason } from './file-errors';
import { documentPath } from './schema-file-reader';

export function createNodeSampleFiles(): SampleFileAccess {
  return {
    listSampleUsers(documentUri) {
      const path = documentPath(documentUri);
      if (!path) return [];
      try {
        return readdirSync(dirname(path))
          .filter((name) => name.toLowerCase().endsWith('.user.json'))
          .sort((a, b) => a.localeCompare(b))
          .map((name) => pathToFileURL(join(dirname(path), name)).href);
      } catch {
        return [];
      }
    },
    existingTargetFor(userUri) {
      const path = documentPath(userUri);
      if (!path) return undefined;
      const candidate = join(dirname(path), `${basename(path).replace(/\.user\.json$/i, '')}.target.json`);
      try {
        return statSync(candidate).isFile() ? pathToFileURL(candidate).href : undefined;
      } catch {
        return undefined;
      }
    },
    readText(uri) {
      const path = documentPath(uri);
      if (!path) return { error: `${uri} is not a file` };
      try {
        return { text: readBoundedText(path) };
      } catch (error) {
        return { error: error instanceof FileReadError ? error.message : cannotRead(path, readFailureReason(error)).message };
      }
    },
  };
}
