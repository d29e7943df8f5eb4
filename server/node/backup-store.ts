/**
 * Schema backups on disk: `<workspace>/.aadmap/backups/<UTC time>--<job id>.json` holds the schema
 * exactly as Graph returned it (byte for byte), and `….meta.json` beside it says where it came from.
 * A `.gitignore` in the folder keeps backups out of git unless the user removes it.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupMeta, BackupStore } from '../graph/workflow';

export const BACKUP_FOLDER = join('.aadmap', 'backups');

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

export function createBackupStore(directory: string): BackupStore {
  return {
    async save(bytes: Uint8Array, meta: BackupMeta): Promise<string> {
      await mkdir(directory, { recursive: true });
      await writeFile(join(directory, '.gitignore'), '# aadmap schema backups: delete this file to commit them\n*\n', { flag: 'wx' }).catch(
        () => undefined,
      );
      const stamp = meta.savedAt.replace(/[:.]/g, '-');
      let file = join(directory, `${stamp}--${safe(meta.jobId)}.json`);
      for (let n = 2; await exists(file); n++) file = join(directory, `${stamp}-${n}--${safe(meta.jobId)}.json`);
      await writeFile(file, bytes, { flag: 'wx' });
      await writeFile(metaPath(file), `${JSON.stringify(meta, null, 2)}\n`);
      return file;
    },
    async read(location: string) {
      const bytes = new Uint8Array(await readFile(location));
      let meta: BackupMeta | undefined;
      try {
        meta = JSON.parse(await readFile(metaPath(location), 'utf8')) as BackupMeta;
      } catch {
        meta = undefined;
      }
      return { bytes, meta };
    },
    async list(): Promise<BackupInfo[]> {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch {
        return [];
      }
      const found: BackupInfo[] = [];
      for (const name of names
        .filter((n) => n.endsWith('.json') && !n.endsWith('.meta.json'))
        .sort()
        .reverse()) {
        const location = join(directory, name);
        try {
          const meta = JSON.parse(await readFile(metaPath(location), 'utf8')) as BackupMeta;
          found.push({ ...meta, location });
        } catch {
          found.push({ servicePrincipalId: '', jobId: '', savedAt: basename(name, '.json'), reason: 'unknown origin', location });
        }
      }
      return found;
    },
  };
}

function metaPath(file: string): string {
  return file.replace(/\.json$/, '.meta.json');
}

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}
