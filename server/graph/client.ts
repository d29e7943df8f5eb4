/**
 * A small Microsoft Graph HTTP client on Node's fetch (https://learn.microsoft.com/en-us/graph/errors, https://learn.microsoft.com/en-us/graph/throttling):
 *  - retries 429, 503 and 504, waiting `Retry-After` (seconds or an HTTP date) when given, otherwise
 *    a capped exponential back-off with full jitter; never retries another 4xx; retries network
 *    failures and timeouts only for idempotent requests (GET, PUT);
 *  - a timeout per attempt, and cancellation through an AbortSignal (a cancelled call throws
 *    `GraphCancelledError` and sends nothing more);
 *  - failures become `GraphError`s carrying Graph's `code`, message and request-id;
 *  - logs method, URL, status, duration and request-id — never a header or a body — through a
 *    sanitizer that knows the token.
 */
import { randomUUID } from 'node:crypto';
import { t } from '../../grammar/common/l10n';
import { isRecord, str } from './json';
import { Sanitizer } from './sanitize';

export const DEFAULT_GRAPH_ENDPOINT = 'https://graph.microsoft.com';
const GRAPH_API_VERSION = 'v1.0';

export type LogLevel = 'trace' | 'info' | 'warn' | 'error';
export type GraphLog = (level: LogLevel, message: string) => void;

export interface GraphClientOptions {
  /** Graph host (`https://graph.microsoft.com`, `https://graph.microsoft.us`, a local emulator); `/v1.0` is added. */
  endpoint?: string;
  /** Returns an access token for Graph; called before every attempt (tokens may be refreshed). */
  getToken: (signal: AbortSignal) => Promise<string>;
  timeoutMs?: number;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A longer Retry-After fails the request instead of waiting. */
  maxRetryAfterMs?: number;
  log?: GraphLog;
  /** For tests: timing and randomness. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface GraphResponse {
  status: number;
  bytes: Uint8Array;
  text: string;
  requestId?: string;
}

export interface GraphErrorDetails {
  status?: number;
  code: string;
  method: string;
  path: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  /** Retry-After of a 429/503/504 answer, in milliseconds. */
  retryAfterMs?: number;
}

export class GraphError extends Error {
  constructor(
    message: string,
    readonly details: GraphErrorDetails,
  ) {
    super(message);
    this.name = 'GraphError';
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string {
    return this.details.code;
  }
}

export class GraphCancelledError extends Error {
  constructor(message = t('Cancelled; nothing more was sent to Microsoft Graph.')) {
    super(message);
    this.name = 'GraphCancelledError';
  }
}

/** `https://host[/base]` + `/v1.0`; a trailing `/v1.0` given by the user is accepted. */
export function graphBaseUrl(endpoint: string = DEFAULT_GRAPH_ENDPOINT): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(t('The Graph endpoint "{0}" is not a URL (expected e.g. {1}).', endpoint, DEFAULT_GRAPH_ENDPOINT));
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(t('The Graph endpoint must use https (plain http only on localhost), not "{0}".', endpoint));
  }
  if (url.search || url.hash) throw new Error(t('The Graph endpoint "{0}" must not have a query or fragment.', endpoint));
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1\.0$/i, '');
  return `${url.origin}${path}/${GRAPH_API_VERSION}`;
}

const RETRYABLE = new Set([429, 503, 504]);

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new GraphCancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GraphCancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export class GraphClient {
  readonly baseUrl: string;
  readonly sanitizer = new Sanitizer();
  private readonly options: Required<Omit<GraphClientOptions, 'endpoint' | 'log'>> & { log?: GraphLog };

  constructor(options: GraphClientOptions) {
    this.baseUrl = graphBaseUrl(options.endpoint);
    this.options = {
      getToken: options.getToken,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 5,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      log: options.log,
    };
  }

  private log(level: LogLevel, message: string): void {
    this.options.log?.(level, this.sanitizer.clean(message));
  }

  /** Sends one request (retrying as described above); resolves with a 2xx response or throws. */
  async request(
    method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    init: { body?: string | Uint8Array; signal?: AbortSignal; idempotent?: boolean; retry?: boolean } = {},
  ): Promise<GraphResponse> {
    const signal = init.signal ?? new AbortController().signal;
    const idempotent = init.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
    const url = `${this.baseUrl}${path}`;
    // Without retries the caller decides what to do between attempts (the deploy re-reads the schema).
    const maxAttempts = init.retry === false ? 1 : this.options.maxAttempts;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw new GraphCancelledError();
      const clientRequestId = randomUUID();
      const started = Date.now();
      let token: string;
      try {
        token = await this.options.getToken(signal);
      } catch (error) {
        if (signal.aborted) throw new GraphCancelledError();
        const reason = this.sanitizer.clean(error instanceof Error ? error.message : String(error));
        throw new GraphError(t('Could not get an access token for Microsoft Graph: {0}', reason), {
          code: 'AuthenticationFailed',
          method,
          path,
        });
      }
      this.sanitizer.addSecret(token);
      let response: Response;
      let bytes: Uint8Array;
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      try {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'client-request-id': clientRequestId,
          'return-client-request-id': 'true',
        };
        if (init.body !== undefined) headers['Content-Type'] = 'application/json';
        // No redirect is followed: an answer from another origin (or over plain http) is not Graph's.
        response = await fetch(url, { method, headers, body: init.body, redirect: 'manual', signal: AbortSignal.any([signal, timeout]) });
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        if (signal.aborted) throw new GraphCancelledError();
        const timedOut = timeout.aborted;
        const reason = timedOut ? t('no answer within {0} s', Math.round(this.options.timeoutMs / 1000)) : networkReason(error);
        this.log(
          'warn',
          t(
            '{0} {1} failed: {2} (attempt {3}/{4}, client-request-id {5})',
            method,
            url,
            reason,
            attempt,
            this.options.maxAttempts,
            clientRequestId,
          ),
        );
        if (idempotent && attempt < maxAttempts) {
          await this.options.sleep(this.backoff(attempt), signal);
          continue;
        }
        throw new GraphError(
          this.sanitizer.clean(
            idempotent && maxAttempts > 1
              ? t('{0} {1}: {2} after {3} attempts.', method, path, reason, attempt)
              : `${method} ${path}: ${reason}.`,
          ),
          {
            code: timedOut ? 'Timeout' : 'NetworkError',
            method,
            path,
            clientRequestId,
          },
        );
      }
      const text = new TextDecoder().decode(bytes);
      const requestId = response.headers.get('request-id') ?? undefined;
      const elapsed = Date.now() - started;
      this.log(response.ok ? 'info' : 'warn', `${method} ${url} → ${response.status} (${elapsed} ms, request-id ${requestId ?? '-'})`);
      if (response.ok) return { status: response.status, bytes, text, requestId };
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        let origin: string | undefined;
        try {
          origin = location ? new URL(location, url).origin : undefined;
        } catch {
          origin = undefined;
        }
        throw new GraphError(
          this.sanitizer.clean(
            origin
              ? t('{0} {1} → {2}: a redirect to {3}; aadmap follows no redirects.', method, path, response.status, origin)
              : t('{0} {1} → {2}: a redirect; aadmap follows no redirects.', method, path, response.status),
          ),
          {
            status: response.status,
            code: 'Redirect',
            method,
            path,
            requestId,
            clientRequestId,
          },
        );
      }

      const error = this.toError(method, path, response, text, clientRequestId);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (RETRYABLE.has(response.status) && retryAfter !== undefined) error.details.retryAfterMs = retryAfter;
      if (init.retry === false) throw error;
      if (RETRYABLE.has(response.status) && attempt < maxAttempts) {
        if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfterMs) {
          throw new GraphError(
            `${error.message} ${t('Graph asks to wait {0} s before retrying; try again later.', Math.round(retryAfter / 1000))}`,
            error.details,
          );
        }
        const wait = retryAfter ?? this.backoff(attempt);
        this.log(
          'info',
          t(
            'retrying {0} {1} in {2} ms ({3}; attempt {4}/{5})',
            method,
            url,
            wait,
            retryAfter !== undefined ? `${response.status}, Retry-After` : response.status,
            attempt + 1,
            this.options.maxAttempts,
          ),
        );
        await this.options.sleep(wait, signal);
        continue;
      }
      if (RETRYABLE.has(response.status))
        throw new GraphError(
          `${error.message} ${attempt === 1 ? t('Gave up after {0} attempt.', attempt) : t('Gave up after {0} attempts.', attempt)}`,
          error.details,
        );
      throw error;
    }
  }

  /** Attempts per request, the first included. */
  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /**
   * How long to wait before attempt `attempt + 1` after a retryable failure: its Retry-After, else the
   * back-off; undefined when Graph asks for a longer wait than this client accepts.
   */
  retryDelay(attempt: number, retryAfterMs?: number): number | undefined {
    if (retryAfterMs !== undefined) return retryAfterMs > this.options.maxRetryAfterMs ? undefined : retryAfterMs;
    return this.backoff(attempt);
  }

  /** Waits (not cancellable: used once a PUT was sent, when the caller must see it through). */
  pause(ms: number): Promise<void> {
    return this.options.sleep(ms, new AbortController().signal);
  }

  async getJson(path: string, signal?: AbortSignal): Promise<{ json: unknown; response: GraphResponse }> {
    const response = await this.request('GET', path, { signal });
    return { json: parseJson(response.text, 'GET', path), response };
  }

  async postJson(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const response = await this.request('POST', path, { body: JSON.stringify(body), signal, idempotent: true });
    return parseJson(response.text, 'POST', path);
  }

  /** Capped exponential back-off with full jitter: random in [0, min(max, base·2^(attempt-1))]. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(this.options.random() * ceiling);
  }

  private toError(method: string, path: string, response: Response, text: string, clientRequestId: string): GraphError {
    let code = `HTTP${response.status}`;
    let message = response.statusText || t('request failed');
    let requestId = response.headers.get('request-id') ?? undefined;
    let date = response.headers.get('date') ?? undefined;
    try {
      const body = JSON.parse(text) as unknown;
      const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
      if (error) {
        code = str(error.code) ?? code;
        message = unwrapMessage(str(error.message) ?? message);
        const inner = findInnerError(error);
        requestId = str(inner?.['request-id']) ?? requestId;
        date = str(inner?.date) ?? date;
      }
    } catch {
      if (text.trim()) message = text.trim().slice(0, 300);
    }
    const hint = hintFor(response.status);
    const where = [requestId && `request-id ${requestId}`, date && `date ${date}`].filter(Boolean).join(', ');
    const full = `${method} ${path} → ${response.status} ${code}: ${message}${where ? ` (${where})` : ''}.${hint ? ` ${hint}` : ''}`;
    return new GraphError(this.sanitizer.clean(full.replace(/\.\.(?= |$)/, '.')), {
      status: response.status,
      code,
      method,
      path,
      requestId,
      clientRequestId,
      date,
    });
  }
}

/** What to do about an HTTP status, added to Graph's own message (in the user's language). */
function hintFor(status: number): string | undefined {
  switch (status) {
    case 401:
      return t('The access token was rejected (expired, or issued for another tenant or resource): sign in again.');
    case 403:
      return t(
        'The signed-in identity lacks a permission: Synchronization.ReadWrite.All (and Application.Read.All to look up the app), plus the Application Administrator or Cloud Application Administrator role for delegated sign-in.',
      );
    case 404:
      return t('Check the service principal object id and the job id.');
    case 406:
      return t('Graph rejected an enum value: they are case-sensitive (FlowWhenChanged, Always).');
    case 429:
      return t('Microsoft Graph is throttling this app.');
    default:
      return undefined;
  }
}

/** Synchronization errors often carry the backend's JSON (`{"Message":"…"}`) as the message text. */
function unwrapMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    const inner = JSON.parse(trimmed) as unknown;
    if (isRecord(inner)) return str(inner.Message) ?? str(inner.message) ?? trimmed;
  } catch {
    // not JSON after all
  }
  return trimmed;
}

function findInnerError(error: Record<string, unknown>): Record<string, unknown> | undefined {
  let inner = isRecord(error.innerError) ? error.innerError : isRecord(error.innererror) ? error.innererror : undefined;
  // innerError may nest; the request-id is usually on the first level.
  while (inner && !inner['request-id'] && isRecord(inner.innerError)) inner = inner.innerError;
  return inner;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return t('connection failed ({0})', code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string, method: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphError(t('{0} {1}: the answer is not JSON.', method, path), { code: 'InvalidResponse', method, path });
  }
}
