import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('stays between half and all of the capped exponential delay, and never under the suggested one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        (baseMs, maxMs, attempt, r, suggestedMs) => {
          const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
          const d = backoffDelay({ baseMs, maxMs, attempt, random: () => r, ...(suggestedMs !== undefined ? { suggestedMs } : {}) });
          expect(d).toBeGreaterThanOrEqual(Math.floor(cap / 2));
          expect(d).toBeLessThanOrEqual(Math.max(Math.ceil(cap), suggestedMs ?? 0));
          if (suggestedMs !== undefined) expect(d).toBeGreaterThanOrEqual(suggestedMs);
        },
      ),
    );
  });

  it('grows with the attempt until the cap', () => {
    const at = (attempt: number) => backoffDelay({ baseMs: 100, maxMs: 1000, attempt, random: () => 0.5 });
    expect([1, 2, 3, 4, 5, 6].map(at)).toEqual([75, 150, 300, 600, 750, 750]);
  });
});
