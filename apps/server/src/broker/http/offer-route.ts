import type { Request, Response, Router } from 'express';
import { MEDIA_TYPES, negotiate, parseFilter, render } from '@accords/occi';
import type { FilterQuery, MediaType, ResourceData } from '@accords/occi';
import { toOcci } from '@accords/model';
import { DEFAULT_LIMITS } from '../../config/options';
import { pageOf, select } from '../../http/listing';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';
import type { BrokerRuntime } from '../runtime';

function answerType(req: Request, listing: boolean): MediaType {
  const offered = listing ? MEDIA_TYPES : MEDIA_TYPES.filter((t) => t !== 'text/uri-list');
  const chosen = negotiate(req.headers.accept, offered);
  if (!chosen) throw new BrokerError('unsupported_media_type', `none of "${req.headers.accept}" can be produced; offered: ${offered.join(', ')}`, { status: 406, location: { header: 'Accept' } });
  return chosen;
}

/**
 * `GET /offer/` and `GET /offer/<id>`: the loaded connectors' offers (their cached catalogues)
 * as OCCI resources of the model's `offer` kind, read-only, in every rendering, with the
 * `?category=` and `?attribute=name=value` filters and `page` / `number` pagination.
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * offerRoutes({ router, api, runtime });
 */
export function offerRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  const offers = async (): Promise<ResourceData[]> => (await runtime.supply()).offers.map((o) => toOcci('Offer', o) as ResourceData);
  router.get(['/offer', '/offer/'], (req: Request, res: Response, next: (e?: unknown) => void) => {
    (async () => {
      api.principalOf(res);
      const type = answerType(req, true);
      const filter = parseFilter(req.query as FilterQuery);
      const page = pageOf(req, DEFAULT_LIMITS.maxPageSize);
      const resources = select(await offers(), { filter, page });
      const rendered = render('collection', type, { resources, links: [] }, { model: api.model });
      for (const [name, values] of Object.entries(rendered.headers)) res.setHeader(name, values.length === 1 ? values[0]! : values);
      res.status(200).setHeader('Content-Type', `${rendered.contentType}; charset=utf-8`);
      res.send(rendered.body);
    })().catch(next);
  });
  router.all(['/offer', '/offer/', '/offer/:id'], (req: Request, _res: Response, next: (e?: unknown) => void) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    next(new BrokerError('read_only', `offers are read from the connectors' catalogues; ${req.method} is not allowed on ${req.path}`, { status: 405 }));
  });
  router.get('/offer/:id', (req: Request, res: Response, next: (e?: unknown) => void) => {
    (async () => {
      api.principalOf(res);
      const type = answerType(req, false);
      const offer = (await offers()).find((o) => o.id === req.params.id);
      if (!offer) throw new BrokerError('not_found', `no offer ${String(req.params.id)} among the loaded connectors' offers`, { status: 404 });
      const rendered = render('entity', type, offer, { model: api.model });
      for (const [name, values] of Object.entries(rendered.headers)) res.setHeader(name, values.length === 1 ? values[0]! : values);
      res.status(200).setHeader('Content-Type', `${rendered.contentType}; charset=utf-8`);
      res.send(rendered.body);
    })().catch(next);
  });
}
