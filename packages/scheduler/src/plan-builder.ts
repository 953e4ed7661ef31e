import type { Catalogue } from './compile/catalogue';
import { powerOf } from './compile/evaluate';
import { FALLBACK_INTENSITY, LATENCY_REF_MS, type TermsContext } from './compile/terms-context';
import { alternativesFor, diagnose, objectiveScores } from './explain';
import type { OfferIndex } from './index/offer-index';
import type { Diagnosis, CoreDecision, CorePlan, SolverReport } from './plan-types';
import type { PreparedClass } from './prepare';
import { RANKED_K } from './solve-independent';
import { isoOfHour } from './time/hours';

/** The offer (or -1) and score of each member of one class, in member order (typed arrays: no object per member). */
export interface ClassResults {
  offers: Int32Array;
  scores: Float64Array;
}

function carbonOf(cat: Catalogue, a: { pc: PreparedClass; tc: TermsContext; o: number }): { loc: number; marg: number | null } {
  const r = cat.region[a.o]!;
  const power = powerOf(cat, a.pc.q, a.o) * cat.pue[r]!;
  const run = a.pc.run?.runs[r];
  const loc = run ? run.meanLocation : a.tc.locIntensity[r]!;
  const marg = run ? run.meanMarginal : a.tc.margIntensity[r]!;
  return { loc: power * (Number.isNaN(loc) ? FALLBACK_INTENSITY : loc), marg: Number.isNaN(marg) ? null : power * marg };
}

function reasonFor(cat: Catalogue, a: { pc: PreparedClass; o: number; score: number; coupled: boolean; method: string; start?: string }): string {
  const s = objectiveScores(cat, a.pc.q, a.o);
  const offer = cat.offers[a.o]!;
  const how = a.coupled ? `${a.method} coupled solution` : 'lowest weighted score of the offers passing every filter';
  const facts = [`${offer.pricePerHour.toFixed(4)}${offer.currency ? ` ${offer.currency}` : ''}/h (${s.price.toFixed(2)}x reference)`, `carbon ${s.carbon.toFixed(2)}x reference`];
  if (a.pc.q.kLat > 0) facts.push(`${(s.latency * LATENCY_REF_MS).toFixed(0)} ms mean RTT to users`);
  if (a.start) facts.push(`starts ${a.start}, the lowest-carbon run in its window`);
  return `${how}: ${offer.instanceType ?? offer.id} in ${offer.regionId}, score ${a.score.toFixed(4)}; ${facts.join(', ')}`;
}

/**
 * The best `need` offers of a class under the capacity left after placement. Capacity only
 * shrinks and scores do not change, so the class's earlier ranked list, without the offers that
 * ran out, is that answer whenever it keeps `need` entries or was already every feasible offer
 * (shorter than `RANKED_K`); otherwise the index is asked again.
 */
export function alternativesTop(index: OfferIndex, a: { pc: PreparedClass; need: number; ranked: readonly { offer: number; score: number }[] | undefined }): readonly { offer: number; score: number }[] {
  const { pc, need, ranked } = a;
  if (ranked && need <= RANKED_K) {
    const cap = pc.q.capacity;
    const left = ranked.filter((t) => cap[t.offer]! >= 1);
    if (left.length >= need || ranked.length < RANKED_K) return left.slice(0, need);
  }
  return index.topK(pc.q, need);
}

/** Turns solver results into the public plan: decisions, alternatives, diagnoses, totals. */
export function buildPlan(a: {
  cat: Catalogue;
  index: OfferIndex;
  tc: TermsContext;
  prepared: readonly PreparedClass[];
  results: readonly ClassResults[];
  report: SolverReport;
  notes: string[];
  egressPerHour: number;
  coupled: ReadonlySet<number>;
  maxAlternatives: number;
  /** Per class, the ranked list its placement started from (see `alternativesTop`). */
  ranked?: readonly (readonly { offer: number; score: number }[] | undefined)[];
}): CorePlan {
  const { cat } = a;
  const decisions: CoreDecision[] = [];
  const unplaced: Diagnosis[] = [];
  let price = 0;
  let loc = 0;
  let marg: number | null = 0;
  const currencies = new Set<string>();
  // Plain loops, not forEach callbacks: the running totals below would otherwise live in a
  // closure context, where every `+=` on a double allocates a number.
  for (let ci = 0; ci < a.prepared.length; ci++) {
    const pc = a.prepared[ci]!;
    const res = a.results[ci]!;
    const top = a.maxAlternatives > 0 ? alternativesTop(a.index, { pc, need: a.maxAlternatives + 1, ranked: a.ranked?.[ci] }) : [];
    const missing = new Map<string, number>();
    // Instances of a class on the same offer share one explanation.
    const shared = new Map<number, Pick<CoreDecision, 'scores' | 'reason' | 'alternatives' | 'carbon' | 'totalScore'>>();
    const members = pc.cls.members;
    for (let k = 0; k < members.length; k++) {
      const mem = members[k]!;
      const o = res.offers[k]!;
      const score = res.scores[k]!;
      if (o < 0) {
        missing.set(mem.nodeId, (missing.get(mem.nodeId) ?? 0) + 1);
        continue;
      }
      const offer = cat.offers[o]!;
      const run = pc.run?.runs[cat.region[o]!];
      const start = run ? isoOfHour(run.startHour) : undefined;
      let ex = shared.get(o);
      if (!ex || ex.totalScore !== score) {
        const c = carbonOf(cat, { pc, tc: a.tc, o });
        ex = {
          carbon: { locationBasedGPerHour: c.loc, marginalGPerHour: c.marg },
          scores: objectiveScores(cat, pc.q, o),
          totalScore: score,
          reason: reasonFor(cat, { pc, o, score, coupled: a.coupled.has(ci), method: a.report.method, ...(start ? { start } : {}) }),
          alternatives: alternativesFor(cat, { q: pc.q, chosen: o, chosenScore: score, top, max: a.maxAlternatives }),
        };
        shared.set(o, ex);
      }
      price += offer.pricePerHour;
      loc += ex.carbon.locationBasedGPerHour;
      marg = marg === null || ex.carbon.marginalGPerHour === null ? null : marg + ex.carbon.marginalGPerHour;
      if (offer.currency) currencies.add(offer.currency);
      // The common case as one literal (one allocation, no spread temporaries); otherwise the same
      // keys in the same order with the optional ones spread in.
      const d: CoreDecision = !run && offer.instanceType
        ? {
          nodeId: mem.nodeId, instance: mem.instance, instanceId: `${mem.nodeId}#${mem.instance}`,
          offerId: offer.id, providerId: offer.providerId, regionId: offer.regionId, instanceType: offer.instanceType,
          pricePerHour: offer.pricePerHour, currency: offer.currency ?? null, carbon: ex.carbon, scores: ex.scores, totalScore: score, reason: ex.reason, alternatives: ex.alternatives,
        }
        : {
          nodeId: mem.nodeId, instance: mem.instance, instanceId: `${mem.nodeId}#${mem.instance}`,
          offerId: offer.id, providerId: offer.providerId, regionId: offer.regionId,
          ...(offer.instanceType ? { instanceType: offer.instanceType } : {}),
          ...(run ? { start, end: isoOfHour(run.hours[run.hours.length - 1]! + 1), ...(pc.cls.node.deferrable?.interruptible ? { slots: run.hours.map(isoOfHour) } : {}) } : {}),
          pricePerHour: offer.pricePerHour, currency: offer.currency ?? null, carbon: ex.carbon, scores: ex.scores, totalScore: score, reason: ex.reason, alternatives: ex.alternatives,
        };
      decisions.push(d);
    }
    // One scan of the catalogue per class: its nodes filter alike, only the id and count differ.
    let first: Diagnosis | undefined;
    for (const [nodeId, instances] of missing) {
      if (first) {
        unplaced.push({ ...first, nodeId, instances, failedBy: { ...first.failedBy }, removedBy: { ...first.removedBy } });
        continue;
      }
      const q = { ...pc.q, capacity: cat.capacity };
      const coupledReason = a.coupled.has(ci) ? 'the coupled constraints (groups, quotas, capacity or budget) leave no room for it' : undefined;
      const d = diagnose(cat, { q, nodeId, instances, ...(coupledReason ? { coupledReason } : {}) });
      if (pc.run?.problem) d.message = `${pc.run.problem}; ${d.message}`;
      unplaced.push(d);
      first = d;
    }
  }
  decisions.sort((x, y) => (x.nodeId < y.nodeId ? -1 : x.nodeId > y.nodeId ? 1 : x.instance - y.instance));
  return {
    feasible: unplaced.length === 0,
    decisions,
    unplaced,
    totals: {
      pricePerHour: price,
      egressPerHour: a.egressPerHour,
      currency: a.tc.terms.currency ?? (currencies.size === 1 ? [...currencies][0]! : null),
      carbon: { locationBasedGPerHour: loc, marginalGPerHour: marg },
    },
    solver: a.report,
    notes: a.notes,
  };
}
