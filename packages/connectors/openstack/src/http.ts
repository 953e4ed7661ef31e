/**
 * One failed HTTP exchange with an OpenStack service, before it is mapped onto the kit's taxonomy
 * (see {@link classifyHttpFault}). Its message never carries the query string or headers.
 * @example
 * ```ts
 * try { await nova.getServer(id); } catch (e) { if (e instanceof OpenStackHttpError && e.status === 404) return; throw e; }
 * ```
 */
export class OpenStackHttpError extends Error {
  override readonly name = 'OpenStackHttpError';
  /** HTTP status of the response, or 0 when no response arrived. */
  readonly status: number;
  /** Service that answered (`identity`, `compute`, `image`, `network`). */
  readonly service: string;
  /** The response body as text (JSON faults are kept verbatim). */
  readonly body: string;
  /** Value of `Retry-After`, in milliseconds, when the service sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: { status: number; service: string; method: string; url: string; body: string; retryAfterMs?: number; cause?: unknown }) {
    super(`${init.service} ${init.method} ${redactUrl(init.url)} -> ${init.status}: ${faultMessage(init.body) ?? init.body.slice(0, 300)}`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.service = init.service;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** A JSON request to one OpenStack service. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  url: string;
  service: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The parsed answer to an {@link HttpRequest}. */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Drops query strings from a URL before it reaches a message (they may carry filters, never secrets, but stay short). */
function redactUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * Extracts the human message of an OpenStack fault body (`{"badRequest": {"message": ...}}`,
 * `{"error": {...}}`, `{"NeutronError": {...}}`).
 * @param body - The answer's text.
 * @returns The message, or undefined when the body is not such a fault.
 * @example
 * ```ts
 * faultMessage('{"itemNotFound": {"code": 404, "message": "gone"}}'); // 'gone'
 * ```
 */
export function faultMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  for (const value of Object.values(parsed as Record<string, unknown>)) {
    if (value && typeof value === 'object') {
      const message = (value as Record<string, unknown>).message;
      if (typeof message === 'string') return message;
    }
  }
  const message = (parsed as Record<string, unknown>).message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds.
 * @param value - The header value.
 * @param now - The current time (for HTTP dates).
 * @returns Milliseconds to wait, or undefined when absent or unreadable.
 * @example
 * ```ts
 * parseRetryAfter('2.5'); // 2500
 * ```
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Combines a caller's signal with a timeout into one signal. */
function requestSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  const signals: AbortSignal[] = [];
  if (signal) signals.push(signal);
  if (timeoutMs !== undefined) signals.push(AbortSignal.timeout(timeoutMs));
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * Sends one JSON request and parses the answer.
 * @param req - Method, URL, service name (for messages), headers, body, signal and timeout.
 * @returns Status, headers and the parsed body (undefined when empty).
 * @throws OpenStackHttpError for a non-2xx answer, a network failure (status 0) or invalid JSON;
 *   the abort reason when the signal fires or the timeout passes.
 * @example
 * ```ts
 * const { body } = await requestJson({ method: 'GET', url: 'http://127.0.0.1:8774/', service: 'compute' });
 * ```
 */
export async function requestJson<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let payload: string | undefined;
  if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  }
  const signal = requestSignal(req.signal, req.timeoutMs);
  let res: Response;
  try {
    res = await fetch(req.url, { method: req.method, headers, body: payload, signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw new OpenStackHttpError({ status: 0, service: req.service, method: req.method, url: req.url, body: String((error as Error)?.message ?? error), cause: error });
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw error;
  }
  if (!res.ok) {
    throw new OpenStackHttpError({
      status: res.status,
      service: req.service,
      method: req.method,
      url: req.url,
      body: text,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    });
  }
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new OpenStackHttpError({ status: res.status, service: req.service, method: req.method, url: req.url, body: `invalid JSON: ${text.slice(0, 200)}`, cause: error });
    }
  }
  return { status: res.status, headers: res.headers, body: body as T };
}
