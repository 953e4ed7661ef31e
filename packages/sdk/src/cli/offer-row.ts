import type { AnyEntityData } from '@accords/occi';

/** An offer as the `offers` command compares it. */
export interface OfferRow {
  location: string | undefined;
  id: string;
  provider?: string;
  region?: string;
  country?: string;
  instanceType?: string;
  vcpu: number;
  memoryGiB: number;
  gpus: number;
  pricePerHour?: number;
  currency?: string;
  carbonGPerHour?: number;
  market?: string;
}

/** What the broker publishes about regions and grids, to place an offer and weigh its carbon. */
export interface OfferContext {
  /** By region id: its country, the site's PUE and its grid zone. */
  regions: Map<string, { country?: string; pue?: number; zone?: string }>;
  /** By grid zone: the current carbon intensity, gCO2e/kWh. */
  intensity: Map<string, number>;
}

/**
 * Reads an offer entity's `accords.offer.*` attributes (by their last name part, so that
 * `accords.offer.region` and `accords.offer.regionId` both do). With a context, the country comes
 * from the offer's region, and the carbon per hour from its power draw, the site's PUE and the
 * grid's current intensity, when the offer does not state them itself.
 * @param entity - an offer entity
 * @param context - regions and grid intensities, when the server publishes them
 * @returns the row
 */
export function offerRow(entity: AnyEntityData, context?: OfferContext): OfferRow {
  const attrs = entity.attributes;
  const find = (...names: string[]): unknown => {
    for (const name of names) {
      const key = Object.keys(attrs).find((k) => k.toLowerCase() === `accords.offer.${name.toLowerCase()}`);
      if (key !== undefined && attrs[key] !== null) return attrs[key];
    }
    return undefined;
  };
  const num = (...names: string[]): number | undefined => {
    const v = find(...names);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    return Number.isNaN(n) ? undefined : n;
  };
  const str = (...names: string[]): string | undefined => {
    const v = find(...names);
    return typeof v === 'string' ? v : undefined;
  };
  const regionId = str('region', 'regionId', 'region_id');
  const region = regionId ? context?.regions.get(regionId) : undefined;
  const power = num('powerWatts', 'power_watts', 'power');
  const intensity = num('carbonIntensity', 'carbon_intensity', 'intensity') ?? (region?.zone ? context?.intensity.get(region.zone) : undefined);
  const carbon = num('carbonGPerHour', 'carbon_g_per_hour', 'carbon') ?? (power !== undefined && intensity !== undefined ? (power / 1000) * (region?.pue ?? 1) * intensity : undefined);
  return {
    location: entity.location,
    id: str('id', 'offerId') ?? entity.title ?? entity.id,
    provider: str('provider', 'providerId', 'provider_id'),
    region: regionId,
    country: (str('country', 'jurisdiction') ?? region?.country)?.toUpperCase(),
    instanceType: str('instanceType', 'instance_type', 'type'),
    vcpu: num('vcpu', 'cores') ?? 0,
    memoryGiB: num('memoryGiB', 'memory_gib', 'memory') ?? 0,
    gpus: num('gpus', 'gpu') ?? 0,
    pricePerHour: num('pricePerHour', 'price_per_hour', 'price'),
    currency: str('currency'),
    carbonGPerHour: carbon,
    market: str('market'),
  };
}
