/** Options shared by `eval` and `preview`: reading sample users and target objects, the evaluation settings. */
import { t } from '../../grammar/common/l10n';
import {
  type EvaluationSettings,
  JsonSyntaxError,
  parseDateTime,
  parseJson,
  readSampleUser,
  type SampleUser,
  SampleUserError,
} from '../evaluator/index';
import { isJsonObject, type JsonObject, type JsonValue } from '../evaluator/json';
import { BUILTIN_SOURCE, findObject } from '../schema/index';
import { type ParsedArgs, UsageError } from './args';
import { FileReadError, readTextInput } from './files';

export const EVALUATION_OPTIONS = {
  input: { value: true },
  now: { value: true },
  'default-domain': { value: true },
  taken: { value: true, repeatable: true },
  seed: { value: true },
} as const;

export function evaluationUsage(): string {
  return `  --input USER.json        ${t('the sample user: attribute name → value (absent = null)')}
  --now ISO-8601           ${t('fixes Now() (default: the current time), e.g. 2021-08-25T17:41:18Z')}
  --default-domain DOMAIN  ${t('what DefaultDomain() returns (default: none, an evaluation error)')}
  --taken VALUE            ${t('a value SelectUniqueValue must treat as taken (repeatable)')}
  --seed N                 ${t('makes Guid() and RandomString() reproducible')}`;
}

/** Reads and parses a JSON file; unreadable or invalid files are usage errors (exit 2). */
function readJsonFile(path: string, what: string): JsonValue {
  let text: string;
  try {
    text = readTextInput(path, what);
  } catch (error) {
    if (error instanceof FileReadError) throw new UsageError(error.message);
    throw error;
  }
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw new UsageError(`${path}:${error.line}:${error.column}: ${t('{0} is not valid JSON: {1}', what, error.message)}`);
    throw error;
  }
}

export function readSampleUserFile(path: string | undefined): SampleUser {
  if (path === undefined) return { attributes: new Map() };
  try {
    return readSampleUser(readJsonFile(path, t('the sample user')), findObject(BUILTIN_SOURCE, 'User'));
  } catch (error) {
    if (error instanceof SampleUserError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

export function readTargetObjectFile(path: string): JsonObject {
  const json = readJsonFile(path, t('the existing target object'));
  if (!isJsonObject(json))
    throw new UsageError(`${path}: ${t('the existing target object must be a JSON object (a SCIM resource with an "id")')}`);
  return json;
}

export function evaluationSettings(args: ParsedArgs): EvaluationSettings {
  const settings: EvaluationSettings = {};
  const now = args.options.get('now')?.[0];
  if (now !== undefined) {
    const ticks = parseDateTime(now);
    if (ticks === undefined)
      throw new UsageError(t("--now must be an ISO 8601 date and time such as 2021-08-25T17:41:18Z (got '{0}')", now));
    settings.now = ticks;
  }
  const domain = args.options.get('default-domain')?.[0];
  if (domain !== undefined) {
    if (domain.trim() === '') throw new UsageError(t('--default-domain needs a domain name'));
    settings.defaultDomain = domain.trim();
  }
  settings.taken = args.options.get('taken') ?? [];
  const seed = args.options.get('seed')?.[0];
  if (seed !== undefined) {
    if (!/^\d{1,10}$/.test(seed)) throw new UsageError(t("--seed must be a whole number (got '{0}')", seed));
    settings.seed = Number(seed);
  }
  return settings;
}
