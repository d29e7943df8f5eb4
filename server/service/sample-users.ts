/**
 * Which sample user (and existing target object) the editor evaluates a mapping file with. The
 * service does no I/O: files come through a SampleFileAccess the host provides (server/node).
 */
import { type EvaluationSettings, JsonSyntaxError, parseJson, readSampleUser, type SampleUser, SampleUserError } from '../evaluator/index';
import { isJsonObject, type JsonObject } from '../evaluator/json';
import type { PatchFlavour } from '../preview/preview';
import { BUILTIN_SOURCE, findObject } from '../schema/index';
import { t } from '../../grammar/common/l10n';

export interface SampleFileAccess {
  /** URIs of the sample users (`*.user.json`) next to a document, sorted by name. */
  listSampleUsers(documentUri: string): string[];
  /** `NAME.target.json` beside `NAME.user.json`, when it exists. */
  existingTargetFor(userUri: string): string | undefined;
  readText(uri: string): { text: string } | { error: string };
}

/** Editor settings (`aadmap.preview.*`), as the client sends them. */
export interface PreviewSettings {
  /** URI of the chosen sample user; none = the first `*.user.json` next to the document. */
  sampleUser?: string;
  defaultDomain?: string;
  scimCompliant?: boolean;
}

export interface SampleContext {
  userUri?: string;
  /** File name shown in lenses and hovers (`alice.user.json`). */
  userLabel?: string;
  user?: SampleUser;
  existingUri?: string;
  existingLabel?: string;
  existing?: JsonObject;
  /** Why there is no usable sample user (none found, unreadable, invalid). */
  problem?: string;
  settings: EvaluationSettings;
  patchFlavour: PatchFlavour;
}

function fileLabel(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export function resolveSampleContext(documentUri: string, files: SampleFileAccess, settings: PreviewSettings = {}): SampleContext {
  const context: SampleContext = {
    settings: settings.defaultDomain ? { defaultDomain: settings.defaultDomain } : {},
    patchFlavour: settings.scimCompliant ? 'aadOptscim062020' : 'default',
  };
  const userUri = settings.sampleUser || files.listSampleUsers(documentUri)[0];
  if (!userUri) {
    context.problem = t('No sample user: add a NAME.user.json file (attribute name → value) next to the mapping file');
    return context;
  }
  context.userUri = userUri;
  context.userLabel = fileLabel(userUri);
  const user = readJsonFile(files, userUri);
  if ('error' in user) {
    context.problem = `${context.userLabel}: ${user.error}`;
    return context;
  }
  try {
    context.user = readSampleUser(user.json, findObject(BUILTIN_SOURCE, 'User'));
  } catch (error) {
    if (!(error instanceof SampleUserError)) throw error;
    context.problem = `${context.userLabel}: ${error.message}`;
    return context;
  }
  const existingUri = files.existingTargetFor(userUri);
  if (existingUri) {
    context.existingUri = existingUri;
    context.existingLabel = fileLabel(existingUri);
    const existing = readJsonFile(files, existingUri);
    if ('error' in existing) context.problem = `${context.existingLabel}: ${existing.error}`;
    else if (!isJsonObject(existing.json))
      context.problem = t('{0}: the existing target object must be a JSON object with an "id"', context.existingLabel);
    else context.existing = existing.json;
  }
  return context;
}

function readJsonFile(files: SampleFileAccess, uri: string): { json: ReturnType<typeof parseJson> } | { error: string } {
  const read = files.readText(uri);
  if ('error' in read) return read;
  try {
    return { json: parseJson(read.text) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: t('invalid JSON ({0})', error.message) };
    throw error;
  }
}
