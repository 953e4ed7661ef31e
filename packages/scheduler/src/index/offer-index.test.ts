import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../compile/catalogue';
import { buildQuery } from '../compile/query';
import { SignalStore } from '../compile/signal-store';
import { buildTermsContext } from '../compile/terms-context';
import { feasible } from '../compile/evaluate';
import { syntheticCatalogue, syntheticSignals } from '../synthetic/catalogue';
import type { NodeInput, TermsInput } from '../types';
import { bruteForceTopK } from './brute-force';
import { OfferIndex } from './offer-index';

const FROM = Date.UTC(2026, 0, 1);

const termsArb: fc.Arbitrary<TermsInput> = fc.record(
  {
    weights: fc.record({
      price: fc.double({ min: 0, max: 1, noNaN: true }),
      carbon: fc.double({ min: 0, max: 1, noNaN: true }),
      latency: fc.double({ min: 0, max: 1, noNaN: true }),
      heatReuse: fc.double({ min: 0, max: 1, noNaN: true }),
      availability: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    jurisdictions: fc.record({ allow: fc.subarray(['EU', 'US', 'CH', 'NO', 'JP', 'GB'], { minLength: 1 }) }),
    priceCeilingPerHour: fc.double({ min: 0.01, max: 3, noNaN: true }),
    availability: fc.constantFrom(0, 0.99, 0.999, 0.9995),
    carbonCeiling: fc.integer({ min: 30, max: 800 }),
    providers: fc.record({ deny: fc.subarray(['p0', 'p1', 'p2']) }),
    latency: fc.record({ users: fc.constant([{ lat: 48.8, lon: 2.3 }, { lat: 40.7, lon: -74 }]), maxMs: fc.integer({ min: 20, max: 400 }) }),
    allowSpot: fc.boolean(),
  },
  { requiredKeys: ['weights'] },
);

const nodeArb: fc.Arbitrary<NodeInput> = fc.record({
  id: fc.constant('n'),
  cores: fc.constantFrom(1, 2, 3, 4, 8, 16, 40),
  memoryGiB: fc.constantFrom(0.5, 2, 4, 16, 64, 200),
  architecture: fc.constantFrom('x86_64', 'arm64', 'amd64', 'riscv64'),
  gpus: fc.constantFrom(0, 0, 0, 1, 2),
});

describe('OfferIndex', () => {
  it('returns exactly the brute-force top-k on random catalogues', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), termsArb, nodeArb, fc.integer({ min: 1, max: 5 }), (seed, terms, node, k) => {
        const input = syntheticCatalogue({ seed, providers: 3, regionsPerProvider: 4, shapes: 12, offers: 400, limitedCapacityShare: 0.2 });
        const cat = compileCatalogue(input);
        const signals = new SignalStore(syntheticSignals({ zones: [...new Set(cat.regionZone)], fromMs: FROM, hours: 48, seed }));
        const tc = buildTermsContext({ cat, terms, signals, fromHour: FROM / 3_600_000, hours: 24 });
        const q = buildQuery({ cat, tc, node, capacity: cat.capacity });
        const index = new OfferIndex(cat);
        const got = index.topK(q, k);
        expect(got).toEqual(bruteForceTopK(cat, q, k));
        for (const g of got) expect(feasible(cat, q, g.offer)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('stays exact when offers state their own power (lower or higher than the estimate)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), termsArb, nodeArb, fc.integer({ min: 1, max: 5 }), (seed, terms, node, k) => {
        const input = syntheticCatalogue({ seed, providers: 3, regionsPerProvider: 4, shapes: 12, offers: 400, limitedCapacityShare: 0.2 });
        const offers = input.offers.map((o, i) => (i % 3 === 0 ? { ...o, powerWatts: ((seed + i * 7919) % 400) + 1 } : o));
        const cat = compileCatalogue({ ...input, offers });
        const signals = new SignalStore(syntheticSignals({ zones: [...new Set(cat.regionZone)], fromMs: FROM, hours: 48, seed }));
        const tc = buildTermsContext({ cat, terms: { ...terms, weights: { ...terms.weights, carbon: 1 } }, signals, fromHour: FROM / 3_600_000, hours: 24 });
        const q = buildQuery({ cat, tc, node, capacity: cat.capacity });
        expect(new OfferIndex(cat).topK(q, k)).toEqual(bruteForceTopK(cat, q, k));
      }),
      { numRuns: 100 },
    );
  });

  it('stays exact after prices change', () => {
    const input = syntheticCatalogue({ seed: 7, providers: 3, regionsPerProvider: 3, shapes: 8, offers: 300 });
    const cat = compileCatalogue(input);
    const signals = new SignalStore([]);
    const tc = buildTermsContext({ cat, terms: { weights: { price: 1, carbon: 0.5 } }, signals, fromHour: 0, hours: 1 });
    const index = new OfferIndex(cat);
    const q = buildQuery({ cat, tc, node: { id: 'n', cores: 2, memoryGiB: 4 }, capacity: cat.capacity });
    const best = index.topK(q, 1)[0]!;
    cat.price[best.offer] = 100;
    const cheap = cat.n - 1;
    cat.price[cheap] = 0;
    index.pricesChanged([best.offer, cheap]);
    expect(index.topK(q, 3)).toEqual(bruteForceTopK(cat, q, 3));
  });
});
