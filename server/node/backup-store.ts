/**
 * Schema backups on disk: `<workspace>/.aadmap/backups/<UTC time>--<job id>.json` holds the schema
 * exactly as Graph returned it (byte for byte), and `….meta.json` beside it says where it came from.
 * A `.gitignore` in the folder keeps backups out of git unless the user removes it. Backups hold a
 * tenant's configuration: the folder is 0700 and every file 0600. `<job id>.lock` there is the deploy
 * lock of a job (the process id and the time it was taken), against two deploys from one workspace.
 */
import { chmod, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type BackupInfo, type BackupMeta, type BackupStore, WorkflowError } from '../graph/workflow';

export const BACKUP_FOLDER = join('.aadmap', 'backups');

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

export function createBackupStore(directory: string): BackupStore {
  return {
    async save(bytes: Uint8Array, meta: BackupMeta): Promise<string> {
      await ensureFolder(directory);
      await writeFile(join(directory, '.gitignore'), '# aadmap schema backups: delete this file to commit them\n*\n', { flag: 'wx' }).catch(
        () => undefined,
      );
      const stamp = meta.savedAt.replace(/[:.]/g, '-');
      let file = join(directory, `${stamp}--${safe(meta.jobId)}.json`);
      for (let n = 2; await exists(file); n++) file = join(directory, `${stamp}-${n}--${safe(meta.jobId)}.json`);
      await writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
      await writeFile(metaPath(file), `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
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
    async lock(servicePrincipalId: string, jobId: string): Promise<() => Promise<void>> {
      await ensureFolder(directory);
      const file = join(directory, `${safe(jobId)}.lock`);
      for (let tries = 0; ; tries++) {
        try {
          await writeFile(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString(), servicePrincipalId }), {
            flag: 'wx',
            mode: 0o600,
          });
          return () => unlink(file).catch(() => undefined);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 0) throw error;
        }
        let holder: { pid?: number; since?: string } = {};
        try {
          holder = JSON.parse(await readFile(file, 'utf8')) as typeof holder;
        } catch {
          holder = {};
        }
        if (typeof holder.pid === 'number' && alive(holder.pid)) {
          throw new WorkflowError(
            `Another deploy or rollback of job ${jobId} is running from this workspace (process ${holder.pid}, since ${holder.since ?? '?'}); nothing was written. Try again when it has ended (its lock: ${file}).`,
            'refused',
          );
        }
        // The holder has ended without releasing it (killed): the lock is stale.
        await unlink(file).catch(() => undefined);
      }
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

async function ensureFolder(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // A folder made by an earlier version (or by hand) may be wider.
  await chmod(directory, 0o700).catch(() => undefined);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
