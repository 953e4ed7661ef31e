import type { ManifestNode, ServiceTerms } from '@accords/model';
import { placeWithReport } from '../src/place';
import { PlacementIndex } from '../src/placement-index';
import { prng } from '../src/prng';
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
const shapes = nodeShapes(100, 11);
const rnd = prng(5);
const nodes: ManifestNode[] = Array.from({ length: 10_000 }, (_, i) => ({ ...shapes[Math.floor(rnd() * 100)]!, name: `n${i}` }));
const input = { nodes, terms, index, signals, now: NOW };
const t: number[] = [];
for (let i = 0; i < 15; i++) { const t0 = performance.now(); placeWithReport(input); t.push(performance.now() - t0); }
console.log(t.map((x) => x.toFixed(1)).join(' '));
