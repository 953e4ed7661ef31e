/** How the transport retries a request that failed for a reason that may pass. */
export interface RetryPolicy {
  /** Attempts after the first one (0 turns retries off). Default 3. */
  retries: number;
  /** Delay before the first retry, in milliseconds. Default 200. */
  minDelayMs: number;
  /** Upper bound for any single delay, including a server's `Retry-After`. Default 5000. */
  maxDelayMs: number;
  /** Growth of the delay between attempts. Default 2. */
  factor: number;
}

/** The policy used when the caller gives only a number of retries, or nothing. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, minDelayMs: 200, maxDelayMs: 5000, factor: 2 };

/**
 * Completes a partial retry policy with the defaults.
 * @param input - a number of retries, a partial policy, or undefined
 * @returns a complete policy
 * @example
 * resolveRetryPolicy(5).retries; // 5
 */
export function resolveRetryPolicy(input: number | Partial<RetryPolicy> | undefined): RetryPolicy {
  if (input === undefined) return DEFAULT_RETRY_POLICY;
  if (typeof input === 'number') return { ...DEFAULT_RETRY_POLICY, retries: Math.max(0, Math.floor(input)) };
  return { ...DEFAULT_RETRY_POLICY, ...input };
}

/**
 * The delay before retry number `attempt` (1-based): exponential with "full jitter", or the
 * server's `Retry-After` when it gave one, never above `maxDelayMs`.
 * @param policy - the retry policy
 * @param options - the attempt number, the `Retry-After` header if any, and a random source
 * @returns the delay in milliseconds
 * @example
 * retryDelay(DEFAULT_RETRY_POLICY, { attempt: 2, retryAfter: '1' }); // 1000
 */
export function retryDelay(
  policy: RetryPolicy,
  options: { attempt: number; retryAfter?: string | null; random?: () => number; now?: number },
): number {
  const fromHeader = parseRetryAfter(options.retryAfter, options.now ?? Date.now());
  if (fromHeader !== undefined) return Math.min(fromHeader, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * policy.factor ** (options.attempt - 1));
  const random = options.random ?? Math.random;
  // Half fixed, half random: spreads concurrent clients without ever retrying immediately.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Reads an HTTP `Retry-After` value (delay in seconds or an HTTP date).
 * @param value - the header value
 * @param now - the current time in epoch milliseconds
 * @returns the delay in milliseconds, or undefined when absent or unreadable
 * @example
 * parseRetryAfter('3', Date.now()); // 3000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Waits `ms` milliseconds unless the signal aborts first.
 * @param ms - how long to wait
 * @param signal - cancels the wait
 * @returns a promise that resolves after the delay
 * @throws the signal's reason when it aborts
 * @example
 * await sleep(100, signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
