/**
 * One line of a users file (JSONL, docs/impact.md) → a sample user, in the shape of `aadmap eval
 * --input`: attribute name → value. Only the attributes the two versions read are converted. A line
 * may carry `"@assigned": false` (a name no directory attribute can have): the user is then not
 * assigned to the application, so out of scope in both versions; without it the user is assigned.
 */
import { readSampleUser, type SampleUser } from '../evaluator/input';
import { fromPlainJson, parseJson, type JsonObject, type JsonValue } from '../evaluator/json';
import type { ObjectSchema } from '../schema/types';

/** The key of the assignment flag in a users file. */
export const ASSIGNED_KEY = '@assigned';

export type UserLine = { kind: 'user'; user: SampleUser; name: string | undefined; assigned: boolean } | { kind: 'bad'; message: string };

/**
 * `reads`: the attribute names to keep. JSON.parse is the fast path; a line whose read attributes
 * hold a number is parsed again by the lossless parser (FILETIME values exceed 2^53), so the values
 * are exactly those `aadmap eval --input` would see.
 */
export function readUserLine(text: string, reads: ReadonlySet<string>, source: ObjectSchema | undefined): UserLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'bad', message: `not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { kind: 'bad', message: `not a JSON object (a user is an object of attribute name → value)` };
  const object = parsed as Record<string, unknown>;
  const assignedRaw = object[ASSIGNED_KEY];
  if (assignedRaw !== undefined && typeof assignedRaw !== 'boolean')
    return { kind: 'bad', message: `"${ASSIGNED_KEY}" must be true or false` };
  let picked: Record<string, unknown> = {};
  let numbers = false;
  for (const name of reads) {
    if (!Object.hasOwn(object, name)) continue;
    const value = object[name];
    if (value !== null && typeof value === 'object') numbers ||= hasNumber(value);
    else numbers ||= typeof value === 'number';
    picked[name] = value;
  }
  if (numbers) {
    const exact = parseJson(text) as JsonObject;
    picked = {};
    for (const name of reads) if (Object.hasOwn(exact, name)) picked[name] = exact[name];
  }
  let user: SampleUser;
  try {
    user = readSampleUser((numbers ? picked : fromPlainJson(picked)) as JsonValue, source);
  } catch (error) {
    return { kind: 'bad', message: (error as Error).message };
  }
  const upn = object['userPrincipalName'];
  const id = object['objectId'];
  const name = typeof upn === 'string' && upn ? upn : typeof id === 'string' && id ? id : undefined;
  return { kind: 'user', user, name, assigned: assignedRaw !== false };
}

function hasNumber(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (Array.isArray(value)) return value.some(hasNumber);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNumber);
  return false;
}
