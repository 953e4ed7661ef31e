/** How the runner treats an error a job threw. */
export interface ErrorVerdict {
  code: string;
  message: string;
  retryable: boolean;
  /** A delay the error itself suggests (e.g. a throttled call's retry-after). */
  suggestedMs?: number;
}

const RETRYABLE_CODES = new Set(['transient', 'throttled', 'timeout', 'unavailable']);
// PostgreSQL deadlock and serialization failures, sqlite busy: the transaction may simply be retried.
const RETRYABLE_DB = new Set(['40P01', '40001', 'SQLITE_BUSY']);

/**
 * The default error classification: connector errors flagged transient or throttled (by their
 * `code`, `transient`, `retryable` or `kind` field) are retried, anything else fails the job.
 *
 * @param error - what the job threw
 * @returns the verdict
 * @example
 * classifyError(Object.assign(new Error('busy'), { code: 'throttled', retryAfterMs: 500 })).retryable; // true
 */
export function classifyError(error: unknown): ErrorVerdict {
  const e = (error ?? {}) as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : typeof e.kind === 'string' ? e.kind : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  const driver = (e.driverError ?? {}) as Record<string, unknown>;
  if (RETRYABLE_DB.has(String(driver.code ?? e.code))) return { code: 'database_conflict', message, retryable: true };
  const retryable = e.retryable === true || e.transient === true || RETRYABLE_CODES.has(code) || RETRYABLE_CODES.has(String(e.kind));
  const suggested = [e.retryAfterMs, e.suggestedDelayMs, e.delayMs].find((v) => typeof v === 'number') as number | undefined;
  return suggested === undefined ? { code, message, retryable } : { code, message, retryable, suggestedMs: suggested };
}
