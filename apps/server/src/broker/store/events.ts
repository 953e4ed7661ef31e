import { num } from '../../jobs/sql';
import type { SqlExecutor } from '../../jobs';
import type { BrokerEvent } from '../types';

/**
 * Appends an event to an agreement's progress journal (read by the SSE stream, in any process).
 *
 * @param tx - the transaction (the event exists only if it commits)
 * @param event - agreement, tenant, type, data and time
 * @returns when written
 * @example
 * await appendEvent(tx, { agreementId, tenantId, type: 'state', data: { phase: 'running' }, at: now });
 */
export async function appendEvent(
  tx: SqlExecutor,
  event: Omit<BrokerEvent, 'seq'> & { tenantId: string },
): Promise<void> {
  await tx.query(`INSERT INTO accords_broker_event (agreement_id, tenant_id, type, data, at) VALUES (?, ?, ?, ?, ?)`, [
    event.agreementId, event.tenantId, event.type, JSON.stringify(event.data), event.at,
  ]);
}

/**
 * Reads the events of an agreement after a sequence number.
 *
 * @param tx - where to read
 * @param query - agreement, last sequence seen, how many at most
 * @returns the events, oldest first
 * @example
 * const events = await eventsAfter(db, { agreementId, after: 0 });
 */
export async function eventsAfter(
  tx: SqlExecutor,
  query: { agreementId: string; after: number; limit?: number },
): Promise<BrokerEvent[]> {
  const rows = await tx.query(
    `SELECT * FROM accords_broker_event WHERE agreement_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    [query.agreementId, query.after, query.limit ?? 500],
  );
  return rows.map((r) => ({
    seq: num(r.seq), agreementId: String(r.agreement_id), type: r.type as BrokerEvent['type'],
    data: JSON.parse(String(r.data)) as Record<string, unknown>, at: num(r.at),
  }));
}
