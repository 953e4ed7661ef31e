import { evaluateAssignment, type CoupledProblem } from './problem';

/** Every assignment tried (tiny problems only): the reference optimum for tests. */
export function exhaustiveOptimum(p: CoupledProblem): number {
  const assign = new Int32Array(p.nInst);
  let best = Infinity;
  const rec = (i: number): void => {
    if (i === p.nInst) {
      const r = evaluateAssignment(p, assign);
      if (r.feasible && r.cost < best) best = r.cost;
      return;
    }
    for (const o of p.cands[p.instClass[i]!]!) {
      assign[i] = o;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}
