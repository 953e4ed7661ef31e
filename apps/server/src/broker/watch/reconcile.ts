import type { ProvisionedResource } from '@accords/connector-kit';
import { sqlExecutor } from '../../jobs';
import type { PluginApi } from '../../plugins/types';
import { occiProjection } from '../occi/occi-projection';
import { appendEvent } from '../store/events';
import { getAgreement, getResource, saveResource } from '../store/records';
import { enterPhase } from '../workflow/usage';
import { recordUnknown } from '../store/unknown';
import { num } from '../../jobs/sql';
import type { BrokerRuntime } from '../runtime';

/** What one reconciliation found. */
export interface ReconcileReport {
  at: string;
  /** Brokered resources the provider no longer has (marked lost, reported on their agreement). */
  vanished: string[];
  /** Brokered resources found dead (state error) and started again. */
  repaired: string[];
  /** Dead resources that could not be started again (marked failed). */
  dead: string[];
  /** Provider resources Accords does not know, or knows as released: reported, never deleted. */
  unknown: { providerId: string; id: string; name: string; idempotencyKey?: string; state: string }[];
  /** Providers whose listing failed. */
  errors: { providerId: string; message: string }[];
}

/**
 * Compares every provider's resources with what the broker believes: a brokered resource the
 * provider no longer has is marked lost and reported; one that died is started again (or
 * marked failed); a provider resource the broker does not know is reported and left alone.
 *
 * @param input - broker runtime, plugin API, time
 * @returns the report
 * @example
 * const report = await reconcile({ runtime, api, now: Date.now() });
 */
export async function reconcile(input: { runtime: BrokerRuntime; api: PluginApi; now: number }): Promise<ReconcileReport> {
  const { runtime, api, now } = input;
  const db = runtime.db!;
  const report: ReconcileReport = { at: new Date(now).toISOString(), vanished: [], repaired: [], dead: [], unknown: [], errors: [] };
  const connectors = await runtime.connectors();
  const rows = await db.query(`SELECT id, provider_id, provider_resource_id, idempotency_key, state, created_at FROM accords_broker_resource`);
  const byKey = new Map(rows.map((r) => [String(r.idempotency_key), r]));
  const byProviderId = new Map(rows.filter((r) => r.provider_resource_id).map((r) => [`${String(r.provider_id)}|${String(r.provider_resource_id)}`, r]));
  for (const [providerId, connector] of connectors) {
    let listed: ProvisionedResource[];
    try {
      listed = await connector.list();
    } catch (error) {
      report.errors.push({ providerId, message: (error as Error).message });
      continue;
    }
    const seen = new Set<string>();
    const unknownBefore = report.unknown.length;
    for (const p of listed) {
      const known = byProviderId.get(`${providerId}|${p.id}`) ?? (p.idempotencyKey ? byKey.get(p.idempotencyKey) : undefined);
      if (!known || String(known.state) === 'released') {
        report.unknown.push({ providerId, id: p.id, name: p.name, state: p.state, ...(p.idempotencyKey ? { idempotencyKey: p.idempotencyKey } : {}) });
        continue;
      }
      seen.add(String(known.id));
      if (p.state === 'error' && String(known.state) === 'running' && p.kind === 'compute') {
        try {
          await connector.act(p.id, 'start');
          report.repaired.push(String(known.id));
          await note({ api, resourceId: String(known.id), now, data: { repaired: true, providerState: 'error' } });
        } catch {
          report.dead.push(String(known.id));
          await mark({ api, resourceId: String(known.id), now, phase: 'failed', error: { code: 'died', message: `${providerId} reports ${p.id} in state error and it could not be started again` } });
        }
      }
    }
    const unknown = report.unknown.slice(unknownBefore);
    await api.transaction(async (m) => recordUnknown(sqlExecutor(m), { providerId, resources: unknown, now }));
    for (const r of rows) {
      const live = ['running', 'stopped', 'suspended'].includes(String(r.state));
      if (String(r.provider_id) !== providerId || !live || !r.provider_resource_id || seen.has(String(r.id))) continue;
      if (num(r.created_at) > now) continue;
      report.vanished.push(String(r.id));
      await mark({ api, resourceId: String(r.id), now, phase: 'lost', error: { code: 'vanished', message: `${providerId} no longer has ${String(r.provider_resource_id)}` } });
    }
  }
  return report;
}

async function mark(input: { api: PluginApi; resourceId: string; now: number; phase: 'lost' | 'failed'; error: { code: string; message: string } }): Promise<void> {
  const tenant = await input.api.transaction(async (m) => (await getResource(sqlExecutor(m), input.resourceId))?.tenantId);
  if (!tenant) return;
  await input.api.withTenant(tenant, async (ctx) => {
    const tx = sqlExecutor(ctx.manager);
    const r = await getResource(tx, input.resourceId);
    if (!r) return;
    const a = await getAgreement(tx, { id: r.agreementId, lock: true });
    await enterPhase({ tx, projection: occiProjection(ctx), resource: r, phase: input.phase, now: input.now });
    r.error = input.error;
    await saveResource(tx, r);
    if (a) await occiProjection(ctx).resourceChanged(r, a);
    await appendEvent(tx, { agreementId: r.agreementId, tenantId: r.tenantId, type: 'state', data: { resource: r.id, node: r.node, kind: r.kind, state: r.state, error: r.error }, at: input.now });
  });
}

async function note(input: { api: PluginApi; resourceId: string; now: number; data: Record<string, unknown> }): Promise<void> {
  await input.api.transaction(async (m) => {
    const tx = sqlExecutor(m);
    const r = await getResource(tx, input.resourceId);
    if (r) await appendEvent(tx, { agreementId: r.agreementId, tenantId: r.tenantId, type: 'state', data: { resource: r.id, node: r.node, ...input.data }, at: input.now });
  });
}
