import type { Router } from 'express';
import type { ResourceData } from '@accords/occi';
import { toOcci } from '@accords/model';
import type { PluginApi } from '../../plugins/types';
import type { BrokerRuntime } from '../runtime';
import { readOnlyCollection } from './read-only-collection';

/**
 * `GET /region/` and `GET /region/<id>`: the loaded connectors' regions as OCCI resources of the
 * model's `region` kind (`accords.region.providerId`, `.country`, `.pue`, `.zone`, …), read-only,
 * in every rendering, with the `?category=` and `?attribute=name=value` filters and `page` /
 * `number` pagination.
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * regionRoutes({ router, api, runtime });
 */
export function regionRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  const entities = async (): Promise<ResourceData[]> => (await runtime.supply()).regions.map((r) => toOcci('Region', r) as ResourceData);
  readOnlyCollection({ router, api, collection: { term: 'region', plural: 'regions', source: "the loaded connectors' regions", entities } });
}
