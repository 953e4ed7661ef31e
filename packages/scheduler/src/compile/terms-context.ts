import { latencyToUsers } from '../geo';
import { BIT } from '../filters/names';
import { expandJurisdictions } from '../jurisdiction';
import type { Objective, SignalMetric, TermsInput } from '../types';
import type { Catalogue } from './catalogue';
import type { SignalStore } from './signal-store';

/** Intensity used when a zone has no signal at all (a world-average order of magnitude, gCO2e/kWh). */
export const FALLBACK_INTENSITY = 450;
/** Latency reference: 100 ms round trip scores 1. */
export const LATENCY_REF_MS = 100;

/** Objective weights divided by their sum. */
export type Weights = Record<Objective, number>;

/** What the terms imply for every region, computed once per placement. */
export interface TermsContext {
  terms: TermsInput;
  weights: Weights;
  /** Bits of the region-level filters each region fails. */
  regionFail: Uint16Array;
  regionLatScore: Float64Array;
  /** Mean intensity over the horizon, location-based and marginal (NaN when unknown). */
  locIntensity: Float64Array;
  margIntensity: Float64Array;
  /** PUE x the intensity the carbon score uses: grams per hour per kW drawn. */
  regionFactor: Float64Array;
  scoringMetric: SignalMetric;
  currency: number;
  notes: string[];
}

/** Normalised weights (default: price only). */
export function normaliseWeights(w: TermsInput['weights']): Weights {
  const raw: Weights = { price: w?.price ?? (w ? 0 : 1), carbon: w?.carbon ?? 0, latency: w?.latency ?? 0, heatReuse: w?.heatReuse ?? 0, availability: w?.availability ?? 0 };
  let sum = 0;
  for (const v of Object.values(raw)) sum += v;
  if (!(sum > 0)) return { price: 1, carbon: 0, latency: 0, heatReuse: 0, availability: 0 };
  for (const k of Object.keys(raw) as Objective[]) raw[k] /= sum;
  return raw;
}

/**
 * Region-level view of the terms: allowed regions, latency, intensities over a window.
 */
export function buildTermsContext(a: { cat: Catalogue; terms: TermsInput; signals: SignalStore; fromHour: number; hours: number }): TermsContext {
  const { cat, terms, signals } = a;
  const nR = cat.regions.length;
  const scoringMetric: SignalMetric = terms.carbonAccounting === 'marginal' ? 'carbon-marginal' : 'carbon-location-based';
  const ctx: TermsContext = {
    terms, weights: normaliseWeights(terms.weights), scoringMetric,
    regionFail: new Uint16Array(nR), regionLatScore: new Float64Array(nR),
    locIntensity: new Float64Array(nR), margIntensity: new Float64Array(nR), regionFactor: new Float64Array(nR),
    currency: terms.currency ? (cat.currencyCodes.get(terms.currency.toUpperCase()) ?? -2) : -1,
    notes: [],
  };
  const policy = policyBits(cat, terms);
  const missing: string[] = [];
  for (let r = 0; r < nR; r++) {
    const region = cat.regions[r]!;
    let fail = policy[r]!;
    const users = terms.latency?.users ?? [];
    if (users.length > 0) {
      const lat = latencyToUsers(region.coordinates, users);
      ctx.regionLatScore[r] = lat.meanMs / LATENCY_REF_MS;
      if (terms.latency?.maxMs !== undefined && lat.minMs > terms.latency.maxMs) fail |= BIT.latency;
    }
    const zone = cat.regionZone[r]!;
    const win = { fromHour: a.fromHour, hours: a.hours };
    ctx.locIntensity[r] = signals.mean(zone, 'carbon-location-based', win);
    ctx.margIntensity[r] = signals.mean(zone, 'carbon-marginal', win);
    const scoring = scoringMetric === 'carbon-marginal' ? ctx.margIntensity[r]! : ctx.locIntensity[r]!;
    if (Number.isNaN(scoring)) missing.push(zone);
    if (terms.carbonCeiling !== undefined && !(scoring <= terms.carbonCeiling)) fail |= BIT['carbon-ceiling'];
    ctx.regionFactor[r] = cat.pue[r]! * (Number.isNaN(scoring) ? FALLBACK_INTENSITY : scoring);
    ctx.regionFail[r] = fail;
  }
  if (missing.length > 0) {
    const zones = [...new Set(missing)].sort().join(', ');
    ctx.notes.push(`no ${scoringMetric} signal for zone(s) ${zones}: scored at ${FALLBACK_INTENSITY} gCO2e/kWh and failing any carbon ceiling`);
  }
  return ctx;
}

/**
 * Region bits of the provider, jurisdiction and data-classification filters for a policy.
 * Confidential and restricted data need an allow list (and then stay inside it).
 */
export function policyBits(cat: Catalogue, terms: Pick<TermsInput, 'providers' | 'jurisdictions' | 'dataClassification'>): Uint16Array {
  const nR = cat.regions.length;
  const out = new Uint16Array(nR);
  const allowP = terms.providers?.allow ? new Set(terms.providers.allow) : null;
  const denyP = new Set(terms.providers?.deny ?? []);
  const allowJ = terms.jurisdictions?.allow ? expandJurisdictions(terms.jurisdictions.allow) : null;
  const denyJ = expandJurisdictions(terms.jurisdictions?.deny ?? []);
  const strict = terms.dataClassification === 'confidential' || terms.dataClassification === 'restricted';
  for (let r = 0; r < nR; r++) {
    const region = cat.regions[r]!;
    let fail = 0;
    if ((allowP && !allowP.has(region.providerId)) || denyP.has(region.providerId)) fail |= BIT.provider;
    const country = cat.regionCountry[r]!;
    if ((allowJ && !allowJ.has(country)) || denyJ.has(country)) fail |= BIT.jurisdiction;
    if (strict && !allowJ) fail |= BIT['data-classification'];
    out[r] = fail;
  }
  return out;
}
