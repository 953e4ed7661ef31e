import { prng } from '../prng';
import type { CoupledProblem } from './problem';
import { SearchState } from './search-state';

/** Result of a coupled solver: candidate position per instance (-1 unplaced). */
export interface CoupledSolution {
  candPos: Int32Array;
  cost: number;
  placed: number;
}

/** Order in which instances are assigned: group members and connected ones first, a class's instances together. */
export function instanceOrder(p: CoupledProblem): number[] {
  const weight = (i: number) => (p.instGroups[i]!.length > 0 ? 2 : 0) + (p.adj[i]!.length > 0 ? 1 : 0);
  return Array.from({ length: p.nInst }, (_, i) => i).sort(
    (a, b) => weight(b) - weight(a) || p.cands[p.instClass[a]!]!.length - p.cands[p.instClass[b]!]!.length || p.instClass[a]! - p.instClass[b]! || a - b,
  );
}

/** Minimum price of the candidates of every instance's class, summed from position d on. */
export function suffixMinPrice(p: CoupledProblem, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length + 1);
  for (let d = order.length - 1; d >= 0; d--) {
    let m = Infinity;
    for (const o of p.cands[p.instClass[order[d]!]!]!) m = Math.min(m, p.cat.price[o]!);
    out[d] = out[d + 1]! + m;
  }
  return out;
}

/** Best feasible candidate for `i` given the others (ties: lower position), or -1. */
function bestMove(s: SearchState, a: { i: number; reserve: number }): number {
  const p = s.p;
  const cls = p.instClass[a.i]!;
  const cands = p.cands[cls]!;
  const costs = p.costs[cls]!;
  let best = -1;
  let bestCost = Infinity;
  for (let k = 0; k < cands.length; k++) {
    if (costs[k]! >= bestCost) break;
    const o = cands[k]!;
    if (s.blocked(a.i, o) !== null) continue;
    const e = s.egressDelta(a.i, o);
    if (s.price + p.cat.price[o]! + s.egress + e + a.reserve > p.budget + 1e-9) continue;
    const c = costs[k]! + p.egressWeight * e;
    if (c < bestCost) {
      bestCost = c;
      best = k;
    }
  }
  return best;
}

function greedy(p: CoupledProblem, order: readonly number[]): SearchState {
  const s = new SearchState(p);
  const reserve = suffixMinPrice(p, order);
  order.forEach((i, d) => {
    const k = bestMove(s, { i, reserve: reserve[d + 1]! });
    if (k >= 0) s.place(i, k);
  });
  return s;
}

function improve(s: SearchState, a: { order: readonly number[]; passes: number }): void {
  const p = s.p;
  for (let pass = 0; pass < a.passes; pass++) {
    let changed = false;
    for (const i of a.order) {
      const before = s.candPos[i]!;
      const costBefore = s.cost;
      s.remove(i);
      const k = bestMove(s, { i, reserve: 0 });
      if (k >= 0 && k !== before) {
        s.place(i, k);
        if (before < 0 || s.cost < costBefore - 1e-12) {
          changed = true;
          continue;
        }
        s.remove(i);
      }
      if (before >= 0) s.place(i, before);
    }
    for (const g of p.groups) {
      if (g.kind !== 'anti-affinity') continue;
      for (let x = 0; x < g.members.length; x++) {
        for (let y = x + 1; y < g.members.length; y++) changed = pairMove(s, { i: g.members[x]!, j: g.members[y]! }) || changed;
      }
    }
    if (!changed) break;
  }
}

/** Re-places two instances together (lets them trade scopes); keeps the change only if it pays. */
function pairMove(s: SearchState, a: { i: number; j: number }): boolean {
  const { i, j } = a;
  const ki = s.candPos[i]!;
  const kj = s.candPos[j]!;
  if (ki < 0 || kj < 0) return false;
  const before = s.cost;
  s.remove(i);
  s.remove(j);
  const oj = s.p.cands[s.p.instClass[j]!]![kj]!;
  const kiNew = positionOf(s, { i, o: oj });
  if (kiNew >= 0 && s.blocked(i, oj) === null) {
    s.place(i, kiNew);
    const kjNew = bestMove(s, { i: j, reserve: 0 });
    if (kjNew >= 0) {
      s.place(j, kjNew);
      if (s.cost < before - 1e-12 && s.price + s.egress <= s.p.budget + 1e-9) return true;
      s.remove(j);
    }
    s.remove(i);
  }
  s.place(i, ki);
  s.place(j, kj);
  return false;
}

function positionOf(s: SearchState, a: { i: number; o: number }): number {
  const cands = s.p.cands[s.p.instClass[a.i]!]!;
  for (let k = 0; k < cands.length; k++) if (cands[k] === a.o) return k;
  return -1;
}

/**
 * Greedy construction in a few seeded orders, then local search (single moves and pair moves
 * inside anti-affinity groups). Deterministic for a seed; budgets are counts, never clock time.
 */
export function solveHeuristic(p: CoupledProblem, opts: { seed: number; restarts: number; passes: number }): CoupledSolution {
  const base = instanceOrder(p);
  const rnd = prng(opts.seed);
  let best: SearchState | null = null;
  for (let r = 0; r <= opts.restarts; r++) {
    const order = r === 0 ? base : shuffleKeepingClasses(p, { order: base, rnd });
    const s = greedy(p, order);
    improve(s, { order, passes: opts.passes });
    if (!best || s.assigned > best.assigned || (s.assigned === best.assigned && s.cost < best.cost - 1e-12)) best = s;
  }
  return { candPos: best!.snapshot(), cost: best!.cost, placed: best!.assigned };
}

function shuffleKeepingClasses(p: CoupledProblem, a: { order: readonly number[]; rnd: () => number }): number[] {
  const blocks: number[][] = [];
  for (const i of a.order) {
    const last = blocks[blocks.length - 1];
    if (last && p.instClass[last[0]!] === p.instClass[i]) last.push(i);
    else blocks.push([i]);
  }
  for (let k = blocks.length - 1; k > 0; k--) {
    const j = Math.floor(a.rnd() * (k + 1));
    [blocks[k], blocks[j]] = [blocks[j]!, blocks[k]!];
  }
  return blocks.flat();
}
