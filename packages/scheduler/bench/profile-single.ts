import type { ServiceTerms } from '@accords/model';
import { SignalStore } from '../src/compile/signal-store';
import { buildTermsContext } from '../src/compile/terms-context';
import { buildQuery } from '../src/compile/query';
import { nodeFromModel, signalsFromModel, termsFromModel } from '../src/model/from-model';
import { PlacementIndex } from '../src/placement-index';
import { hourOf } from '../src/time/hours';
import { bigCatalogue, bigSignals, nodeShapes } from './fixtures';
const NOW = '2026-01-15T00:00:00Z';
const signals = bigSignals({ from: NOW, hours: 48, seed: 1 });
const terms: ServiceTerms = {
  price: { currency: 'EUR' }, jurisdiction: { allowed: ['EU', 'US', 'CH', 'NO', 'GB', 'JP'] }, availability: 99.9, carbon: { maxIntensity: 500 },
  providers: { deny: ['p3'] }, latency: { maxMs: 150, users: [{ coordinates: { lat: 48.9, lon: 2.3 } }, { coordinates: { lat: 40.7, lon: -74 } }] },
  objectives: { price: 0.5, carbon: 0.3, latency: 0.2 },
};
const big = bigCatalogue({ seed: 1, providers: 8, regionsPerProvider: 10, offers: 100_000 });
const index = PlacementIndex.fromModel(big);
const cat = index.catalogue;
const t = termsFromModel(terms, { regions: [] });
const tc = buildTermsContext({ cat, terms: t, signals: new SignalStore(signalsFromModel(signals)), fromHour: hourOf(Date.parse(NOW)), hours: 24 });
const qs = nodeShapes(200, 7).map((n) => buildQuery({ cat, tc, node: nodeFromModel(n, { nowMs: 0, batchSlackHours: 0 }), capacity: cat.capacity }));
const K = Number(process.env.K ?? 1);
let s = 0;
const t0 = performance.now();
for (let i = 0; i < 40000; i++) s += index.offers.topK(qs[i % 200]!, K).length;
console.log('per query us', ((performance.now() - t0) / 40000 * 1000).toFixed(1), s);
