/**
 * The emulator's directory side, kept apart from the synchronization endpoints: the secrets of a
 * service principal (`GET /servicePrincipals/{id}/synchronization/secrets`, graph-lifecycle.md §1.2,
 * secret values masked as "*"), which the deploy guard reads for the accidental-deletion threshold.
 */
import type { GraphEmulator } from './emulator';

export interface SecretPair {
  key: string;
  value: string;
}

export interface DirectoryState {
  /** Service principal id → its secrets; absent: 404 (the job was never configured). */
  secrets: Map<string, SecretPair[]>;
}

const states = new WeakMap<GraphEmulator, DirectoryState>();

export function directoryOf(emulator: GraphEmulator): DirectoryState {
  let state = states.get(emulator);
  if (!state) states.set(emulator, (state = { secrets: new Map() }));
  return state;
}

/** Keys whose values the service masks on read. */
const MASKED = /^(Password|SecretToken|ClientSecret|Oauth2ClientSecret|Oauth2AccessToken|Oauth2RefreshToken|AppKey|ConsumerSecret)$/;

/** The answer for a directory request, or undefined when the path is not one of these. */
export function routeDirectory(emulator: GraphEmulator, method: string, path: string): { status: number; body?: unknown } | undefined {
  const secrets = /^\/servicePrincipals\/([^/]+)\/synchronization\/secrets$/.exec(path);
  if (secrets && method === 'GET') {
    const pairs = directoryOf(emulator).secrets.get(secrets[1]!);
    if (!pairs) return { status: 404, body: { error: { code: 'NotFound', message: 'No secrets are saved for this service principal.' } } };
    return { status: 200, body: { value: pairs.map((p) => ({ key: p.key, value: MASKED.test(p.key) ? '*' : p.value })) } };
  }
  return undefined;
}
