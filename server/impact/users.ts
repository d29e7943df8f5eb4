/**
 * One line of a users file (JSONL, docs/impact.md) → a sample user, in the shape of `aadmap eval
 * --input`: attribute name → value. Only the attributes the two versions read are converted. A line
 * may carry `"@assigned": false` (a name no directory attribute can have): the user is then not
 * assigned to the application, so out of scope in both versions; without it the user is assigned.
 */
import { t } from '../../grammar/common/l10n';
import { isReferenceAttribute, readSampleUser, type SampleUser } from '../evaluator/input';
import { JsonSyntaxError, parseJson, parsePlainJson, type JsonObject } from '../evaluator/json';
import { NULL, type Value } from '../evaluator/values';
import type { ObjectSchema } from '../schema/types';

/** The key of the assignment flag in a users file. */
export const ASSIGNED_KEY = '@assigned';

export type UserLine = { kind: 'user'; user: SampleUser; name: string | undefined; assigned: boolean } | { kind: 'bad'; message: string };

/**
 * `reads`: the attribute names to keep. JSON.parse is the fast path; a line whose read attributes
 * hold a number, an array or an object is parsed again by the lossless parser (FILETIME values
 * exceed 2^53) and read by readSampleUser, so the values are exactly those `aadmap eval --input` sees.
 */
export function readUserLine(
  text: string,
  reads: ReadonlySet<string>,
  source: ObjectSchema | undefined,
  references: ReadonlySet<string>,
): UserLine {
  let parsed: unknown;
  try {
    parsed = parsePlainJson(text);
  } catch (error) {
    // A position in the line, never its text: V8's message quotes it (docs/security.md).
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { kind: 'bad', message: t('not JSON: {0}', error.message) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { kind: 'bad', message: t('not a JSON object (a user is an object of attribute name → value)') };
  const object = parsed as Record<string, unknown>;
  const assignedRaw = object[ASSIGNED_KEY];
  if (assignedRaw !== undefined && typeof assignedRaw !== 'boolean')
    return { kind: 'bad', message: t('"{0}" must be true or false', ASSIGNED_KEY) };
  // Fast path: strings, Booleans and nulls become values directly (as readSampleUser makes them);
  // anything else goes through readSampleUser, numbers through the lossless parser first.
  const attributes = new Map<string, Value>();
  let slow = false;
  for (const name of reads) {
    const value = object[name];
    if (value === undefined || !Object.hasOwn(object, name)) continue;
    if (typeof value === 'string')
      attributes.set(name, references.has(name) ? { kind: 'reference', id: value } : { kind: 'string', value });
    else if (typeof value === 'boolean') attributes.set(name, { kind: 'boolean', value });
    else if (value === null) attributes.set(name, NULL);
    else slow = true;
  }
  let user: SampleUser = { attributes };
  if (slow) {
    const exact = parseJson(text) as JsonObject;
    const picked: JsonObject = {};
    for (const name of reads) if (Object.hasOwn(exact, name)) picked[name] = exact[name]!;
    try {
      user = readSampleUser(picked, source);
    } catch (error) {
      return { kind: 'bad', message: (error as Error).message };
    }
  }
  const upn = object['userPrincipalName'];
  const id = object['objectId'];
  const name = typeof upn === 'string' && upn ? upn : typeof id === 'string' && id ? id : undefined;
  return { kind: 'user', user, name, assigned: assignedRaw !== false };
}

/** The names among `reads` whose string values are references (readSampleUser's rule). */
export function referenceNames(reads: Iterable<string>, source: ObjectSchema | undefined): Set<string> {
  return new Set([...reads].filter((name) => isReferenceAttribute(name, source)));
}
