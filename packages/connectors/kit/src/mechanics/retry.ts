import { isConnectorError, isRetryable } from '../errors/connector-error';
import { sleep } from './abort';
import type { Clock } from './clock';
import { systemClock } from './clock';

/** How to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff base: the n-th retry waits up to `baseDelayMs * 2^(n-1)` (default 100). */
  baseDelayMs?: number;
  /** Cap of a single wait (default 10 000). */
  maxDelayMs?: number;
  /** Which errors to retry (default: {@link isRetryable} — transient, throttled, timeout). */
  retryOn?: (error: unknown, attempt: number) => boolean;
  /** Random source in [0, 1) for the jitter (default `Math.random`); inject for determinism. */
  random?: () => number;
}

/** What {@link withRetry} reports before each retry. */
export interface RetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** How long it waits before the next attempt. */
  delayMs: number;
  error: unknown;
}

/** Options of {@link withRetry}. */
export interface RetryOptions extends RetryPolicy {
  clock?: Clock;
  /** Stops retrying (and waiting) when it fires. */
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * The wait before retry number `attempt` ("full jitter"): uniform in [0, min(cap, base·2^(attempt-1))],
 * never less than the backend's `retryAfterMs`.
 * @param attempt - The attempt that failed (1-based).
 * @param options - Policy and the error (for its `retryAfterMs`).
 * @returns Milliseconds to wait.
 * @example
 * ```ts
 * backoffDelay(3, { policy: { baseDelayMs: 100 }, random: () => 0.5 }); // 200
 * ```
 */
export function backoffDelay(
  attempt: number,
  options: { policy?: RetryPolicy; error?: unknown; random?: () => number } = {},
): number {
  const { policy = {}, error } = options;
  const base = policy.baseDelayMs ?? 100;
  const cap = policy.maxDelayMs ?? 10_000;
  const random = options.random ?? policy.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const hinted = isConnectorError(error) ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(jittered, hinted);
}

/**
 * Runs `fn` until it succeeds, retrying retryable failures with jittered exponential backoff.
 * @param fn - The work; receives the attempt number (1-based).
 * @param options - Policy, clock, signal and a retry observer.
 * @returns What `fn` resolves to.
 * @throws The last error when it is not retryable or the attempts are used up;
 *   {@link ConnectorError} `cancelled` when the signal fires while waiting.
 * @example
 * ```ts
 * const vm = await withRetry(() => connector.get(id), { maxAttempts: 4 });
 * ```
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { clock = systemClock, signal, onRetry, retryOn = isRetryable } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || signal?.aborted || !retryOn(error, attempt)) throw error;
      const delayMs = backoffDelay(attempt, { policy: options, error });
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, { clock, signal });
    }
  }
}
