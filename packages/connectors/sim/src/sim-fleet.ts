import type { Catalogue } from '@accords/model';
import { demoCatalogue } from '@accords/model';
import type { SimOptions } from './options';
import type { SimConnector } from './sim-connector';
import { createSimConnector } from './sim-connector';

/**
 * One simulated connector per provider of a catalogue whose `connector` is `sim`, sharing one
 * clock, seed and settings: the broker's embedded default.
 * @param options - As {@link createSimConnector}, without `providerId`.
 * @returns Connectors in catalogue order.
 * @throws {ConnectorError} `invalid` for a bad option.
 * @example
 * ```ts
 * const connectors = createSimFleet({ clock: systemClock });
 * connectors.map((c) => c.providerId); // ['nimbus', 'aurora', ...]
 * ```
 */
export function createSimFleet(options: Omit<SimOptions, 'providerId'> = {}): SimConnector[] {
  const catalogue: Catalogue = options.catalogue ?? demoCatalogue();
  return catalogue.providers
    .filter((p) => p.connector === 'sim' && catalogue.regions.some((r) => r.providerId === p.id))
    .map((p) => createSimConnector({ ...options, catalogue, providerId: p.id }));
}
