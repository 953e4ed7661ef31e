import type { Request, Response, Router } from 'express';
import type { PluginApi } from '../../plugins/types';
import { BrokerError } from '../errors';
import { eventsAfter } from '../store/events';
import { getAgreement } from '../store/records';
import type { BrokerRuntime } from '../runtime';

/**
 * `GET /agreement/<id>/events`: Server-Sent Events of an agreement — `state` (agreement,
 * service and resource state changes), `job` and `move` — read from the event journal in the
 * database, so every server process streams every change. `Last-Event-ID` resumes after an
 * event; the stream ends when the client goes away.
 *
 * @param input - the router, the plugin API, the broker runtime and the poll period
 * @example
 * eventRoutes({ router, api, runtime, pollMs: 200 });
 */
export function eventRoutes(input: { router: Router; api: PluginApi; runtime: BrokerRuntime; pollMs?: number }): void {
  const { router, api, runtime } = input;
  router.get('/agreement/:id/events', (req: Request, res: Response, next: NextFn) => {
    (async () => {
      const principal = api.principalOf(res);
      const id = String(req.params.id);
      const db = runtime.db;
      if (!db) throw new BrokerError('not_found', 'the broker is not running', { status: 503 });
      const agreement = await getAgreement(db, { id });
      if (!agreement || (!principal.isAdmin && agreement.tenantId !== principal.tenantId)) {
        throw new BrokerError('not_found', `no agreement ${id}`, { status: 404 });
      }
      res.status(200);
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Connection', 'keep-alive');
      res.flushHeaders();
      let after = Number(req.headers['last-event-id'] ?? 0) || 0;
      let jobsSeen = 0;
      let open = true;
      req.on('close', () => { open = false; });
      while (open) {
        const events = await eventsAfter(db, { agreementId: id, after });
        for (const e of events) {
          res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e.data, at: new Date(e.at).toISOString() })}\n\n`);
          after = e.seq;
        }
        const jobs = await db.query<Record<string, unknown>>(
          `SELECT id, kind, state, attempts, last_error, updated_at FROM accords_job WHERE group_id IN (?, ?, ?) AND updated_at > ? ORDER BY updated_at, id LIMIT 500`,
          [id, `${id}:release`, `${id}:act`, jobsSeen],
        );
        for (const j of jobs) {
          const data = { job: j.id, kind: j.kind, state: j.state, attempts: Number(j.attempts), error: j.last_error ? JSON.parse(String(j.last_error)) : null };
          res.write(`event: job\ndata: ${JSON.stringify(data)}\n\n`);
          jobsSeen = Math.max(jobsSeen, Number(j.updated_at));
        }
        if (events.length === 0 && jobs.length === 0) res.write(': keep-alive\n\n');
        await new Promise((r) => setTimeout(r, input.pollMs ?? 200));
      }
      res.end();
    })().catch(next);
  });
}

type NextFn = (err?: unknown) => void;
