import type { SqlExecutor } from '../../jobs';
import { num } from '../../jobs/sql';

/** A resource a provider has that Accords does not know (or knows only as released). */
export interface UnknownResource {
  providerId: string;
  /** The provider's id of the resource. */
  id: string;
  name: string;
  state: string;
  idempotencyKey?: string;
  /** When reconciliation first and last found it (RFC 3339). */
  firstSeen: string;
  lastSeen: string;
}

/**
 * Replaces what is known about one provider's unknown resources with a fresh listing, keeping
 * when each was first seen; resources no longer listed drop out. Nothing at the provider is touched.
 *
 * @param tx - the transaction
 * @param input - provider id, the unknown resources it listed, time (epoch ms)
 * @returns when written
 * @example
 * await recordUnknown(tx, { providerId: 'aurora', resources: [{ id: 'vm-9', name: 'x', state: 'active' }], now: Date.now() });
 */
export async function recordUnknown(
  tx: SqlExecutor,
  input: { providerId: string; resources: { id: string; name: string; state: string; idempotencyKey?: string }[]; now: number },
): Promise<void> {
  const before = await tx.query('SELECT provider_resource_id, first_seen FROM accords_broker_unknown WHERE provider_id = ?', [input.providerId]);
  const firstSeen = new Map(before.map((r) => [String(r.provider_resource_id), num(r.first_seen)]));
  await tx.query('DELETE FROM accords_broker_unknown WHERE provider_id = ?', [input.providerId]);
  for (const r of input.resources) {
    await tx.query(
      `INSERT INTO accords_broker_unknown (provider_id, provider_resource_id, name, state, idempotency_key, first_seen, last_seen)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [input.providerId, r.id, r.name, r.state, r.idempotencyKey ?? null, firstSeen.get(r.id) ?? input.now, input.now],
    );
  }
}

/**
 * Lists the unknown resources the last reconciliations found, by provider and id.
 *
 * @param tx - where to read
 * @returns the resources
 * @example
 * const unknown = await listUnknown(db);
 */
export async function listUnknown(tx: SqlExecutor): Promise<UnknownResource[]> {
  const rows = await tx.query('SELECT * FROM accords_broker_unknown ORDER BY provider_id, provider_resource_id');
  return rows.map((r) => ({
    providerId: String(r.provider_id), id: String(r.provider_resource_id), name: String(r.name), state: String(r.state),
    ...(r.idempotency_key ? { idempotencyKey: String(r.idempotency_key) } : {}),
    firstSeen: new Date(num(r.first_seen)).toISOString(), lastSeen: new Date(num(r.last_seen)).toISOString(),
  }));
}
