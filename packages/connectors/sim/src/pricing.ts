import type { Offer, Region, SignalSeries } from '@accords/model';
import { demoSignals } from '@accords/model';

const DAY_MS = 86_400_000;

/** Looks up the electricity price of a zone at an instant, and its mean over the series. */
export interface PriceSignal {
  /** Price at `t` and the mean it is compared with, or `undefined` when the zone has none. */
  at(zone: string, t: number): { value: number; mean: number } | undefined;
}

interface Indexed {
  starts: number[];
  ends: number[];
  values: number[];
  mean: number;
}

function index(series: readonly SignalSeries[]): Map<string, Indexed> {
  const out = new Map<string, Indexed>();
  for (const s of series) {
    if (s.metric !== 'electricity-price' || s.points.length === 0) continue;
    const starts = s.points.map((p) => Date.parse(p.start));
    const ends = s.points.map((p, i) => starts[i]! + p.duration * 1000);
    const values = s.points.map((p) => p.value);
    out.set(s.zone, { starts, ends, values, mean: values.reduce((a, b) => a + b, 0) / values.length });
  }
  return out;
}

function lookup(ix: Indexed, t: number): number | undefined {
  let lo = 0;
  let hi = ix.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ix.starts[mid]! > t) hi = mid - 1;
    else if (ix.ends[mid]! <= t) lo = mid + 1;
    else return ix.values[mid];
  }
  return undefined;
}

/**
 * A price signal over given series, or over @accords/model's demo signals generated one
 * simulated day at a time for the given regions.
 * @param options - Fixed series, or the regions to generate demo series for.
 * @returns A {@link PriceSignal}.
 */
export function createPriceSignal(options: { series?: readonly SignalSeries[]; regions: readonly Region[] }): PriceSignal {
  if (options.series) {
    const ix = index(options.series);
    return {
      at(zone, t) {
        const i = ix.get(zone);
        const value = i && lookup(i, t);
        return i && value !== undefined ? { value, mean: i.mean } : undefined;
      },
    };
  }
  const days = new Map<number, Map<string, Indexed>>();
  return {
    at(zone, t) {
      const day = Math.floor(t / DAY_MS);
      let ix = days.get(day);
      if (!ix) {
        ix = index(demoSignals({ from: new Date(day * DAY_MS), hours: 24, kinds: ['electricity-price'], regions: options.regions }));
        if (days.size > 8) days.clear();
        days.set(day, ix);
      }
      const i = ix.get(zone);
      const value = i && lookup(i, t);
      return i && value !== undefined ? { value, mean: i.mean } : undefined;
    },
  };
}

/**
 * An offer's price at `t`: its list price scaled by how far the zone's electricity price is from
 * its mean, times the market's elasticity, kept within half and double the list price.
 * @param offer - The list offer.
 * @param context - Region zone, signal, instant and elasticities.
 * @returns Price per hour, rounded to 1/10 000.
 */
export function priceAt(
  offer: Offer,
  context: { zone: string; signal: PriceSignal; t: number; elasticity: { 'on-demand': number; spot: number } },
): number {
  const s = context.signal.at(context.zone, context.t);
  if (!s || s.mean <= 0) return offer.pricePerHour;
  const factor = 1 + context.elasticity[offer.market] * ((s.value - s.mean) / s.mean);
  return Math.round(offer.pricePerHour * Math.min(2, Math.max(0.5, factor)) * 10_000) / 10_000;
}
