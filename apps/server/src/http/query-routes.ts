import { OcciError, matchesFilter, parseFilter } from '@accords/occi';
import type { CategoryCollection } from '@accords/occi';
import { defineMixin, removeMixinDefinition } from '../core/user-mixins';
import { filterOf } from './listing';
import { hasContent, parseBody, responseType, sendEmpty, sendRendered } from './exchange';
import { methodNotAllowed } from './occi-router';
import type { Deferred, RouteContext } from './occi-router';

/**
 * The query interface: GET lists the categories (filtered by `category`), POST defines a user
 * mixin, DELETE removes one with its associations.
 * @param route - the route context
 * @returns the deferred answer
 */
export async function queryInterface(route: RouteContext): Promise<Deferred> {
  const { req, res, ctx } = route;
  const model = ctx.model;
  switch (req.method) {
    case 'GET':
    case 'HEAD': {
      const type = responseType(req, false);
      const filter = filterOf(req, { type, model });
      const all = model.toCollection();
      const keep = <T extends { scheme: string; term: string }>(list: T[]) => list.filter((c) => matchesFilter(filter, c));
      const value: CategoryCollection = { kinds: keep(all.kinds), mixins: keep(all.mixins), actions: keep(all.actions) };
      return () => sendRendered(res, { status: 200, type, structure: 'categories', value, model });
    }
    case 'POST': {
      const type = responseType(req, false);
      if (!hasContent(req)) throw new OcciError('parse_error', 'POST on the query interface needs a mixin definition', { location: { header: 'Category' } });
      const mixin = await defineMixin(ctx, parseBody(req, 'mixin', model));
      const value: CategoryCollection = { kinds: [], mixins: [mixin], actions: [] };
      return () => sendRendered(res, { status: 200, type, structure: 'categories', value, model });
    }
    case 'DELETE': {
      if (!hasContent(req)) {
        const filter = parseFilter(new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1)));
        if (filter.categories.length !== 1) throw new OcciError('parse_error', 'DELETE on the query interface needs the mixin to delete', { location: { header: 'Category' } });
        await removeMixinDefinition(ctx, filter.categories[0]!);
      } else {
        const mixin = parseBody(req, 'mixin', model);
        await removeMixinDefinition(ctx, mixin.scheme + mixin.term);
      }
      return () => sendEmpty(res);
    }
    default:
      return methodNotAllowed(route, ['GET', 'HEAD', 'POST', 'DELETE']);
  }
}
