/**
 * `--users tenant`: the directory read from Microsoft Graph into a users file under `.aadmap/cache/`
 * (docs/impact.md, "Reading the directory from Microsoft Graph"):
 *  - users: `GET /users?$select=…&$top=999` and every `@odata.nextLink` (learn.microsoft.com/graph/paging),
 *    then a delta link from `GET /users/delta?$select=…&$deltatoken=latest`; a later run follows the
 *    delta link only and merges the changes into the cache (learn.microsoft.com/graph/delta-query-users);
 *    `refresh` (or another `$select`) reads everything again;
 *  - assignment: with SyncAll every user is assigned; otherwise the users of the service principal's
 *    `appRoleAssignedTo` and the direct members of its assigned groups (the service does not read
 *    nested groups; learn.microsoft.com/entra/identity/app-provisioning/how-provisioning-works).
 * Throttling (429, Retry-After) is the GraphClient's. The cache holds directory data and links, never a token.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../grammar/common/l10n';
import { GraphError, type GraphClient } from '../graph/client';
import { graphSelection, sourceUser } from './graph-names';
import { forEachLine } from './read-lines';
import { ASSIGNED_KEY } from './users';

export const CACHE_FOLDER = join('.aadmap', 'cache');

export interface TenantRead {
  /** The users file to run the impact on (source attribute names, `@assigned` on each line). */
  usersFile: string;
  notEvaluated: string[];
  /** How the users were read: everything, or the changes since the last run. */
  mode: 'full' | 'delta';
  /** Users (or changes, in delta mode) downloaded. */
  downloaded: number;
}

export interface TenantOptions {
  client: GraphClient;
  servicePrincipalId: string;
  /** Source attributes both versions read. */
  reads: Iterable<string>;
  cacheDir: string;
  refresh?: boolean;
  /** Called with the number of users read so far (a progress line on a terminal). */
  progress?: (users: number) => void;
  signal?: AbortSignal;
}

interface CacheMeta {
  select: string[];
  deltaLink: string;
  savedAt: string;
}

type Page = { value?: unknown[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

export async function readTenantUsers(options: TenantOptions): Promise<TenantRead> {
  const { client, signal } = options;
  const reads = [...options.reads];
  const { select, notEvaluated } = graphSelection(reads);
  await mkdir(options.cacheDir, { recursive: true });
  await writeFile(join(options.cacheDir, '.gitignore'), '# aadmap directory cache (no tokens): never commit it\n*\n');
  const base = cacheBase(options.cacheDir, options.servicePrincipalId);
  const cacheFile = `${base}.jsonl`;
  const metaFile = cacheMetaFile(options.cacheDir, options.servicePrincipalId);
  const meta = options.refresh ? undefined : await readMeta(metaFile);
  const selectText = select.join(',');
  const relative = (link: string) => {
    // Only links to the same Graph endpoint are followed: the token must not go anywhere else.
    if (link.startsWith(client.baseUrl)) return link.slice(client.baseUrl.length);
    throw new GraphError(t('Graph returned a link to another host ({0}); it is not followed.', new URL(link).host), {
      code: 'InvalidResponse',
      method: 'GET',
      path: link,
    });
  };
  const pages = async function* (first: string): AsyncGenerator<Page> {
    for (let path: string | undefined = first; path !== undefined; ) {
      const { json } = await client.getJson(path, signal);
      const page = (typeof json === 'object' && json !== null ? json : {}) as Page;
      yield page;
      path = page['@odata.nextLink'] ? relative(page['@odata.nextLink']) : undefined;
    }
  };

  let downloaded = 0;
  let mode: TenantRead['mode'];
  let deltaLink: string | undefined;
  if (meta && meta.select.join(',') === selectText) {
    mode = 'delta';
    // Changes since the last run: id → the changed properties (merged over the cached user), or removal.
    const changes = new Map<string, { graph?: Record<string, unknown>; softDeleted?: boolean; removed?: boolean }>();
    for await (const page of pages(relative(meta.deltaLink))) {
      for (const item of page.value ?? []) {
        if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') continue;
        const record = item as Record<string, unknown>;
        const removed = record['@removed'] as { reason?: string } | undefined;
        // reason "changed": soft-deleted (restorable for 30 days); "deleted": gone for good.
        if (removed) changes.set(record['id'] as string, removed.reason === 'deleted' ? { removed: true } : { softDeleted: true });
        else changes.set(record['id'] as string, { graph: record });
        options.progress?.(++downloaded);
      }
      deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    }
    const next = createWriteStream(`${cacheFile}.tmp`);
    await forEachLine(cacheFile, (text) => {
      if (!text) return;
      const cached = JSON.parse(text) as Record<string, unknown>;
      const change = changes.get(cached['id'] as string);
      if (!change) return void next.write(`${text}\n`);
      changes.delete(cached['id'] as string);
      if (change.removed) return;
      const merged = { ...cached, ...(change.graph ?? {}) };
      if (change.softDeleted) merged['@softDeleted'] = true;
      else delete merged['@softDeleted'];
      next.write(`${JSON.stringify(merged)}\n`);
    });
    for (const [, change] of changes) if (change.graph) next.write(`${JSON.stringify(change.graph)}\n`);
    await new Promise<void>((resolve, reject) => next.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(`${cacheFile}.tmp`, cacheFile);
  } else {
    mode = 'full';
    const next = createWriteStream(`${cacheFile}.tmp`);
    for await (const page of pages(`/users?$select=${selectText}&$top=999`)) {
      for (const item of page.value ?? []) {
        if (typeof item !== 'object' || item === null) continue;
        next.write(`${JSON.stringify(item)}\n`);
        options.progress?.(++downloaded);
      }
    }
    await new Promise<void>((resolve, reject) => next.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(`${cacheFile}.tmp`, cacheFile);
    const { json } = await client.getJson(`/users/delta?$select=${selectText}&$deltatoken=latest`, signal);
    deltaLink = (json as Page | null)?.['@odata.deltaLink'];
  }
  if (deltaLink)
    await writeFile(metaFile, `${JSON.stringify({ select, deltaLink, savedAt: new Date().toISOString() } satisfies CacheMeta, null, 2)}\n`);

  const assigned = await assignedUsers(options);
  const usersFile = `${base}.run.jsonl`;
  const run = createWriteStream(usersFile);
  await forEachLine(cacheFile, (text) => {
    if (!text) return;
    const graph = JSON.parse(text) as Record<string, unknown>;
    const user = sourceUser(graph, reads, graph['@softDeleted'] === true);
    user[ASSIGNED_KEY] = assigned === 'all' || assigned.has(graph['id'] as string);
    run.write(`${JSON.stringify(user)}\n`);
  });
  await new Promise<void>((resolve, reject) => run.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { usersFile, notEvaluated, mode, downloaded };
}

/** 'all' with SyncAll; else the ids of users assigned directly or through a group they are a direct member of. */
async function assignedUsers(options: TenantOptions): Promise<'all' | Set<string>> {
  const { client, signal } = options;
  const sp = encodeURIComponent(options.servicePrincipalId);
  try {
    const { json } = await client.getJson(`/servicePrincipals/${sp}/synchronization/secrets`, signal);
    const pairs = (json as { value?: { key?: string; value?: string }[] } | null)?.value ?? [];
    if (pairs.some((p) => p.key === 'SyncAll' && /^true$/i.test(p.value ?? ''))) return 'all';
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
  }
  const ids = new Set<string>();
  const groups: string[] = [];
  const follow = async (first: string, each: (item: Record<string, unknown>) => void) => {
    for (let path: string | undefined = first; path; ) {
      const { json } = await client.getJson(path, signal);
      const page = (json ?? {}) as Page;
      for (const item of page.value ?? []) if (typeof item === 'object' && item !== null) each(item as Record<string, unknown>);
      const link = page['@odata.nextLink'];
      path = link && link.startsWith(client.baseUrl) ? link.slice(client.baseUrl.length) : undefined;
    }
  };
  await follow(`/servicePrincipals/${sp}/appRoleAssignedTo?$select=principalId,principalType&$top=999`, (a) => {
    if (a['principalType'] === 'User') ids.add(String(a['principalId']));
    else if (a['principalType'] === 'Group') groups.push(String(a['principalId']));
  });
  for (const group of groups)
    await follow(`/groups/${encodeURIComponent(group)}/members/microsoft.graph.user?$select=id&$top=999`, (m) => ids.add(String(m['id'])));
  return ids;
}

async function readMeta(file: string): Promise<CacheMeta | undefined> {
  try {
    const meta = JSON.parse(await readFile(file, 'utf8')) as CacheMeta;
    return Array.isArray(meta.select) && typeof meta.deltaLink === 'string' ? meta : undefined;
  } catch {
    return undefined;
  }
}

const cacheBase = (cacheDir: string, servicePrincipalId: string) => join(cacheDir, `users-${safe(servicePrincipalId)}`);

/** The cache's metadata file (select, delta link) for a service principal: its presence means users are available. */
export const cacheMetaFile = (cacheDir: string, servicePrincipalId: string) => `${cacheBase(cacheDir, servicePrincipalId)}.meta.json`;

const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
