import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/connector-error';
import { createManualClock } from './manual-clock';
import { backoffDelay, withRetry } from './retry';

describe('withRetry', () => {
  it('retries transient failures with growing waits, then succeeds', async () => {
    const clock = createManualClock({ startMs: 0, auto: true });
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw new ConnectorError('transient', 'flaky');
        return 'ok';
      },
      { clock, random: () => 0.999, baseDelayMs: 100, onRetry: (e) => waits.push(e.delayMs) },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(waits).toEqual([99, 199, 399]);
    expect(clock.now()).toBe(697);
  });

  it('does not retry permanent errors and gives up after maxAttempts', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw new ConnectorError('invalid', 'bad'); })).rejects.toMatchObject({ kind: 'invalid' });
    expect(calls).toBe(1);
    const clock = createManualClock({ auto: true });
    calls = 0;
    await expect(withRetry(async () => { calls++; throw new ConnectorError('throttled', 'slow down'); }, { clock, maxAttempts: 3 })).rejects.toMatchObject({ kind: 'throttled' });
    expect(calls).toBe(3);
  });

  it('waits at least the backend\'s retryAfterMs', async () => {
    const clock = createManualClock({ startMs: 0, auto: true });
    let calls = 0;
    await withRetry(async () => {
      if (calls++ === 0) throw new ConnectorError('throttled', 'later', { retryAfterMs: 5_000 });
    }, { clock, random: () => 0 });
    expect(clock.now()).toBe(5_000);
  });

  it('stops waiting when cancelled', async () => {
    const clock = createManualClock({ startMs: 0 });
    const controller = new AbortController();
    const p = withRetry(async () => { throw new ConnectorError('transient', 'x'); }, { clock, signal: controller.signal });
    await clock.advance(0);
    controller.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('backoff stays within [0, min(cap, base·2^(n-1))] without a hint (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 60_000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, base, cap, r) => {
        const d = backoffDelay(attempt, { policy: { baseDelayMs: base, maxDelayMs: cap }, random: () => r });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(cap, base * 2 ** (attempt - 1)));
      }),
    );
  });
});
