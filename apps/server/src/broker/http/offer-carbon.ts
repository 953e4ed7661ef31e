import { signalPointAt } from '@accords/model';
import type { Offer, Region, SignalSeries } from '@accords/model';

/**
 * The broker's one definition of an offer's current expected carbon per hour, in gCO2e/h:
 * the offer's power estimate (`powerWatts`, given by its connector) in kW × the grid intensity
 * of its region's zone now (the `carbon-intensity` series point in force, gCO2e/kWh) × the
 * region's PUE. The scheduler's own shape-based power estimate is not exported, so an offer
 * without `powerWatts` gets no figure; neither does one whose region is unknown or whose zone has
 * no point in force now. Nothing is guessed.
 *
 * @param input - the supply's regions and signal series, and the instant (epoch ms)
 * @returns a function giving an offer's carbon (rounded to 0.001 g/h), or undefined when unknown
 * @example
 * const carbonOf = offerCarbon({ regions, signals, at: Date.now() });
 * carbonOf(offer); // e.g. 2.113, or undefined
 */
export function offerCarbon(input: { regions: readonly Region[]; signals: readonly SignalSeries[]; at: number }): (offer: Offer) => number | undefined {
  const intensity = new Map<string, number>();
  for (const series of input.signals) {
    if (series.metric !== 'carbon-intensity' || intensity.has(series.zone)) continue;
    const point = signalPointAt(series, input.at);
    if (point && Number.isFinite(point.value)) intensity.set(series.zone, point.value);
  }
  const regions = new Map(input.regions.map((r) => [`${r.providerId}\n${r.id}`, r]));
  return (offer) => {
    const region = regions.get(`${offer.providerId}\n${offer.regionId}`);
    const g = region ? intensity.get(region.zone) : undefined;
    if (!region || g === undefined || offer.powerWatts === undefined) return undefined;
    return Math.round((offer.powerWatts / 1000) * g * region.pue * 1000) / 1000;
  };
}
