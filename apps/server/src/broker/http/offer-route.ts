import type { Router } from 'express';
import type { ResourceData } from '@accords/occi';
import { toOcci } from '@accords/model';
import type { PluginApi } from '../../plugins/types';
import type { BrokerRuntime } from '../runtime';
import { offerCarbon } from './offer-carbon';
import { readOnlyCollection } from './read-only-collection';

/**
 * `GET /offer/` and `GET /offer/<id>`: the loaded connectors' offers (their cached catalogues)
 * as OCCI resources of the model's `offer` kind, read-only, in every rendering, with the
 * `?category=` and `?attribute=name=value` filters and `page` / `number` pagination. Each offer
 * carries the broker's `accords.offer.carbonGPerHour` (its expected carbon per hour now, see
 * {@link offerCarbon}) when the region's grid zone has a carbon-intensity signal in force.
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * offerRoutes({ router, api, runtime });
 */
export function offerRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  const entities = async (): Promise<ResourceData[]> => {
    const supply = await runtime.supply();
    const carbonOf = offerCarbon({ regions: supply.regions, signals: supply.signals, at: runtime.clock() });
    return supply.offers.map((o) => {
      const entity = toOcci('Offer', o) as ResourceData;
      const carbon = carbonOf(o);
      if (carbon !== undefined) entity.attributes['accords.offer.carbonGPerHour'] = carbon;
      return entity;
    });
  };
  readOnlyCollection({ router, api, collection: { term: 'offer', plural: 'offers', source: "the loaded connectors' offers", entities } });
}
