import { SignalStore } from './compile/signal-store';
import { buildTermsContext } from './compile/terms-context';
import { equivalenceClasses } from './classes';
import { buildCoupled } from './coupled/build';
import { evaluateAssignment } from './coupled/problem';
import { solveCoupled } from './coupled/solve';
import { SchedulerError } from './errors';
import { manifestOf, type CoreInput } from './input';
import type { CorePlan, SolverReport } from './plan-types';
import { PlacementIndex } from './placement-index';
import { buildPlan, type ClassResults } from './plan-builder';
import { prepareClasses } from './prepare';
import { solveClass } from './solve-independent';
import { hourOf, toMs } from './time/hours';
import type { RelationInput } from './types';
import { assertPlacementInput } from './validate';

/** The catalogue index of an input: the given one, or one built from its offers. */
export function indexOf(input: Pick<CoreInput, 'index' | 'providers' | 'regions' | 'offers'>): PlacementIndex {
  if (input.index) return input.index;
  if (!input.providers || !input.regions || !input.offers) {
    throw new SchedulerError([{ code: 'invalid-input', pointer: input.offers ? (input.regions ? '/providers' : '/regions') : '/offers', message: 'give the catalogue (providers, regions, offers) or a prebuilt index' }]);
  }
  return new PlacementIndex({ providers: input.providers, regions: input.regions, offers: input.offers });
}

/**
 * Places every instance of every node of a manifest: filters, then scores, through the offer
 * index; identical nodes solved once; coupled constraints (groups, quotas, shared capacity,
 * egress, budget) solved exactly when small and by a heuristic with its gap when large;
 * deferrable nodes get the start time of their lowest-carbon run. Pure and deterministic: time
 * and signals are arguments.
 *
 * @param input - manifest (or nodes and terms), catalogue or index, signals, `now`, options
 * @returns a plan with a decision per placed instance, a diagnosis per unplaced node, totals
 * @throws SchedulerError when the input is invalid (every issue with its JSON pointer) or a plugin fails
 * @example
 * ```ts
 * const plan = placeCore({ nodes: [{ id: 'web', cores: 2, memoryGiB: 4, count: 3 }], terms: { weights: { price: 1, carbon: 1 } },
 *   providers, regions, offers, signals, now: '2026-01-01T00:00:00Z' });
 * plan.decisions[0]?.offerId;
 * ```
 */
export function placeCore(input: CoreInput): CorePlan {
  assertPlacementInput(input);
  const m = manifestOf(input);
  const index = indexOf(input);
  const cat = index.catalogue;
  const now = toMs(input.now);
  const signals = new SignalStore(input.signals ?? []);
  const tc = buildTermsContext({ cat, terms: m.terms, signals, fromHour: hourOf(now), hours: input.options?.horizonHours ?? 24 });
  const related = m.relations.filter((r) => r.kind === 'connects-to' && (r.trafficGBPerMonth ?? 0) > 0);
  const distinct = new Set<string>([...m.groups.flatMap((g) => g.nodes), ...related.flatMap((r) => [r.source, r.target])]);
  const classes = equivalenceClasses(m.nodes, distinct);
  const scratch = index.offers.capacityScratch;
  const capacity = scratch.borrow();
  const ctx = { input, m, index, tc, signals, now, classes, related, distinct, capacity };
  let clean = false;
  try {
    let out = solve(ctx, (input.quotas?.length ?? 0) > 0);
    const budget = m.terms.budgetPerHour;
    // The independent optimum is optimal under a budget it fits; only otherwise couple everything.
    if (budget !== undefined && !out.coupleAll && out.pricePerHour + out.egressPerHour > budget + 1e-9) {
      scratch.restore(capacity, drawnOffers(out.results));
      out = solve(ctx, true);
    }
    const plan = buildPlan({ cat, index: index.offers, tc, prepared: out.prepared, results: out.results, report: out.report, notes: out.notes, egressPerHour: out.egressPerHour, coupled: out.coupledSet, maxAlternatives: input.options?.alternatives ?? 3, ranked: out.ranked });
    scratch.restore(capacity, drawnOffers(out.results));
    clean = true;
    return plan;
  } finally {
    scratch.release(capacity, { clean });
  }
}

/** Every offer a placement drew capacity from (capacity is only ever taken by placed members). */
function drawnOffers(results: readonly ClassResults[]): Int32Array {
  let n = 0;
  for (const rs of results) n += rs.offers.length;
  const out = new Int32Array(n);
  let k = 0;
  for (const rs of results) {
    out.set(rs.offers, k);
    k += rs.offers.length;
  }
  return out;
}

interface SolveContext {
  input: CoreInput;
  m: ReturnType<typeof manifestOf>;
  index: PlacementIndex;
  tc: ReturnType<typeof buildTermsContext>;
  signals: SignalStore;
  now: number;
  classes: ReturnType<typeof equivalenceClasses>;
  related: RelationInput[];
  distinct: Set<string>;
  /** A buffer equal to the catalogue's capacities, drawn down by this placement. */
  capacity: Float64Array;
}

function solve(ctx: SolveContext, coupleAll: boolean) {
  const { input, m, index, tc, signals, now, classes, related, distinct, capacity } = ctx;
  const cat = index.catalogue;
  const prepared = prepareClasses({ cat, tc, signals, classes, capacity, now, ...(input.plugins ? { plugins: input.plugins } : {}) });
  const coupledPos: number[] = [];
  prepared.forEach((pc, i) => {
    if (!pc.run && (coupleAll || distinct.has(pc.cls.node.id))) coupledPos.push(i);
  });
  // Placeholders only for coupled classes; independent classes fill theirs below (one object per member, not two).
  // Coupled classes start unplaced; independent classes take solveClass's arrays below.
  const results: ClassResults[] = prepared.map((pc) => ({ offers: new Int32Array(pc.cls.members.length).fill(-1), scores: new Float64Array(pc.cls.members.length) }));
  const report: SolverReport = { method: 'independent', objective: 0, lowerBound: 0, gap: 0, equivalenceClasses: classes.length, searchNodes: 0 };
  const notes = [...tc.notes];
  let egressPerHour = 0;
  const coupledSet = new Set(coupledPos);
  if (coupledPos.length > 0) {
    const w = tc.weights.price / (1 + (input.plugins?.scorers ?? []).reduce((s, p) => s + p.weight, 0));
    const built = buildCoupled({
      cat, index: index.offers, classes: prepared, positions: coupledPos, relations: related, groups: m.groups,
      quotas: input.quotas ?? [], budgetPerHour: coupleAll ? (m.terms.budgetPerHour ?? Infinity) : Infinity, egressWeight: w / cat.priceRefPerVcpu,
    });
    const out = solveCoupled(built.p, {
      seed: input.seed ?? 1, passes: input.options?.heuristicPasses ?? 30, nodeLimit: input.options?.exactNodeLimit ?? 200_000, restricted: built.restricted,
    });
    const assign = new Int32Array(built.p.nInst).fill(-1);
    built.origin.forEach((org, i) => {
      const k = out.solution.candPos[i]!;
      if (k < 0) return;
      const cls = built.p.instClass[i]!;
      const o = built.p.cands[cls]![k]!;
      assign[i] = o;
      capacity[o]! -= 1;
      results[org.pc]!.offers[org.member] = o;
      results[org.pc]!.scores[org.member] = built.p.costs[cls]![k]! / prepared[org.pc]!.q.size;
    });
    const ev = evaluateAssignment(built.p, assign);
    egressPerHour = ev.egress;
    report.method = out.method;
    report.objective = ev.feasible ? ev.cost : out.solution.cost;
    report.lowerBound = Math.min(out.lowerBound, report.objective);
    report.searchNodes = out.searchNodes;
    if (out.solution.placed < built.p.nInst) notes.push(`${built.p.nInst - out.solution.placed} coupled instance(s) left unplaced: ${out.method === 'exact' ? 'no assignment satisfies every coupled constraint (proven by exhaustive search)' : 'the heuristic found no room under the coupled constraints'}`);
    if (built.restricted) notes.push('coupled candidates were limited to the best offers of each node: the plan is heuristic');
  }
  let contention = false;
  const ranked: (readonly { offer: number; score: number }[] | undefined)[] = [];
  prepared.forEach((pc, i) => {
    if (coupledSet.has(i)) return;
    const r = solveClass(index.offers, pc);
    ranked[i] = r.ranked;
    contention ||= r.capacityHit;
    results[i] = { offers: r.offers, scores: r.scores };
    report.objective += r.objective;
  });
  report.lowerBound += independentBound({ prepared, skip: coupledSet, results, index, contention, capacity: cat.capacity });
  if (report.method === 'independent' && report.lowerBound < report.objective - 1e-9) report.method = 'heuristic';
  report.gap = report.objective > 0 ? Math.max(0, (report.objective - report.lowerBound) / report.objective) : 0;
  let pricePerHour = 0;
  for (const rs of results) {
    for (let k = 0; k < rs.offers.length; k++) if (rs.offers[k]! >= 0) pricePerHour += cat.price[rs.offers[k]!]!;
  }
  return { prepared, results, report, notes, egressPerHour, coupledSet, coupleAll, pricePerHour, ranked };
}

/** Objective of the independent classes, or (after a capacity ran out) a bound from unlimited first choices. */
function independentBound(a: { prepared: ReturnType<typeof prepareClasses>; skip: Set<number>; results: ClassResults[]; index: PlacementIndex; contention: boolean; capacity: Float64Array }): number {
  let lb = 0;
  a.prepared.forEach((pc, i) => {
    if (a.skip.has(i)) return;
    const { offers, scores } = a.results[i]!;
    let placed = 0;
    for (let k = 0; k < offers.length; k++) {
      if (offers[k]! < 0) continue;
      placed++;
      if (!a.contention) lb += pc.q.size * scores[k]!;
    }
    if (!a.contention) return;
    // The class's own query with the untouched capacities (swapped in, not cloned: one query shape for the index).
    const own = pc.q.capacity;
    pc.q.capacity = a.capacity;
    let best: { offer: number; score: number } | undefined;
    try {
      best = a.index.offers.topK(pc.q, 1)[0];
    } finally {
      pc.q.capacity = own;
    }
    if (best) lb += pc.q.size * best.score * placed;
  });
  return lb;
}
