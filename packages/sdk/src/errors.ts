import { AccordsError } from '@accords/occi';
import type { ErrorLocation, Issue } from '@accords/occi';

/** Codes the client itself raises, beside the codes a server sends in its error bodies. */
export type ClientErrorCode =
  | 'connection_failed'
  | 'aborted'
  | 'invalid_response'
  | 'unknown_category'
  | 'invalid_argument';

/** Construction options of {@link OcciClientError}. */
export interface OcciClientErrorOptions {
  /** The server's machine-readable code, or a {@link ClientErrorCode}. */
  code: string;
  /** HTTP status of the answer; 0 when no answer arrived. */
  status: number;
  message: string;
  location?: ErrorLocation;
  /** Every problem the server listed (a validation failure lists them all). */
  issues?: Issue[];
  /** The request that failed, for messages and logs. */
  request?: { method: string; url: string };
  /** The request id the server gave (`X-Request-Id`), to quote in a bug report. */
  requestId?: string;
  cause?: unknown;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/**
 * The generic code for an HTTP status, used when a server's error body carries none.
 * @param status - an HTTP status
 * @returns a snake_case code such as `not_found`
 * @example
 * codeForStatus(412); // 'precondition_failed'
 */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error');
}

/**
 * A request to an OCCI server failed: the server answered with an error (its status, code,
 * message and location are kept), or no usable answer came (status 0, a {@link ClientErrorCode}).
 * @example
 * try { await client.entities.get('/compute/nope'); }
 * catch (e) { if (e instanceof OcciClientError && e.status === 404) console.log('gone'); }
 */
export class OcciClientError extends AccordsError<string> {
  /** The request that failed. */
  readonly request: { method: string; url: string } | undefined;
  /** The server's request id, when it sent one. */
  readonly requestId: string | undefined;

  constructor(options: OcciClientErrorOptions) {
    super({
      code: options.code,
      status: options.status,
      message: options.message,
      location: options.location,
      cause: options.cause,
      issues: options.issues,
    });
    this.name = 'OcciClientError';
    this.request = options.request;
    this.requestId = options.requestId;
  }
}

/**
 * Whether a value is an {@link OcciClientError}.
 * @param value - anything caught
 * @returns true for an OcciClientError
 * @example
 * if (isOcciClientError(e) && e.status === 404) return undefined;
 */
export function isOcciClientError(value: unknown): value is OcciClientError {
  return value instanceof OcciClientError;
}
