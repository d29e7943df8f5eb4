/**
 * `aadmap start | pause | restart | test-connection`: the job's lifecycle calls
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-start, -pause, -restart,
 * -validatecredentials). Each answers 204 on success. `None` and `ConnectorDataStore` are documented
 * "do not use" reset scopes: parseResetScopes refuses them, so they are never sent.
 */
import { localized, t } from '../../../grammar/common/l10n';
import type { SynchronizationApi } from '../sync-api';
import type { ResolvedTarget } from '../workflow';
import { FORBIDDEN_RESET_SCOPES, RESET_SCOPE_EFFECTS, RESET_SCOPES, type ResetScope } from './catalogue';

const enc = encodeURIComponent;

export class ResetScopeError extends Error {}

function jobPath(target: ResolvedTarget): string {
  return `/servicePrincipals/${enc(target.servicePrincipal.id)}/synchronization/jobs/${enc(target.job.id)}`;
}

export async function startJob(api: SynchronizationApi, target: ResolvedTarget, signal?: AbortSignal): Promise<void> {
  await api.graph.request('POST', `${jobPath(target)}/start`, { signal });
}

export async function pauseJob(api: SynchronizationApi, target: ResolvedTarget, signal?: AbortSignal): Promise<void> {
  await api.graph.request('POST', `${jobPath(target)}/pause`, { signal });
}

/**
 * `--reset A,B` (case-insensitive, comma- or space-separated) plus `--force-deletes` → the scopes to
 * send; an empty list is the portal's "Restart provisioning" (an empty resetScope).
 */
export function parseResetScopes(value: string | undefined, forceDeletes: boolean): ResetScope[] {
  const scopes: ResetScope[] = [];
  // An empty item (`--reset ,`, `Escrows,,Watermark`, `--reset ''`) is a mistake, never "no scopes":
  // a plain restart is `restart` without --reset.
  const items = value === undefined ? [] : value.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new ResetScopeError(
      t("--reset has an empty item (got '{0}'): list {1} separated by commas.", value ?? '', RESET_SCOPES.join(', ')),
    );
  for (const part of items.flatMap((item) => item.split(/\s+/))) {
    const forbidden = FORBIDDEN_RESET_SCOPES.find((s) => s.toLowerCase() === part.toLowerCase());
    if (forbidden)
      throw new ResetScopeError(
        forbidden === 'None'
          ? t('--reset {0} is never sent: Microsoft documents it as "do not use" (use aadmap start).', forbidden)
          : t('--reset {0} is never sent: Microsoft documents it as "do not use" (contact Microsoft support).', forbidden),
      );
    const scope = RESET_SCOPES.find((s) => s.toLowerCase() === part.toLowerCase());
    if (!scope) throw new ResetScopeError(t("--reset must be a comma-separated list of {0} (got '{1}').", RESET_SCOPES.join(', '), part));
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  if (forceDeletes && !scopes.includes('ForceDeletes')) scopes.push('ForceDeletes');
  return scopes;
}

/** The scopes that need an explicit confirmation, beyond --yes. */
export function dangerousScopes(scopes: readonly ResetScope[]): ResetScope[] {
  return scopes.filter((s) => s === 'Full' || s === 'ForceDeletes');
}

/** What a restart with these scopes does, one line each. */
export function describeRestart(scopes: readonly ResetScope[]): string[] {
  if (!scopes.length)
    return [
      t(
        'Restart provisioning (as the portal does): clears the escrows and the watermark, lifts the quarantine; every user is evaluated again.',
      ),
    ];
  return scopes.map((s) => resetScopeLine(s));
}

/** `Scope: what it does.`, in the user's language (the CLI's confirmation and the editor's dialog). */
export function resetScopeLine(scope: ResetScope): string {
  return t('{0}: {1}.', scope, localized(RESET_SCOPE_EFFECTS[scope]));
}

export async function restartJob(
  api: SynchronizationApi,
  target: ResolvedTarget,
  scopes: readonly ResetScope[],
  signal?: AbortSignal,
): Promise<void> {
  if (scopes.some((s) => (FORBIDDEN_RESET_SCOPES as readonly string[]).includes(s))) throw new ResetScopeError('refused reset scope');
  const body = { criteria: { resetScope: scopes.join(', ') } };
  await api.graph.request('POST', `${jobPath(target)}/restart`, { body: JSON.stringify(body), signal });
}

/** validateCredentials with the saved credentials: resolves on 204, throws the service's GraphError otherwise. */
export async function testConnection(api: SynchronizationApi, target: ResolvedTarget, signal?: AbortSignal): Promise<void> {
  await api.graph.request('POST', `${jobPath(target)}/validateCredentials`, {
    body: JSON.stringify({ useSavedCredentials: true }),
    signal,
  });
}
