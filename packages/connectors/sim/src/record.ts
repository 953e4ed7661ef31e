import type { ProvisionedResource, ResourceKind, ResourceSpec } from '@accords/connector-kit';
import type { Offer } from '@accords/model';
import type { Timeline } from './timeline';

/** The simulator's own record of a resource, alive or deleted (kept for metering). */
export interface SimRecord {
  id: string;
  kind: ResourceKind;
  spec: ResourceSpec;
  regionId: string;
  offer: Offer | undefined;
  /** Price per hour locked at creation (compute), in the offer's currency. */
  pricePerHour: number;
  createdAt: number;
  /** `createdAt` as RFC 3339, rendered once. */
  createdAtIso: string;
  timeline: Timeline;
  /** When the resource stops existing (after a delete). */
  deletedAt?: number;
  /** Action in progress, so a repeated call joins it instead of conflicting. */
  intent?: { action: string; until: number };
  /** Fraction of its vCPUs the workload uses (seeded), for the meter. */
  utilisation: number;
  addresses: string[];
  attributes: Record<string, string | number | boolean>;
}

/**
 * Renders a record as the SPI's resource at virtual time `now`.
 * @param rec - The record.
 * @param context - Provider id and the instant.
 * @returns A fresh {@link ProvisionedResource}.
 */
export function render(rec: SimRecord, context: { providerId: string; now: number }): ProvisionedResource {
  const out: ProvisionedResource = {
    id: rec.id,
    providerId: context.providerId,
    regionId: rec.regionId,
    kind: rec.kind,
    name: rec.spec.name,
    state: rec.timeline.stateAt(context.now),
    attributes: { ...rec.attributes },
    addresses: [...rec.addresses],
    createdAt: rec.createdAtIso,
    idempotencyKey: rec.spec.idempotencyKey,
  };
  if (rec.offer) out.offerId = rec.offer.id;
  if (rec.spec.labels) out.labels = { ...rec.spec.labels };
  return out;
}

/**
 * OCCI Infrastructure attributes of a resource.
 * @param spec - What was asked for.
 * @param offer - The compute offer, if any.
 * @returns Attribute map.
 */
export function occiAttributes(spec: ResourceSpec, offer: Offer | undefined): Record<string, string | number | boolean> {
  const a: Record<string, string | number | boolean> = { 'occi.core.title': spec.name };
  if (spec.kind === 'compute' && offer) {
    a['occi.compute.cores'] = offer.vcpu;
    a['occi.compute.memory'] = offer.memoryGiB;
    a['occi.compute.hostname'] = spec.name;
    if (offer.architecture === 'x86_64') a['occi.compute.architecture'] = 'x64';
    if (spec.image) a['accords.compute.image'] = spec.image;
  }
  if (spec.kind === 'storage') a['occi.storage.size'] = spec.sizeGiB;
  if (spec.kind === 'network' && spec.cidr) {
    a['occi.network.address'] = spec.cidr;
    a['occi.network.allocation'] = 'static';
  }
  return a;
}
