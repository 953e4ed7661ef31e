import type { Catalogue } from '../types';
import { DEMO_PROVIDERS, DEMO_REGIONS } from './sites';
import { demoOffers } from './offers';

/** Options of {@link demoCatalogue}. */
export interface DemoCatalogueOptions {
  /** `asOf` of every offer (default 2026-01-01T00:00:00Z, so the catalogue is deterministic). */
  asOf?: Date | string;
}

/**
 * The demo provider catalogue: six fictitious providers with 26 regions in real places on six
 * continents and 23 time zones, with general-purpose, memory, arm64, dedicated, HPC and GPU
 * (L4, A100, H100) offers, on-demand and spot, priced in EUR at realistic list-price levels.
 * A fresh copy on every call: callers may mutate it.
 * @param options - asOf of the offers.
 * @returns providers, regions and offers.
 * @example
 * ```ts
 * const { providers, regions, offers } = demoCatalogue();
 * offers.filter((o) => o.gpuModel === 'H100').length; // > 0
 * ```
 */
export function demoCatalogue(options: DemoCatalogueOptions = {}): Catalogue {
  const asOf = new Date(options.asOf ?? '2026-01-01T00:00:00Z').toISOString();
  const regions = structuredClone(DEMO_REGIONS) as Catalogue['regions'];
  return {
    providers: structuredClone(DEMO_PROVIDERS) as Catalogue['providers'],
    regions,
    offers: demoOffers(regions, asOf),
  };
}
