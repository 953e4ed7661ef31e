import type { CallOptions, Clock, RateLimiter } from '@accords/connector-kit';
import { ConnectorError, createRateLimiter, sleep, throwIfAborted, withDeadline } from '@accords/connector-kit';
import type { SimFaults, SimOperation } from './options';
import type { Random } from './random';

/** Counts of what the simulator did and injected during a run. */
export interface SimStats {
  /** API calls received, per operation (including refused ones). */
  calls: Record<SimOperation, number>;
  /** Faults injected, per type. */
  faults: { transient: number; lostReply: number; throttled: number; timeout: number; apiRate: number };
  /** Resources actually created (never counts a create answered from its idempotency key). */
  created: number;
  /** Resources actually deleted. */
  deleted: number;
  /** Creates answered with the resource already made for their idempotency key. */
  replays: number;
  /** Compute resources that died (fault injection or `kill`). */
  deaths: number;
}

/** A fresh, all-zero {@link SimStats}. */
export function emptyStats(): SimStats {
  const calls = Object.fromEntries(
    (['regions', 'offers', 'images', 'create', 'get', 'list', 'act', 'resize', 'delete', 'usage'] as const).map((op) => [op, 0]),
  ) as Record<SimOperation, number>;
  return { calls, faults: { transient: 0, lostReply: 0, throttled: 0, timeout: 0, apiRate: 0 }, created: 0, deleted: 0, replays: 0, deaths: 0 };
}

/** Decides, per call and from the seed, whether the simulated API misbehaves. */
export interface FaultGate {
  /**
   * Runs one API call through the faults: refuses, throttles, hangs, or does `work` (and maybe
   * loses its answer).
   */
  run<T>(op: SimOperation, opts: CallOptions | undefined, work: () => T): Promise<T>;
  /** Replaces the fault settings for the following calls. */
  set(faults: SimFaults): void;
}

/**
 * Creates the fault gate of a simulator.
 * @param options - Faults, their random stream, clock, API rate, stats to count into, provider id.
 * @returns A {@link FaultGate}.
 */
export function createFaultGate(options: { faults: SimFaults; random: Random; clock: Clock; apiRatePerSecond?: number; stats: SimStats; providerId: string }): FaultGate {
  let faults = options.faults;
  const { random, clock, stats, providerId } = options;
  const limiter: RateLimiter | undefined =
    options.apiRatePerSecond === undefined ? undefined : createRateLimiter({ ratePerSecond: options.apiRatePerSecond, clock });

  return {
    set(next) {
      faults = next;
    },
    async run(op, opts, work) {
      stats.calls[op] += 1;
      const ctx = { providerId, operation: op };
      throwIfAborted(opts?.signal, ctx);
      if (limiter && !limiter.tryAcquire()) {
        stats.faults.apiRate += 1;
        throw new ConnectorError('throttled', `simulated API rate of ${options.apiRatePerSecond}/s exceeded (HTTP 429)`, { ...ctx, backendCode: 429, retryAfterMs: Math.ceil(1000 / options.apiRatePerSecond!) });
      }
      const applies = !faults.operations || faults.operations.includes(op);
      const r = applies ? random.next() : 1;
      let edge = faults.errorRate ?? 0;
      if (r < edge) {
        stats.faults.transient += 1;
        throw new ConnectorError('transient', 'simulated backend error (HTTP 503 Service Unavailable)', { ...ctx, backendCode: 503, retryAfterMs: 0 });
      }
      if (r < (edge += faults.throttleRate ?? 0)) {
        stats.faults.throttled += 1;
        throw new ConnectorError('throttled', 'simulated throttling (HTTP 429 Too Many Requests)', { ...ctx, backendCode: 429, retryAfterMs: faults.retryAfterMs ?? 1000 });
      }
      if (r < (edge += faults.timeoutRate ?? 0)) {
        stats.faults.timeout += 1;
        const hangMs = faults.hangMs ?? 30_000;
        return withDeadline(
          async () => {
            await sleep(hangMs, { clock, signal: opts?.signal });
            throw new ConnectorError('timeout', `simulated backend did not answer within ${hangMs} ms`, ctx);
          },
          { timeoutMs: opts?.timeoutMs, signal: opts?.signal, clock, ...ctx },
        );
      }
      const lose = r < (edge += faults.lostReplyRate ?? 0);
      const value = work();
      if (lose) {
        stats.faults.lostReply += 1;
        throw new ConnectorError('transient', 'simulated connection reset after the backend acted (answer lost)', { ...ctx, retryAfterMs: 0 });
      }
      return value;
    },
  };
}
