import type { CallOptions, Connector } from '../connector';
import { ConnectorError, isConnectorError } from '../errors/connector-error';
import { withDeadline } from './abort';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { RateLimiter, RateLimitOptions } from './rate-limiter';
import { createRateLimiter } from './rate-limiter';
import type { RetryPolicy } from './retry';
import { withRetry } from './retry';

/** Something a wrapped connector did, for logs and metrics (never carries credentials). */
export interface ConnectorEvent {
  type: 'retry' | 'failure';
  providerId: string;
  operation: string;
  /** The attempt that failed (1-based; 0 when the call never reached the backend). */
  attempt: number;
  /** Wait before the next attempt (`retry`). */
  delayMs?: number;
  error: unknown;
}

/** What {@link wrapConnector} adds around every call. */
export interface ConnectorPolicy {
  /** A shared limiter, or options for a new one for this provider; none when absent. */
  rateLimit?: RateLimiter | RateLimitOptions;
  /** Retry policy for transient, throttled and timeout errors; `false` for none (default: 5 attempts). */
  retry?: RetryPolicy | false;
  /** Deadline of each attempt when the caller gives none (default none). */
  timeoutMs?: number;
  clock?: Clock;
  onEvent?: (event: ConnectorEvent) => void;
}

const isLimiter = (v: RateLimiter | RateLimitOptions): v is RateLimiter => typeof (v as RateLimiter).acquire === 'function';

/**
 * Wraps any connector with a per-provider rate limit, retries with jittered backoff and
 * per-attempt timeouts, honouring each call's `signal`.
 *
 * Every operation is safe to repeat under the SPI rules (creates carry an idempotency key,
 * actions are idempotent), so all are retried; a `delete` whose retry finds the resource gone
 * counts as done.
 * @param connector - The connector to protect.
 * @param policy - Rate limit, retry policy, default timeout, clock and event observer.
 * @returns A connector with the same provider id, capabilities and optional methods.
 * @example
 * ```ts
 * const safe = wrapConnector(createSimConnector(), { rateLimit: { ratePerSecond: 20 }, timeoutMs: 10_000 });
 * ```
 */
export function wrapConnector(connector: Connector, policy: ConnectorPolicy = {}): Connector {
  const clock = policy.clock ?? systemClock;
  const limiter = policy.rateLimit === undefined ? undefined : isLimiter(policy.rateLimit) ? policy.rateLimit : createRateLimiter({ clock, ...policy.rateLimit });
  const providerId = connector.providerId;

  const call = <T>(operation: string, opts: CallOptions | undefined, fn: (o: CallOptions, attempt: number) => Promise<T>): Promise<T> => {
    const timeoutMs = opts?.timeoutMs ?? policy.timeoutMs;
    let attempts = 0;
    const attemptOnce = async (attempt: number): Promise<T> => {
      attempts = attempt;
      await limiter?.acquire({ signal: opts?.signal });
      return withDeadline((signal) => fn(signal ? { signal, timeoutMs } : { timeoutMs }, attempt), { timeoutMs, signal: opts?.signal, clock, providerId, operation });
    };
    const run =
      policy.retry === false
        ? attemptOnce(1)
        : withRetry(attemptOnce, {
            ...policy.retry,
            clock,
            signal: opts?.signal,
            onRetry: (e) => policy.onEvent?.({ type: 'retry', providerId, operation, ...e }),
          });
    return run.catch((error: unknown) => {
      policy.onEvent?.({ type: 'failure', providerId, operation, attempt: attempts, error });
      throw isConnectorError(error) ? error : new ConnectorError('unknown', error instanceof Error ? error.message : String(error), { providerId, operation, cause: error });
    });
  };

  const wrapped: Connector = {
    providerId,
    capabilities: connector.capabilities,
    regions: (opts) => call('regions', opts, (o) => connector.regions(o)),
    offers: (opts) => call('offers', opts, (o) => connector.offers(o)),
    create: (spec, opts) => call('create', opts, (o) => connector.create(spec, o)),
    get: (id, opts) => call('get', opts, (o) => connector.get(id, o)),
    list: (opts) => call('list', opts, (o) => connector.list(o)),
    act: (id, action, opts) => call('act', opts, (o) => connector.act(id, action, o)),
    delete: (id, opts) =>
      call('delete', opts, async (o, attempt) => {
        try {
          await connector.delete(id, o);
        } catch (err) {
          // A retry that finds nothing means an earlier attempt deleted it.
          if (attempt > 1 && isConnectorError(err) && err.kind === 'not_found') return;
          throw err;
        }
      }),
  };
  if (connector.images) {
    const images = connector.images.bind(connector);
    wrapped.images = (opts) => call('images', opts, (o) => images(o));
  }
  if (connector.resize) {
    const resize = connector.resize.bind(connector);
    wrapped.resize = (id, offerId, opts) => call('resize', opts, (o) => resize(id, offerId, o));
  }
  if (connector.usage) {
    const usage = connector.usage.bind(connector);
    wrapped.usage = (q, opts) => call('usage', opts, (o) => usage(q, o));
  }
  if (connector.close) wrapped.close = connector.close.bind(connector);
  return wrapped;
}
