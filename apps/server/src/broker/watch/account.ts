import type { Attributes, ResourceData } from '@accords/occi';
import { sqlExecutor } from '../../jobs';
import type { PluginApi } from '../../plugins/types';
import { monthOf, rateInvoice } from '../billing/invoice';
import { KIND_IDS } from '../occi/ids';
import { occiProjection, writeEntity } from '../occi/occi-projection';
import { getAgreement, listResources, saveAgreement, saveResource } from '../store/records';
import { appendEvent } from '../store/events';
import { closeUsage } from '../workflow/usage';
import { evaluateGuarantees } from './guarantees';

/**
 * One accounting pass over one agreement, in one transaction of its tenant: records the usage
 * of running resources up to now, evaluates the guarantees (term states, penalties), and
 * writes this month's invoice as an OCCI `invoice` resource.
 *
 * @param input - plugin API, agreement id, time
 * @returns when done
 * @example
 * await accountAgreement({ api, agreementId, now: Date.now() });
 */
export async function accountAgreement(input: { api: PluginApi; agreementId: string; tenantId: string; now: number }): Promise<void> {
  await input.api.withTenant(input.tenantId, async (ctx) => {
    const tx = sqlExecutor(ctx.manager);
    const a = await getAgreement(tx, { id: input.agreementId, lock: true });
    if (!a || !a.contract) return;
    const resources = await listResources(tx, a.id);
    for (const r of resources) {
      if (r.state === 'running' && r.runningSince !== null && (await closeUsage({ tx, resource: r, now: input.now, stopping: false })) > 0) await saveResource(tx, r);
    }
    const projection = occiProjection(ctx);
    const changed = await evaluateGuarantees({ tx, agreement: a, resources, now: input.now });
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
    const document = JSON.parse(JSON.stringify(invoice)) as Attributes;
    const entity: ResourceData = {
      id: invoice.id, kind: KIND_IDS.invoice, mixins: [], title: `${a.name} ${invoice.periodStart.slice(0, 7)}`, location: `/invoice/${invoice.id}`, links: [],
      attributes: {
        'accords.invoice.period_start': invoice.periodStart, 'accords.invoice.period_end': invoice.periodEnd,
        'accords.invoice.currency': invoice.currency, 'accords.invoice.total': invoice.total, 'accords.invoice.status': invoice.status,
        'accords.invoice.lines': JSON.parse(JSON.stringify(invoice.lines)) as Attributes[], 'accords.invoice.document': document,
      },
    };
    await writeEntity(ctx, entity);
  });
}
