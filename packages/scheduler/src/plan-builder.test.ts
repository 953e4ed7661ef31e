import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from './compile/catalogue';
import { buildQuery } from './compile/query';
import { SignalStore } from './compile/signal-store';
import { buildTermsContext } from './compile/terms-context';
import { OfferIndex } from './index/offer-index';
import { alternativesTop } from './plan-builder';
import type { PreparedClass } from './prepare';
import { prng } from './prng';
import { RANKED_K } from './solve-independent';
import { syntheticCatalogue } from './synthetic/catalogue';

describe('alternativesTop', () => {
  it('equals a fresh index query after any capacity was drawn down', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(1, 2, 4, 8), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 100 }), (seed, cores, need, percent) => {
        const share = percent / 100;
        const cat = compileCatalogue(syntheticCatalogue({ seed, providers: 2, regionsPerProvider: 3, shapes: 6, offers: 120, limitedCapacityShare: 0.3 }));
        const tc = buildTermsContext({ cat, terms: { weights: { price: 1, carbon: 0.5 } }, signals: new SignalStore([]), fromHour: 0, hours: 1 });
        const capacity = cat.capacity.slice();
        const q = buildQuery({ cat, tc, node: { id: 'n', cores, memoryGiB: 2 }, capacity });
        const index = new OfferIndex(cat);
        const ranked = index.topK(q, RANKED_K);
        const rnd = prng(seed);
        for (const t of ranked) if (rnd() < share) capacity[t.offer] = 0;
        for (let o = 0; o < cat.n; o++) if (rnd() < share / 4) capacity[o] = 0;
        const pc = { q } as PreparedClass;
        expect(alternativesTop(index, { pc, need, ranked })).toEqual(index.topK(q, need));
      }),
      { numRuns: 300 },
    );
  });
});
