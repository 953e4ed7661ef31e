import { ConnectorError } from '@accords/connector-kit';
import type { Offer } from '@accords/model';

/** Capacity and quota accounting of a simulated provider. */
export interface Ledger {
  /** Instances of `offer` that can still start (per offer and per region). */
  remaining(offer: Offer): number;
  /**
   * Books one instance of `offer`.
   * @throws {ConnectorError} `capacity` when the offer or region is full, `quota` when the account is.
   */
  take(offer: Offer): void;
  /** Frees one instance of `offer`. */
  release(offer: Offer): void;
  /**
   * Moves one instance from `from` to `to` (resize), all or nothing.
   * @throws {ConnectorError} as {@link Ledger.take}.
   */
  swap(from: Offer, to: Offer): void;
}

/**
 * Creates the ledger.
 * @param options - Region and offer capacity overrides, account quota, provider id.
 * @returns A {@link Ledger}.
 */
export function createLedger(options: {
  regionCapacity?: number | Record<string, number>;
  offerCapacity?: number | Record<string, number>;
  quota?: { instances?: number; vcpus?: number };
  providerId: string;
}): Ledger {
  const byOffer = new Map<string, number>();
  const byRegion = new Map<string, number>();
  let instances = 0;
  let vcpus = 0;
  const regionCap = (regionId: string): number => {
    const c = options.regionCapacity;
    return typeof c === 'number' ? c : (c?.[regionId] ?? Number.POSITIVE_INFINITY);
  };
  const offerCap = (offer: Offer): number => {
    const c = options.offerCapacity;
    return typeof c === 'number' ? c : (c?.[offer.id] ?? offer.capacity);
  };
  const remaining = (offer: Offer): number =>
    Math.max(0, Math.min(offerCap(offer) - (byOffer.get(offer.id) ?? 0), regionCap(offer.regionId) - (byRegion.get(offer.regionId) ?? 0)));
  const add = (offer: Offer, n: number): void => {
    byOffer.set(offer.id, (byOffer.get(offer.id) ?? 0) + n);
    byRegion.set(offer.regionId, (byRegion.get(offer.regionId) ?? 0) + n);
    instances += n;
    vcpus += n * offer.vcpu;
  };
  const check = (offer: Offer, freed: Offer | undefined): void => {
    const ctx = { providerId: options.providerId, operation: 'create' };
    const sameRegion = freed !== undefined && freed.regionId === offer.regionId ? 1 : 0;
    if (offerCap(offer) - (byOffer.get(offer.id) ?? 0) <= 0 || regionCap(offer.regionId) - (byRegion.get(offer.regionId) ?? 0) + sameRegion <= 0) {
      throw new ConnectorError('capacity', `no capacity left for ${offer.instanceType} in ${offer.regionId}`, { ...ctx, backendCode: 'InsufficientCapacity' });
    }
    const q = options.quota ?? {};
    if (q.instances !== undefined && instances + (freed ? 0 : 1) > q.instances) {
      throw new ConnectorError('quota', `instance quota of ${q.instances} reached`, { ...ctx, backendCode: 'QuotaExceeded' });
    }
    if (q.vcpus !== undefined && vcpus - (freed?.vcpu ?? 0) + offer.vcpu > q.vcpus) {
      throw new ConnectorError('quota', `vCPU quota of ${q.vcpus} reached`, { ...ctx, backendCode: 'QuotaExceeded' });
    }
  };
  return {
    remaining,
    take(offer) {
      check(offer, undefined);
      add(offer, 1);
    },
    release(offer) {
      add(offer, -1);
    },
    swap(from, to) {
      check(to, from);
      add(from, -1);
      add(to, 1);
    },
  };
}
