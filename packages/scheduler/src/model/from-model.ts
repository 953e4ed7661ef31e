import type { ManifestNode, NodeRelation, Offer, PlacementGroup, Provider, Region, ServiceTerms, SignalSeries } from '@accords/model';
import { SchedulerError } from '../errors';
import { toMs } from '../time/hours';
import type {
  NodeInput, OfferInput, PlacementGroupInput, ProviderInput, RegionInput, RelationInput, SignalMetric, SignalSeriesInput, TermsInput,
} from '../types';

/** Hours a batch node without a deadline may wait (default window end: start + duration + this). */
export const DEFAULT_BATCH_SLACK_HOURS = 48;

/** A manifest node as the scheduler reads it. */
export function nodeFromModel(n: ManifestNode, a: { nowMs: number; batchSlackHours: number }): NodeInput {
  const b = n.batch;
  let deferrable: NodeInput['deferrable'];
  if (b) {
    const start = Math.max(a.nowMs, b.earliestStart ? toMs(b.earliestStart) : a.nowMs);
    const deadline = b.deadline ?? new Date(start + (b.durationHours + a.batchSlackHours) * 3_600_000).toISOString();
    deferrable = { durationHours: b.durationHours, deadline, ...(b.earliestStart ? { earliestStart: b.earliestStart } : {}), ...(b.interruptible ? { interruptible: true } : {}) };
  }
  // Field by field, in the order of a literal with optional spreads, without a temporary per
  // optional field: this runs once per node of a manifest.
  const out: NodeInput = { id: n.name, cores: n.cores, memoryGiB: n.memoryGiB, source: n };
  if (n.architecture) out.architecture = n.architecture;
  if (n.gpus) out.gpus = n.gpus.model ? { count: n.gpus.count, model: n.gpus.model } : { count: n.gpus.count };
  if (n.share) out.share = n.share;
  if (n.count) {
    const count: { min: number; initial: number; max?: number } = { min: n.count.min ?? n.count.initial, initial: n.count.initial };
    if (n.count.max !== undefined) count.max = n.count.max;
    out.count = count;
  }
  if (deferrable) out.deferrable = deferrable;
  if (n.jurisdiction) out.jurisdictions = { ...(n.jurisdiction.allowed ? { allow: n.jurisdiction.allowed } : {}), ...(n.jurisdiction.forbidden ? { deny: n.jurisdiction.forbidden } : {}) };
  if (n.dataClassification) out.dataClassification = n.dataClassification;
  return out;
}

/** A relation as the scheduler reads it. */
export function relationFromModel(r: NodeRelation): RelationInput {
  return { kind: r.type, source: r.from, target: r.to, ...(r.trafficGBPerMonth !== undefined ? { trafficGBPerMonth: r.trafficGBPerMonth } : {}) };
}

/** A placement group as the scheduler reads it. */
export function groupFromModel(g: PlacementGroup): PlacementGroupInput {
  return { id: g.name, kind: g.policy, scope: g.scope, nodes: g.nodes };
}

/**
 * Service terms as the scheduler reads them. `price.maxPerHour` bounds the whole service per
 * hour; a total `budget` becomes an hourly bound over the agreement's effective period.
 *
 * @throws SchedulerError when a latency user names an unknown region or has no location
 */
export function termsFromModel(t: ServiceTerms, a: { regions: readonly Region[] }): TermsInput {
  const hourly: number[] = [];
  if (t.price?.maxPerHour !== undefined) hourly.push(t.price.maxPerHour);
  if (t.price?.budget !== undefined && t.effectiveFrom && t.effectiveUntil) {
    const hours = (toMs(t.effectiveUntil) - toMs(t.effectiveFrom)) / 3_600_000;
    if (hours > 0) hourly.push(t.price.budget / hours);
  }
  const regions = new Map(a.regions.map((r) => [r.id, r]));
  const users = (t.latency?.users ?? []).map((u, i) => {
    const c = u.coordinates ?? (u.region ? regions.get(u.region)?.coordinates : undefined);
    if (!c) throw new SchedulerError([{ code: u.region ? 'unknown-reference' : 'invalid-input', pointer: `/terms/latency/users/${i}`, message: u.region ? `unknown region "${u.region}"` : 'a user location needs coordinates or a region' }]);
    return { lat: c.lat, lon: c.lon, ...(u.weight !== undefined ? { weight: u.weight } : {}) };
  });
  return {
    source: t,
    ...(t.price?.currency ? { currency: t.price.currency } : {}),
    ...(hourly.length > 0 ? { budgetPerHour: Math.min(...hourly) } : {}),
    ...(t.jurisdiction ? { jurisdictions: { ...(t.jurisdiction.allowed ? { allow: t.jurisdiction.allowed } : {}), ...(t.jurisdiction.forbidden ? { deny: t.jurisdiction.forbidden } : {}) } } : {}),
    ...(t.dataClassification ? { dataClassification: t.dataClassification } : {}),
    ...(t.availability !== undefined ? { availability: t.availability / 100 } : {}),
    ...(t.latency ? { latency: { maxMs: t.latency.maxMs, users } } : {}),
    ...(t.carbon ? { carbonCeiling: t.carbon.maxIntensity, ...(t.carbon.basis === 'marginal' ? { carbonAccounting: 'marginal' as const } : {}) } : {}),
    ...(t.objectives ? { weights: t.objectives } : {}),
    ...(t.providers ? { providers: t.providers } : {}),
  };
}

/** A provider as the scheduler reads it. */
export function providerFromModel(p: Provider): ProviderInput {
  return { id: p.id, name: p.name, source: p, ...(p.headquarters ? { country: p.headquarters } : {}) };
}

/** A region as the scheduler reads it. */
export function regionFromModel(r: Region): RegionInput {
  return {
    id: r.id, providerId: r.providerId, country: r.country, coordinates: r.coordinates, timeZone: r.timeZone, pue: r.pue,
    renewableShare: r.renewableShare, heatReuse: r.heatReuse, zone: r.zone, source: r,
    ...(r.egressPricePerGB !== undefined ? { egressPricePerGB: r.egressPricePerGB } : {}),
  };
}

/** An offer as the scheduler reads it (availability from percent to a share). */
export function offerFromModel(o: Offer): OfferInput {
  return {
    id: o.id, providerId: o.providerId, regionId: o.regionId, instanceType: o.instanceType, vcpu: o.vcpu, memoryGiB: o.memoryGiB,
    gpus: o.gpus, architecture: o.architecture, pricePerHour: o.pricePerHour, currency: o.currency, market: o.market,
    availability: o.availability / 100, capacity: o.capacity, asOf: o.asOf, source: o,
    ...(o.gpuModel ? { gpuModel: o.gpuModel } : {}),
    ...(o.share ? { share: o.share } : {}),
    ...(o.powerWatts !== undefined ? { powerWatts: o.powerWatts } : {}),
  };
}

const METRICS: Record<SignalSeries['metric'], SignalMetric> = {
  'carbon-intensity': 'carbon-location-based',
  'carbon-intensity-marginal': 'carbon-marginal',
  'electricity-price': 'electricity-price',
};

/** Signal series as the scheduler reads them. */
export function signalsFromModel(series: readonly SignalSeries[]): SignalSeriesInput[] {
  return series.map((s) => ({
    zone: s.zone,
    metric: METRICS[s.metric],
    points: s.points.map((p) => ({ start: p.start, durationHours: p.duration / 3600, value: p.value, kind: p.kind })),
  }));
}
