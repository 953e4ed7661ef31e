import type { Request, RequestHandler, Response } from 'express';
import type { ServerLimits } from '../config/options';
import type { Tenancy } from '../core/tenancy';
import type { PluginContext } from '../plugins/types';
import { WriteConflict, serverError } from '../errors';
import { originOf, principalOf } from './exchange';
import { queryInterface } from './query-routes';
import { entityRoute } from './entity-routes';
import { collectionRoute } from './collection-routes';

/** What every OCCI route handler gets. */
export interface RouteContext {
  req: Request;
  res: Response;
  ctx: PluginContext;
  limits: ServerLimits;
}

const MAX_TRIES = 8;
const QUERY_PATHS = new Set(['/-/', '/.well-known/org/ogf/occi/-/']);

/**
 * The OCCI HTTP protocol: the query interface, kind and mixin collections, entities, actions.
 * Each request runs in one transaction as its principal; a failure rolls everything back.
 * @param deps - the tenancy and the limits
 * @returns the handler (a failure reaches the error handler: express 5 forwards rejections)
 */
export function occiRouter(deps: { tenancy: Tenancy; limits: ServerLimits }): RequestHandler {
  return async (req, res) => {
    const deadline = Date.now() + deps.limits.requestTimeoutMs;
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    const options = { principal: principalOf(res), log: req.log, origin: originOf(req), deadline, readOnly };
    const attempt = () =>
      deps.tenancy.run(options, async (ctx) => {
        const route = { req, res, ctx, limits: deps.limits };
        if (QUERY_PATHS.has(req.path)) return queryInterface(route);
        if (req.path.endsWith('/')) return collectionRoute(route);
        return entityRoute(route);
      });
    let send: Deferred | undefined;
    for (let tries = 1; send === undefined; tries++) {
      try {
        send = await attempt();
      } catch (error) {
        // A lost race without If-Match is retried: the client asked for no particular version.
        const retry = error instanceof WriteConflict && req.headers['if-match'] === undefined && tries < MAX_TRIES && Date.now() < deadline;
        if (!retry) throw error;
      }
    }
    // Answers are composed inside the transaction and sent only once it has committed.
    send();
  };
}

/** An answer composed inside the transaction, sent after the commit. */
export type Deferred = () => void;

/**
 * The 405 of a method a location does not support.
 * @param route - the route context
 * @param allowed - the methods it supports
 * @returns never: throws
 * @throws ServerError `method_not_allowed`
 */
export function methodNotAllowed(route: RouteContext, allowed: string[]): never {
  route.res.setHeader('Allow', allowed.join(', '));
  throw serverError('method_not_allowed', `${route.req.method} is not allowed on ${route.req.path} (allowed: ${allowed.join(', ')})`);
}
