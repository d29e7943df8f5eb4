/**
 * Thin LSP handlers for the requests after a deploy (status, start/pause/restart/test connection,
 * logs with their diagnostics, users, provision on demand): each resolves the job like deploy does
 * and calls one server/graph/lifecycle module.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { dangerousScopes, parseResetScopes, pauseJob, restartJob, startJob, testConnection } from '../graph/lifecycle/control';
import { logDiagnostics } from '../graph/lifecycle/log-diagnostics';
import { groupByErrorCode, readLogs } from '../graph/lifecycle/logs';
import { formatProvisionText, provisionOnDemand, searchUsers } from '../graph/lifecycle/provision';
import { readJobStatus } from '../graph/lifecycle/status';
import type { GraphConnectionParams, GraphMethod, GraphProtocol, GraphResult } from '../graph/protocol';
import type { SynchronizationApi } from '../graph/sync-api';
import { resolveTarget, type Steps, WorkflowError } from '../graph/workflow';
import { analyzeMappingText } from '../service/analysis';
import type { SchemaFileReader } from '../service/schema-resolver';
import { t } from '../../grammar/common/l10n';

type On = <M extends GraphMethod>(
  method: M,
  handler: (params: GraphProtocol[M]['params'], token: CancellationToken) => Promise<GraphProtocol[M]['result']>,
) => unknown;
type WithGraph = <T>(
  params: GraphConnectionParams,
  token: CancellationToken,
  run: (api: SynchronizationApi, steps: Steps, signal: AbortSignal) => Promise<T>,
) => Promise<GraphResult<T>>;

export function registerLifecycleHandlers(on: On, withGraph: WithGraph, schemaFiles: SchemaFileReader): void {
  on('aadmap/graph/status', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => ({
      status: await readJobStatus(api, await resolveTarget(api, params.target, steps, signal), signal),
    })),
  );

  on('aadmap/graph/control', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => {
      const target = await resolveTarget(api, params.target, steps, signal);
      const job = target.job.id;
      switch (params.action) {
        case 'start':
          await startJob(api, target, signal);
          return { message: t('Started job {0}.', job) };
        case 'pause':
          await pauseJob(api, target, signal);
          return { message: t('Paused job {0}.', job) };
        case 'testConnection':
          await testConnection(api, target, signal);
          return { message: t('Connection OK: the service reached the application with the saved credentials of job {0}.', job) };
        default: {
          let scopes;
          try {
            scopes = parseResetScopes(params.reset?.length ? params.reset.join(',') : undefined, false);
          } catch (error) {
            throw new WorkflowError((error as Error).message, 'usage');
          }
          // The client confirms Full / ForceDeletes with a modal dialog before it asks.
          await restartJob(api, target, scopes, signal);
          const dangerous = dangerousScopes(scopes);
          const reset = scopes.join(', ');
          return {
            message: !scopes.length
              ? t('Restarted job {0}.', job)
              : dangerous.length
                ? t('Restarted job {0} (reset: {1}); the confirmed reset was sent.', job, reset)
                : t('Restarted job {0} (reset: {1}).', job, reset),
          };
        }
      }
    }),
  );

  on('aadmap/graph/logs', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => {
      const target = await resolveTarget(api, params.target, steps, signal);
      const records = await readLogs(api, target, { since: params.since }, signal);
      return {
        records,
        groups: groupByErrorCode(records),
        diagnostics: params.text === undefined ? [] : logDiagnostics(params.text, records),
      };
    }),
  );

  on('aadmap/graph/users', (params, token) =>
    withGraph(params, token, async (api, _steps, signal) => ({ items: await searchUsers(api, params.search, signal) })),
  );

  on('aadmap/graph/provision', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => {
      const target = await resolveTarget(api, params.target, steps, signal);
      const analysis = analyzeMappingText(params.text, params.uri, schemaFiles);
      const report = await provisionOnDemand(api, target, analysis, params.user, steps, signal);
      return { report, text: formatProvisionText(report) };
    }),
  );
}
