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

/**
 * Reads an offer entity's `accords.offer.*` attributes (by their last name part, so that
 * `accords.offer.region` and `accords.offer.regionId` both do).
 * @param entity - an offer entity
 * @returns the row
 */
export function offerRow(entity: AnyEntityData): OfferRow {
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
  const power = num('powerWatts', 'power_watts', 'power');
  const intensity = num('carbonIntensity', 'carbon_intensity', 'intensity');
  const carbon = num('carbonGPerHour', 'carbon_g_per_hour', 'carbon') ?? (power !== undefined && intensity !== undefined ? (power / 1000) * intensity : undefined);
  return {
    location: entity.location,
    id: str('id', 'offerId') ?? entity.title ?? entity.id,
    provider: str('provider', 'providerId', 'provider_id'),
    region: str('region', 'regionId', 'region_id'),
    country: str('country', 'jurisdiction')?.toUpperCase(),
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
