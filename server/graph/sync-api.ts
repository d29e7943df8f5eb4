/** The synchronization endpoints aadmap uses (https://learn.microsoft.com/en-us/graph/api/resources/synchronization-overview), over a GraphClient. */
import { t } from '../../grammar/common/l10n';
import { GraphClient, GraphError } from './client';
import { asArray, isRecord, str } from './json';

export interface ServicePrincipalInfo {
  id: string;
  appId: string;
  displayName: string;
}

export interface JobInfo {
  id: string;
  templateId: string;
  status: string;
  scheduleState: string;
}

export interface SchemaSnapshot {
  /** The body exactly as Graph returned it (backups keep these bytes). */
  bytes: Uint8Array;
  json: Record<string, unknown>;
}

export interface ParseExpressionResult {
  parsingSucceeded: boolean;
  parsedExpression?: unknown;
  error?: string;
}

const enc = encodeURIComponent;
const SELECT = '$select=id,appId,displayName';

function servicePrincipal(value: unknown): ServicePrincipalInfo | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  return { id: value.id, appId: str(value.appId) ?? '', displayName: str(value.displayName) ?? '' };
}

export class SynchronizationApi {
  constructor(readonly graph: GraphClient) {}

  /** By object id; when there is none, by appId (people often copy the application id). */
  async servicePrincipal(idOrAppId: string, signal?: AbortSignal): Promise<ServicePrincipalInfo> {
    try {
      const { json } = await this.graph.getJson(`/servicePrincipals/${enc(idOrAppId)}?${SELECT}`, signal);
      const found = servicePrincipal(json);
      if (found) return found;
    } catch (error) {
      if (!(error instanceof GraphError && (error.status === 404 || error.status === 400))) throw error;
    }
    try {
      const { json } = await this.graph.getJson(`/servicePrincipals(appId='${enc(idOrAppId.replace(/'/g, "''"))}')?${SELECT}`, signal);
      const found = servicePrincipal(json);
      if (found) return found;
    } catch (error) {
      if (!(error instanceof GraphError && (error.status === 404 || error.status === 400))) throw error;
    }
    throw new GraphError(t('No service principal (enterprise application) has the object id or appId "{0}" in this tenant.', idOrAppId), {
      status: 404,
      code: 'Request_ResourceNotFound',
      method: 'GET',
      path: `/servicePrincipals/${idOrAppId}`,
    });
  }

  /** Enterprise applications whose display name starts with `prefix` (for a picker). */
  async findServicePrincipals(prefix: string, signal?: AbortSignal): Promise<ServicePrincipalInfo[]> {
    const filter = enc(`startswith(displayName,'${prefix.replace(/'/g, "''")}')`);
    const { json } = await this.graph.getJson(`/servicePrincipals?$filter=${filter}&${SELECT}&$top=50`, signal);
    return asArray(isRecord(json) ? json.value : undefined)
      .map(servicePrincipal)
      .filter((sp): sp is ServicePrincipalInfo => !!sp);
  }

  async jobs(servicePrincipalId: string, signal?: AbortSignal): Promise<JobInfo[]> {
    const { json } = await this.graph.getJson(`/servicePrincipals/${enc(servicePrincipalId)}/synchronization/jobs`, signal);
    return asArray(isRecord(json) ? json.value : undefined)
      .filter(isRecord)
      .filter((job) => typeof job.id === 'string')
      .map((job) => ({
        id: job.id as string,
        templateId: str(job.templateId) ?? '',
        status: isRecord(job.status) ? (str(job.status.code) ?? '') : '',
        scheduleState: isRecord(job.schedule) ? (str(job.schedule.state) ?? '') : '',
      }));
  }

  private schemaPath(servicePrincipalId: string, jobId: string): string {
    return `/servicePrincipals/${enc(servicePrincipalId)}/synchronization/jobs/${enc(jobId)}/schema`;
  }

  async schema(servicePrincipalId: string, jobId: string, signal?: AbortSignal): Promise<SchemaSnapshot> {
    const path = this.schemaPath(servicePrincipalId, jobId);
    const { json, response } = await this.graph.getJson(path, signal);
    if (!isRecord(json))
      throw new GraphError(t('GET {0}: the answer is not a synchronizationSchema object.', path), {
        code: 'InvalidResponse',
        method: 'GET',
        path,
      });
    return { bytes: response.bytes, json };
  }

  /** Replaces the whole schema (PUT, 204); PATCH is not supported by the service. */
  async putSchema(
    servicePrincipalId: string,
    jobId: string,
    body: string | Uint8Array,
    signal?: AbortSignal,
    options: { retry?: boolean } = {},
  ): Promise<void> {
    await this.graph.request('PUT', this.schemaPath(servicePrincipalId, jobId), { body, signal, retry: options.retry });
  }

  async parseExpression(
    servicePrincipalId: string,
    jobId: string,
    expression: string,
    signal?: AbortSignal,
  ): Promise<ParseExpressionResult> {
    const json = await this.graph.postJson(
      `${this.schemaPath(servicePrincipalId, jobId)}/parseExpression`,
      { expression, testInputObject: null, targetAttributeDefinition: null },
      signal,
    );
    if (!isRecord(json)) return { parsingSucceeded: false, error: t('parseExpression returned no object') };
    const error = isRecord(json.error) ? [str(json.error.code), str(json.error.message)].filter(Boolean).join(': ') : undefined;
    return { parsingSucceeded: json.parsingSucceeded === true, parsedExpression: json.parsedExpression ?? undefined, error };
  }

  /**
   * The job's function list (`GET …/schema/functions`), the body exactly as Graph returned it: pull
   * keeps it beside the schema file so the checker knows what this job's service runs.
   */
  async functions(servicePrincipalId: string, jobId: string, signal?: AbortSignal): Promise<SchemaSnapshot> {
    const path = `${this.schemaPath(servicePrincipalId, jobId)}/functions`;
    const { json, response } = await this.graph.getJson(path, signal);
    if (!isRecord(json) || !Array.isArray(json.value))
      throw new GraphError(t('GET {0}: the answer is not a function list.', path), { code: 'InvalidResponse', method: 'GET', path });
    return { bytes: response.bytes, json };
  }

  async filterOperators(servicePrincipalId: string, jobId: string, signal?: AbortSignal): Promise<string[]> {
    const { json } = await this.graph.getJson(`${this.schemaPath(servicePrincipalId, jobId)}/filterOperators`, signal);
    return asArray(isRecord(json) ? json.value : undefined)
      .map((op) => (isRecord(op) ? (str(op.name) ?? str(op.id)) : undefined))
      .filter((name): name is string => !!name);
  }
}
