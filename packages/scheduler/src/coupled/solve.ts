import { solveExact } from './branch-and-bound';
import { solveHeuristic, type CoupledSolution } from './heuristic';
import { lowerBound } from './lower-bound';
import type { CoupledProblem } from './problem';

/** Instances up to which the exact search is tried by default. */
export const EXACT_MAX_INSTANCES = 64;

/** Result of the coupled solve with its proof of quality. */
export interface CoupledOutcome {
  solution: CoupledSolution;
  method: 'exact' | 'heuristic';
  lowerBound: number;
  searchNodes: number;
}

/**
 * Heuristic first (a good incumbent), then branch and bound for small problems. Exact when the
 * search completes; otherwise the heuristic's plan with a proven lower bound.
 */
export function solveCoupled(p: CoupledProblem, opts: { seed: number; passes: number; nodeLimit: number; restricted: boolean }): CoupledOutcome {
  const heuristic = solveHeuristic(p, { seed: opts.seed, restarts: 3, passes: opts.passes });
  if (!opts.restricted && p.nInst <= EXACT_MAX_INSTANCES && opts.nodeLimit > 0) {
    const exact = solveExact(p, { nodeLimit: opts.nodeLimit, incumbent: heuristic });
    if (exact.complete && exact.solution) return { solution: exact.solution, method: 'exact', lowerBound: exact.solution.cost, searchNodes: exact.nodes };
    if (exact.complete && heuristic.placed < p.nInst) return { solution: heuristic, method: 'exact', lowerBound: Infinity, searchNodes: exact.nodes };
  }
  let lb = 0;
  if (opts.restricted) for (let i = 0; i < p.nInst; i++) lb += p.costs[p.instClass[i]!]![0] ?? Infinity;
  else lb = lowerBound(p);
  return { solution: heuristic, method: 'heuristic', lowerBound: lb, searchNodes: 0 };
}
