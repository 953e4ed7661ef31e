import { AccordsError } from '@accords/occi';
import type { ErrorLocation, Issue } from '@accords/occi';

/** Codes of {@link BrokerError}. */
export type BrokerErrorCode =
  | 'not_found'
  | 'invalid_state'
  | 'unplaceable'
  | 'invalid_manifest'
  | 'unsupported_media_type'
  | 'no_connector'
  | 'provider_failed'
  | 'read_only'
  | 'forbidden';

/**
 * The broker's error: a workflow step refused (wrong state, nothing placeable, unknown
 * agreement) or a provider failure surfaced to a request. Carries an HTTP status and where the
 * problem is (attribute or JSON pointer).
 *
 * @example
 * throw new BrokerError('invalid_state', 'cannot accept an agreement in state rejected', { status: 409, location: { attribute: 'occi.agreement.state' } });
 */
export class BrokerError extends AccordsError<BrokerErrorCode> {
  /**
   * @param code - what went wrong
   * @param message - a sentence a user understands
   * @param options - HTTP status (default 400), location, issues, cause
   */
  constructor(code: BrokerErrorCode, message: string, options: { status?: number; location?: ErrorLocation; issues?: Issue[]; cause?: unknown } = {}) {
    super({
      code, message, status: options.status ?? 400,
      ...(options.location ? { location: options.location } : {}),
      ...(options.issues ? { issues: options.issues } : {}),
      ...(options.cause !== undefined ? { cause: options.cause } : {}),
    });
  }
}
