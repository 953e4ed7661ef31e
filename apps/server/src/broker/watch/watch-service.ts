import type { PluginApi } from '../../plugins/types';
import { listAgreementsIn } from '../store/records';
import type { BrokerRuntime } from '../runtime';
import { accountAgreement } from './account';
import { reconcile } from './reconcile';
import { replaceOnce } from '../workflow/replace';
import { sqlExecutor } from '../../jobs';
import { occiProjection } from '../occi/occi-projection';
import type { ReconcileReport } from './reconcile';

/**
 * One watch pass: reconciliation with every provider, then accounting (usage, guarantees,
 * invoices) of every agreement with a live service.
 *
 * @param input - broker runtime and plugin API
 * @returns the reconciliation report
 * @example
 * const report = await watchOnce({ runtime, api });
 */
export async function watchOnce(input: { runtime: BrokerRuntime; api: PluginApi }): Promise<ReconcileReport> {
  const now = input.runtime.clock();
  const report = await reconcile({ runtime: input.runtime, api: input.api, now });
  if (report.unknown.length > 0 || report.vanished.length > 0) {
    input.api.log.warn({ unknown: report.unknown.length, vanished: report.vanished.length, repaired: report.repaired.length }, 'broker reconciliation found differences');
  }
  const agreements = await listAgreementsIn(input.runtime.db!, ['provisioning', 'running', 'stopped', 'suspended', 'releasing', 'failed']);
  for (const a of agreements) {
    if (!a.contract) continue;
    await accountAgreement({ api: input.api, agreementId: a.id, tenantId: a.tenantId, now: input.runtime.clock(), periodSeconds: (input.runtime.options.watchMs ?? 30_000) / 1000 });
  }
  input.runtime.lastReconcile = report;
  if (input.runtime.options.replace !== false) {
    const deps = await input.runtime.deps();
    const running = await listAgreementsIn(input.runtime.db!, ['running']);
    if (running.length > 0) {
      await replaceOnce({
        deps, supply: await input.runtime.supply(), agreements: running, now: input.runtime.clock(),
        runForTenant: (tenantId, fn) => input.api.withTenant(tenantId, (ctx) => fn({ tx: sqlExecutor(ctx.manager), projection: occiProjection(ctx) })),
      });
    }
  }
  return report;
}

/**
 * Runs {@link watchOnce} every `periodMs` (never two at once in a process).
 *
 * @param input - runtime, API, period (0 disables)
 * @returns a function that stops the service and waits for a pass in progress
 * @example
 * const stop = startWatch({ runtime, api, periodMs: 30000 });
 */
export function startWatch(input: { runtime: BrokerRuntime; api: PluginApi; periodMs: number }): () => Promise<void> {
  if (input.periodMs <= 0) return async () => undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = watchOnce(input)
      .catch((error: unknown) => input.api.log.error({ err: error }, 'broker watch pass failed'))
      .finally(() => { running = undefined; });
  }, input.periodMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
