import { egressMoney, type CoupledProblem } from './problem';

/** Why an instance cannot take an offer in the current partial assignment. */
export type Block = 'capacity' | 'quota' | 'anti-affinity' | 'affinity' | null;

/**
 * A partial assignment with everything needed to test and apply one more choice in O(degree):
 * used capacity, quota use, group occupancy, price and egress sums.
 */
export class SearchState {
  readonly assign: Int32Array;
  readonly candPos: Int32Array;
  private readonly used: Float64Array;
  private readonly qInst: Float64Array;
  private readonly qVcpu: Float64Array;
  private readonly qGpus: Float64Array;
  private readonly groupCount: Map<number, number>[];
  private readonly groupFixed: Int32Array;
  cost = 0;
  price = 0;
  egress = 0;
  assigned = 0;

  constructor(readonly p: CoupledProblem) {
    this.assign = new Int32Array(p.nInst).fill(-1);
    this.candPos = new Int32Array(p.nInst).fill(-1);
    this.used = new Float64Array(p.cat.n);
    const np = p.quotaInstances.length;
    this.qInst = new Float64Array(np);
    this.qVcpu = new Float64Array(np);
    this.qGpus = new Float64Array(np);
    this.groupCount = p.groups.map(() => new Map());
    this.groupFixed = new Int32Array(p.groups.length).fill(-1);
  }

  /** First constraint that stops instance `i` from taking offer `o`, or null. */
  blocked(i: number, o: number): Block {
    const p = this.p;
    const cat = p.cat;
    if (this.used[o]! + 1 > p.capacity[o]!) return 'capacity';
    const pr = cat.provider[o]!;
    if (this.qInst[pr]! + 1 > p.quotaInstances[pr]! || this.qVcpu[pr]! + cat.vcpu[o]! > p.quotaVcpus[pr]! || this.qGpus[pr]! + cat.gpus[o]! > p.quotaGpus[pr]!) return 'quota';
    for (const g of p.instGroups[i]!) {
      const grp = p.groups[g]!;
      const v = p.scopeOf[grp.scope][o]!;
      if (grp.kind === 'anti-affinity') {
        if ((this.groupCount[g]!.get(v) ?? 0) > 0) return 'anti-affinity';
      } else if (this.groupFixed[g] !== -1 && this.groupFixed[g] !== v) return 'affinity';
    }
    return null;
  }

  /** Egress money per hour instance `i` on `o` adds with its assigned neighbours. */
  egressDelta(i: number, o: number): number {
    let e = 0;
    for (const edge of this.p.adj[i]!) {
      const b = this.assign[edge.j]!;
      if (b >= 0) e += egressMoney(this.p, { a: o, b, gbPerHour: edge.gbPerHour });
    }
    return e;
  }

  /** Puts instance `i` on candidate `k` of its class. */
  place(i: number, k: number): void {
    const p = this.p;
    const cls = p.instClass[i]!;
    const o = p.cands[cls]![k]!;
    const e = this.egressDelta(i, o);
    this.assign[i] = o;
    this.candPos[i] = k;
    this.used[o]! += 1;
    const pr = p.cat.provider[o]!;
    this.qInst[pr]! += 1;
    this.qVcpu[pr]! += p.cat.vcpu[o]!;
    this.qGpus[pr]! += p.cat.gpus[o]!;
    for (const g of p.instGroups[i]!) {
      const grp = p.groups[g]!;
      const v = p.scopeOf[grp.scope][o]!;
      const m = this.groupCount[g]!;
      const c = (m.get(v) ?? 0) + 1;
      m.set(v, c);
      if (grp.kind === 'affinity') this.groupFixed[g] = v;
    }
    this.cost += p.costs[cls]![k]! + p.egressWeight * e;
    this.price += p.cat.price[o]!;
    this.egress += e;
    this.assigned++;
  }

  /** Takes instance `i` off its offer. */
  remove(i: number): void {
    const p = this.p;
    const o = this.assign[i]!;
    if (o < 0) return;
    const k = this.candPos[i]!;
    this.assign[i] = -1;
    this.candPos[i] = -1;
    const e = this.egressDelta(i, o);
    this.used[o]! -= 1;
    const pr = p.cat.provider[o]!;
    this.qInst[pr]! -= 1;
    this.qVcpu[pr]! -= p.cat.vcpu[o]!;
    this.qGpus[pr]! -= p.cat.gpus[o]!;
    for (const g of p.instGroups[i]!) {
      const grp = p.groups[g]!;
      const v = p.scopeOf[grp.scope][o]!;
      const m = this.groupCount[g]!;
      const c = (m.get(v) ?? 0) - 1;
      if (c <= 0) m.delete(v);
      else m.set(v, c);
      if (grp.kind === 'affinity' && m.size === 0) this.groupFixed[g] = -1;
    }
    this.cost -= p.costs[p.instClass[i]!]![k]! + p.egressWeight * e;
    this.price -= p.cat.price[o]!;
    this.egress -= e;
    this.assigned--;
  }

  /** Copies the assignment as candidate positions. */
  snapshot(): Int32Array {
    return this.candPos.slice();
  }
}
