import type { Catalogue } from '../compile/catalogue';

/** Scope over which a group spreads or gathers its members. */
export type Scope = 'region' | 'provider' | 'jurisdiction';

/** A group over instances. */
export interface InstanceGroup {
  kind: 'affinity' | 'anti-affinity';
  scope: Scope;
  members: number[];
}

/**
 * The coupled problem over node instances: each instance picks one candidate offer of its
 * class; the objective is the sum of unary costs plus egress between connected instances in
 * different regions; constraints are capacity, per-provider quotas, groups and a budget.
 */
export interface CoupledProblem {
  cat: Catalogue;
  nInst: number;
  instClass: Int32Array;
  /** Per class: candidate offers sorted by unary cost (then offer position). */
  cands: Int32Array[];
  /** Per class: unary cost of each candidate (weighted cost units). */
  costs: Float64Array[];
  /** Remaining capacity per offer before this problem. */
  capacity: Float64Array;
  /** Scope value of every offer, per scope. */
  scopeOf: Record<Scope, Int32Array>;
  nScope: Record<Scope, number>;
  groups: InstanceGroup[];
  instGroups: number[][];
  /** Neighbours of every instance with the traffic between them in GB per hour (both ways). */
  adj: { j: number; gbPerHour: number }[][];
  /** Weighted cost units per unit of money (converts egress money into the objective). */
  egressWeight: number;
  quotaInstances: Float64Array;
  quotaVcpus: Float64Array;
  quotaGpus: Float64Array;
  budget: number;
}

/** Egress money per hour between two instances on offers `a` and `b`. */
export function egressMoney(p: CoupledProblem, e: { a: number; b: number; gbPerHour: number }): number {
  const { cat } = p;
  if (cat.region[e.a] === cat.region[e.b]) return 0;
  return (e.gbPerHour / 2) * (cat.regionEgress[cat.region[e.a]!]! + cat.regionEgress[cat.region[e.b]!]!);
}

/** Unary cost of instance `i` on offer `o` (Infinity when `o` is not a candidate). */
export function unaryCost(p: CoupledProblem, a: { i: number; o: number }): number {
  const c = p.instClass[a.i]!;
  const cands = p.cands[c]!;
  for (let k = 0; k < cands.length; k++) if (cands[k] === a.o) return p.costs[c]![k]!;
  return Infinity;
}

/**
 * Checks a complete assignment from scratch (the reference for tests and a guard for solvers).
 *
 * @returns whether every constraint holds, the objective, the price and egress per hour
 */
export function evaluateAssignment(p: CoupledProblem, assign: ArrayLike<number>): { feasible: boolean; cost: number; price: number; egress: number; violation?: string } {
  const { cat } = p;
  let cost = 0;
  let price = 0;
  let egress = 0;
  const used = new Map<number, number>();
  const inst = new Float64Array(p.quotaInstances.length);
  const vcpu = new Float64Array(p.quotaInstances.length);
  const gpus = new Float64Array(p.quotaInstances.length);
  for (let i = 0; i < p.nInst; i++) {
    const o = assign[i]!;
    if (o < 0) return { feasible: false, cost: Infinity, price, egress, violation: `instance ${i} unassigned` };
    const u = unaryCost(p, { i, o });
    if (!Number.isFinite(u)) return { feasible: false, cost: Infinity, price, egress, violation: `instance ${i} on a non-candidate` };
    cost += u;
    price += cat.price[o]!;
    used.set(o, (used.get(o) ?? 0) + 1);
    const pr = cat.provider[o]!;
    inst[pr]! += 1;
    vcpu[pr]! += cat.vcpu[o]!;
    gpus[pr]! += cat.gpus[o]!;
    for (const { j, gbPerHour } of p.adj[i]!) {
      if (j > i) egress += egressMoney(p, { a: o, b: assign[j]!, gbPerHour });
    }
  }
  for (const [o, n] of used) if (n > p.capacity[o]!) return { feasible: false, cost: Infinity, price, egress, violation: `capacity of offer ${o}` };
  for (let pr = 0; pr < inst.length; pr++) {
    if (inst[pr]! > p.quotaInstances[pr]! || vcpu[pr]! > p.quotaVcpus[pr]! || gpus[pr]! > p.quotaGpus[pr]!) return { feasible: false, cost: Infinity, price, egress, violation: `quota of provider ${pr}` };
  }
  for (const g of p.groups) {
    const values = g.members.map((i) => p.scopeOf[g.scope][assign[i]!]!);
    const distinct = new Set(values).size;
    if (g.kind === 'anti-affinity' && distinct !== values.length) return { feasible: false, cost: Infinity, price, egress, violation: 'anti-affinity' };
    if (g.kind === 'affinity' && distinct > 1) return { feasible: false, cost: Infinity, price, egress, violation: 'affinity' };
  }
  if (price + egress > p.budget + 1e-9) return { feasible: false, cost: Infinity, price, egress, violation: 'budget' };
  return { feasible: true, cost: cost + p.egressWeight * egress, price, egress };
}
