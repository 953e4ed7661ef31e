/** Settings of the retry delay. */
export interface BackoffOptions {
  /** Delay of the first retry before jitter, ms. */
  baseMs: number;
  /** Upper bound of any delay, ms. */
  maxMs: number;
}

/**
 * The delay before retry number `attempt` (1-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many jobs failing together do not retry together. A delay the
 * failure itself suggested (a throttled call's Retry-After) is a floor.
 *
 * @param options - backoff settings, the attempt that failed, a random source in [0, 1) and the suggested delay
 * @returns the delay in milliseconds
 * @example
 * backoffDelay({ baseMs: 100, maxMs: 10000, attempt: 3, random: Math.random }); // 200..400
 */
export function backoffDelay(
  options: BackoffOptions & { attempt: number; random: () => number; suggestedMs?: number },
): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, options.attempt - 1));
  const jittered = exp / 2 + options.random() * (exp / 2);
  return Math.round(Math.max(jittered, options.suggestedMs ?? 0));
}
