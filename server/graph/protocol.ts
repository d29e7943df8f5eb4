/**
 * The custom LSP requests between the VS Code client and the language server for pull, what-if,
 * deploy and rollback (Bicep-style: the client asks, the server does the work). Shared by both
 * sides; plain types and method names, no runtime dependencies.
 *
 * No access token travels in these messages (they are traced verbatim with `aadmap.trace.server`):
 * a request that calls Graph carries a `tokenHandle`, and the server obtains the token for it through
 * the sealed exchange of token-exchange.ts, uses it for that request only and never logs it. Handlers
 * never throw: every result is `{ ok: true, … }` or `{ ok: false, kind, message }`.
 */
import type { DeployTarget } from './deploy-target';
import type { LogDiagnostic } from './lifecycle/log-diagnostics';
import type { ErrorGroup, LogRecord } from './lifecycle/logs';
import type { DirectoryUserInfo, ProvisionReport } from './lifecycle/provision';
import type { JobStatusReport } from './lifecycle/status';
import type { EditorImpact, EditorImpactParams } from '../impact/editor';

export interface GraphConnectionParams {
  /** Graph host; `/v1.0` is added. */
  endpoint: string;
  /** Names a token the editor holds (token-exchange.ts); never the token itself. */
  tokenHandle: string;
}

export type GraphFailureKind = 'refused' | 'failed' | 'usage' | 'cancelled';
export type GraphResult<T> = ({ ok: true } & T) | { ok: false; kind: GraphFailureKind; message: string };

export interface ServicePrincipalItem {
  id: string;
  appId: string;
  displayName: string;
}

export interface JobItem {
  id: string;
  templateId: string;
  status: string;
}

export interface PlanSummary {
  /** Pass to `execute`; plans expire after 30 minutes. */
  planId: string;
  summary: string;
  details: string;
  warnings: string[];
  /** Number of changes (0: nothing to deploy). */
  total: number;
  /** The `.aadmap` views of the current and the new mappings (left and right of the diff editor). */
  beforeText: string;
  afterText: string;
  target: { tenant?: string; servicePrincipal: ServicePrincipalItem; jobId: string };
}

export interface BackupItem {
  location: string;
  savedAt: string;
  reason: string;
  servicePrincipalId: string;
  jobId: string;
  tenant?: string;
}

/** Method → params and result. */
export interface GraphProtocol {
  'aadmap/graph/deployTarget': { params: { text: string }; result: { target: DeployTarget } };
  'aadmap/graph/servicePrincipals': {
    params: GraphConnectionParams & { search: string };
    result: GraphResult<{ items: ServicePrincipalItem[] }>;
  };
  'aadmap/graph/jobs': { params: GraphConnectionParams & { servicePrincipal: string }; result: GraphResult<{ items: JobItem[] }> };
  'aadmap/graph/pull': { params: GraphConnectionParams & { target: DeployTarget }; result: GraphResult<{ text: string }> };
  'aadmap/graph/planDeploy': {
    params: GraphConnectionParams & { uri: string; text: string; target: DeployTarget; validate: boolean };
    result: GraphResult<PlanSummary>;
  };
  'aadmap/graph/planRollback': {
    params: GraphConnectionParams & { backup: string; target: DeployTarget };
    result: GraphResult<PlanSummary>;
  };
  'aadmap/graph/execute': {
    params: GraphConnectionParams & { planId: string; backupDirectory: string; reason: string };
    result: GraphResult<{ message: string; backup: string }>;
  };
  'aadmap/graph/backups': { params: { backupDirectory: string }; result: { items: BackupItem[] } };
  /** After the deploy (docs/watch-and-troubleshoot.md): read-only status, lifecycle actions, logs, provision on demand. */
  'aadmap/graph/status': { params: LifecycleParams; result: GraphResult<{ status: JobStatusReport }> };
  'aadmap/graph/control': {
    params: LifecycleParams & { action: LifecycleAction; reset?: string[] };
    result: GraphResult<{ message: string }>;
  };
  'aadmap/graph/logs': {
    /** `text`: the mapping file, for diagnostics on its lines. */
    params: LifecycleParams & { since: string; text?: string };
    result: GraphResult<{ records: LogRecord[]; groups: ErrorGroup[]; diagnostics: LogDiagnostic[] }>;
  };
  'aadmap/graph/users': { params: GraphConnectionParams & { search: string }; result: GraphResult<{ items: DirectoryUserInfo[] }> };
  'aadmap/graph/provision': {
    params: LifecycleParams & { uri: string; text: string; user: string };
    result: GraphResult<{ report: ProvisionReport; text: string }>;
  };
  /**
   * The impact of the editor's text on every user (docs/impact.md, "In VS Code"): the Impact view, and
   * the deploy modal with before `plan`. The connection is needed only for the job, a plan or tenant users.
   */
  'aadmap/graph/impact': { params: Partial<GraphConnectionParams> & EditorImpactParams; result: GraphResult<EditorImpact> };
}

export type LifecycleAction = 'start' | 'pause' | 'restart' | 'testConnection';
export type LifecycleParams = GraphConnectionParams & { target: DeployTarget };

export type GraphMethod = keyof GraphProtocol;

/** Every Graph request by name (the record's type makes it list each method of GraphProtocol once). */
const GRAPH_METHOD_NAMES: Record<GraphMethod, true> = {
  'aadmap/graph/deployTarget': true,
  'aadmap/graph/servicePrincipals': true,
  'aadmap/graph/jobs': true,
  'aadmap/graph/pull': true,
  'aadmap/graph/planDeploy': true,
  'aadmap/graph/planRollback': true,
  'aadmap/graph/execute': true,
  'aadmap/graph/backups': true,
  'aadmap/graph/status': true,
  'aadmap/graph/control': true,
  'aadmap/graph/logs': true,
  'aadmap/graph/users': true,
  'aadmap/graph/provision': true,
  'aadmap/graph/impact': true,
};
export const GRAPH_METHODS = Object.keys(GRAPH_METHOD_NAMES) as GraphMethod[];

/** Server → client: a log line (already sanitized); `step` lines also update the progress notification. */
export const GRAPH_LOG_NOTIFICATION = 'aadmap/graph/log';
export interface GraphLogParams {
  level: 'trace' | 'info' | 'warn' | 'error';
  message: string;
  step?: boolean;
}
