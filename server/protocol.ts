/**
 * Everything the VS Code client and the language server say to each other beyond standard LSP,
 * declared once and imported by both ends: the command ids (also contributed in package.json and
 * checked against it by test/architecture/protocol.test.ts), the preview request and settings
 * notification with their types, and the Graph requests (server/graph/protocol.ts, re-exported).
 * Plain types and constants, no runtime dependencies.
 */
import type { PreviewSettings } from './service/sample-users';

export type { PreviewSettings } from './service/sample-users';
export * from './graph/protocol';

/** Command ids: those the server's code lenses run and those the client registers. */
export const COMMANDS = {
  restartServer: 'aadmap.restartServer',
  newMappingFile: 'aadmap.newMappingFile',
  previewProvisioning: 'aadmap.previewProvisioning',
  selectSampleUser: 'aadmap.selectSampleUser',
  graphDeploy: 'aadmap.graph.deploy',
  graphWhatIf: 'aadmap.graph.whatIf',
  graphPull: 'aadmap.graph.pull',
  graphRollback: 'aadmap.graph.rollback',
  lifecycleStart: 'aadmap.lifecycle.start',
  lifecyclePause: 'aadmap.lifecycle.pause',
  lifecycleRestart: 'aadmap.lifecycle.restart',
  lifecycleTestConnection: 'aadmap.lifecycle.testConnection',
  lifecycleProvisionUser: 'aadmap.lifecycle.provisionUser',
  lifecycleRefresh: 'aadmap.lifecycle.refresh',
  lifecycleShowProvisioning: 'aadmap.lifecycle.showProvisioning',
  lifecycleExplainQuarantine: 'aadmap.lifecycle.explainQuarantine',
  impactShow: 'aadmap.impact.show',
  impactSelectUsers: 'aadmap.impact.selectUsers',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface PreviewRequestParams {
  textDocument: { uri: string };
  format?: 'http' | 'json';
}

export interface PreviewRequestResult {
  content: string;
  /** The sample user used (URI), if any. */
  sampleUser?: string;
}

/** Client → server requests of the preview: method → params and result (as GraphProtocol). */
export interface PreviewProtocol {
  'aadmap/preview': { params: PreviewRequestParams; result: PreviewRequestResult };
}

/** Client → server notifications: method → params. */
export interface ClientNotifications {
  /** The sample user, default domain and PATCH flavour the preview and the evaluation lenses use. */
  'aadmap/previewSettings': PreviewSettings;
}

/** The preview document's text for a mapping file. */
export const PREVIEW_REQUEST = 'aadmap/preview' satisfies keyof PreviewProtocol;
/** Sent at start and whenever the settings or the chosen sample user change. */
export const PREVIEW_SETTINGS_NOTIFICATION = 'aadmap/previewSettings' satisfies keyof ClientNotifications;
