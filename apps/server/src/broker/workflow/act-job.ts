import type { JobHandler, SqlExecutor } from '../../jobs';
import { appendEvent } from '../store/events';
import { getAgreement, getResource, saveResource } from '../store/records';
import type { BrokerDeps } from './context';
import type { Projection } from './projection';
import { connectorFor, settle } from './provider-calls';
import { enterPhase, phaseOfProviderState } from './usage';

/**
 * The action job of a service-wide action: runs one action on one resource at its provider and
 * records the resulting state (closing or opening its usage).
 *
 * @param input - the broker's dependencies and how to bind a projection to a job's transaction
 * @returns the handler
 * @example
 * const handler = actHandler({ deps, projectionOf: () => NO_PROJECTION });
 */
export function actHandler(input: {
  deps: BrokerDeps;
  projectionOf: (tx: SqlExecutor, scope: unknown) => Projection;
}): JobHandler<{ resourceId: string; action: 'start' | 'stop' | 'suspend' }, { state: string }> {
  const { deps } = input;
  return {
    async run({ job, signal, db }) {
      const r = await getResource(db, job.payload.resourceId);
      if (!r || !r.providerResourceId || r.state === 'released' || r.state === 'releasing') return { result: { state: 'skipped' } };
      const connector = connectorFor(deps, r.providerId);
      const acted = await connector.act(r.providerResourceId, job.payload.action, { signal });
      const stable = await settle({ connector, resource: acted, pollMs: deps.pollMs, signal });
      return {
        result: { state: stable.state },
        commit: async (tx, scope) => {
          const now = deps.clock();
          const cur = await getResource(tx, r.id);
          const phase = phaseOfProviderState(stable.state);
          if (!cur || !phase || cur.state === 'released' || cur.state === 'releasing') return;
          await enterPhase({ tx, projection: input.projectionOf(tx, scope), resource: cur, phase, now });
          await saveResource(tx, cur);
          const agreement = await getAgreement(tx, { id: cur.agreementId });
          if (agreement) await input.projectionOf(tx, scope).resourceChanged(cur, agreement);
          await appendEvent(tx, { agreementId: cur.agreementId, tenantId: cur.tenantId, type: 'state', data: { resource: cur.id, node: cur.node, kind: cur.kind, state: cur.state, action: job.payload.action }, at: now });
        },
      };
    },
  };
}
