/**
 * How the language server gets a Graph access token from the editor without the token appearing in
 * any LSP message. vscode-languageclient traces every message, server→client requests and the
 * client's answers included (`aadmap.trace.server: verbose` writes their params and results to an
 * output channel, and so to VS Code's log files), so the token never travels in clear:
 *
 * - Graph requests carry a `tokenHandle`, an opaque id the editor maps to a token it holds;
 * - the server asks `aadmap/graph/token` with the handle and a fresh X25519 public key;
 * - the editor answers with its own ephemeral public key and the token sealed with AES-256-GCM under
 *   a key derived (HKDF-SHA256) from the X25519 shared secret (RFC 7748, RFC 5869).
 * A trace shows two public keys and a ciphertext; neither private key leaves its process.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

export const GRAPH_TOKEN_REQUEST = 'aadmap/graph/token';

export interface TokenRequestParams {
  tokenHandle: string;
  /** The server's ephemeral X25519 public key (SPKI DER, base64). */
  publicKey: string;
}

export type TokenRequestResult = { publicKey: string; iv: string; sealed: string } | { error: string };

const INFO = Buffer.from('aadmap graph token v1');

function sharedKey(privateKey: KeyObject, peerPublicKey: string): Buffer {
  const publicKey = createPublicKey({ key: Buffer.from(peerPublicKey, 'base64'), format: 'der', type: 'spki' });
  const secret = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
}

const exportKey = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).toString('base64');

/** Server side: the request's params, and how to open the answer. */
export function tokenRequest(tokenHandle: string): { params: TokenRequestParams; open(result: TokenRequestResult): string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    params: { tokenHandle, publicKey: exportKey(publicKey) },
    open(result) {
      if ('error' in result) throw new Error(result.error);
      const key = sharedKey(privateKey, result.publicKey);
      const sealed = Buffer.from(result.sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(result.iv, 'base64'));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}

/** Editor side: the token sealed for the server that sent `params`. */
export function sealToken(token: string, params: TokenRequestParams): TokenRequestResult {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const key = sharedKey(privateKey, params.publicKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { publicKey: exportKey(publicKey), iv: iv.toString('base64'), sealed: sealed.toString('base64') };
}
