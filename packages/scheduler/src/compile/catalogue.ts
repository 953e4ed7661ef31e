import { SchedulerError, type InputIssue } from '../errors';
import { estimatePowerKW, VCPU_PER_GPU } from '../power';
import type { OfferInput, ProviderInput, RegionInput } from '../types';
import { canonicalArch } from './architecture';

/** The offers, regions and providers as typed arrays, indexed by position. */
export interface Catalogue {
  offers: readonly OfferInput[];
  regions: readonly RegionInput[];
  providers: readonly ProviderInput[];
  n: number;
  offerIdx: Map<string, number>;
  regionIdx: Map<string, number>;
  providerIdx: Map<string, number>;
  archCodes: Map<string, number>;
  gpuModelCodes: Map<string, number>;
  currencyCodes: Map<string, number>;
  vcpu: Float64Array;
  mem: Float64Array;
  gpus: Float64Array;
  arch: Int32Array;
  /** GPU model code, -1 when unnamed. */
  gpuModel: Int32Array;
  dedicated: Uint8Array;
  price: Float64Array;
  availability: Float64Array;
  /** (1 - availability) / 0.01 capped at 1: the availability score. */
  availCost: Float64Array;
  capacity: Float64Array;
  spot: Uint8Array;
  currency: Int32Array;
  region: Int32Array;
  provider: Int32Array;
  powerKW: Float64Array;
  regionProvider: Int32Array;
  pue: Float64Array;
  /** 1 - heat reuse share: the heat-reuse score. */
  heatCost: Float64Array;
  regionZone: string[];
  regionCountry: string[];
  providerEgress: Float64Array;
  /** Egress price per GB leaving each region. */
  regionEgress: Float64Array;
  /** Median price per vCPU-equivalent over all offers: the price reference. */
  priceRefPerVcpu: number;
}

/** Default egress price per GB when a provider gives none. */
export const DEFAULT_EGRESS_PER_GB = 0.02;

/** Score of an availability: 0 at 100 %, 1 at 99 % or worse. */
export function availabilityCost(a: number): number {
  return Math.min(1, Math.max(0, (1 - a) / 0.01));
}

/**
 * Builds the typed-array catalogue from the model's offers, regions and providers.
 *
 * @throws SchedulerError `unknown-reference` or `invalid-input` with the JSON pointer of each problem
 */
export function compileCatalogue(input: { offers: readonly OfferInput[]; regions: readonly RegionInput[]; providers: readonly ProviderInput[] }): Catalogue {
  const { offers, regions, providers } = input;
  const issues: InputIssue[] = [];
  const providerIdx = indexById(providers, '/providers', issues);
  const regionIdx = indexById(regions, '/regions', issues);
  const offerIdx = indexById(offers, '/offers', issues);
  const n = offers.length;
  const c: Catalogue = {
    offers, regions, providers, n, offerIdx, regionIdx, providerIdx,
    archCodes: new Map(), gpuModelCodes: new Map(), currencyCodes: new Map(),
    gpuModel: new Int32Array(n), dedicated: new Uint8Array(n),
    vcpu: new Float64Array(n), mem: new Float64Array(n), gpus: new Float64Array(n), arch: new Int32Array(n),
    price: new Float64Array(n), availability: new Float64Array(n), availCost: new Float64Array(n),
    capacity: new Float64Array(n), spot: new Uint8Array(n), currency: new Int32Array(n),
    region: new Int32Array(n), provider: new Int32Array(n), powerKW: new Float64Array(n),
    regionProvider: new Int32Array(regions.length), pue: new Float64Array(regions.length),
    heatCost: new Float64Array(regions.length), regionZone: [], regionCountry: [],
    providerEgress: new Float64Array(providers.length), regionEgress: new Float64Array(regions.length), priceRefPerVcpu: 1,
  };
  providers.forEach((p, i) => {
    const e = p.egressPricePerGB ?? DEFAULT_EGRESS_PER_GB;
    if (!(e >= 0)) issues.push({ code: 'invalid-input', pointer: `/providers/${i}/egressPricePerGB`, message: 'egress price must be a number >= 0' });
    c.providerEgress[i] = e;
  });
  regions.forEach((r, i) => compileRegion(c, { r, i, issues }));
  const perVcpu: number[] = [];
  offers.forEach((o, i) => {
    compileOffer(c, { o, i, issues });
    perVcpu.push(o.pricePerHour / Math.max(1, o.vcpu + VCPU_PER_GPU * (o.gpus ?? 0)));
  });
  if (issues.length > 0) throw new SchedulerError(issues);
  perVcpu.sort((a, b) => a - b);
  const mid = perVcpu[Math.floor(perVcpu.length / 2)];
  c.priceRefPerVcpu = mid !== undefined && mid > 0 ? mid : 1;
  return c;
}

function indexById(items: readonly { id: string }[], at: string, issues: InputIssue[]): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((it, i) => {
    if (typeof it.id !== 'string' || it.id === '') issues.push({ code: 'invalid-input', pointer: `${at}/${i}/id`, message: 'id must be a non-empty string' });
    else if (m.has(it.id)) issues.push({ code: 'invalid-input', pointer: `${at}/${i}/id`, message: `duplicate id "${it.id}"` });
    else m.set(it.id, i);
  });
  return m;
}

function compileRegion(c: Catalogue, a: { r: RegionInput; i: number; issues: InputIssue[] }): void {
  const { r, i, issues } = a;
  const p = c.providerIdx.get(r.providerId);
  if (p === undefined) issues.push({ code: 'unknown-reference', pointer: `/regions/${i}/providerId`, message: `unknown provider "${r.providerId}"` });
  c.regionProvider[i] = p ?? -1;
  const pue = r.pue ?? 1.5;
  if (!(pue >= 1)) issues.push({ code: 'invalid-input', pointer: `/regions/${i}/pue`, message: 'PUE must be >= 1' });
  c.pue[i] = pue;
  const heat = typeof r.heatReuse === 'boolean' ? (r.heatReuse ? 1 : 0) : (r.heatReuse ?? 0);
  if (!(heat >= 0 && heat <= 1)) issues.push({ code: 'invalid-input', pointer: `/regions/${i}/heatReuse`, message: 'heat reuse must be a share in [0, 1] or a boolean' });
  c.heatCost[i] = 1 - heat;
  const coord = r.coordinates;
  if (!coord || !(Math.abs(coord.lat) <= 90) || !(Math.abs(coord.lon) <= 180)) {
    issues.push({ code: 'invalid-input', pointer: `/regions/${i}/coordinates`, message: 'coordinates need lat in [-90, 90] and lon in [-180, 180]' });
  }
  const egress = r.egressPricePerGB ?? (p !== undefined ? c.providerEgress[p]! : DEFAULT_EGRESS_PER_GB);
  if (!(egress >= 0)) issues.push({ code: 'invalid-input', pointer: `/regions/${i}/egressPricePerGB`, message: 'egress price must be a number >= 0' });
  c.regionEgress[i] = egress;
  c.regionCountry.push((r.country ?? '').toUpperCase());
  c.regionZone.push(r.zone ?? (r.country ?? '').toUpperCase());
}

function code(m: Map<string, number>, k: string): number {
  let v = m.get(k);
  if (v === undefined) {
    v = m.size;
    m.set(k, v);
  }
  return v;
}

function compileOffer(c: Catalogue, a: { o: OfferInput; i: number; issues: InputIssue[] }): void {
  const { o, i, issues } = a;
  const at = `/offers/${i}`;
  const r = c.regionIdx.get(o.regionId);
  const p = c.providerIdx.get(o.providerId);
  if (r === undefined) issues.push({ code: 'unknown-reference', pointer: `${at}/regionId`, message: `unknown region "${o.regionId}"` });
  if (p === undefined) issues.push({ code: 'unknown-reference', pointer: `${at}/providerId`, message: `unknown provider "${o.providerId}"` });
  if (r !== undefined && p !== undefined && c.regionProvider[r] !== p) {
    issues.push({ code: 'invalid-input', pointer: `${at}/regionId`, message: `region "${o.regionId}" does not belong to provider "${o.providerId}"` });
  }
  for (const f of ['vcpu', 'memoryGiB', 'pricePerHour'] as const) {
    if (!(Number.isFinite(o[f]) && o[f] >= 0)) issues.push({ code: 'invalid-input', pointer: `${at}/${f}`, message: `${f} must be a finite number >= 0` });
  }
  const gpus = o.gpus ?? 0;
  const avail = o.availability ?? 0.999;
  if (!(avail >= 0 && avail <= 1)) issues.push({ code: 'invalid-input', pointer: `${at}/availability`, message: 'availability must be in [0, 1]' });
  const cap = o.capacity ?? Infinity;
  if (!(cap >= 0)) issues.push({ code: 'invalid-input', pointer: `${at}/capacity`, message: 'capacity must be >= 0' });
  c.vcpu[i] = o.vcpu;
  c.mem[i] = o.memoryGiB;
  c.gpus[i] = gpus;
  c.arch[i] = code(c.archCodes, canonicalArch(o.architecture));
  c.gpuModel[i] = o.gpuModel ? code(c.gpuModelCodes, o.gpuModel.toUpperCase()) : -1;
  c.dedicated[i] = o.share === 'dedicated' ? 1 : 0;
  c.price[i] = o.pricePerHour;
  c.availability[i] = avail;
  c.availCost[i] = availabilityCost(avail);
  c.capacity[i] = cap;
  c.spot[i] = o.market === 'spot' ? 1 : 0;
  c.currency[i] = code(c.currencyCodes, (o.currency ?? '').toUpperCase());
  c.region[i] = r ?? 0;
  c.provider[i] = p ?? 0;
  if (o.powerWatts !== undefined && !(o.powerWatts >= 0)) issues.push({ code: 'invalid-input', pointer: `${at}/powerWatts`, message: 'powerWatts must be >= 0' });
  c.powerKW[i] = o.powerWatts !== undefined ? o.powerWatts / 1000 : estimatePowerKW({ vcpu: o.vcpu, memoryGiB: o.memoryGiB, gpus });
}
