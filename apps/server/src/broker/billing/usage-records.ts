import type { UsageRecord } from '@accords/model';
import { num } from '../../jobs/sql';
import type { SqlExecutor } from '../../jobs';

/** A usage record with the tenant and agreement it belongs to. */
export type BrokerUsage = Omit<UsageRecord, 'contractId'> & { tenantId: string; agreementId: string; contractId: string };

/**
 * Lists usage records, oldest first.
 *
 * @param tx - where to read
 * @param filter - tenant, agreement and period (epoch ms, records starting in `[from, to)`)
 * @returns the records (contractId filled by the caller's join, here the agreement id)
 * @example
 * const usage = await listUsage(db, { tenantId });
 */
export async function listUsage(tx: SqlExecutor, filter: { tenantId?: string; agreementId?: string; from?: number; to?: number }): Promise<BrokerUsage[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.tenantId) { where.push('tenant_id = ?'); params.push(filter.tenantId); }
  if (filter.agreementId) { where.push('agreement_id = ?'); params.push(filter.agreementId); }
  if (filter.from !== undefined) { where.push('start_at >= ?'); params.push(filter.from); }
  if (filter.to !== undefined) { where.push('start_at < ?'); params.push(filter.to); }
  const rows = await tx.query(`SELECT * FROM accords_broker_usage ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_at, id`, params);
  return rows.map((r) => ({
    id: String(r.id), tenantId: String(r.tenant_id), agreementId: String(r.agreement_id), contractId: String(r.agreement_id),
    resourceId: String(r.resource_id), node: String(r.node), offerId: String(r.offer_id), providerId: String(r.provider_id),
    regionId: String(r.region_id), start: new Date(num(r.start_at)).toISOString(), end: new Date(num(r.end_at)).toISOString(),
    seconds: num(r.seconds), pricePerHour: num(r.price_per_hour), currency: String(r.currency),
  }));
}
