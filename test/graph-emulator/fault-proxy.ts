/**
 * A fault-injecting HTTP proxy in front of the Graph emulator: each request goes to `intercept`,
 * which may forward it (and then answer, hold, or drop the answer), answer it itself, or drop the
 * connection. The emulator's own faults happen before a request is handled; the proxy adds the
 * faults of a real network after the service acted: a reset after a PUT was applied, an answer
 * held while something else happens, a Retry-After during which the portal changes the schema.
 */
import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Without the `/v1.0` prefix and the query. */
  path: string;
  body: Buffer;
}

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What to do with one request: an answer to send, or 'drop' to reset the connection. */
export type Intercept = (request: ProxiedRequest, forward: () => Promise<ProxyAnswer>) => Promise<ProxyAnswer | 'drop'>;

export class FaultProxy {
  url = '';
  private server?: Server;
  intercept: Intercept = (_request, forward) => forward();

  constructor(private readonly upstream: string) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void (async () => {
        const body = await readBody(request);
        const path = (request.url ?? '/').split('?')[0]!.replace(/^\/v1\.0/, '');
        const forward = () => this.forward(request, body);
        let answer: ProxyAnswer | 'drop';
        try {
          answer = await this.intercept({ method: request.method ?? 'GET', path: decodeURIComponent(path), body }, forward);
        } catch {
          answer = 'drop';
        }
        if (answer === 'drop') {
          request.socket.destroy();
          return;
        }
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      })();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private forward(incoming: IncomingMessage, body: Buffer): Promise<ProxyAnswer> {
    const target = new URL(incoming.url ?? '/', this.upstream);
    return new Promise((resolve, reject) => {
      const headers = { ...incoming.headers, host: target.host };
      const outgoing = httpRequest(target, { method: incoming.method, headers }, (answer) => {
        void readBody(answer).then((bytes) => {
          const copied: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && name !== 'connection' && name !== 'transfer-encoding') copied[name] = String(value);
          }
          resolve({ status: answer.statusCode ?? 502, headers: copied, body: bytes });
        }, reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** A Graph-shaped error answer made by the proxy (not forwarded). */
export function graphError(status: number, code: string, extra: Record<string, string> = {}): ProxyAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'request-id': `proxy-${status}`, ...extra },
    body: Buffer.from(JSON.stringify({ error: { code, message: `Injected by the proxy: ${status}.` } })),
  };
}
