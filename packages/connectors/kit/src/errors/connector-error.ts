import type { AccordsErrorJSON } from '@accords/occi';
import { AccordsError } from '@accords/occi';

/**
 * What went wrong at a backend, in terms a caller can act on.
 *
 * - `transient`: a passing fault (5xx, connection reset); retry after `retryAfterMs`.
 * - `throttled`: the backend's rate limit; retry after `retryAfterMs`.
 * - `timeout`: the call did not answer within its deadline; retryable when the call is idempotent.
 * - `capacity`: the region has no room for this offer now; place elsewhere.
 * - `quota`: the account's quota is exhausted.
 * - `auth`: credentials were refused.
 * - `not_found`: no such resource, region, offer or image.
 * - `invalid`: the request itself is wrong; do not retry.
 * - `conflict`: the resource's state forbids the operation now.
 * - `unsupported`: the connector does not declare this kind, action or feature.
 * - `cancelled`: the caller's `AbortSignal` fired.
 * - `unknown`: anything else; the backend's message and cause are kept.
 */
export type ConnectorErrorKind =
  | 'transient'
  | 'throttled'
  | 'timeout'
  | 'capacity'
  | 'quota'
  | 'auth'
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'unsupported'
  | 'cancelled'
  | 'unknown';

/** The `code` of a {@link ConnectorError}: `connector.<kind>`. */
export type ConnectorErrorCode = `connector.${ConnectorErrorKind}`;

/** Every {@link ConnectorErrorKind}, in a fixed order. */
export const CONNECTOR_ERROR_KINDS: readonly ConnectorErrorKind[] = [
  'transient',
  'throttled',
  'timeout',
  'capacity',
  'quota',
  'auth',
  'not_found',
  'invalid',
  'conflict',
  'unsupported',
  'cancelled',
  'unknown',
];

const STATUS: Record<ConnectorErrorKind, number> = {
  transient: 503,
  throttled: 429,
  timeout: 504,
  capacity: 503,
  quota: 403,
  auth: 502,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unsupported: 501,
  cancelled: 499,
  unknown: 502,
};

const RETRYABLE: ReadonlySet<ConnectorErrorKind> = new Set(['transient', 'throttled', 'timeout']);

/** JSON form of a {@link ConnectorError}. */
export interface ConnectorErrorJSON extends AccordsErrorJSON {
  kind: ConnectorErrorKind;
  retryable: boolean;
  retryAfterMs?: number;
  providerId?: string;
  operation?: string;
  backendCode?: string | number;
}

/** Options of a {@link ConnectorError} beyond its kind and message. */
export interface ConnectorErrorOptions {
  /** Provider whose backend failed. */
  providerId?: string;
  /** Operation that failed, e.g. `create`, `get`. */
  operation?: string;
  /** Suggested wait before a retry (transient, throttled). */
  retryAfterMs?: number;
  /** The backend's own error code or HTTP status, kept verbatim. */
  backendCode?: string | number;
  /** The backend's error (kept as ES2022 `cause`). */
  cause?: unknown;
  /** Which input was wrong (`attribute`, `pointer`), for `invalid` errors. */
  location?: { attribute?: string; pointer?: string };
}

/**
 * The one error type connectors throw: a backend failure mapped onto the taxonomy.
 *
 * Its `code` is `connector.<kind>` and its `status` the HTTP status the server answers with.
 *
 * @example
 * ```ts
 * throw new ConnectorError('throttled', 'backend answered 429', { retryAfterMs: 2000, backendCode: 429 });
 * ```
 */
export class ConnectorError extends AccordsError<ConnectorErrorCode> {
  /** The taxonomy kind. */
  readonly kind: ConnectorErrorKind;
  /** Whether repeating the same call may succeed. */
  readonly retryable: boolean;
  /** Suggested wait before a retry, when the backend gave one. */
  readonly retryAfterMs: number | undefined;
  readonly providerId: string | undefined;
  readonly operation: string | undefined;
  readonly backendCode: string | number | undefined;

  /**
   * @param kind - The taxonomy kind.
   * @param message - What happened, including the backend's own message.
   * @param options - Provider, operation, retry hint, backend code, cause and location.
   */
  constructor(kind: ConnectorErrorKind, message: string, options: ConnectorErrorOptions = {}) {
    super({ code: `connector.${kind}`, status: STATUS[kind], message, location: options.location, cause: options.cause });
    this.kind = kind;
    this.retryable = RETRYABLE.has(kind);
    this.retryAfterMs = options.retryAfterMs;
    this.providerId = options.providerId;
    this.operation = options.operation;
    this.backendCode = options.backendCode;
  }

  /** @returns A JSON form without the cause (which may hold backend internals). */
  override toJSON(): ConnectorErrorJSON {
    return {
      ...super.toJSON(),
      kind: this.kind,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      providerId: this.providerId,
      operation: this.operation,
      backendCode: this.backendCode,
    };
  }
}

/**
 * Tells whether a value is a {@link ConnectorError}, also across duplicated package copies.
 * @param value - Anything caught.
 * @returns `true` when `value` carries a connector error kind.
 * @example
 * ```ts
 * if (isConnectorError(err) && err.kind === 'not_found') return undefined;
 * ```
 */
export function isConnectorError(value: unknown): value is ConnectorError {
  if (value instanceof ConnectorError) return true;
  if (!(value instanceof Error)) return false;
  const { kind, code } = value as Error & { kind?: unknown; code?: unknown };
  return (
    typeof kind === 'string' &&
    CONNECTOR_ERROR_KINDS.includes(kind as ConnectorErrorKind) &&
    typeof code === 'string' &&
    code.startsWith('connector.')
  );
}

/**
 * Tells whether a call that failed with `error` may be repeated as is.
 * @param error - Anything caught.
 * @returns `true` for transient, throttled and timeout connector errors.
 * @example
 * ```ts
 * if (isRetryable(err)) await sleep(1000);
 * ```
 */
export function isRetryable(error: unknown): boolean {
  return isConnectorError(error) && error.retryable;
}
