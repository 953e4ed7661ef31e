import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestContiguous, bestSlots } from './windows';

describe('time windows', () => {
  it('finds the lowest contiguous mean, earliest on ties', () => {
    expect(bestContiguous(Float64Array.from([5, 1, 1, 5, 1, 1]), 2)).toEqual({ offset: 1, mean: 1 });
    expect(bestContiguous(Float64Array.from([1, 2]), 3)).toBeNull();
  });

  it('never beats the best slots, and matches brute force', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (xs, d) => {
        const v = Float64Array.from(xs);
        const c = bestContiguous(v, d);
        const s = bestSlots(v, d);
        if (d > xs.length) {
          expect(c).toBeNull();
          return;
        }
        let best = Infinity;
        for (let i = 0; i + d <= xs.length; i++) best = Math.min(best, xs.slice(i, i + d).reduce((a, b) => a + b, 0) / d);
        expect(c!.mean).toBeCloseTo(best, 9);
        expect(s!.mean).toBeLessThanOrEqual(c!.mean + 1e-9);
        expect(s!.offsets).toHaveLength(d);
      }),
      { numRuns: 200 },
    );
  });
});
