import type { Offer, Region } from '@accords/connector-kit';
import { regionFromSite } from '@accords/connector-kit';
import type { OpenStackConnectorConfig, OpenStackPricing, OpenStackRegionConfig } from './config';
import type { NovaFlavor } from './nova';

function round(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * The Accords region id of an OpenStack region.
 * @param config - Provider id and configured regions.
 * @param osRegion - The OpenStack region name.
 * @returns The configured id, else `<providerId>:<region name>`.
 * @example
 * ```ts
 * regionIdOf({ providerId: 'os', regions: { RegionOne: site } }, 'RegionOne'); // 'os:RegionOne'
 * ```
 */
export function regionIdOf(config: Pick<OpenStackConnectorConfig, 'providerId' | 'regions'>, osRegion: string): string {
  return config.regions[osRegion]?.id ?? `${config.providerId}:${osRegion}`;
}

/**
 * The offer id of a flavour in a region.
 * @param regionId - Accords region id.
 * @param flavorId - Nova flavour id.
 * @returns `<region id>.<flavour id>` (unique across providers).
 * @example
 * ```ts
 * offerIdOf('os:RegionOne', 'f1'); // 'os:RegionOne.f1'
 * ```
 */
export function offerIdOf(regionId: string, flavorId: string): string {
  return `${regionId}.${flavorId}`;
}

/**
 * The flavour id inside an offer made by {@link buildOffers}.
 * @param offer - The offer (its id and region).
 * @returns The Nova flavour id.
 * @example
 * ```ts
 * flavorIdOf({ id: 'os:RegionOne.f1', regionId: 'os:RegionOne' }); // 'f1'
 * ```
 */
export function flavorIdOf(offer: Pick<Offer, 'id' | 'regionId'>): string {
  return offer.id.slice(offer.regionId.length + 1);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The hourly price of a flavour: from the price list by name or id, else the formula.
 * @param flavor - The flavour.
 * @param pricing - The provider's prices.
 * @returns The price, or undefined when neither list nor formula applies.
 * @example
 * ```ts
 * flavorPrice({ id: 'f', name: 'm1.small', vcpus: 2, ram: 2048, disk: 10 }, { currency: 'EUR', coreHour: 0.02, memoryGiBHour: 0.01 }); // 0.06
 * ```
 */
export function flavorPrice(flavor: Pick<NovaFlavor, 'id' | 'name' | 'vcpus' | 'ram' | 'disk'>, pricing: OpenStackPricing): number | undefined {
  const listed = pricing.flavors?.[flavor.name] ?? pricing.flavors?.[flavor.id];
  if (listed !== undefined) return round(listed);
  if (pricing.coreHour === undefined && pricing.memoryGiBHour === undefined) return undefined;
  return round(flavor.vcpus * (pricing.coreHour ?? 0) + (flavor.ram / 1024) * (pricing.memoryGiBHour ?? 0) + flavor.disk * (pricing.diskGiBHour ?? 0));
}

/** What is left of the project's compute quota (`GET /limits`): instances, cores and MiB of RAM. */
export interface QuotaRoom {
  instances: number;
  cores: number;
  ramMiB: number;
}

/**
 * Reads the room left from Nova's absolute limits (a negative maximum means unlimited).
 * @param limits - `limits.absolute` of `GET /limits`.
 * @returns Instances, cores and MiB of RAM left.
 * @example
 * ```ts
 * quotaRoom({ maxTotalInstances: 10, totalInstancesUsed: 3 }).instances; // 7
 * ```
 */
export function quotaRoom(limits: Record<string, number>): QuotaRoom {
  const left = (max: number | undefined, used: number | undefined) => (max === undefined || max < 0 ? Number.MAX_SAFE_INTEGER : Math.max(0, max - (used ?? 0)));
  return {
    instances: left(limits.maxTotalInstances, limits.totalInstancesUsed),
    cores: left(limits.maxTotalCores, limits.totalCoresUsed),
    ramMiB: left(limits.maxTotalRAMSize, limits.totalRAMUsed),
  };
}

/**
 * An OpenStack region as a region of the model, with the site facts from the configuration.
 * @param config - Provider id and configured regions.
 * @param osRegion - The OpenStack region name (must be configured).
 * @returns The model region (defaults: PUE 1.58, no renewable share, no heat reuse, zone = country).
 * @example
 * ```ts
 * buildRegion(config, 'RegionOne').country; // 'FR'
 * ```
 */
export function buildRegion(config: Pick<OpenStackConnectorConfig, 'providerId' | 'regions'>, osRegion: string): Region {
  const r: OpenStackRegionConfig = config.regions[osRegion]!;
  return regionFromSite({ id: regionIdOf(config, osRegion), providerId: config.providerId, name: r.name ?? osRegion }, r);
}

/**
 * Turns a region's flavours into offers: disabled or unpriced flavours are left out; `capacity` is
 * how many more servers of the flavour the project's quota allows.
 * @param input - Configuration, region id, flavours, quota room and the time they were read.
 * @returns The offers, sorted by id.
 * @example
 * ```ts
 * buildOffers({ config, regionId: 'os:RegionOne', flavors, room: quotaRoom(limits), asOf: new Date().toISOString() });
 * ```
 */
export function buildOffers(input: { config: OpenStackConnectorConfig; regionId: string; flavors: NovaFlavor[]; room: QuotaRoom; asOf: string }): Offer[] {
  const { config } = input;
  const offers: Offer[] = [];
  for (const f of input.flavors) {
    if (f['OS-FLV-DISABLED:disabled'] || f.vcpus <= 0 || f.ram <= 0) continue;
    const amount = flavorPrice(f, config.pricing);
    const id = offerIdOf(input.regionId, f.id);
    if (amount === undefined || !ID.test(id)) continue;
    offers.push({
      id,
      providerId: config.providerId,
      regionId: input.regionId,
      instanceType: f.name,
      vcpu: f.vcpus,
      memoryGiB: round(f.ram / 1024),
      gpus: 0,
      architecture: config.architecture ?? 'x86_64',
      share: 'shared',
      pricePerHour: amount,
      currency: config.pricing.currency,
      market: 'on-demand',
      availability: config.availability ?? 99,
      capacity: Math.min(input.room.instances, Math.floor(input.room.cores / f.vcpus), Math.floor(input.room.ramMiB / f.ram)),
      asOf: input.asOf,
    });
  }
  return offers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
