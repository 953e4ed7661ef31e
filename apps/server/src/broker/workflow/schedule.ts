import { place } from '@accords/scheduler';
import type { Catalogue, Manifest, Offer, PlacementDecision, Provider, Region, SignalSeries } from '@accords/model';
import type { PlacementInput } from '@accords/scheduler';
import type { BrokerPlan } from '../types';

/** What the scheduler is given besides the manifest: the supply seen through the connectors. */
export interface Supply {
  providers: Provider[];
  regions: Region[];
  offers: Offer[];
  signals: SignalSeries[];
}

type SchedNode = NonNullable<PlacementInput['nodes']>[number];
type SchedTerms = NonNullable<PlacementInput['terms']>;

const METRIC = {
  'carbon-intensity': 'carbon-location-based',
  'carbon-intensity-marginal': 'carbon-marginal',
  'electricity-price': 'electricity-price',
} as const;

function nodesOf(manifest: Manifest): SchedNode[] {
  return manifest.nodes.map((n) => {
    const node: SchedNode = { id: n.name, cores: n.cores, memoryGiB: n.memoryGiB };
    if (n.architecture) node.architecture = n.architecture;
    if (n.gpus) node.gpus = n.gpus.model ? { count: n.gpus.count, model: n.gpus.model } : { count: n.gpus.count };
    if (n.count) {
      const min = n.count.min ?? n.count.initial;
      node.count = n.count.max !== undefined ? { min, max: n.count.max, initial: n.count.initial } : { min, initial: n.count.initial };
    }
    if (n.batch?.deadline) {
      node.deferrable = { durationHours: n.batch.durationHours, deadline: n.batch.deadline, interruptible: n.batch.interruptible ?? false };
      if (n.batch.earliestStart) node.deferrable.earliestStart = n.batch.earliestStart;
    }
    return node;
  });
}

function termsOf(manifest: Manifest, regions: Region[]): SchedTerms {
  const t = manifest.terms;
  const terms: SchedTerms = {};
  if (t.price?.currency) terms.currency = t.price.currency;
  if (t.price?.maxPerHour !== undefined) terms.budgetPerHour = t.price.maxPerHour;
  if (t.jurisdiction) {
    terms.jurisdictions = {};
    if (t.jurisdiction.allowed) terms.jurisdictions.allow = [...t.jurisdiction.allowed];
    if (t.jurisdiction.forbidden) terms.jurisdictions.deny = [...t.jurisdiction.forbidden];
  }
  if (t.dataClassification) terms.dataClassification = t.dataClassification === 'restricted' ? 'secret' : t.dataClassification;
  if (t.availability !== undefined) terms.availability = t.availability / 100;
  if (t.latency) {
    const users = t.latency.users.flatMap((u) => {
      const at = u.coordinates ?? regions.find((r) => r.id === u.region)?.coordinates;
      return at ? [{ lat: at.lat, lon: at.lon, weight: u.weight ?? 1 }] : [];
    });
    terms.latency = { maxMs: t.latency.maxMs, users };
  }
  if (t.carbon) {
    terms.carbonCeiling = t.carbon.maxIntensity;
    if (t.carbon.basis) terms.carbonAccounting = t.carbon.basis;
  }
  if (t.objectives) terms.weights = { ...t.objectives };
  if (t.providers) terms.providers = { ...t.providers };
  return terms;
}

/**
 * Turns a manifest and the supply into the scheduler's input.
 *
 * @param input - manifest, supply and the current time
 * @returns the scheduler input
 * @example
 * const input = schedulerInput({ manifest, supply, now: Date.now() });
 */
export function schedulerInput(input: { manifest: Manifest; supply: Supply; now: number }): PlacementInput {
  const { manifest, supply } = input;
  return {
    nodes: nodesOf(manifest),
    relations: (manifest.relations ?? []).map((r) => ({
      kind: r.type, source: r.from, target: r.to,
      ...(r.trafficGBPerMonth !== undefined ? { trafficGBPerMonth: r.trafficGBPerMonth } : {}),
    })),
    groups: (manifest.groups ?? []).map((g) => ({ id: g.name, kind: g.policy, scope: g.scope, nodes: [...g.nodes] })),
    terms: termsOf(manifest, supply.regions),
    providers: supply.providers.map((p) => ({ id: p.id, name: p.name, ...(p.headquarters ? { country: p.headquarters } : {}) })),
    regions: supply.regions.map((r) => ({
      id: r.id, providerId: r.providerId, country: r.country, coordinates: { lat: r.coordinates.lat, lon: r.coordinates.lon },
      timeZone: r.timeZone, pue: r.pue, renewableShare: r.renewableShare, heatReuse: r.heatReuse, zone: r.zone,
    })),
    offers: supply.offers.map((o) => ({
      id: o.id, providerId: o.providerId, regionId: o.regionId, instanceType: o.instanceType, vcpu: o.vcpu,
      memoryGiB: o.memoryGiB, gpus: o.gpus, architecture: o.architecture, pricePerHour: o.pricePerHour, currency: o.currency,
      market: o.market, availability: o.availability / 100, capacity: o.capacity, asOf: o.asOf,
    })),
    signals: supply.signals.map((s) => ({
      zone: s.zone, metric: METRIC[s.metric],
      points: s.points.map((p) => ({ start: p.start, durationHours: p.duration / 3600, value: p.value, kind: p.kind })),
    })),
    now: input.now,
  };
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Places a manifest over the supply and states the plan in the model's terms (scores 1 = best).
 *
 * @param input - manifest, supply, current time
 * @returns the plan; `unplaced` lists every node that could not be placed and why
 * @example
 * const plan = planManifest({ manifest, supply, now: Date.now() });
 */
export function planManifest(input: { manifest: Manifest; supply: Supply; now: number }): BrokerPlan {
  const out = place(schedulerInput(input));
  const currency = out.totals.currency ?? input.manifest.terms.price?.currency ?? input.supply.offers[0]?.currency ?? 'EUR';
  const decisions: PlacementDecision[] = out.decisions.map((d) => {
    const score = (k: 'price' | 'carbon' | 'latency' | 'heatReuse' | 'availability') => round(clamp01(1 - (d.scores[k] ?? 0)), 4);
    const offer = input.supply.offers.find((o) => o.id === d.offerId);
    const decision: PlacementDecision = {
      node: d.nodeId, replica: d.instance, offerId: d.offerId, providerId: d.providerId, regionId: d.regionId,
      pricePerHour: round(d.pricePerHour), currency: offer?.currency ?? currency,
      carbonGPerHour: round(d.carbon.locationBasedGPerHour, 3),
      scores: {
        price: score('price'), carbon: score('carbon'), latency: score('latency'), heatReuse: score('heatReuse'),
        availability: score('availability'), total: round(d.totalScore, 6),
      },
      reason: d.reason.slice(0, 4096),
      alternatives: d.alternatives.slice(0, 20).map((a) => ({ offerId: a.offerId, total: round(a.totalScore, 6), reason: a.why.slice(0, 1024) })),
    };
    if (d.start) decision.start = d.start;
    return decision;
  });
  return {
    manifest: input.manifest.name,
    decisions,
    unplaced: out.unplaced.map((u) => ({
      node: u.nodeId, reason: u.message.slice(0, 4096),
      filters: Object.entries(u.removedBy).map(([filter, removed]) => ({ filter, removed })),
    })),
    pricePerHour: round(out.totals.pricePerHour),
    currency,
    carbonGPerHour: round(out.totals.carbon.locationBasedGPerHour, 3),
    optimal: out.solver.gap === 0,
    gap: round(out.solver.gap),
    createdAt: new Date(input.now).toISOString(),
    notes: out.notes,
    solver: { ...out.solver },
  };
}

/**
 * Reads the supply from every connector (regions and cached offers) and the catalogue (providers).
 *
 * @param input - connectors, the catalogue source, the signals source
 * @returns the supply
 * @example
 * const supply = await readSupply({ connectors, catalogue: demoCatalogue, signals: demoSignals });
 */
export async function readSupply(input: {
  connectors: { providerId: string; regions(): Promise<Region[]>; offers(): Promise<{ offers: Offer[] }> }[];
  catalogue?: () => Catalogue | Promise<Catalogue>;
  signals?: () => SignalSeries[] | Promise<SignalSeries[]>;
}): Promise<Supply> {
  const catalogue = input.catalogue ? await input.catalogue() : undefined;
  const parts = await Promise.all(input.connectors.map(async (c) => ({ c, regions: await c.regions(), offers: (await c.offers()).offers })));
  const providers = parts.map(({ c }) => {
    const known = catalogue?.providers.find((p) => p.id === c.providerId);
    return known ?? { id: c.providerId, name: c.providerId, connector: c.providerId };
  });
  return {
    providers,
    regions: parts.flatMap((p) => p.regions),
    offers: parts.flatMap((p) => p.offers),
    signals: input.signals ? await input.signals() : [],
  };
}
