import type { PlacementPlan } from '@accords/model';
import type { CorePlan } from '../plan-types';

/** Maps a cost that is 1 at the reference onto [0, 1): 0 ideal, 0.5 at the reference. */
export function squash(s: number): number {
  return s / (1 + s);
}

/**
 * The model's `PlacementPlan` of a scheduler plan. Objective scores become [0, 1] costs (price,
 * carbon and latency as s / (1 + s), so 0.5 is the catalogue reference; heat reuse and
 * availability are already shares); `total` is the weighted score the solver minimised.
 */
export function toModelPlan(core: CorePlan, a: { manifest: string; createdAt: string; basis: 'location-based' | 'marginal' }): PlacementPlan {
  const currency = core.totals.currency ?? core.decisions[0]?.currency ?? 'XXX';
  const carbonOf = (c: { locationBasedGPerHour: number; marginalGPerHour: number | null }) =>
    a.basis === 'marginal' && c.marginalGPerHour !== null ? c.marginalGPerHour : c.locationBasedGPerHour;
  const alternatives = new WeakMap<object, PlacementPlan['decisions'][number]['alternatives']>();
  const altOf = (d: CorePlan['decisions'][number]) => {
    let v = alternatives.get(d.alternatives);
    if (!v) {
      v = d.alternatives.slice(0, 20).map((x) => ({ offerId: x.offerId, total: x.totalScore, reason: x.why.slice(0, 1024) }));
      alternatives.set(d.alternatives, v);
    }
    return v;
  };
  // Instances on the same offer share one scores object in the report; they share one here too.
  const scores = new WeakMap<object, PlacementPlan['decisions'][number]['scores']>();
  const scoresOf = (d: CorePlan['decisions'][number]) => {
    let v = scores.get(d.scores);
    if (!v || v.total !== d.totalScore) {
      v = {
        price: squash(d.scores.price), carbon: squash(d.scores.carbon), latency: squash(d.scores.latency),
        heatReuse: d.scores.heatReuse, availability: d.scores.availability, total: d.totalScore,
      };
      scores.set(d.scores, v);
    }
    return v;
  };
  return {
    manifest: a.manifest,
    decisions: core.decisions.map((d) => {
      const reason = d.reason.length > 4096 ? d.reason.slice(0, 4096) : d.reason;
      // One literal per decision (the keys and order of a literal with an optional `start`).
      return d.start
        ? {
          node: d.nodeId, replica: d.instance, offerId: d.offerId, providerId: d.providerId, regionId: d.regionId, start: d.start,
          pricePerHour: d.pricePerHour, currency: d.currency ?? currency, carbonGPerHour: carbonOf(d.carbon), scores: scoresOf(d), reason, alternatives: altOf(d),
        }
        : {
          node: d.nodeId, replica: d.instance, offerId: d.offerId, providerId: d.providerId, regionId: d.regionId,
          pricePerHour: d.pricePerHour, currency: d.currency ?? currency, carbonGPerHour: carbonOf(d.carbon), scores: scoresOf(d), reason, alternatives: altOf(d),
        };
    }),
    unplaced: core.unplaced.map((u) => ({
      node: u.nodeId,
      reason: u.message.slice(0, 4096),
      filters: Object.entries(u.removedBy).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([filter, removed]) => ({ filter, removed })),
    })),
    pricePerHour: core.totals.pricePerHour,
    currency,
    carbonGPerHour: carbonOf(core.totals.carbon),
    optimal: core.solver.method !== 'heuristic',
    gap: core.solver.gap,
    createdAt: a.createdAt,
  };
}
