import { prng } from '../prng';
import type { OfferInput, ProviderInput, RegionInput, SignalSeriesInput } from '../types';

const COUNTRIES = ['DE', 'FR', 'SE', 'NO', 'IE', 'PL', 'US', 'CA', 'BR', 'JP', 'SG', 'AU', 'IN', 'ZA', 'CH', 'GB'];
const COORDS: Record<string, [number, number]> = {
  DE: [50.1, 8.7], FR: [48.9, 2.3], SE: [59.3, 18.1], NO: [59.9, 10.7], IE: [53.3, -6.3], PL: [52.2, 21.0],
  US: [39.0, -77.5], CA: [45.5, -73.6], BR: [-23.5, -46.6], JP: [35.7, 139.7], SG: [1.35, 103.8],
  AU: [-33.9, 151.2], IN: [19.1, 72.9], ZA: [-26.2, 28.0], CH: [47.4, 8.5], GB: [51.5, -0.1],
};
const BASE_INTENSITY: Record<string, number> = {
  DE: 380, FR: 56, SE: 41, NO: 30, IE: 290, PL: 660, US: 370, CA: 130, BR: 100, JP: 480, SG: 470,
  AU: 550, IN: 710, ZA: 710, CH: 40, GB: 210,
};

/** Options of the synthetic catalogue used by tests and benchmarks. */
export interface SyntheticOptions {
  seed: number;
  providers: number;
  regionsPerProvider: number;
  /** Distinct instance shapes per provider. */
  shapes: number;
  offers: number;
  /** Share of offers with limited capacity (default 0). */
  limitedCapacityShare?: number;
}

/** A random but deterministic catalogue: providers, regions and offers. */
export function syntheticCatalogue(o: SyntheticOptions): { providers: ProviderInput[]; regions: RegionInput[]; offers: OfferInput[] } {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const providers: ProviderInput[] = [];
  const regions: RegionInput[] = [];
  for (let p = 0; p < o.providers; p++) {
    providers.push({ id: `p${p}`, name: `Provider ${p}`, country: pick(COUNTRIES), egressPricePerGB: 0.01 + Math.round(rnd() * 8) / 100 });
    for (let r = 0; r < o.regionsPerProvider; r++) {
      const country = pick(COUNTRIES);
      const [lat, lon] = COORDS[country]!;
      regions.push({
        id: `p${p}-r${r}`, providerId: `p${p}`, country, zone: country,
        coordinates: { lat: lat + (rnd() - 0.5), lon: lon + (rnd() - 0.5) },
        pue: 1.1 + Math.round(rnd() * 50) / 100, heatReuse: rnd() < 0.2 ? Math.round(rnd() * 10) / 10 : 0,
      });
    }
  }
  const shapes: { vcpu: number; mem: number; gpus: number; arch: string }[] = [];
  for (let s = 0; s < o.shapes; s++) {
    const vcpu = pick([1, 2, 4, 8, 16, 32, 64]);
    const gpus = rnd() < 0.1 ? pick([1, 2, 4]) : 0;
    shapes.push({ vcpu, mem: vcpu * pick([1, 2, 4, 8]), gpus, arch: rnd() < 0.25 ? 'arm64' : 'x86_64' });
  }
  const offers: OfferInput[] = [];
  const regionMult = regions.map(() => 0.8 + rnd() * 0.5);
  for (let i = 0; i < o.offers; i++) {
    const ri = Math.floor(rnd() * regions.length);
    const region = regions[ri]!;
    const shape = pick(shapes);
    const spot = rnd() < 0.2;
    const base = shape.vcpu * 0.021 + shape.mem * 0.0045 + shape.gpus * 0.9;
    const price = Math.round(base * regionMult[ri]! * (spot ? 0.35 : 1) * (0.9 + rnd() * 0.2) * 10000) / 10000;
    offers.push({
      id: `o${i}`, providerId: region.providerId, regionId: region.id, instanceType: `t${shape.vcpu}-${shape.mem}`,
      vcpu: shape.vcpu, memoryGiB: shape.mem, gpus: shape.gpus, architecture: shape.arch, pricePerHour: price,
      currency: 'EUR', market: spot ? 'spot' : 'on-demand',
      availability: spot ? 0.95 : pick([0.999, 0.9995, 0.9999]),
      ...(rnd() < (o.limitedCapacityShare ?? 0) ? { capacity: Math.floor(rnd() * 4) } : {}),
    });
  }
  return { providers, regions, offers };
}

/** Hourly carbon signals (location-based and marginal) per zone: a daily and seasonal profile. */
export function syntheticSignals(a: { zones: readonly string[]; fromMs: number; hours: number; seed: number }): SignalSeriesInput[] {
  const rnd = prng(a.seed);
  const out: SignalSeriesInput[] = [];
  for (const zone of a.zones) {
    const base = BASE_INTENSITY[zone] ?? 400;
    const phase = rnd() * 24;
    const loc: SignalSeriesInput = { zone, metric: 'carbon-location-based', points: [] };
    const marg: SignalSeriesInput = { zone, metric: 'carbon-marginal', points: [] };
    for (let h = 0; h < a.hours; h++) {
      const daily = Math.sin(((h + phase) / 24) * 2 * Math.PI);
      const v = Math.max(5, base * (1 + 0.25 * daily + 0.05 * (rnd() - 0.5)));
      loc.points.push({ start: a.fromMs + h * 3_600_000, value: Math.round(v) });
      marg.points.push({ start: a.fromMs + h * 3_600_000, value: Math.round(Math.max(300, v * 1.6)) });
    }
    out.push(loc, marg);
  }
  return out;
}
