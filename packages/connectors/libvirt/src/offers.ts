import type { Offer, Region } from '@accords/connector-kit';
import { regionFromSite } from '@accords/connector-kit';
import type { LibvirtConnectorConfig } from './config';
import { DEFAULT_SHAPES, shapePrice } from './config';
import type { NodeInfo } from './libvirt-client';

/** What is already running on the host, to work out how many more instances fit. */
export interface HostLoad {
  usedCores: number;
  usedMemoryMiB: number;
}

/**
 * The region id of a configuration.
 * @param config - Provider id and optional region id.
 * @returns The configured id, else `<providerId>:local`.
 * @example
 * ```ts
 * regionIdOf({ providerId: 'lab' }); // 'lab:local'
 * ```
 */
export function regionIdOf(config: Pick<LibvirtConnectorConfig, 'providerId' | 'regionId'>): string {
  return config.regionId ?? `${config.providerId}:local`;
}

/**
 * The offer id of a shape, unique across providers.
 * @param config - Provider id.
 * @param shapeId - The shape's id.
 * @returns `<providerId>.<shape id>`.
 * @example
 * ```ts
 * offerIdOf({ providerId: 'lab' }, 'small'); // 'lab.small'
 * ```
 */
export function offerIdOf(config: Pick<LibvirtConnectorConfig, 'providerId'>, shapeId: string): string {
  return `${config.providerId}.${shapeId}`;
}

/** The model's architecture name for a libvirt one. */
export function modelArchitecture(arch: string | undefined): 'x86_64' | 'arm64' {
  return arch === 'aarch64' || arch === 'arm64' ? 'arm64' : 'x86_64';
}

/**
 * The host as a region of the model, with its site facts.
 * @param config - The connector configuration.
 * @returns The region (defaults: PUE 1.58, no renewable share, no heat reuse, zone = country).
 * @example
 * ```ts
 * buildRegion(config).id; // 'lab:local'
 * ```
 */
export function buildRegion(config: LibvirtConnectorConfig): Region {
  return regionFromSite({ id: regionIdOf(config), providerId: config.providerId, name: config.regionName ?? `${config.providerId} (libvirt)` }, config.site);
}

/**
 * Builds the offer catalogue from the host's capacity and the configured prices: each shape that
 * fits the host becomes an offer whose `capacity` is how many more instances fit beside what runs.
 * @param config - Shapes, prices, overcommit, architecture.
 * @param host - `nodeinfo`, what runs already, and the time they were read.
 * @returns The offers.
 * @example
 * ```ts
 * buildOffers(config, { node: { cpus: 4, memoryMiB: 8192, cpuModel: 'x86_64' }, load: { usedCores: 0, usedMemoryMiB: 0 }, asOf });
 * ```
 */
export function buildOffers(config: LibvirtConnectorConfig, host: { node: NodeInfo; load: HostLoad; asOf: string }): Offer[] {
  const cores = host.node.cpus * (config.cpuOvercommit ?? 1);
  const offers: Offer[] = [];
  for (const shape of config.shapes ?? DEFAULT_SHAPES) {
    const memMiB = shape.memoryGiB * 1024;
    if (shape.cores > cores || memMiB > host.node.memoryMiB) continue;
    const capacity = Math.max(0, Math.min(Math.floor((cores - host.load.usedCores) / shape.cores), Math.floor((host.node.memoryMiB - host.load.usedMemoryMiB) / memMiB)));
    offers.push({
      id: offerIdOf(config, shape.id),
      providerId: config.providerId,
      regionId: regionIdOf(config),
      instanceType: shape.name ?? shape.id,
      vcpu: shape.cores,
      memoryGiB: shape.memoryGiB,
      gpus: 0,
      architecture: modelArchitecture(config.arch),
      share: 'shared',
      pricePerHour: shapePrice(shape, config.pricing),
      currency: config.pricing.currency,
      market: 'on-demand',
      availability: config.availability ?? 99,
      capacity,
      asOf: host.asOf,
    });
  }
  return offers;
}
