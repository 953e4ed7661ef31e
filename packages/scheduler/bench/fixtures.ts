import type { ManifestNode, Offer, PlacementGroup, Provider, Region, NodeRelation, SignalSeries } from '@accords/model';
import { prng } from '../src/prng';

const COUNTRIES: [string, number, number][] = [
  ['DE', 50.1, 8.7], ['FR', 48.9, 2.3], ['SE', 59.3, 18.1], ['NO', 59.9, 10.7], ['IE', 53.3, -6.3], ['PL', 52.2, 21.0],
  ['US', 39.0, -77.5], ['CA', 45.5, -73.6], ['BR', -23.5, -46.6], ['JP', 35.7, 139.7], ['SG', 1.35, 103.8],
  ['AU', -33.9, 151.2], ['IN', 19.1, 72.9], ['ZA', -26.2, 28.0], ['CH', 47.4, 8.5], ['GB', 51.5, -0.1],
];
const INTENSITY: Record<string, number> = { DE: 380, FR: 56, SE: 41, NO: 30, IE: 290, PL: 660, US: 370, CA: 130, BR: 100, JP: 480, SG: 470, AU: 550, IN: 710, ZA: 710, CH: 40, GB: 210 };

/** A large model-typed catalogue for the benchmarks (deterministic). */
export function bigCatalogue(a: { seed: number; providers: number; regionsPerProvider: number; offers: number; capacityShare?: number }): { providers: Provider[]; regions: Region[]; offers: Offer[] } {
  const rnd = prng(a.seed);
  const providers: Provider[] = [];
  const regions: Region[] = [];
  for (let p = 0; p < a.providers; p++) {
    providers.push({ id: `p${p}`, name: `P${p}`, connector: 'sim', headquarters: COUNTRIES[p % COUNTRIES.length]![0] });
    for (let r = 0; r < a.regionsPerProvider; r++) {
      const [country, lat, lon] = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
      regions.push({
        id: `p${p}-r${r}`, providerId: `p${p}`, name: `R${r}`, country, coordinates: { lat: lat + rnd() - 0.5, lon: lon + rnd() - 0.5 },
        timeZone: 'UTC', pue: 1.1 + Math.round(rnd() * 40) / 100, renewableShare: rnd(), heatReuse: rnd() < 0.2 ? 0.5 : 0, zone: country,
        egressPricePerGB: 0.01 + Math.round(rnd() * 8) / 100, currency: 'EUR',
      });
    }
  }
  const shapes: [number, number, number, 'x86_64' | 'arm64'][] = [];
  for (const v of [1, 2, 4, 8, 16, 32, 48, 64, 96]) for (const m of [1, 2, 4, 8]) shapes.push([v, v * m, 0, 'x86_64'], [v, v * m, 0, 'arm64']);
  for (const g of [1, 2, 4, 8]) shapes.push([8 * g, 64 * g, g, 'x86_64']);
  const mult = regions.map(() => 0.8 + rnd() * 0.5);
  const offers: Offer[] = [];
  for (let i = 0; i < a.offers; i++) {
    const ri = Math.floor(rnd() * regions.length);
    const region = regions[ri]!;
    const [vcpu, mem, gpus, arch] = shapes[Math.floor(rnd() * shapes.length)]!;
    const spot = rnd() < 0.2;
    const price = (vcpu * 0.021 + mem * 0.0045 + gpus * 0.9) * mult[ri]! * (spot ? 0.35 : 1) * (0.9 + rnd() * 0.2) * (arch === 'arm64' ? 0.8 : 1);
    offers.push({
      id: `o${i}`, providerId: region.providerId, regionId: region.id, instanceType: `t${vcpu}-${mem}-${gpus}`, vcpu, memoryGiB: mem, gpus,
      architecture: arch, pricePerHour: Math.round(price * 1e4) / 1e4, currency: 'EUR', market: spot ? 'spot' : 'on-demand',
      availability: spot ? 95 : [99.9, 99.95, 99.99][Math.floor(rnd() * 3)]!,
      capacity: rnd() < (a.capacityShare ?? 0.1) ? Math.floor(rnd() * 5) : 100_000, asOf: '2026-01-01T00:00:00Z',
    });
  }
  return { providers, regions, offers };
}

/** Hourly location-based and marginal carbon series for the zones. */
export function bigSignals(a: { from: string; hours: number; seed: number }): SignalSeries[] {
  const rnd = prng(a.seed);
  const fromMs = Date.parse(a.from);
  const out: SignalSeries[] = [];
  for (const [zone] of COUNTRIES) {
    const base = INTENSITY[zone]!;
    const phase = rnd() * 24;
    for (const metric of ['carbon-intensity', 'carbon-intensity-marginal'] as const) {
      const points = Array.from({ length: a.hours }, (_, h) => {
        const v = base * (1 + 0.25 * Math.sin(((h + phase) / 24) * 2 * Math.PI)) * (metric === 'carbon-intensity' ? 1 : 1.5);
        return { zone, metric, start: new Date(fromMs + h * 3_600_000).toISOString(), duration: 3600, value: Math.round(v), unit: 'gCO2e/kWh', kind: 'forecast' as const, source: 'bench-profile', generatedAt: a.from };
      });
      out.push({ zone, metric, unit: 'gCO2e/kWh', source: 'bench-profile', points });
    }
  }
  return out;
}

/** `n` distinct node shapes. */
export function nodeShapes(n: number, seed: number): ManifestNode[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => ({
    name: `s${i}`, cores: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32][Math.floor(rnd() * 10)]!, memoryGiB: [1, 2, 4, 8, 16, 24, 32, 64][Math.floor(rnd() * 8)]!,
    architecture: rnd() < 0.8 ? 'x86_64' : 'arm64',
  }));
}

/** A coupled manifest: services of replicas spread over regions, chained by traffic. */
export function coupledManifest(a: { services: number; replicas: number; seed: number }): { nodes: ManifestNode[]; groups: PlacementGroup[]; relations: NodeRelation[] } {
  const shapes = nodeShapes(a.services, a.seed).map((n) => ({ ...n, architecture: 'x86_64' as const }));
  const nodes = shapes.map((n) => ({ ...n, count: { initial: a.replicas } }));
  const groups: PlacementGroup[] = nodes.map((n) => ({ name: `spread-${n.name}`, policy: 'anti-affinity', scope: 'region', nodes: [n.name] }));
  const relations: NodeRelation[] = nodes.slice(1).map((n, i) => ({ from: nodes[i]!.name, to: n.name, type: 'connects-to', trafficGBPerMonth: 2000 }));
  return { nodes, groups, relations };
}
