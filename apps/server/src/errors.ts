import { AccordsError } from '@accords/occi';
import type { ErrorLocation } from '@accords/occi';

/** Codes of {@link ServerError}. */
export type ServerErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'internal'
  | 'not_implemented'
  | 'unavailable';

/** HTTP status of each {@link ServerErrorCode}. */
export const SERVER_ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = Object.freeze({
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
});

/**
 * The error the server raises for HTTP and storage failures (parse and model failures stay
 * {@link OcciError}s from @accords/occi).
 * @example
 * ```ts
 * new ServerError('precondition_failed', 'If-Match "1" does not match "2"').status; // 412
 * ```
 */
export class ServerError extends AccordsError<ServerErrorCode> {}

/**
 * Builds a {@link ServerError} with the status that belongs to its code.
 * @param code - what went wrong
 * @param message - precise, human-readable description
 * @param options - location and cause
 * @returns the error (to throw)
 * @example throw serverError('not_found', 'no entity at /compute/42');
 */
export function serverError(code: ServerErrorCode, message: string, options: { location?: ErrorLocation; cause?: unknown } = {}): ServerError {
  return new ServerError({ code, status: SERVER_ERROR_STATUS[code], message, ...options });
}

/**
 * A write lost a race: the entity changed between its read and its write. Requests without
 * `If-Match` are retried from the start; with `If-Match` it answers 412.
 * @example
 * ```ts
 * new WriteConflict('/compute/1 changed meanwhile').status; // 412
 * ```
 */
export class WriteConflict extends ServerError {
  constructor(message: string) {
    super({ code: 'precondition_failed', status: 412, message, location: { header: 'If-Match' } });
  }
}
