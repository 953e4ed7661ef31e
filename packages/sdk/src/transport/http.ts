import { readErrorBody } from '../error-body';
import { OcciClientError, codeForStatus } from '../errors';
import { authorizationHeader, type Credentials } from './auth';
import { resolveRetryPolicy, retryDelay, sleep, type RetryPolicy } from './retry';
import { anySignal } from './signal';

/** HTTP methods the OCCI protocol uses. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** Query parameters; arrays repeat the parameter, undefined values are left out. */
export type QueryParams = Record<string, string | number | boolean | readonly string[] | undefined>;

/** What {@link createTransport} needs. */
export interface TransportOptions {
  /** The server's base URL (the query interface is `-/` below it). */
  url: string | URL;
  credentials?: Credentials;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  /** Retries of idempotent requests on 503 and connection failures. */
  retries?: number | Partial<RetryPolicy>;
  /** Cancels every request made through this transport. */
  signal?: AbortSignal;
  /** Time limit of one attempt, in milliseconds (none by default). */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Called before each retry (for logs and progress output). */
  onRetry?: (info: RetryInfo) => void;
  /** Random source for the backoff jitter (tests make it deterministic). */
  random?: () => number;
}

/** Why and when the transport retries. */
export interface RetryInfo {
  attempt: number;
  delayMs: number;
  method: HttpMethod;
  url: string;
  reason: string;
}

/** One request through the transport. */
export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, absolute path (`/compute/1`) or a path relative to the base URL (`-/`). */
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: string;
  /** Whether repeating the request is safe; by default GET, HEAD, PUT and DELETE are. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** A successful answer with its body read as text. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  url: string;
  body: string;
}

/** The HTTP layer of the client: URLs, authentication, retries, cancellation and errors. */
export interface Transport {
  /** The base URL, always ending with `/`. */
  readonly baseUrl: URL;
  /** Resolves a path against the base URL and appends query parameters. */
  resolve(path: string, query?: QueryParams): URL;
  /** A location as a path from the server's root when it is on the server's origin (as it is). */
  relative(location: string): string;
  /** Sends a request; resolves with the raw response of a 2xx/3xx answer (body unread). */
  send(request: HttpRequest): Promise<Response>;
  /** Sends a request and reads the body as text. */
  request(request: HttpRequest): Promise<HttpResponse>;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const USER_AGENT = 'accords-sdk/0.1 OCCI/1.2';

/**
 * Creates the HTTP transport the client and its helpers share.
 * @param options - base URL, credentials, fetch, retry policy, signal
 * @returns a {@link Transport}
 * @throws {OcciClientError} code `invalid_argument` when the URL is not an http(s) URL
 * @example
 * const http = createTransport({ url: 'http://127.0.0.1:8080', credentials: { token } });
 * const res = await http.request({ method: 'GET', path: '-/' });
 */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = normaliseBaseUrl(options.url);
  const policy = resolveRetryPolicy(options.retries);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const auth = authorizationHeader(options.credentials);

  const resolve = (path: string, query?: QueryParams): URL => {
    let url = new URL(path, baseUrl);
    // Servers often render absolute locations with their own idea of their host name (behind a
    // proxy, 0.0.0.0, localhost): keep the path, never send credentials to another origin.
    if (url.origin !== baseUrl.origin) url = new URL(`${url.pathname}${url.search}`, baseUrl.origin);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, item);
      else url.searchParams.append(name, String(value));
    }
    return url;
  };

  const send = async (request: HttpRequest): Promise<Response> => {
    const url = resolve(request.path, request.query).toString();
    const signal = anySignal(options.signal, request.signal);
    const idempotent = request.idempotent ?? IDEMPOTENT.has(request.method);
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...options.headers, ...request.headers };
    if (auth) headers.Authorization = auth;
    const where = { method: request.method, url };
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        const attemptSignal = anySignal(signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined);
        response = await doFetch(url, { method: request.method, headers, body: request.body, signal: attemptSignal, redirect: 'follow' });
      } catch (error) {
        if (signal?.aborted) throw abortedError(where, signal.reason);
        const failure = connectionFailure(error, where);
        // A refused connection never reached the server, so even a POST may be repeated.
        const retryable = idempotent || failure.refused;
        if (!retryable || attempt >= policy.retries) throw failure.error;
        await pause({ attempt: attempt + 1, reason: failure.error.message });
        continue;
      }
      if (response.status === 503 && idempotent && attempt < policy.retries) {
        await response.body?.cancel().catch(() => undefined);
        await pause({ attempt: attempt + 1, reason: '503 Service Unavailable', retryAfter: response.headers.get('retry-after') });
        continue;
      }
      if (response.status >= 400) throw await errorFromResponse(response, where);
      return response;
    }

    async function pause(info: { attempt: number; reason: string; retryAfter?: string | null }): Promise<void> {
      const delayMs = retryDelay(policy, { attempt: info.attempt, retryAfter: info.retryAfter, random: options.random });
      options.onRetry?.({ attempt: info.attempt, delayMs, method: request.method, url, reason: info.reason });
      try {
        await sleep(delayMs, signal);
      } catch (reason) {
        throw abortedError(where, reason);
      }
    }
  };

  const requestText = async (request: HttpRequest): Promise<HttpResponse> => {
    const response = await send(request);
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      const where = { method: request.method, url: response.url };
      if (options.signal?.aborted || request.signal?.aborted) throw abortedError(where, error);
      throw connectionFailure(error, where).error;
    }
    return { status: response.status, headers: response.headers, url: response.url, body };
  };

  const relative = (location: string): string => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(location)) return location;
    try {
      const url = new URL(location);
      return url.origin === baseUrl.origin ? `${url.pathname}${url.search}` : location;
    } catch {
      return location;
    }
  };

  return { baseUrl, resolve, relative, send, request: requestText };
}

function normaliseBaseUrl(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (cause) {
    throw new OcciClientError({ code: 'invalid_argument', status: 0, message: `not a URL: ${String(input)}`, cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OcciClientError({ code: 'invalid_argument', status: 0, message: `not an http(s) URL: ${url.toString()}` });
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * Turns an error answer into an {@link OcciClientError} with the server's code and message.
 * @param response - a response with status 400 or above
 * @param where - the request, for the message
 * @returns the error (the body is consumed)
 * @example
 * if (!res.ok) throw await errorFromResponse(res, { method: 'GET', url: res.url });
 */
export async function errorFromResponse(response: Response, where: { method: string; url: string }): Promise<OcciClientError> {
  const text = await response.text().catch(() => '');
  const body = readErrorBody({ contentType: response.headers.get('content-type'), body: text });
  const reason = body.message || `${response.status} ${response.statusText || codeForStatus(response.status)}`.trim();
  return new OcciClientError({
    code: body.code ?? codeForStatus(response.status),
    status: response.status,
    message: reason,
    location: body.location,
    issues: body.issues,
    request: where,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

function abortedError(where: { method: string; url: string }, reason: unknown): OcciClientError {
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return new OcciClientError({
    code: 'aborted',
    status: 0,
    message: timedOut ? `${where.method} ${where.url} timed out` : `${where.method} ${where.url} was cancelled`,
    request: where,
    cause: reason,
  });
}

function connectionFailure(error: unknown, where: { method: string; url: string }): { error: OcciClientError; refused: boolean } {
  if (error instanceof OcciClientError) return { error, refused: false };
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code;
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  const detail = timedOut ? 'timed out' : code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return {
    error: new OcciClientError({
      code: timedOut ? 'aborted' : 'connection_failed',
      status: 0,
      message: `cannot reach ${new URL(where.url).origin} (${detail})`,
      request: where,
      cause: error,
    }),
    refused: code === 'ECONNREFUSED',
  };
}
