import type { Catalogue } from './compile/catalogue';
import { failMask, pluginFail, pluginScores, powerOf } from './compile/evaluate';
import type { Query } from './compile/query';
import { LATENCY_REF_MS } from './compile/terms-context';
import { FILTER_NAMES } from './filters/names';
import type { Alternative, Diagnosis, ObjectiveScores } from './plan-types';

/** Per-objective scores of offer `o` for query `q` (each 1 at the reference). */
export function objectiveScores(cat: Catalogue, q: Query, o: number): ObjectiveScores {
  const r = cat.region[o]!;
  const s: ObjectiveScores = {
    price: cat.price[o]! / q.priceRef,
    carbon: (powerOf(cat, q, o) * q.regionFactor[r]!) / q.carbonRef,
    latency: q.regionLat[r]!,
    heatReuse: q.heatCost[r]!,
    availability: cat.availCost[o]!,
  };
  const ps = pluginScores(cat, q, o);
  q.plugins.scorers.forEach((p, i) => {
    s[p.name] = ps[i]!;
  });
  return s;
}

const fmt = (x: number, d = 3) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(d));

/** Sentence on why offer `alt` lost to `chosen`. */
export function whyWorse(cat: Catalogue, a: { q: Query; chosen: number; alt: number; altScore: number; chosenScore: number }): string {
  const { q, chosen, alt } = a;
  if (a.altScore < a.chosenScore) {
    return `better alone (score ${fmt(a.altScore, 4)} vs ${fmt(a.chosenScore, 4)}) but not in the coupled optimum (groups, quotas, capacity, egress or budget)`;
  }
  const parts: string[] = [];
  const dPrice = cat.price[alt]! - cat.price[chosen]!;
  if (q.kPrice > 0 && dPrice > 0) parts.push(`price +${fmt(dPrice, 4)}/h`);
  const rA = cat.region[alt]!;
  const rC = cat.region[chosen]!;
  const dCarbon = powerOf(cat, q, alt) * q.regionFactor[rA]! - powerOf(cat, q, chosen) * q.regionFactor[rC]!;
  if (q.kCarbon > 0 && dCarbon > 0) parts.push(`carbon +${fmt(dCarbon, 2)} gCO2e/h`);
  const dLat = (q.regionLat[rA]! - q.regionLat[rC]!) * LATENCY_REF_MS;
  if (q.kLat > 0 && dLat > 0) parts.push(`latency +${fmt(dLat, 1)} ms`);
  if (q.kHeat > 0 && q.heatCost[rA]! > q.heatCost[rC]!) parts.push('less heat reuse');
  if (q.kAvail > 0 && cat.availability[alt]! < cat.availability[chosen]!) parts.push(`availability ${cat.availability[alt]} < ${cat.availability[chosen]}`);
  const detail = parts.length > 0 ? parts.join(', ') : 'equal score, later in the catalogue';
  return `score ${fmt(a.altScore, 4)} vs ${fmt(a.chosenScore, 4)}: ${detail}`;
}

/** Alternatives of a decision from the k best offers of its query. */
export function alternativesFor(cat: Catalogue, a: { q: Query; chosen: number; chosenScore: number; top: readonly { offer: number; score: number }[]; max: number }): Alternative[] {
  const out: Alternative[] = [];
  for (const t of a.top) {
    if (t.offer === a.chosen || out.length >= a.max) continue;
    out.push({
      offerId: cat.offers[t.offer]!.id,
      providerId: cat.offers[t.offer]!.providerId,
      regionId: cat.offers[t.offer]!.regionId,
      totalScore: t.score,
      why: whyWorse(cat, { q: a.q, chosen: a.chosen, alt: t.offer, altScore: t.score, chosenScore: a.chosenScore }),
    });
  }
  return out;
}

/**
 * Diagnosis of a node no offer fits: every offer is run through every filter and counted.
 *
 * @param cat - the catalogue
 * @param a - the query (with the capacity as it was before this placement), node id, instances
 * @returns the counts per filter and a sentence naming the filters that removed most
 */
export function diagnose(cat: Catalogue, a: { q: Query; nodeId: string; instances: number; coupledReason?: string }): Diagnosis {
  const failedBy: Record<string, number> = {};
  const removedBy: Record<string, number> = {};
  let passing = 0;
  for (let o = 0; o < cat.n; o++) {
    const m = failMask(cat, a.q, o);
    let first: string | null = null;
    for (let b = 0; b < FILTER_NAMES.length; b++) {
      if (m & (1 << b)) {
        const name = FILTER_NAMES[b]!;
        failedBy[name] = (failedBy[name] ?? 0) + 1;
        first ??= name;
      }
    }
    if (first === null && a.q.plugins.filters.length > 0) {
      const pf = pluginFail(cat, a.q, o);
      if (pf >= 0) {
        first = `plugin:${a.q.plugins.filters[pf]!.name}`;
        failedBy[first] = (failedBy[first] ?? 0) + 1;
      }
    }
    if (first === null) passing++;
    else removedBy[first] = (removedBy[first] ?? 0) + 1;
  }
  const top = Object.entries(removedBy).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, v]) => `${k} removed ${v}`);
  const message = passing > 0
    ? `${passing} of ${cat.n} offers pass every filter, but ${a.coupledReason ?? 'their capacity is taken by other nodes of this manifest'}`
    : cat.n === 0 ? 'the catalogue holds no offers' : `no offer of ${cat.n} passes every filter: ${top.join(', ')}`;
  return {
    nodeId: a.nodeId, instances: a.instances, totalOffers: cat.n, failedBy, removedBy, message,
    ...(passing > 0 ? { coupledReason: a.coupledReason ?? 'capacity taken by other nodes' } : {}),
  };
}
