import fc from 'fast-check';
import { compileCatalogue } from '../compile/catalogue';
import { SignalStore } from '../compile/signal-store';
import { buildTermsContext } from '../compile/terms-context';
import { equivalenceClasses } from '../classes';
import { OfferIndex } from '../index/offer-index';
import { prepareClasses } from '../prepare';
import { syntheticCatalogue } from '../synthetic/catalogue';
import type { NodeInput, PlacementGroupInput, QuotaInput, RelationInput } from '../types';
import { buildCoupled, type BuiltProblem } from './build';

/** A small random coupled instance, as fast-check generates it. */
export interface SmallCase {
  seed: number;
  counts: number[];
  groups: { kind: 'affinity' | 'anti-affinity'; scope: 'region' | 'provider' | 'jurisdiction'; nodes: number[] }[];
  traffic: number[];
  quota: number | null;
  budget: number | null;
  capShare: number;
}

/** Arbitrary of small coupled cases (at most 5 instances over about 8 offers). */
export const smallCaseArb: fc.Arbitrary<SmallCase> = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  counts: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
  groups: fc.array(fc.record({ kind: fc.constantFrom('affinity', 'anti-affinity'), scope: fc.constantFrom('region', 'provider', 'jurisdiction'), nodes: fc.subarray([0, 1, 2], { minLength: 1 }) }), { maxLength: 2 }),
  traffic: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }),
  quota: fc.option(fc.integer({ min: 1, max: 4 })),
  budget: fc.option(fc.double({ min: 0.05, max: 2, noNaN: true })),
  capShare: fc.constantFrom(0, 0.5),
});

/** Builds the coupled problem of a small case through the real pipeline. */
export function buildSmall(c: SmallCase): BuiltProblem & { nodes: NodeInput[]; groups: PlacementGroupInput[]; relations: RelationInput[]; quotas: QuotaInput[] } {
  const input = syntheticCatalogue({ seed: c.seed, providers: 2, regionsPerProvider: 2, shapes: 3, offers: 8, limitedCapacityShare: c.capShare });
  for (const o of input.offers) o.market = 'on-demand';
  const cat = compileCatalogue(input);
  const index = new OfferIndex(cat);
  const nodes: NodeInput[] = c.counts.map((count, i) => ({ id: `n${i}`, cores: 1, memoryGiB: 1, architecture: 'x86_64', count }));
  const exists = (i: number) => i < nodes.length;
  const groups: PlacementGroupInput[] = c.groups.map((g, i) => ({ id: `g${i}`, kind: g.kind, scope: g.scope, nodes: g.nodes.filter(exists).map((k) => `n${k}`) }));
  const relations: RelationInput[] = [];
  c.traffic.forEach((t, i) => {
    const j = (i + 1) % nodes.length;
    if (exists(i) && i !== j && t > 0) relations.push({ kind: 'connects-to', source: `n${i}`, target: `n${j}`, trafficGBPerMonth: t * 100 });
  });
  const quotas: QuotaInput[] = c.quota === null ? [] : [{ providerId: 'p0', maxInstances: c.quota }];
  for (const o of input.offers) o.architecture = 'x86_64';
  const terms = { weights: { price: 1, carbon: 0.3 } };
  const tc = buildTermsContext({ cat, terms, signals: new SignalStore([]), fromHour: 0, hours: 1 });
  const classes = equivalenceClasses(nodes, new Set(nodes.map((n) => n.id)));
  const prepared = prepareClasses({ cat, tc, signals: new SignalStore([]), classes, capacity: cat.capacity.slice(), now: 0 });
  const built = buildCoupled({
    cat, index, classes: prepared, positions: prepared.map((_, i) => i), relations, groups, quotas,
    budgetPerHour: c.budget ?? Infinity, egressWeight: 1 / cat.priceRefPerVcpu,
  });
  return { ...built, nodes, groups, relations, quotas };
}
