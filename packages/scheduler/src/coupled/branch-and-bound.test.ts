import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveExact } from './branch-and-bound';
import { exhaustiveOptimum } from './exhaustive';
import { buildSmall, smallCaseArb } from './fixture.test-support';
import { solveHeuristic } from './heuristic';
import { lowerBound } from './lower-bound';
import { evaluateAssignment } from './problem';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe('coupled solvers', () => {
  it('branch and bound matches exhaustive search; the bound and the heuristic bracket the optimum', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const { p } = buildSmall(c);
        const opt = exhaustiveOptimum(p);
        const exact = solveExact(p, { nodeLimit: 1e7 });
        expect(exact.complete).toBe(true);
        if (!Number.isFinite(opt)) {
          expect(exact.solution).toBeNull();
          return;
        }
        const assign = Int32Array.from(exact.solution!.candPos, (k, i) => p.cands[p.instClass[i]!]![k]!);
        const ev = evaluateAssignment(p, assign);
        expect(ev.feasible).toBe(true);
        expect(close(ev.cost, opt)).toBe(true);
        expect(lowerBound(p)).toBeLessThanOrEqual(opt + 1e-9);
        const h = solveHeuristic(p, { seed: c.seed, restarts: 2, passes: 10 });
        if (h.placed === p.nInst) {
          const hv = evaluateAssignment(p, Int32Array.from(h.candPos, (k, i) => p.cands[p.instClass[i]!]![k]!));
          expect(hv.feasible).toBe(true);
          expect(hv.cost).toBeGreaterThanOrEqual(opt - 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('starting from the heuristic incumbent changes nothing but speed', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const { p } = buildSmall(c);
        const h = solveHeuristic(p, { seed: 1, restarts: 1, passes: 5 });
        const a = solveExact(p, { nodeLimit: 1e7 });
        const b = solveExact(p, { nodeLimit: 1e7, incumbent: h });
        expect(b.solution === null).toBe(a.solution === null);
        if (a.solution && b.solution) expect(close(a.solution.cost, b.solution.cost)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
