import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './hungarian';

function brute(cost: Float64Array[], cols: number): number {
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const rec = (i: number, acc: number) => {
    if (i === cost.length) return void (best = Math.min(best, acc));
    for (let j = 0; j < cols; j++) {
      if (used[j] || !Number.isFinite(cost[i]![j]!)) continue;
      used[j] = true;
      rec(i + 1, acc + cost[i]![j]!);
      used[j] = false;
    }
  };
  rec(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('equals brute force, forbidden entries included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { minLength: 35, maxLength: 35 }), (rows, extra, vals) => {
        const cols = Math.min(7, rows + extra);
        const cost = Array.from({ length: rows }, (_, i) => Float64Array.from({ length: cols }, (_, j) => vals[i * 7 + j] ?? Infinity));
        expect(minCostAssignment(cost, cols)).toBe(brute(cost, cols));
      }),
      { numRuns: 300 },
    );
  });
});
