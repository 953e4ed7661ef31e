import { Kind, OcciError, applicableActions } from '@accords/occi';
import type { Mixin, AnyEntityData, EntityCollection, LinkData, MediaType, ResourceData } from '@accords/occi';
import { actOnEntity, resolveAction } from '../core/entity-actions';
import { associate, dissociate, replaceMembership } from '../core/mixin-membership';
import type { StoredEntity } from '../core/tenant-store';
import { hasContent, parseBody, responseType, sendEmpty, sendRendered } from './exchange';
import { filterOf, pageOf, select } from './listing';
import { entityAnswer } from './answer';
import { actionTerm, invocationOf } from './entity-routes';
import { methodNotAllowed } from './occi-router';
import type { Deferred, RouteContext } from './occi-router';

/**
 * Renders entities as a collection: text renderings and text/uri-list as a list of locations,
 * the JSON renderings as full entities.
 * @param route - the route context
 * @param answer - entities and rendering
 * @returns the deferred answer
 */
async function collectionAnswer(route: RouteContext, answer: { entities: StoredEntity[]; type: MediaType }): Promise<Deferred> {
  const { res, ctx } = route;
  const { type, entities } = answer;
  const model = ctx.model;
  if (type === 'application/occi+json' || type === 'application/json') {
    const complete = await ctx.store.complete(entities);
    const value: EntityCollection = { resources: [], links: [] };
    for (const e of complete) {
      if ('source' in e) value.links.push(e as LinkData);
      else value.resources.push(e as ResourceData);
    }
    return () => sendRendered(res, { status: 200, type, structure: 'collection', value, model });
  }
  const locations = entities.map((e) => e.data.location!);
  return () => sendRendered(res, { status: 200, type, structure: 'locations', value: locations, model });
}

/**
 * The members of a collection, filtered and paginated.
 * @param route - the route context
 * @param selection - the collection, the rendering, and whether the text headers may filter
 *   (not on an action invocation: there `Category` and `X-OCCI-Attribute` are the invocation)
 * @returns the selected members
 */
async function members(route: RouteContext, selection: { category: Kind | Mixin; type: MediaType; headers: boolean }): Promise<StoredEntity[]> {
  const { category, type } = selection;
  const query = category instanceof Kind ? { kinds: [category.id] } : { mixin: category.id };
  const all = await route.ctx.store.list(query);
  const filter = filterOf(route.req, { type, model: route.ctx.model, headers: selection.headers });
  const page = pageOf(route.req, route.limits.maxPageSize);
  const selected = select(
    all.map((e) => e.data),
    { filter, page },
  );
  const keep = new Set(selected);
  return all.filter((e) => keep.has(e.data));
}

async function actOnAll(route: RouteContext, category: Kind | Mixin): Promise<Deferred> {
  const type = responseType(route.req, true);
  const term = actionTerm(route)!;
  const invocation = invocationOf(route);
  const targets = await members(route, { category, type, headers: false });
  const acted: StoredEntity[] = [];
  for (const entity of targets) {
    const request = { term, invocation };
    const action = resolveAction(route.ctx, { entity: entity.data, request });
    if (!applicableActions(route.ctx.model, entity.data).includes(action)) continue;
    acted.push((await actOnEntity(route.ctx, entity, request)).entity);
  }
  if (targets.length > 0 && acted.length === 0) {
    throw new OcciError('invalid_state', `action=${term} is not legal in the current state of any of the ${targets.length} members of ${route.req.path}`, {
      location: { attribute: 'action' },
    });
  }
  return collectionAnswer(route, { entities: acted, type });
}

/**
 * The entity locations of an association body, as local paths: absolute URLs are accepted on
 * this server's origin and refused (400) on any other.
 * @param route - the route context
 * @returns the paths
 */
function locationsOf(route: RouteContext): string[] {
  if (!hasContent(route.req)) return [];
  const listed = parseBody(route.req, 'association', route.ctx.model);
  return listed.map((location, index) => route.ctx.store.toLocal(location, { attribute: 'location', what: `location ${index + 1} of the body` }));
}

/**
 * A kind or mixin collection: GET lists (filtered, paginated); on a kind POST creates or acts on
 * every member and DELETE deletes the tenant's members; on a mixin POST associates, PUT replaces
 * the membership and DELETE dissociates.
 * @param route - the route context
 * @returns the deferred answer
 */
export async function collectionRoute(route: RouteContext): Promise<Deferred> {
  const { req, res, ctx } = route;
  const category = ctx.model.findByLocation(req.path);
  if (!category) throw new OcciError('not_found', `no kind or mixin collection at ${req.path}`, { location: { attribute: 'location' } });
  const isKind = category instanceof Kind;
  const verb = req.method === 'HEAD' ? 'GET' : req.method;
  if (verb === 'GET') {
    const type = responseType(req, true);
    return collectionAnswer(route, { entities: await members(route, { category, type, headers: true }), type });
  }
  if (verb === 'POST' && actionTerm(route) !== undefined) return actOnAll(route, category);
  if (isKind && verb === 'POST') {
    const type = responseType(req, false);
    const entity = parseBody(req, 'entity', ctx.model) as AnyEntityData;
    return entityAnswer(route, { written: await ctx.store.create(entity, { collection: category }), type });
  }
  if (isKind && verb === 'DELETE') {
    responseType(req, true);
    for (const entity of await members(route, { category, type: 'text/plain', headers: true })) {
      if (await ctx.store.find(entity.data.location!)) await ctx.store.remove(entity.data.location!);
    }
    return () => sendEmpty(res);
  }
  if (!isKind && (verb === 'POST' || verb === 'PUT' || verb === 'DELETE')) {
    responseType(req, true);
    const mixin = category as Mixin;
    if (verb === 'POST') await associate(ctx, mixin, locationsOf(route));
    else if (verb === 'PUT') await replaceMembership(ctx, mixin, locationsOf(route));
    else await dissociate(ctx, mixin, hasContent(req) ? locationsOf(route) : undefined);
    return () => sendEmpty(res);
  }
  return methodNotAllowed(route, isKind ? ['GET', 'HEAD', 'POST', 'DELETE'] : ['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
}
