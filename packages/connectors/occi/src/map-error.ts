import { ConnectorError, isConnectorError } from '@accords/connector-kit';
import type { ConnectorErrorKind } from '@accords/connector-kit';
import { isOcciClientError } from '@accords/sdk';

/** Where a failure happened, and the `Retry-After` the remote sent with it, if any. */
export interface ErrorContext {
  providerId: string;
  operation: string;
  /** The remote's `Retry-After` for this failed request, in milliseconds. */
  retryAfterMs?: number;
}

const BY_STATUS: Record<number, ConnectorErrorKind> = {
  400: 'invalid',
  401: 'auth',
  403: 'auth',
  404: 'not_found',
  405: 'unsupported',
  406: 'unsupported',
  409: 'conflict',
  410: 'not_found',
  412: 'conflict',
  413: 'throttled',
  415: 'unsupported',
  422: 'invalid',
  429: 'throttled',
  501: 'unsupported',
  502: 'transient',
  503: 'transient',
  504: 'transient',
};

/**
 * The taxonomy kind of an HTTP status from a remote OCCI server.
 * @param status - the HTTP status (400 or above)
 * @returns the kind: 401/403 `auth`, 404/410 `not_found`, 409/412 `conflict`, 413/429
 *   `throttled`, 502/503/504 `transient`, 400/422 `invalid`, 405/406/415/501 `unsupported`,
 *   anything else `unknown`
 * @example
 * ```ts
 * kindOfStatus(429); // 'throttled'
 * ```
 */
export function kindOfStatus(status: number): ConnectorErrorKind {
  return BY_STATUS[status] ?? 'unknown';
}

function fromClientCode(code: string, cause: unknown): ConnectorErrorKind {
  if (code === 'aborted') {
    const reason = (cause as { cause?: unknown }).cause;
    return reason instanceof Error && reason.name === 'TimeoutError' ? 'timeout' : 'cancelled';
  }
  if (code === 'connection_failed') return 'transient';
  if (code === 'unknown_category' || code === 'invalid_argument') return 'invalid';
  return 'unknown';
}

/**
 * Maps whatever a call to the remote threw onto the kit's taxonomy, keeping the remote's
 * message, its error code (or HTTP status) as `backendCode`, its location and the cause.
 * @param error - anything caught (an `OcciClientError` from the SDK, a `ConnectorError`, ...)
 * @param context - provider, operation and the remote's `Retry-After`
 * @returns the {@link ConnectorError} to throw (the same one when it already is one)
 * @example
 * ```ts
 * try { await client.entities.get(location); } catch (e) { throw mapRemoteError(e, { providerId, operation: 'get' }); }
 * ```
 */
export function mapRemoteError(error: unknown, context: ErrorContext): ConnectorError {
  if (isConnectorError(error)) return error;
  const { providerId, operation } = context;
  if (isOcciClientError(error)) {
    const kind = error.status > 0 ? kindOfStatus(error.status) : fromClientCode(error.code, error);
    const where = error.request ? ` (${error.request.method} ${new URL(error.request.url).pathname})` : '';
    const status = error.status > 0 ? `${error.status} ` : '';
    const location = error.location?.attribute !== undefined || error.location?.pointer !== undefined
      ? { location: { ...(error.location.attribute !== undefined ? { attribute: error.location.attribute } : {}), ...(error.location.pointer !== undefined ? { pointer: error.location.pointer } : {}) } }
      : {};
    const retry = (kind === 'transient' || kind === 'throttled') && context.retryAfterMs !== undefined ? { retryAfterMs: context.retryAfterMs } : {};
    return new ConnectorError(kind, `${providerId}: ${operation} failed${where}: ${status}${error.message}`, {
      providerId,
      operation,
      backendCode: error.status > 0 ? error.status : error.code,
      cause: error,
      ...retry,
      ...location,
    });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new ConnectorError(error.name === 'TimeoutError' ? 'timeout' : 'cancelled', `${providerId}: ${operation} ${error.name === 'TimeoutError' ? 'timed out' : 'was cancelled'}`, { providerId, operation, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('unknown', `${providerId}: ${operation} failed: ${message}`, { providerId, operation, cause: error });
}
