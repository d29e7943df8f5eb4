/**
 * The emulator's directory side, kept apart from the synchronization endpoints (Graph's users, delta
 * and appRoleAssignedTo pages on learn.microsoft.com; docs/impact.md):
 *
 *   GET /users?$select=…&$top=N                            pages with @odata.nextLink ($top 1–999)
 *   GET /users/delta?$select=…[&$deltatoken=latest]        every user (or none with latest), then a deltaLink;
 *                                                          a deltaLink round returns the users changed since,
 *                                                          and removed ones as {"id", "@removed": {"reason"}}
 *   GET /servicePrincipals/{id}/appRoleAssignedTo          paged
 *   GET /groups/{id}/members/microsoft.graph.user          direct user members only, paged
 *
 * Throttling comes from the emulator's fault injection (429 with Retry-After on any of these paths).
 */
import { directoryUser } from '../support/directory-users';
import { graphUser } from '../../server/impact/graph-names';
import type { GraphEmulator } from './emulator';

export interface SecretPair {
  key: string;
  value: string;
}

export interface DirectoryUserRecord {
  graph: Record<string, unknown>;
  /** The change counter when the user last changed (delta tokens are change counters). */
  version: number;
  removed?: 'changed' | 'deleted';
}

export interface DirectoryState {
  /** Service principal id → its secrets: the lifecycle emulator's store (one store; it masks secret values on read). */
  secrets: Map<string, SecretPair[]>;
  users: DirectoryUserRecord[];
  /** Service principal id → its app role assignments. */
  assignments: Map<string, { principalId: string; principalType: 'User' | 'Group' }[]>;
  /** Group id → member ids (users or groups). */
  groups: Map<string, string[]>;
  version: number;
}

const states = new WeakMap<GraphEmulator, DirectoryState>();

export function directoryOf(emulator: GraphEmulator): DirectoryState {
  let state = states.get(emulator);
  if (!state)
    states.set(
      emulator,
      (state = { secrets: emulator.lifecycle.secrets, users: [], assignments: new Map(), groups: new Map(), version: 0 }),
    );
  return state;
}

/**
 * `count` generated users (test/support/directory-users.ts, in Graph's shape) for the service principal:
 * users 0, 3, 6, … assigned directly; the other assigned ones through the group "Chatwork users";
 * users marked `"@assigned": false` only through a group nested in it (which the service does not read).
 */
export function seedDirectory(emulator: GraphEmulator, servicePrincipalId: string, count: number, seed = 1): void {
  const state = directoryOf(emulator);
  const direct: { principalId: string; principalType: 'User' | 'Group' }[] = [];
  const members: string[] = ['nested-group'];
  const nested: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = directoryUser(i, seed, { assignment: true });
    const assigned = source['@assigned'] !== false;
    delete source['@assigned'];
    const graph = graphUser(source);
    state.users.push({ graph, version: ++state.version });
    const id = graph['id'] as string;
    if (!assigned) nested.push(id);
    else if (i % 3 === 0) direct.push({ principalId: id, principalType: 'User' });
    else members.push(id);
  }
  direct.push({ principalId: 'chatwork-users', principalType: 'Group' });
  state.assignments.set(servicePrincipalId, direct);
  state.groups.set('chatwork-users', members);
  state.groups.set('nested-group', nested);
}

/** Changes a user as an administrator would (a new change counter, so the next delta round returns it). */
export function changeUser(emulator: GraphEmulator, id: string, change: Record<string, unknown> | 'softDelete' | 'hardDelete'): void {
  const state = directoryOf(emulator);
  const record = state.users.find((u) => u.graph['id'] === id);
  if (!record) throw new Error(`no user ${id}`);
  record.version = ++state.version;
  if (change === 'softDelete') record.removed = 'changed';
  else if (change === 'hardDelete') record.removed = 'deleted';
  else {
    delete record.removed;
    Object.assign(record.graph, change);
  }
}

const PAGE = 200;

function project(graph: Record<string, unknown>, select: string[]): Record<string, unknown> {
  if (!select.length) return graph;
  return Object.fromEntries(['id', ...select].map((name) => [name, graph[name] ?? null]));
}

/** The answer for a directory request, or undefined when the path is not one of these. */
export function routeDirectory(
  emulator: GraphEmulator,
  method: string,
  path: string,
  query: URLSearchParams,
): { status: number; body?: unknown } | undefined {
  if (method !== 'GET') return undefined;
  const state = directoryOf(emulator);
  const base = `${emulator.url}/v1.0`;
  const select = (query.get('$select') ?? '').split(',').filter(Boolean);
  const page = <T>(items: readonly T[], size: number, link: (skip: number) => string) => {
    const skip = Number(query.get('$skiptoken') ?? 0);
    const slice = items.slice(skip, skip + size);
    return { slice, nextLink: skip + size < items.length ? link(skip + size) : undefined };
  };
  const top = () => {
    const raw = query.get('$top');
    if (raw === null) return 100;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= 999 ? n : undefined;
  };
  const badTop = () => ({
    status: 400,
    body: {
      error: {
        code: 'Request_UnsupportedQuery',
        message: `Invalid page size specified: '${query.get('$top')}'. Must be between 1 and 999 inclusive.`,
      },
    },
  });
  if (path === '/users') {
    const size = top();
    if (size === undefined) return badTop();
    const live = state.users.filter((u) => !u.removed);
    const { slice, nextLink } = page(live, size, (skip) => `${base}/users?$select=${select.join(',')}&$top=${size}&$skiptoken=${skip}`);
    return {
      status: 200,
      body: { value: slice.map((u) => project(u.graph, select)), ...(nextLink ? { '@odata.nextLink': nextLink } : {}) },
    };
  }
  if (path === '/users/delta') {
    const token = query.get('$deltatoken');
    const deltaLink = `${base}/users/delta?$select=${select.join(',')}&$deltatoken=${state.version}`;
    if (token === 'latest') return { status: 200, body: { value: [], '@odata.deltaLink': deltaLink } };
    const since = token === null ? -1 : Number(token);
    const changed = state.users.filter((u) => u.version > since && (since >= 0 || !u.removed));
    const { slice, nextLink } = page(
      changed,
      PAGE,
      (skip) => `${base}/users/delta?$select=${select.join(',')}&$deltatoken=${token ?? ''}&$skiptoken=${skip}`,
    );
    const value = slice.map((u) => (u.removed ? { id: u.graph['id'], '@removed': { reason: u.removed } } : project(u.graph, select)));
    return { status: 200, body: { value, ...(nextLink ? { '@odata.nextLink': nextLink } : { '@odata.deltaLink': deltaLink }) } };
  }
  const assigned = /^\/servicePrincipals\/([^/]+)\/appRoleAssignedTo$/.exec(path);
  if (assigned) {
    const size = top();
    if (size === undefined) return badTop();
    const all = state.assignments.get(assigned[1]!) ?? [];
    const { slice, nextLink } = page(
      all,
      size,
      (skip) => `${base}/servicePrincipals/${assigned[1]}/appRoleAssignedTo?$top=${size}&$skiptoken=${skip}`,
    );
    return {
      status: 200,
      body: { value: slice.map((a) => ({ ...a, resourceId: assigned[1] })), ...(nextLink ? { '@odata.nextLink': nextLink } : {}) },
    };
  }
  const members = /^\/groups\/([^/]+)\/members\/microsoft\.graph\.user$/.exec(path);
  if (members) {
    const size = top();
    if (size === undefined) return badTop();
    const ids = new Set(state.users.filter((u) => !u.removed).map((u) => u.graph['id']));
    const users = (state.groups.get(members[1]!) ?? []).filter((id) => ids.has(id));
    const { slice, nextLink } = page(
      users,
      size,
      (skip) => `${base}/groups/${members[1]}/members/microsoft.graph.user?$top=${size}&$skiptoken=${skip}`,
    );
    return { status: 200, body: { value: slice.map((id) => ({ id })), ...(nextLink ? { '@odata.nextLink': nextLink } : {}) } };
  }
  return undefined;
}
