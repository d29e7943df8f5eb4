/**
 * Sample users for the editor, from the file system: `*.user.json` files next to a mapping file,
 * and for `NAME.user.json` the existing target object `NAME.target.json` beside it (when present).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SampleFileAccess } from '../service/sample-users';
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
        readFileSync(candidate);
        return pathToFileURL(candidate).href;
      } catch {
        return undefined;
      }
    },
    readText(uri) {
      const path = documentPath(uri);
      if (!path) return { error: `${uri} is not a file` };
      try {
        return { text: readFileSync(path, 'utf8') };
      } catch (error) {
        return { error: `cannot read ${path}: ${readFailureReason(error)}` };
      }
    },
  };
}
