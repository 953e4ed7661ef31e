import { isConnectorError } from '@accords/connector-kit';
import type { JobHandler, SqlExecutor } from '../../jobs';
import { appendEvent } from '../store/events';
import { getAgreement, getResource, listResources, saveAgreement, saveResource } from '../store/records';
import type { BrokerDeps } from './context';
import type { Projection } from './projection';
import { connectorFor, findByIdempotencyKey } from './provider-calls';
import { enterPhase } from './usage';

/**
 * The release job: deletes one resource at its provider (found by its provider id, or by its
 * idempotency key when the broker never learnt the id), closes its usage, removes its OCCI
 * entity, and moves the agreement to `released` once nothing is left. A resource the provider
 * no longer has counts as released.
 *
 * @param input - the broker's dependencies and how to bind a projection to a job's transaction
 * @returns the handler
 * @example
 * const handler = releaseHandler({ deps, projectionOf: () => NO_PROJECTION });
 */
export function releaseHandler(input: {
  deps: BrokerDeps;
  projectionOf: (tx: SqlExecutor, scope: unknown) => Projection;
}): JobHandler<{ resourceId: string }, { deleted: string | null }> {
  const { deps } = input;
  return {
    async run({ job, signal, db }) {
      const r = await getResource(db, job.payload.resourceId);
      if (!r) return { result: { deleted: null } };
      const connector = connectorFor(deps, r.providerId);
      const providerId = r.providerResourceId ?? (await findByIdempotencyKey({ connector, key: r.idempotencyKey, signal }))?.id ?? null;
      if (providerId) {
        try {
          await connector.delete(providerId, { signal });
        } catch (err) {
          if (!(isConnectorError(err) && err.kind === 'not_found')) throw err;
        }
      }
      return {
        result: { deleted: providerId },
        commit: async (tx, scope) => {
          const now = deps.clock();
          const cur = await getResource(tx, r.id);
          if (!cur) return;
          const agreement = await getAgreement(tx, { id: cur.agreementId, lock: true });
          const projection = input.projectionOf(tx, scope);
          await enterPhase({ tx, projection, resource: cur, phase: 'released', now });
          await saveResource(tx, cur);
          await projection.resourceRemoved(cur);
          await appendEvent(tx, { agreementId: cur.agreementId, tenantId: cur.tenantId, type: 'state', data: { resource: cur.id, node: cur.node, kind: cur.kind, state: 'released' }, at: now });
          if (agreement && agreement.phase === 'releasing') {
            const rest = await listResources(tx, agreement.id);
            if (rest.every((x) => x.state === 'released' || x.state === 'failed')) {
              agreement.phase = 'released';
              agreement.updatedAt = now;
              await saveAgreement(tx, agreement);
              await projection.agreementChanged(agreement);
              await appendEvent(tx, { agreementId: agreement.id, tenantId: agreement.tenantId, type: 'state', data: { agreement: agreement.id, state: agreement.state, phase: 'released' }, at: now });
            }
          }
        },
      };
    },
  };
}
