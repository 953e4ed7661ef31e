import type { CoupledSolution } from './heuristic';
import { instanceOrder, suffixMinPrice } from './heuristic';
import type { CoupledProblem } from './problem';
import { SearchState } from './search-state';

/** Outcome of the exact search. */
export interface ExactResult {
  solution: CoupledSolution | null;
  /** True when the search finished: the solution is optimal (or none exists). */
  complete: boolean;
  nodes: number;
}

/**
 * Depth-first branch and bound over instances. Bound: cost so far plus the cheapest unary cost
 * of every instance left (egress is never negative). Candidates come in unary order, so a
 * branch stops at the first candidate whose bound reaches the incumbent. Identical instances
 * of a class take non-decreasing candidate positions (they are interchangeable).
 */
export function solveExact(p: CoupledProblem, opts: { nodeLimit: number; incumbent?: CoupledSolution | null }): ExactResult {
  const order = instanceOrder(p);
  const n = order.length;
  const minRest = new Float64Array(n + 1);
  for (let d = n - 1; d >= 0; d--) minRest[d] = minRest[d + 1]! + (p.costs[p.instClass[order[d]!]!]![0] ?? Infinity);
  const reserve = suffixMinPrice(p, order);
  const s = new SearchState(p);
  let bestCost = opts.incumbent && opts.incumbent.placed === p.nInst ? opts.incumbent.cost : Infinity;
  let best: Int32Array | null = opts.incumbent && opts.incumbent.placed === p.nInst ? opts.incumbent.candPos : null;
  let nodes = 0;
  let aborted = false;
  const eps = 1e-9;

  const dfs = (d: number): void => {
    if (aborted) return;
    if (d === n) {
      if (s.cost < bestCost - eps) {
        bestCost = s.cost;
        best = s.snapshot();
      }
      return;
    }
    if (++nodes > opts.nodeLimit) {
      aborted = true;
      return;
    }
    const i = order[d]!;
    const cls = p.instClass[i]!;
    const cands = p.cands[cls]!;
    const costs = p.costs[cls]!;
    const prev = d > 0 ? order[d - 1]! : -1;
    const from = prev >= 0 && p.instClass[prev] === cls ? s.candPos[prev]! : 0;
    for (let k = from; k < cands.length; k++) {
      if (s.cost + costs[k]! + minRest[d + 1]! >= bestCost - eps) break;
      const o = cands[k]!;
      if (s.blocked(i, o) !== null) continue;
      const e = s.egressDelta(i, o);
      if (s.cost + costs[k]! + p.egressWeight * e + minRest[d + 1]! >= bestCost - eps) continue;
      if (s.price + p.cat.price[o]! + s.egress + e + reserve[d + 1]! > p.budget + 1e-9) continue;
      s.place(i, k);
      dfs(d + 1);
      s.remove(i);
      if (aborted) return;
    }
  };
  dfs(0);
  const solution = best ? { candPos: best, cost: bestCost, placed: p.nInst } : null;
  return { solution, complete: !aborted, nodes };
}
