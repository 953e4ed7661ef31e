import { ConnectorError } from '@accords/connector-kit';
import { cancelGroup, enqueueJobs } from '../../jobs';
import type { JobHandler, SqlExecutor } from '../../jobs';
import { appendEvent } from '../store/events';
import { countNotRunning, getAgreement, getAgreementHead, getResource, listResources, manifestOf, saveAgreement, saveResource } from '../store/records';
import type { BrokerDeps } from './context';
import { releaseAll, releaseJob } from './agreement-ops';
import { failMove } from './replace';
import type { Projection } from './projection';
import { connectorFor, isReady, resolveImage, settle } from './provider-calls';
import { fillOutputs } from './resources';
import { enterPhase, isWindingDown } from './usage';

/** Payload of a provisioning job. */
export interface ProvisionPayload {
  resourceId: string;
}

/** What a provisioning job stores as its result. */
export interface ProvisionResult {
  providerResourceId: string | null;
  addresses: string[];
  skipped?: string;
}

/**
 * The provisioning job: creates one resource at its provider with the resource's idempotency
 * key (so a retry or a re-run after a crash never creates twice), fills the outputs of the nodes
 * it depends on into its user data, waits until it is ready, then — in the transaction that
 * completes the job — marks it running, shows it as an OCCI entity linked to its agreement, and
 * moves the agreement to `running` when it was the last one. When the job fails for good the
 * agreement fails with the cause and everything already made is released (compensation).
 *
 * @param input - the broker's dependencies and how to bind a projection to a job's transaction
 * @returns the handler
 * @example
 * const handler = provisionHandler({ deps, projectionOf: (tx, scope) => NO_PROJECTION });
 */
export function provisionHandler(input: {
  deps: BrokerDeps;
  projectionOf: (tx: SqlExecutor, scope: unknown) => Projection;
}): JobHandler<ProvisionPayload, ProvisionResult> {
  const { deps } = input;
  return {
    async run({ job, signal, db }) {
      const r = await getResource(db, job.payload.resourceId);
      const a = r ? await getAgreementHead(db, { id: r.agreementId }) : undefined;
      if (!r || !a) return { result: { providerResourceId: null, addresses: [], skipped: 'resource or agreement gone' } };
      if (r.state === 'released' || (isWindingDown(a) && r.providerResourceId === null && job.attempts === 1)) {
        return { result: { providerResourceId: null, addresses: [], skipped: `agreement is ${a.phase}` } };
      }
      const connector = connectorFor(deps, r.providerId);
      const spec = { ...r.spec };
      if (spec.kind === 'compute' && spec.userData) {
        const outputs = new Map<string, string[]>();
        for (const depId of r.dependsOn) {
          const dep = await getResource(db, depId);
          if (dep?.kind === 'compute') outputs.set(dep.node, [...(outputs.get(dep.node) ?? []), ...dep.addresses]);
        }
        spec.userData = fillOutputs(spec.userData, outputs);
      }
      if (spec.kind === 'compute' && spec.image) {
        const offer = (await deps.supply()).offers.find((o) => o.id === r.offerId);
        spec.image = await resolveImage({ connector, image: spec.image, signal, ...(offer ? { architecture: offer.architecture } : {}) });
      }
      const created = await connector.create(spec, { signal });
      const ready = await settle({ connector, resource: created, pollMs: deps.pollMs, signal });
      if (!isReady(r.kind, ready.state)) {
        throw new ConnectorError('unknown', `${r.kind} ${ready.id} at ${r.providerId} ended in state ${ready.state} instead of running`, {
          providerId: r.providerId, operation: 'create',
        });
      }
      const result: ProvisionResult = { providerResourceId: ready.id, addresses: ready.addresses ?? [] };
      return {
        result,
        commit: async (tx, scope) => {
          const now = deps.clock();
          // Lock order everywhere: the agreement first, then its resources.
          const head = await getAgreementHead(tx, { id: r.agreementId, lock: true });
          const cur = await getResource(tx, r.id);
          const manifest = await manifestOf(tx, r.agreementId);
          if (!head || !cur || !manifest) return;
          cur.providerResourceId = ready.id;
          cur.addresses = result.addresses;
          cur.error = null;
          await enterPhase({ tx, resource: cur, phase: 'running', now });
          await saveResource(tx, cur);
          const projection = input.projectionOf(tx, scope);
          await appendEvent(tx, { agreementId: cur.agreementId, tenantId: cur.tenantId, type: 'state', data: { resource: cur.id, node: cur.node, kind: cur.kind, state: cur.state }, at: now });
          if (isWindingDown(head)) {
            // The agreement failed or ended while this was being made: release it too.
            await enqueueJobs({ tx, now, jobs: [releaseJob(cur, ':after-provision')] });
            deps.wake();
            return;
          }
          await projection.resourceChanged(cur, { id: cur.agreementId, manifest });
          if (head.phase === 'provisioning' && (await countNotRunning(tx, head.id)) === 0) {
            const agreement = (await getAgreement(tx, { id: head.id }))!;
            agreement.phase = 'running';
            agreement.updatedAt = now;
            await saveAgreement(tx, agreement);
            await projection.agreementChanged(agreement);
            await appendEvent(tx, { agreementId: agreement.id, tenantId: agreement.tenantId, type: 'state', data: { agreement: agreement.id, state: agreement.state, phase: agreement.phase }, at: now });
          }
        },
      };
    },
    async onFailed({ tx, scope, job, error, cancelled }) {
      const now = deps.clock();
      const r = await getResource(tx, job.payload.resourceId);
      const agreement = r ? await getAgreement(tx, { id: r.agreementId, lock: true }) : undefined;
      if (!r || !agreement) return;
      const projection = input.projectionOf(tx, scope);
      r.state = 'failed';
      r.error = { code: error.code, message: error.message };
      r.updatedAt = now;
      await saveResource(tx, r);
      if (r.role === 'replacement') {
        // A move that could not be made: the service stays where it runs.
        await failMove({ tx, replacement: r, message: `${error.message} [${error.code}]`, now });
        return;
      }
      await appendEvent(tx, { agreementId: r.agreementId, tenantId: r.tenantId, type: 'state', data: { resource: r.id, node: r.node, kind: r.kind, state: 'failed', error: r.error }, at: now });
      if (isWindingDown(agreement)) return;
      agreement.phase = 'failed';
      agreement.reason = `provisioning ${r.kind} of node ${r.node} (replica ${r.replica}) at ${r.providerId}/${r.regionId} failed after ${job.attempts} attempt(s): ${error.message} [${error.code}]`;
      if (cancelled.length > 0) agreement.reason += `; ${cancelled.length} dependent job(s) cancelled`;
      agreement.updatedAt = now;
      await saveAgreement(tx, agreement);
      await projection.agreementChanged(agreement);
      await appendEvent(tx, { agreementId: agreement.id, tenantId: agreement.tenantId, type: 'state', data: { agreement: agreement.id, state: agreement.state, phase: 'failed', reason: agreement.reason }, at: now });
      await cancelGroup({ tx, group: agreement.id, now });
      const others = (await listResources(tx, agreement.id)).filter((x) => x.id !== r.id);
      await releaseAll({ deps, scope: { tx, projection }, agreement, resources: others, now });
      // The failed resource itself may exist at the provider in an error state: release it too.
      await enqueueJobs({ tx, now, jobs: [releaseJob(r)] });
    },
  };
}
