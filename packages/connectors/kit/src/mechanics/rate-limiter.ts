import { ConnectorError } from '../errors/connector-error';
import { abortError } from './abort';
import type { Clock } from './clock';
import { systemClock } from './clock';

/** Options of a token-bucket rate limiter. */
export interface RateLimitOptions {
  /** Tokens added per second (the sustained call rate). */
  ratePerSecond: number;
  /** Bucket size: calls allowed at once after a quiet period (default `max(1, ratePerSecond)`). */
  burst?: number;
  /** Largest number of callers allowed to queue; more are refused as `throttled` (default unbounded). */
  maxQueue?: number;
  clock?: Clock;
}

/** A token bucket shared by every call to one provider. */
export interface RateLimiter {
  /**
   * Waits for a token, first come first served.
   * @throws {ConnectorError} `cancelled` when the signal fires, `throttled` when the queue is full.
   */
  acquire(opts?: { signal?: AbortSignal }): Promise<void>;
  /** Takes a token if one is available now. */
  tryAcquire(): boolean;
  /** Tokens available now (fractional). */
  available(): number;
  /** Callers waiting. */
  queued(): number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Creates a token-bucket rate limiter.
 * @param options - Rate, burst, queue bound and clock.
 * @returns A {@link RateLimiter}.
 * @throws {ConnectorError} `invalid` when the rate or burst is not a positive number.
 * @example
 * ```ts
 * const limiter = createRateLimiter({ ratePerSecond: 10, burst: 20 });
 * await limiter.acquire({ signal });
 * ```
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { ratePerSecond, clock = systemClock, maxQueue = Number.POSITIVE_INFINITY } = options;
  const burst = options.burst ?? Math.max(1, ratePerSecond);
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new ConnectorError('invalid', `ratePerSecond must be a positive number, got ${ratePerSecond}`, { location: { attribute: 'ratePerSecond' } });
  }
  if (!(burst >= 1) || !Number.isFinite(burst)) {
    throw new ConnectorError('invalid', `burst must be at least 1, got ${burst}`, { location: { attribute: 'burst' } });
  }
  let tokens = burst;
  let last = clock.now();
  const queue: Waiter[] = [];
  let cancelTimer: (() => void) | undefined;

  const refill = (): void => {
    const now = clock.now();
    if (now > last) tokens = Math.min(burst, tokens + ((now - last) * ratePerSecond) / 1000);
    last = now;
  };

  const drain = (): void => {
    cancelTimer?.();
    cancelTimer = undefined;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      const w = queue.shift()!;
      w.signal?.removeEventListener('abort', w.onAbort);
      w.resolve();
    }
    if (queue.length > 0) {
      const waitMs = Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
      cancelTimer = clock.setTimer(drain, waitMs);
    }
  };

  return {
    acquire(opts = {}) {
      const { signal } = opts;
      if (signal?.aborted) return Promise.reject(abortError(signal, { operation: 'rate limit' }));
      refill();
      if (queue.length === 0 && tokens >= 1) {
        tokens -= 1;
        return Promise.resolve();
      }
      if (queue.length >= maxQueue) {
        const retryAfterMs = Math.ceil(((queue.length + 1 - tokens) * 1000) / ratePerSecond);
        return Promise.reject(new ConnectorError('throttled', `local rate limit queue is full (${maxQueue} waiting)`, { retryAfterMs }));
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const i = queue.indexOf(waiter);
            if (i >= 0) queue.splice(i, 1);
            reject(abortError(signal!, { operation: 'rate limit' }));
            drain();
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        if (queue.length === 1) drain();
      });
    },
    tryAcquire() {
      refill();
      if (queue.length > 0 || tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    available() {
      refill();
      return tokens;
    },
    queued: () => queue.length,
  };
}

/** One rate limiter per provider id, created on first use with shared defaults. */
export interface RateLimiterRegistry {
  /** The limiter of `providerId` (created with the defaults or its override). */
  forProvider(providerId: string): RateLimiter;
}

/**
 * Creates a registry of per-provider rate limiters.
 * @param defaults - Options for providers without an override.
 * @param overrides - Per-provider options.
 * @returns A {@link RateLimiterRegistry}.
 * @example
 * ```ts
 * const limits = createRateLimiterRegistry({ ratePerSecond: 5 }, { sim: { ratePerSecond: 1000 } });
 * await limits.forProvider('sim').acquire();
 * ```
 */
export function createRateLimiterRegistry(
  defaults: RateLimitOptions,
  overrides: Record<string, RateLimitOptions> = {},
): RateLimiterRegistry {
  const limiters = new Map<string, RateLimiter>();
  return {
    forProvider(providerId) {
      let limiter = limiters.get(providerId);
      if (!limiter) {
        limiter = createRateLimiter(overrides[providerId] ?? defaults);
        limiters.set(providerId, limiter);
      }
      return limiter;
    },
  };
}
