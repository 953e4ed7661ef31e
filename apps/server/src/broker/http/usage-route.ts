import type { Request, Response, Router } from 'express';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';
import { listUsage } from '../billing/usage-records';
import type { BrokerRuntime } from '../runtime';

/**
 * `GET /usage/?agreement=<id>`: one agreement's usage records — per resource, the running seconds
 * of each interval, the offer and the rate — as one JSON document (`{ "usage": [...] }`), or one
 * line per record in text. Without `?agreement=` the request goes on to the OCCI collection of
 * the `usage` kind (the same records as entities, with the server's filters and renderings).
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * usageRoutes({ router, api, runtime });
 */
export function usageRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  router.get(['/usage', '/usage/'], (req: Request, res: Response, next: (e?: unknown) => void) => {
    const agreement = typeof req.query.agreement === 'string' ? req.query.agreement : undefined;
    if (agreement === undefined) {
      next();
      return;
    }
    (async () => {
      const principal = api.principalOf(res);
      if (!runtime.db) throw new BrokerError('not_found', 'the broker is not running', { status: 503 });
      const records = await listUsage(runtime.db, { ...(principal.allTenants || principal.isAdmin ? {} : { tenantId: principal.tenantId }), agreementId: agreement });
      const accept = String(req.headers.accept ?? '');
      if (accept.includes('json')) {
        res.status(200).type(accept.includes('occi+json') ? 'application/occi+json' : 'application/json').send(JSON.stringify({ usage: records }));
        return;
      }
      res.status(200).type('text/plain').send(records.map((r) => `${r.start} ${r.end} ${r.resourceId} ${r.node} ${r.offerId} ${r.seconds}s ${r.pricePerHour} ${r.currency}/h`).join('\n') + '\n');
    })().catch(next);
  });
}
