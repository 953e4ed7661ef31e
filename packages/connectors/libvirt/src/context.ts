import type { Offer } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { LibvirtConnectorConfig } from './config';
import type { LibvirtClient } from './libvirt-client';
import type { VirshRunOptions } from './virsh';
import { VirshError } from './virsh';
import { classifyVirshError } from './faults';

/** What the per-kind operations share: configuration, client, offers and the call's signal. */
export interface OpsContext {
  config: LibvirtConnectorConfig;
  providerId: string;
  regionId: string;
  client: LibvirtClient;
  /** The hypervisor type new domains use. */
  domainType: () => Promise<string>;
  /** The current offer catalogue (loads it on first use). */
  offers: () => Promise<Offer[]>;
}

/** Runs a libvirt read and turns its `not_found` into `undefined`. */
export async function orUndefined<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof VirshError && classifyVirshError(error).kind === 'not_found') return undefined;
    throw error;
  }
}

/** A `not_found` error for the given resource id. */
export function notFound(ctx: OpsContext, what: string, operation: string): ConnectorError {
  return new ConnectorError('not_found', `${what} does not exist on ${ctx.providerId}`, { providerId: ctx.providerId, operation });
}

/** Finds a compute offer by id, or throws `not_found` naming `/offerId`. */
export async function findOffer(ctx: OpsContext, offerId: string): Promise<Offer> {
  const offer = (await ctx.offers()).find((o) => o.id === offerId);
  if (!offer) {
    throw new ConnectorError('not_found', `no offer '${offerId}' on ${ctx.providerId}`, {
      providerId: ctx.providerId,
      operation: 'create',
      location: { pointer: '/offerId', attribute: 'offerId' },
    });
  }
  return offer;
}

/** Checks the region of a creation request. */
export function checkRegion(ctx: OpsContext, regionId: string): void {
  if (regionId !== ctx.regionId) {
    throw new ConnectorError('not_found', `no region '${regionId}' on ${ctx.providerId} (it has '${ctx.regionId}')`, {
      providerId: ctx.providerId,
      operation: 'create',
      location: { pointer: '/regionId', attribute: 'regionId' },
    });
  }
}

/** The per-call virsh options. */
export type Run = VirshRunOptions;
