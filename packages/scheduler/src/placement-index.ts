import { availabilityCost, compileCatalogue, type Catalogue } from './compile/catalogue';
import { SchedulerError } from './errors';
import { OfferIndex } from './index/offer-index';
import type { Offer, Provider, Region } from '@accords/model';
import { offerFromModel, providerFromModel, regionFromModel } from './model/from-model';
import type { OfferInput, ProviderInput, RegionInput } from './types';

/** A change to one offer, as a price feed reports it. */
export interface OfferChange {
  offerId: string;
  pricePerHour?: number;
  capacity?: number;
  availability?: number;
}

/**
 * A compiled catalogue and its offer index, built once and reused by `place`, `proposeMoves`
 * and `Replanner` calls; offer changes update it in place, touching only what they change.
 *
 * @example
 * ```ts
 * const index = PlacementIndex.fromModel(demoCatalogue());
 * const plan = place({ index, nodes, terms, signals, now });
 * index.updateOffers([{ offerId: 'o-1', pricePerHour: 0.09 }]);
 * ```
 */
export class PlacementIndex {
  /** Internal, unsupported: the typed-array catalogue. */
  readonly catalogue: Catalogue;
  /** Internal, unsupported: the bucketed offer index. */
  readonly offers: OfferIndex;

  /**
   * @param input - providers, regions and offers in the scheduler's own form (see `fromModel`)
   * @throws SchedulerError when a reference is unknown or a value is out of range
   * @example
   * ```ts
   * const index = new PlacementIndex({ providers: [{ id: 'p' }], regions, offers });
   * ```
   */
  constructor(input: { providers: readonly ProviderInput[]; regions: readonly RegionInput[]; offers: readonly OfferInput[] }) {
    this.catalogue = compileCatalogue(input);
    this.offers = new OfferIndex(this.catalogue);
  }

  /**
   * Builds the index of a model catalogue.
   *
   * @param input - the model's providers, regions and offers
   * @returns the index
   * @throws SchedulerError when a reference is unknown or a value is out of range
   * @example
   * ```ts
   * const index = PlacementIndex.fromModel(demoCatalogue());
   * ```
   */
  static fromModel(input: { providers: readonly Provider[]; regions: readonly Region[]; offers: readonly Offer[] }): PlacementIndex {
    return new PlacementIndex({ providers: input.providers.map(providerFromModel), regions: input.regions.map(regionFromModel), offers: input.offers.map(offerFromModel) });
  }

  /**
   * Applies offer changes; only the changed offers' cells are re-sorted.
   *
   * @param changes - new prices, capacities or availabilities (availability as a share, 0..1)
   * @returns the positions of the changed offers
   * @throws SchedulerError when an offer id is unknown or a value is out of range
   * @example
   * ```ts
   * index.updateOffers([{ offerId: 'nimbus-eu-central:gp.2x', pricePerHour: 0.08 }]);
   * ```
   */
  updateOffers(changes: readonly OfferChange[]): Int32Array {
    const cat = this.catalogue;
    const touched = new Int32Array(changes.length);
    // Everything is checked before anything is written: a bad change leaves the index as it was.
    for (let i = 0; i < changes.length; i++) {
      const ch = changes[i]!;
      const o = cat.offerIdx.get(ch.offerId);
      // Pointers are built only for an error: a feed may change thousands of offers at once.
      if (o === undefined) throw new SchedulerError([{ code: 'unknown-reference', pointer: `/changes/${i}/offerId`, message: `unknown offer "${ch.offerId}"` }]);
      if (ch.pricePerHour !== undefined && !(ch.pricePerHour >= 0)) throw new SchedulerError([{ code: 'invalid-input', pointer: `/changes/${i}/pricePerHour`, message: 'must be >= 0' }]);
      touched[i] = o;
    }
    for (let i = 0; i < changes.length; i++) {
      const ch = changes[i]!;
      const o = touched[i]!;
      if (ch.pricePerHour !== undefined) cat.price[o] = ch.pricePerHour;
      if (ch.capacity !== undefined) {
        cat.capacity[o] = ch.capacity;
        this.offers.capacityScratch.invalidate();
      }
      if (ch.availability !== undefined) {
        cat.availability[o] = ch.availability;
        cat.availCost[o] = availabilityCost(ch.availability);
      }
    }
    this.offers.pricesChanged(touched);
    return touched;
  }
}
