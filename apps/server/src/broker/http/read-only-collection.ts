import type { Request, Response, Router } from 'express';
import { MEDIA_TYPES, negotiate, parseFilter, render } from '@accords/occi';
import type { FilterQuery, MediaType, ResourceData } from '@accords/occi';
import { DEFAULT_LIMITS } from '../../config/options';
import { pageOf, select } from '../../http/listing';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';

/** What {@link readOnlyCollection} serves. */
export interface ReadOnlyCollection {
  /** The kind's term: the collection is served at `/<term>/` and `/<term>/<id>`. */
  term: string;
  /** Plural noun for messages, e.g. `offers`. */
  plural: string;
  /** Where the entities come from, for messages, e.g. `the loaded connectors' offers`. */
  source: string;
  /** The entities, computed per request (in a stable order). */
  entities: () => Promise<ResourceData[]>;
}

function answerType(req: Request, listing: boolean): MediaType {
  const offered = listing ? MEDIA_TYPES : MEDIA_TYPES.filter((t) => t !== 'text/uri-list');
  const chosen = negotiate(req.headers.accept, offered);
  if (!chosen) throw new BrokerError('unsupported_media_type', `none of "${req.headers.accept}" can be produced; offered: ${offered.join(', ')}`, { status: 406, location: { header: 'Accept' } });
  return chosen;
}

function send(res: Response, rendered: { headers: Record<string, string[]>; contentType: string; body: string }): void {
  for (const [name, values] of Object.entries(rendered.headers)) res.setHeader(name, values.length === 1 ? values[0]! : values);
  res.status(200).setHeader('Content-Type', `${rendered.contentType}; charset=utf-8`);
  res.send(rendered.body);
}

/**
 * Serves a computed, read-only collection of OCCI resources: `GET /<term>/` in every rendering,
 * with the `?category=` and `?attribute=name=value` filters and `page` / `number` pagination,
 * `GET /<term>/<id>` (404 when absent), and `405 read_only` for any other method.
 *
 * @param input - the router, the plugin API and the collection
 * @throws BrokerError (through `next`) `unsupported_media_type` (406), `not_found` (404), `read_only` (405)
 * @example
 * readOnlyCollection({ router, api, collection: { term: 'region', plural: 'regions', source: "the loaded connectors' regions", entities } });
 */
export function readOnlyCollection(input: { router: Router; api: PluginApi; collection: ReadOnlyCollection }): void {
  const { router, api, collection } = input;
  const { term } = collection;
  router.get([`/${term}`, `/${term}/`], (req: Request, res: Response, next: (e?: unknown) => void) => {
    (async () => {
      api.principalOf(res);
      const type = answerType(req, true);
      const filter = parseFilter(req.query as FilterQuery);
      const page = pageOf(req, DEFAULT_LIMITS.maxPageSize);
      const resources = select(await collection.entities(), { filter, page });
      send(res, render('collection', type, { resources, links: [] }, { model: api.model }));
    })().catch(next);
  });
  router.all([`/${term}`, `/${term}/`, `/${term}/:id`], (req: Request, _res: Response, next: (e?: unknown) => void) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    next(new BrokerError('read_only', `${collection.plural} are read-only (${collection.source}); ${req.method} is not allowed on ${req.path}`, { status: 405 }));
  });
  router.get(`/${term}/:id`, (req: Request, res: Response, next: (e?: unknown) => void) => {
    (async () => {
      api.principalOf(res);
      const type = answerType(req, false);
      const entity = (await collection.entities()).find((e) => e.id === req.params.id);
      if (!entity) throw new BrokerError('not_found', `no ${term} ${String(req.params.id)} among ${collection.source}`, { status: 404 });
      send(res, render('entity', type, entity, { model: api.model }));
    })().catch(next);
  });
}
