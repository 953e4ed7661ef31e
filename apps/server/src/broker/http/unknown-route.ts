import type { Request, Response, Router } from 'express';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';
import { listUnknown } from '../store/unknown';
import type { BrokerRuntime } from '../runtime';

/**
 * `GET /broker/unknown` (administrators only): the resources providers have that Accords does
 * not know, as the last reconciliation of each provider found them — provider, provider-side id,
 * name, state, idempotency key, first and last seen. JSON (`{ "unknown": [...] }`) or one line
 * per resource in text. Accords never deletes them; an operator decides.
 *
 * @param input - the router, the plugin API and the broker runtime
 * @example
 * unknownRoutes({ router, api, runtime });
 */
export function unknownRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime }): void {
  const { router, api, runtime } = input;
  router.get(['/broker/unknown', '/broker/unknown/'], (req: Request, res: Response, next: (e?: unknown) => void) => {
    (async () => {
      if (!api.principalOf(res).isAdmin) throw new BrokerError('forbidden', 'only administrators may list provider resources Accords does not know', { status: 403 });
      if (!runtime.db) throw new BrokerError('not_found', 'the broker is not running', { status: 503 });
      const unknown = await listUnknown(runtime.db);
      const accept = String(req.headers.accept ?? '');
      if (accept.includes('json')) {
        res.status(200).type('application/json').send(JSON.stringify({ unknown }));
        return;
      }
      res.status(200).type('text/plain').send(unknown.map((u) => `${u.providerId} ${u.id} ${u.name} ${u.state} ${u.idempotencyKey ?? '-'} ${u.firstSeen} ${u.lastSeen}`).join('\n') + (unknown.length ? '\n' : ''));
    })().catch(next);
  });
}
