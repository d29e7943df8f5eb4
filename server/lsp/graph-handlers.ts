/**
 * Thin LSP handlers for the Graph requests of server/graph/protocol.ts: each one builds a Graph
 * client from the request's endpoint and the token behind its handle (asked from the editor through
 * the sealed exchange of server/graph/token-exchange.ts, so no token is in a traced message), runs a
 * workflow step and maps the outcome to a result. Plans live here between `planDeploy`/`planRollback` and `execute` (30 minutes at most).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { parseMappingFile } from '../../grammar/mapping/index';
import { GraphCancelledError, GraphClient, GraphError } from '../graph/client';
import { readDeployTarget } from '../graph/deploy-target';
import {
  GRAPH_LOG_NOTIFICATION,
  type GraphConnectionParams,
  type GraphFailureKind,
  type GraphLogParams,
  type GraphMethod,
  type GraphProtocol,
  type GraphResult,
  type PlanSummary,
} from '../graph/protocol';
import { SynchronizationApi } from '../graph/sync-api';
import { GRAPH_TOKEN_REQUEST, type TokenRequestResult, tokenRequest } from '../graph/token-exchange';
import { executePlan, type Plan, planDeploy, planRollback, pull, type Steps, WorkflowError } from '../graph/workflow';
import { editorImpact, impactNeedsGraph } from '../impact/editor';
import { createBackupStore } from '../node/backup-store';
import { type SchemaFileReader, schemaFilesRead } from '../service/schema-resolver';
import { registerLifecycleHandlers } from './lifecycle-handlers';
import { t } from '../../grammar/common/l10n';

const PLAN_LIFETIME_MS = 30 * 60_000;

/** The handler of each Graph request, registered with the connection by graph-requests.ts. */
export type GraphHandlers = Map<GraphMethod, (params: unknown, token: CancellationToken) => Promise<unknown>>;

/**
 * `schemaReadWaitMs`: how long a request on a file waits for the schema files it names, when the
 * reader reads in the background (server/node/schema-file-reader.ts); past it the request fails
 * instead of checking the file without its schema.
 */
export function createGraphHandlers(connection: Connection, schemaFiles: SchemaFileReader, schemaReadWaitMs: number): GraphHandlers {
  const handlers: GraphHandlers = new Map();
  const plans = new Map<string, { plan: Plan; expires: number }>();

  const notify = (params: GraphLogParams) => void connection.sendNotification(GRAPH_LOG_NOTIFICATION, params).catch(() => undefined);

  const on = <M extends GraphMethod>(
    method: M,
    handler: (params: GraphProtocol[M]['params'], token: CancellationToken) => Promise<GraphProtocol[M]['result']>,
  ) =>
    handlers.set(method, (async (params: GraphProtocol[M]['params'], token: CancellationToken) => {
      const file = params as { text?: unknown; uri?: unknown };
      if (typeof file.text === 'string' && typeof file.uri === 'string') {
        if (!(await schemaFilesRead(file.text, file.uri, schemaFiles, schemaReadWaitMs))) {
          const seconds = Math.round(schemaReadWaitMs / 1000);
          // Every request on a file's text answers a GraphResult (server/graph/protocol.ts).
          return {
            ok: false,
            kind: 'failed',
            message: t(
              "The target schema file of {0} is still being read after {1} s (a slow disk or network drive?); nothing was sent to Microsoft Graph. Try again once the file's diagnostics show its checks.",
              file.uri,
              seconds,
            ),
          } as GraphProtocol[M]['result'];
        }
      }
      return handler(params, token);
    }) as (params: unknown, token: CancellationToken) => Promise<unknown>);

  /** Runs a Graph step; every failure becomes a result, with secrets removed from its message. */
  async function withGraph<T>(
    params: GraphConnectionParams,
    token: CancellationToken,
    run: (api: SynchronizationApi, steps: Steps, signal: AbortSignal) => Promise<T>,
  ): Promise<GraphResult<T>> {
    const controller = new AbortController();
    const subscription = token?.onCancellationRequested?.(() => controller.abort());
    let client: GraphClient | undefined;
    let pending: Promise<string> | undefined;
    const getToken = () => {
      const exchange = tokenRequest(String(params?.tokenHandle));
      pending ??= connection
        .sendRequest<TokenRequestResult>(GRAPH_TOKEN_REQUEST, exchange.params)
        .then((result) => exchange.open(result))
        .catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
      return pending;
    };
    try {
      client = new GraphClient({
        endpoint: params.endpoint,
        getToken,
        log: (level, message) => notify({ level, message }),
      });
      const steps: Steps = { step: (message) => notify({ level: 'info', message, step: true }) };
      const value = await run(new SynchronizationApi(client), steps, controller.signal);
      return { ok: true, ...value };
    } catch (error) {
      return failure(error, (raw) => (client ? client.sanitizer.clean(raw) : raw));
    } finally {
      subscription?.dispose();
    }
  }

  function failure(error: unknown, clean: (message: string) => string): { ok: false; kind: GraphFailureKind; message: string } {
    const kind: GraphFailureKind =
      error instanceof GraphCancelledError
        ? 'cancelled'
        : error instanceof WorkflowError && error.kind !== 'unverified'
          ? error.kind
          : // 'unverified' (the PUT was sent): its message says what the job holds and how to roll back.
            'failed';
    const message = clean(error instanceof Error ? error.message : String(error));
    if (!(error instanceof WorkflowError || error instanceof GraphError || error instanceof GraphCancelledError)) {
      notify({ level: 'error', message: t('unexpected failure: {0}', message) });
    }
    return { ok: false, kind, message };
  }

  /** A step that needs no Graph connection, with the same results and cancellation as withGraph. */
  async function offline<T>(token: CancellationToken, run: (signal: AbortSignal) => Promise<T>): Promise<GraphResult<T>> {
    const controller = new AbortController();
    const subscription = token?.onCancellationRequested?.(() => controller.abort());
    try {
      return { ok: true, ...(await run(controller.signal)) };
    } catch (error) {
      return failure(error, (raw) => raw);
    } finally {
      subscription?.dispose();
    }
  }

  function keep(plan: Plan): PlanSummary {
    const now = Date.now();
    for (const [id, entry] of plans) if (entry.expires < now) plans.delete(id);
    const planId = randomUUID();
    plans.set(planId, { plan, expires: now + PLAN_LIFETIME_MS });
    const { servicePrincipal, job, tenant } = plan.target;
    return {
      planId,
      summary: plan.summary,
      details: plan.details,
      warnings: plan.warnings,
      total: plan.diff.total,
      beforeText: plan.diff.beforeText,
      afterText: plan.diff.afterText,
      target: { tenant, servicePrincipal, jobId: job.id },
    };
  }

  on('aadmap/graph/deployTarget', async ({ text }) => ({ target: readDeployTarget(parseMappingFile(text).ast) }));

  on('aadmap/graph/servicePrincipals', (params, token) =>
    withGraph(params, token, async (api, _steps, signal) => ({ items: await api.findServicePrincipals(params.search, signal) })),
  );

  on('aadmap/graph/jobs', (params, token) =>
    withGraph(params, token, async (api, _steps, signal) => {
      const sp = await api.servicePrincipal(params.servicePrincipal, signal);
      return { items: (await api.jobs(sp.id, signal)).map((j) => ({ id: j.id, templateId: j.templateId, status: j.status })) };
    }),
  );

  on('aadmap/graph/pull', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => ({ text: (await pull(api, params.target, { steps, signal })).text })),
  );

  on('aadmap/graph/planDeploy', (params, token) =>
    withGraph(params, token, async (api, steps, signal) =>
      keep(
        await planDeploy(
          api,
          { text: params.text, uri: params.uri, schemaFiles, overrides: params.target, validate: params.validate },
          steps,
          signal,
        ),
      ),
    ),
  );

  on('aadmap/graph/planRollback', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => {
      const store = createBackupStore(join(params.backup, '..'));
      return keep(await planRollback(api, store, params.backup, params.target, steps, signal));
    }),
  );

  on('aadmap/graph/execute', (params, token) =>
    withGraph(params, token, async (api, steps, signal) => {
      const entry = plans.get(params.planId);
      if (!entry || entry.expires < Date.now()) throw new WorkflowError(t('This what-if has expired; run it again.'), 'refused');
      plans.delete(params.planId);
      const report = await executePlan(api, entry.plan, createBackupStore(params.backupDirectory), steps, signal, params.reason);
      return { message: report.message, backup: report.backup };
    }),
  );

  on('aadmap/graph/backups', async ({ backupDirectory }) => ({
    items: await createBackupStore(backupDirectory)
      .list()
      .catch(() => []),
  }));

  on('aadmap/graph/impact', (params, token) =>
    impactNeedsGraph(params)
      ? withGraph(params as GraphConnectionParams, token, (api, steps, signal) =>
          editorImpact(params, {
            schemaFiles,
            signal,
            api,
            step: steps.step,
            plan: params.planId ? plans.get(params.planId)?.plan : undefined,
          }),
        )
      : offline(token, (signal) => editorImpact(params, { schemaFiles, signal })),
  );

  registerLifecycleHandlers(on, withGraph, schemaFiles);
  return handlers;
}
