import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, resolveRetryPolicy, retryDelay, sleep } from './retry';

describe('retryDelay', () => {
  it('stays between half and all of the exponential ceiling, capped by maxDelayMs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, r) => {
        const delay = retryDelay(DEFAULT_RETRY_POLICY, { attempt, random: () => r });
        const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.minDelayMs * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('prefers the server Retry-After, still capped', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, { attempt: 1, retryAfter: '2' })).toBe(2000);
    expect(retryDelay(DEFAULT_RETRY_POLICY, { attempt: 1, retryAfter: '3600' })).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('resolveRetryPolicy', () => {
  it('accepts a count or a partial policy', () => {
    expect(resolveRetryPolicy(0).retries).toBe(0);
    expect(resolveRetryPolicy({ maxDelayMs: 10 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 10 });
  });
});

describe('sleep', () => {
  it('rejects with the abort reason', async () => {
    const c = new AbortController();
    const p = sleep(10_000, c.signal);
    c.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
