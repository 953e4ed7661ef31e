import { minCostAssignment } from './hungarian';
import type { CoupledProblem } from './problem';

/** Cheapest unary cost of a class in every scope value (Infinity where it has no candidate). */
function perScope(p: CoupledProblem, a: { cls: number; scope: 'region' | 'provider' | 'jurisdiction'; extra: Float64Array | undefined }): Float64Array {
  const out = new Float64Array(p.nScope[a.scope]).fill(Infinity);
  const cands = p.cands[a.cls]!;
  const costs = p.costs[a.cls]!;
  const sv = p.scopeOf[a.scope];
  for (let k = 0; k < cands.length; k++) {
    const o = cands[k]!;
    const v = sv[o]!;
    const c = costs[k]! + (a.extra ? a.extra[p.cat.region[o]!]! : 0);
    if (c < out[v]!) out[v] = c;
  }
  return out;
}

function minCost(p: CoupledProblem, a: { cls: number; extra: Float64Array | undefined }): number {
  const cands = p.cands[a.cls]!;
  const costs = p.costs[a.cls]!;
  if (!a.extra) return costs[0] ?? Infinity;
  let m = Infinity;
  for (let k = 0; k < cands.length; k++) m = Math.min(m, costs[k]! + a.extra[p.cat.region[cands[k]!]!]!);
  return m;
}

/**
 * A proven lower bound of the coupled optimum: instances are split among the groups (each in
 * the first group naming it); an anti-affinity group costs at least its minimum-cost assignment
 * of members to distinct scope values, an affinity group at least its cheapest common scope
 * value, any other instance at least its cheapest candidate, each cost raised by the egress
 * the instance cannot avoid (see `egressSurcharge`). Capacity, quotas and the budget only add
 * cost, so they are relaxed.
 *
 * @returns the bound (Infinity when a group cannot be satisfied at all)
 */
export function lowerBound(p: CoupledProblem): number {
  const taken = new Uint8Array(p.nInst);
  const extra = egressSurcharge(p);
  let lb = 0;
  for (const g of p.groups) {
    const members = g.members.filter((i) => !taken[i]);
    if (members.length === 0) continue;
    for (const i of members) taken[i] = 1;
    const rows = members.map((i) => perScope(p, { cls: p.instClass[i]!, scope: g.scope, extra: extra[p.instClass[i]!] }));
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
  for (let i = 0; i < p.nInst; i++) if (!taken[i]) lb += minCost(p, { cls: p.instClass[i]!, extra: extra[p.instClass[i]!] });
  return lb;
}

/**
 * Egress a plan must pay, charged to each instance by its region: when node B is spread by an
 * anti-affinity group (any scope keeps B's instances in distinct regions), an instance of A shares
 * its region with at most one instance of B, so at least nB - 1 of its B partners are elsewhere,
 * and each such pair pays half its traffic at A's region's egress price on A's side.
 *
 * @returns per class, the surcharge of each region (undefined for classes without one)
 */
export function egressSurcharge(p: CoupledProblem): (Float64Array | undefined)[] {
  const out: (Float64Array | undefined)[] = p.cands.map(() => undefined);
  if (p.egressWeight === 0) return out;
  const count = new Map<number, number>();
  const spread = new Set<number>();
  for (let i = 0; i < p.nInst; i++) {
    const c = p.instClass[i]!;
    count.set(c, (count.get(c) ?? 0) + 1);
    if (p.instGroups[i]!.some((g) => p.groups[g]!.kind === 'anti-affinity')) spread.add(c);
  }
  const seen = new Set<number>();
  for (let i = 0; i < p.nInst; i++) {
    const c = p.instClass[i]!;
    if (seen.has(c)) continue;
    seen.add(c);
    const perPartnerClass = new Map<number, number>();
    for (const { j, gbPerHour } of p.adj[i]!) {
      const d = p.instClass[j]!;
      if (d !== c && spread.has(d)) perPartnerClass.set(d, gbPerHour);
    }
    let gb = 0;
    for (const [d, g] of perPartnerClass) gb += (g / 2) * (count.get(d)! - 1);
    if (gb <= 0) continue;
    out[c] = Float64Array.from(p.cat.regionEgress, (e) => p.egressWeight * gb * e);
  }
  return out;
}
