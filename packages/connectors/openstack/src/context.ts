import type { ImageInfo, Offer } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { OpenStackConnectorConfig } from './config';
import { OpenStackHttpError } from './http';
import type { RegionClientPool, RegionClients } from './region-clients';

/** What the per-kind operations share. */
export interface OsContext {
  providerId: string;
  config: OpenStackConnectorConfig;
  pool: RegionClientPool;
  /** Accords ids of the regions in use. */
  regions: () => Promise<string[]>;
  /** The OpenStack region name behind an Accords region id. */
  osRegion: (regionId: string) => string | undefined;
  /** The offer catalogue (loads it on first use). */
  offers: () => Promise<Offer[]>;
  /** The filtered image list (loads it on first use). */
  images: () => Promise<ImageInfo[]>;
}

/** Per-call options passed down to the HTTP clients. */
export interface Run {
  signal?: AbortSignal;
}

/** Runs a read and turns a 404 into `undefined`. */
export async function orUndefined<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof OpenStackHttpError && error.status === 404) return undefined;
    throw error;
  }
}

/** A `not_found` error. */
export function notFound(ctx: OsContext, what: string, operation: string): ConnectorError {
  return new ConnectorError('not_found', `${what} does not exist on ${ctx.providerId}`, { providerId: ctx.providerId, operation });
}

/** The clients of a region the connector uses, or `not_found` naming `/regionId`. */
export async function regionClients(ctx: OsContext, region: string, operation: string): Promise<RegionClients> {
  if (!(await ctx.regions()).includes(region)) {
    throw new ConnectorError('not_found', `no region '${region}' on ${ctx.providerId}`, { providerId: ctx.providerId, operation, location: { pointer: '/regionId', attribute: 'regionId' } });
  }
  return ctx.pool.get(ctx.osRegion(region)!);
}

/** The clients of a region already known to be in use. */
export function clientsOf(ctx: OsContext, region: string): RegionClients {
  return ctx.pool.get(ctx.osRegion(region) ?? region);
}

/** Finds an offer in a region, or `not_found` naming `/offerId`. */
export async function findOffer(ctx: OsContext, q: { region: string; offerId: string }): Promise<Offer> {
  const offer = (await ctx.offers()).find((o) => o.regionId === q.region && o.id === q.offerId);
  if (!offer) {
    throw new ConnectorError('not_found', `no offer '${q.offerId}' in region ${q.region} of ${ctx.providerId}`, {
      providerId: ctx.providerId,
      operation: 'create',
      location: { pointer: '/offerId', attribute: 'offerId' },
    });
  }
  return offer;
}

/** How long to wait for a server to settle. */
export function settleMs(ctx: OsContext): number {
  return ctx.config.settleTimeoutMs ?? 10 * 60_000;
}
