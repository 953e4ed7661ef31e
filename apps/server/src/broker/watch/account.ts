import { sqlExecutor } from '../../jobs';
import type { PluginApi } from '../../plugins/types';
import { monthOf, rateInvoice } from '../billing/invoice';
import { invoiceEntity } from '../occi/entities';
import { occiProjection, writeEntity } from '../occi/occi-projection';
import { getAgreement, listResources, saveAgreement, saveResource } from '../store/records';
import { appendEvent } from '../store/events';
import { closeUsage } from '../workflow/usage';
import { evaluateGuarantees } from './guarantees';
import { monitorService } from './monitor';

/**
 * One accounting pass over one agreement, in one transaction of its tenant: records the usage
 * of running resources up to now, measures the service on its OCCI Monitoring sensor, evaluates
 * the guarantees from those measurements (term states, penalties), and
 * writes this month's invoice as an OCCI `invoice` resource.
 *
 * @param input - plugin API, agreement id, tenant, time, sensor period in seconds (default 30)
 * @returns when done
 * @example
 * await accountAgreement({ api, agreementId, now: Date.now() });
 */
export async function accountAgreement(input: { api: PluginApi; agreementId: string; tenantId: string; now: number; periodSeconds?: number }): Promise<void> {
  await input.api.withTenant(input.tenantId, async (ctx) => {
    const tx = sqlExecutor(ctx.manager);
    const a = await getAgreement(tx, { id: input.agreementId, lock: true });
    if (!a || !a.contract) return;
    const resources = await listResources(tx, a.id);
    const projection = occiProjection(ctx);
    const scope = { tx, projection, contractId: a.contract.id };
    for (const r of resources) {
      if (r.state === 'running' && r.runningSince !== null && (await closeUsage({ ...scope, resource: r, now: input.now, stopping: false })) > 0) await saveResource(tx, r);
    }
    const measurements = await monitorService({ ctx, tx, agreement: a, resources, now: input.now, periodSeconds: input.periodSeconds ?? 30 });
    const changed = await evaluateGuarantees({ tx, agreement: a, resources, now: input.now, measurements });
    await saveAgreement(tx, a);
    if (changed) {
      // Only a change of a term's state rewrites the entity (and its ETag), not every measure.
      a.updatedAt = input.now;
      await appendEvent(tx, { agreementId: a.id, tenantId: a.tenantId, type: 'state', data: { agreement: a.id, terms: a.termStates }, at: input.now });
      await projection.agreementChanged(a);
    }
    const invoice = await rateInvoice({ tx, agreement: a, period: monthOf(input.now), now: input.now });
    if (!invoice) return;
    invoice.tenant = a.tenantId;
    await writeEntity(ctx, invoiceEntity(a, invoice));
  });
}
