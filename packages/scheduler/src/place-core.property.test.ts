import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandJurisdictions } from './jurisdiction';
import { placeCore as place } from './place-core';
import type { CoreInput } from './input';
import { syntheticCatalogue, syntheticSignals } from './synthetic/catalogue';
import type { NodeInput, PlacementGroupInput, QuotaInput, TermsInput } from './types';
import type { CorePlan } from './plan-types';

const FROM = Date.UTC(2026, 2, 1);

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  nodes: fc.array(
    fc.record({ cores: fc.constantFrom(1, 2, 4, 8), mem: fc.constantFrom(1, 4, 16), arch: fc.constantFrom('x86_64', 'arm64'), count: fc.integer({ min: 1, max: 3 }), gpus: fc.constantFrom(0, 0, 0, 1) }),
    { minLength: 1, maxLength: 4 },
  ),
  anti: fc.boolean(),
  affinity: fc.boolean(),
  quota: fc.option(fc.integer({ min: 1, max: 6 })),
  budget: fc.option(fc.double({ min: 0.1, max: 5, noNaN: true })),
  terms: fc.record({
    weights: fc.record({ price: fc.double({ min: 0, max: 1, noNaN: true }), carbon: fc.double({ min: 0, max: 1, noNaN: true }), latency: fc.double({ min: 0, max: 1, noNaN: true }) }),
    allow: fc.subarray(['EU', 'US', 'CH', 'NO', 'JP', 'GB', 'SG'], { minLength: 1 }),
    ceiling: fc.option(fc.double({ min: 0.05, max: 2, noNaN: true })),
    availability: fc.constantFrom(0, 0.999),
    carbonCeiling: fc.option(fc.integer({ min: 50, max: 700 })),
    deny: fc.subarray(['p0', 'p1']),
  }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(c: Case): CoreInput {
  const cat = syntheticCatalogue({ seed: c.seed, providers: 3, regionsPerProvider: 3, shapes: 10, offers: 250, limitedCapacityShare: 0.3 });
  const signals = syntheticSignals({ zones: [...new Set(cat.regions.map((r) => r.zone!))], fromMs: FROM, hours: 30, seed: c.seed });
  const nodes: NodeInput[] = c.nodes.map((n, i) => ({ id: `n${i}`, cores: n.cores, memoryGiB: n.mem, architecture: n.arch, count: n.count, gpus: n.gpus }));
  const groups: PlacementGroupInput[] = [];
  if (c.anti) groups.push({ id: 'spread', kind: 'anti-affinity', scope: 'region', nodes: ['n0'] });
  if (c.affinity && nodes.length > 1) groups.push({ id: 'together', kind: 'affinity', scope: 'provider', nodes: nodes.slice(1).map((n) => n.id) });
  const quotas: QuotaInput[] = c.quota === null ? [] : [{ providerId: 'p2', maxInstances: c.quota, maxVcpus: c.quota * 8 }];
  const terms: TermsInput = {
    weights: c.terms.weights, jurisdictions: { allow: c.terms.allow }, availability: c.terms.availability, providers: { deny: c.terms.deny },
    ...(c.terms.ceiling !== null ? { priceCeilingPerHour: c.terms.ceiling } : {}),
    ...(c.terms.carbonCeiling !== null ? { carbonCeiling: c.terms.carbonCeiling } : {}),
    ...(c.budget !== null ? { budgetPerHour: c.budget } : {}),
  };
  const relations = nodes.length > 1 ? [{ kind: 'connects-to' as const, source: 'n0', target: 'n1', trafficGBPerMonth: 2000 }] : [];
  return { ...cat, signals, nodes, groups, quotas, terms, relations, now: FROM, options: { exactNodeLimit: 20_000 } };
}

/** Independent check of every hard constraint on the plan, from the raw inputs. */
function violations(input: CoreInput, plan: CorePlan): string[] {
  const out: string[] = [];
  const offers = new Map(input.offers!.map((o) => [o.id, o]));
  const regions = new Map(input.regions!.map((r) => [r.id, r]));
  const nodes = new Map(input.nodes!.map((n) => [n.id, n]));
  const t = input.terms!;
  const allow = expandJurisdictions(t.jurisdictions!.allow!);
  const used = new Map<string, number>();
  let price = 0;
  for (const d of plan.decisions) {
    const o = offers.get(d.offerId)!;
    const n = nodes.get(d.nodeId)!;
    const r = regions.get(o.regionId)!;
    if (o.vcpu < n.cores || o.memoryGiB < n.memoryGiB) out.push(`${d.instanceId}: resources`);
    if ((o.architecture ?? 'x86_64') !== (n.architecture ?? 'x86_64')) out.push(`${d.instanceId}: architecture`);
    if ((o.gpus ?? 0) < (n.gpus as number)) out.push(`${d.instanceId}: gpus`);
    if (o.market === 'spot') out.push(`${d.instanceId}: spot`);
    if (!allow.has(r.country)) out.push(`${d.instanceId}: jurisdiction`);
    if (t.providers!.deny!.includes(o.providerId)) out.push(`${d.instanceId}: provider`);
    if (t.priceCeilingPerHour !== undefined && o.pricePerHour > t.priceCeilingPerHour) out.push(`${d.instanceId}: price ceiling`);
    if ((o.availability ?? 0.999) < (t.availability ?? 0)) out.push(`${d.instanceId}: availability`);
    if (t.carbonCeiling !== undefined) {
      const s = input.signals!.find((x) => x.zone === r.zone && x.metric === 'carbon-location-based')!;
      const vals = s.points.filter((p) => (p.start as number) >= (input.now as number) && (p.start as number) < (input.now as number) + 24 * 3_600_000).map((p) => p.value);
      if (vals.reduce((a, b) => a + b, 0) / vals.length > t.carbonCeiling) out.push(`${d.instanceId}: carbon ceiling`);
    }
    used.set(o.id, (used.get(o.id) ?? 0) + 1);
    price += o.pricePerHour;
  }
  for (const [id, n] of used) if (n > (offers.get(id)!.capacity ?? Infinity)) out.push(`${id}: capacity`);
  for (const g of input.groups!) {
    const scopes = plan.decisions.filter((d) => g.nodes.includes(d.nodeId)).map((d) => (g.scope === 'region' ? d.regionId : d.providerId));
    if (g.kind === 'anti-affinity' && new Set(scopes).size !== scopes.length) out.push(`${g.id}: anti-affinity`);
    if (g.kind === 'affinity' && new Set(scopes).size > 1) out.push(`${g.id}: affinity`);
  }
  for (const q of input.quotas!) {
    const mine = plan.decisions.filter((d) => d.providerId === q.providerId);
    if (mine.length > q.maxInstances!) out.push('quota instances');
    if (mine.reduce((s, d) => s + offers.get(d.offerId)!.vcpu, 0) > q.maxVcpus!) out.push('quota vcpus');
  }
  if (t.budgetPerHour !== undefined && price + plan.totals.egressPerHour > t.budgetPerHour + 1e-9) out.push('budget');
  return out;
}

describe('place (properties)', () => {
  it('never violates a hard constraint, and explains every unplaced node', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = inputOf(c);
        const plan = place(input);
        expect(violations(input, plan)).toEqual([]);
        const placed = plan.decisions.length + plan.unplaced.reduce((s, u) => s + u.instances, 0);
        expect(placed).toBe(c.nodes.reduce((s, n) => s + n.count, 0));
        for (const u of plan.unplaced) expect(u.message.length).toBeGreaterThan(10);
        expect(plan.solver.lowerBound).toBeLessThanOrEqual(plan.solver.objective + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('gives identical plans for identical inputs', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(place(inputOf(c))).toEqual(place(inputOf(c)));
      }),
      { numRuns: 15 },
    );
  });
});
