import { SchedulerError } from '../errors';
import { BIT } from '../filters/names';
import type { Catalogue } from './catalogue';
import { offerView, type Query } from './query';
import type { OfferView } from '../plan-types';

/** Power in kW the carbon score counts for offer `o`. */
export function powerOf(cat: Catalogue, q: Query, o: number): number {
  return Number.isNaN(q.fixedPowerKW) ? (cat.powerKW[o] as number) : q.fixedPowerKW;
}

/** Bits of the built-in filters offer `o` fails for query `q` (0: it passes all). */
export function failMask(cat: Catalogue, q: Query, o: number): number {
  let m = 0;
  if ((cat.vcpu[o] as number) < q.cores || (cat.mem[o] as number) < q.mem) m |= BIT.resources;
  if (cat.arch[o] !== q.arch) m |= BIT.architecture;
  if ((cat.gpus[o] as number) < q.gpus || (q.gpuModel !== -1 && cat.gpuModel[o] !== q.gpuModel)) m |= BIT.gpus;
  if (q.dedicated && cat.dedicated[o] === 0) m |= BIT.tenancy;
  if (cat.spot[o] === 1 && !q.spotOk) m |= BIT.market;
  if (q.currency !== -1 && cat.currency[o] !== q.currency) m |= BIT.currency;
  m |= q.regionFail[cat.region[o] as number] as number;
  if ((cat.price[o] as number) > q.priceCeiling) m |= BIT['price-ceiling'];
  if ((cat.availability[o] as number) < q.minAvail) m |= BIT.availability;
  if ((q.capacity[o] as number) < 1) m |= BIT.capacity;
  return m;
}

/** Index of the first plugin filter that removes offer `o`, or -1. */
export function pluginFail(cat: Catalogue, q: Query, o: number): number {
  const fs = q.plugins.filters;
  const view = lazyView(cat, o);
  for (let i = 0; i < fs.length; i++) {
    let ok: boolean;
    try {
      ok = fs[i]!.filter(view(), q.plugins.ctx);
    } catch (cause) {
      throw new SchedulerError([{ code: 'plugin-failed', pointer: `/plugins/filters/${i}`, message: `filter plugin "${fs[i]!.name}" threw` }], { cause });
    }
    if (!ok) return i;
  }
  return -1;
}

function lazyView(cat: Catalogue, o: number): () => OfferView {
  let v: OfferView | undefined;
  return () => (v ??= offerView(cat, o));
}

/** True when offer `o` passes every filter, built-in and plugin. */
export function feasible(cat: Catalogue, q: Query, o: number): boolean {
  return failMask(cat, q, o) === 0 && (q.plugins.filters.length === 0 || pluginFail(cat, q, o) === -1);
}

/**
 * Built-in part of the weighted score; written as one expression whose operands the index
 * bounds from below, so that (floating-point addition being monotone) its bounds never exceed it.
 */
export function baseScore(cat: Catalogue, q: Query, o: number): number {
  const r = cat.region[o] as number;
  return (
    q.kPrice * (cat.price[o] as number) +
    q.kCarbon * (powerOf(cat, q, o) * (q.regionFactor[r] as number)) +
    q.kLat * (q.regionLat[r] as number) +
    q.kHeat * (q.heatCost[r] as number) +
    q.kAvail * (cat.availCost[o] as number)
  );
}

/** Plugin scores of offer `o`, each in [0, 1]. */
export function pluginScores(cat: Catalogue, q: Query, o: number): number[] {
  const out: number[] = [];
  const scorers = q.plugins.scorers;
  if (scorers.length === 0) return out;
  const view = lazyView(cat, o)();
  for (let i = 0; i < scorers.length; i++) {
    let s: number;
    try {
      s = scorers[i]!.score(view, q.plugins.ctx);
    } catch (cause) {
      throw new SchedulerError([{ code: 'plugin-failed', pointer: `/plugins/scorers/${i}`, message: `score plugin "${scorers[i]!.name}" threw` }], { cause });
    }
    if (!(s >= 0 && s <= 1)) {
      throw new SchedulerError([{ code: 'plugin-failed', pointer: `/plugins/scorers/${i}`, message: `score plugin "${scorers[i]!.name}" returned ${s}, not a cost in [0, 1]` }]);
    }
    out.push(s);
  }
  return out;
}

/** Total weighted score of offer `o` (lower is better). */
export function totalScore(cat: Catalogue, q: Query, o: number): number {
  let s = baseScore(cat, q, o);
  const scorers = q.plugins.scorers;
  if (scorers.length === 0) return s;
  const ps = pluginScores(cat, q, o);
  let norm = 1;
  for (const p of scorers) norm += p.weight;
  for (let i = 0; i < ps.length; i++) s += (scorers[i]!.weight / norm) * ps[i]!;
  return s;
}
