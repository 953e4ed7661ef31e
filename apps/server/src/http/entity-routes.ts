import { OcciError } from '@accords/occi';
import type { ActionInvocation, AnyEntityData } from '@accords/occi';
import { checkPreconditions } from '../core/preconditions';
import { actOn } from '../core/entity-actions';
import { serverError } from '../errors';
import { splitLocation } from '../core/locations';
import { hasContent, parseBody, preconditionsOf, responseType, sendEmpty } from './exchange';
import { entityAnswer } from './answer';
import { methodNotAllowed } from './occi-router';
import type { Deferred, RouteContext } from './occi-router';

/**
 * The invocation of `POST ...?action=<term>`: the body's, or an empty one when there is no body.
 * @param route - the route context
 * @returns the invocation (`action` empty when the body named none)
 */
export function invocationOf(route: RouteContext): ActionInvocation {
  if (!hasContent(route.req)) return { action: '', attributes: {} };
  return parseBody(route.req, 'action', route.ctx.model);
}

/**
 * The `?action=` term of a request, if any.
 * @param route - the route context
 * @returns the term, or undefined
 * @throws ServerError `bad_request` when it is given but empty or repeated
 */
export function actionTerm(route: RouteContext): string | undefined {
  const raw = route.req.query.action;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw === '') throw serverError('bad_request', 'action= must name one action term', { location: { attribute: 'action' } });
  return raw;
}

/**
 * An entity location: GET, HEAD, PUT (create or replace), POST (partial update or action), DELETE.
 * @param route - the route context
 * @returns the deferred answer
 */
export async function entityRoute(route: RouteContext): Promise<Deferred> {
  const { req, res, ctx } = route;
  const location = req.path;
  if (!splitLocation(location)) throw new OcciError('not_found', `nothing at ${location}`, { location: { attribute: 'location' } });
  const store = ctx.store;
  switch (req.method) {
    case 'GET':
    case 'HEAD': {
      const type = responseType(req, false);
      const { entity, data } = await store.read(location);
      if (req.headers['if-none-match'] !== undefined) {
        try {
          checkPreconditions(entity, { ifNoneMatch: req.headers['if-none-match'] });
        } catch {
          return () => {
            res.setHeader('ETag', entity.etag);
            res.status(304).end();
          };
        }
      }
      return entityAnswer(route, { written: { entity, created: false }, type, data });
    }
    case 'PUT': {
      const type = responseType(req, false);
      const body = parseBody(req, 'entity', ctx.model);
      return entityAnswer(route, { written: await store.replace(location, body, preconditionsOf(req)), type });
    }
    case 'POST': {
      const type = responseType(req, false);
      const term = actionTerm(route);
      if (term !== undefined) {
        const written = await actOn(ctx, location, { term, invocation: invocationOf(route), preconditions: preconditionsOf(req) });
        return entityAnswer(route, { written, type });
      }
      const partial = parseBody(req, 'entity', ctx.model) as Partial<AnyEntityData>;
      return entityAnswer(route, { written: await store.update(location, partial, preconditionsOf(req)), type });
    }
    case 'DELETE': {
      responseType(req, false);
      await store.remove(location, preconditionsOf(req));
      return () => sendEmpty(res);
    }
    default:
      return methodNotAllowed(route, ['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);
  }
}
