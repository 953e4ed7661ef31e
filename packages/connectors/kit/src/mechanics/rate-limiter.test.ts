import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock';
import { createRateLimiter, createRateLimiterRegistry } from './rate-limiter';

describe('createRateLimiter', () => {
  it('lets a burst through, then one call per 1/rate seconds, first come first served', async () => {
    const clock = createManualClock({ startMs: 0 });
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 3, clock });
    const done: number[] = [];
    const calls = Array.from({ length: 6 }, (_, i) => limiter.acquire().then(() => done.push(i)));
    await clock.advance(0);
    expect(done).toEqual([0, 1, 2]);
    await clock.advance(100);
    expect(done).toEqual([0, 1, 2, 3]);
    await clock.advance(200);
    await Promise.all(calls);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses beyond maxQueue as throttled and drops cancelled waiters', async () => {
    const clock = createManualClock({ startMs: 0 });
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, maxQueue: 1, clock });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire({ signal: controller.signal });
    await expect(limiter.acquire()).rejects.toMatchObject({ kind: 'throttled' });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(limiter.queued()).toBe(0);
  });

  it('rejects nonsense options with the attribute at fault', () => {
    expect(() => createRateLimiter({ ratePerSecond: 0 })).toThrow(expect.objectContaining({ kind: 'invalid', location: { attribute: 'ratePerSecond' } }));
    expect(() => createRateLimiter({ ratePerSecond: 1, burst: 0.5 })).toThrow(expect.objectContaining({ location: { attribute: 'burst' } }));
  });

  it('never grants more than burst + rate·t tokens over t (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }), async (rate, burst, gaps) => {
        const clock = createManualClock({ startMs: 0 });
        const limiter = createRateLimiter({ ratePerSecond: rate, burst, clock });
        let granted = 0;
        for (const gap of gaps) {
          await clock.advance(gap);
          while (limiter.tryAcquire()) granted++;
        }
        expect(granted).toBeLessThanOrEqual(burst + (rate * clock.now()) / 1000 + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps one bucket per provider', () => {
    const registry = createRateLimiterRegistry({ ratePerSecond: 1, burst: 1 }, { fast: { ratePerSecond: 100, burst: 100 } });
    expect(registry.forProvider('a')).toBe(registry.forProvider('a'));
    expect(registry.forProvider('a').tryAcquire()).toBe(true);
    expect(registry.forProvider('a').tryAcquire()).toBe(false);
    expect(registry.forProvider('b').tryAcquire()).toBe(true);
    expect(registry.forProvider('fast').available()).toBe(100);
  });
});
