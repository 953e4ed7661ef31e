import { minCostAssignment } from './hungarian';
import type { CoupledProblem } from './problem';

/** Cheapest unary cost of a class in every scope value (Infinity where it has no candidate). */
function perScope(p: CoupledProblem, a: { cls: number; scope: 'region' | 'provider' | 'jurisdiction' }): Float64Array {
  const out = new Float64Array(p.nScope[a.scope]).fill(Infinity);
  const cands = p.cands[a.cls]!;
  const costs = p.costs[a.cls]!;
  const sv = p.scopeOf[a.scope];
  for (let k = 0; k < cands.length; k++) {
    const v = sv[cands[k]!]!;
    if (costs[k]! < out[v]!) out[v] = costs[k]!;
  }
  return out;
}

/**
 * A proven lower bound of the coupled optimum: instances are split among the groups (each in
 * the first group naming it); an anti-affinity group costs at least its minimum-cost assignment
 * of members to distinct scope values, an affinity group at least its cheapest common scope
 * value, any other instance at least its cheapest candidate. Egress, capacity, quotas and the
 * budget only add cost, so they are relaxed.
 *
 * @returns the bound (Infinity when a group cannot be satisfied at all)
 */
export function lowerBound(p: CoupledProblem): number {
  const taken = new Uint8Array(p.nInst);
  let lb = 0;
  for (const g of p.groups) {
    const members = g.members.filter((i) => !taken[i]);
    if (members.length === 0) continue;
    for (const i of members) taken[i] = 1;
    const rows = members.map((i) => perScope(p, { cls: p.instClass[i]!, scope: g.scope }));
    if (g.kind === 'anti-affinity') lb += minCostAssignment(rows, p.nScope[g.scope]);
    else {
      let best = Infinity;
      for (let v = 0; v < p.nScope[g.scope]; v++) {
        let s = 0;
        for (const r of rows) s += r[v]!;
        if (s < best) best = s;
      }
      lb += best;
    }
  }
  for (let i = 0; i < p.nInst; i++) if (!taken[i]) lb += p.costs[p.instClass[i]!]![0] ?? Infinity;
  return lb;
}
