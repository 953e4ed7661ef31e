import { isConnectorError } from '@accords/connector-kit';
import type { ResourceActionName } from '@accords/connector-kit';
import type { KindHooks } from '../plugins/types';
import { sqlExecutor } from '../jobs';
import { BrokerError } from './errors';
import { MIXIN_IDS } from './occi/ids';
import { occiProjection } from './occi/occi-projection';
import { appendEvent } from './store/events';
import { getAgreement, getResource, saveResource } from './store/records';
import { connectorFor, settle } from './workflow/provider-calls';
import { enterPhase, phaseOfProviderState } from './workflow/usage';
import type { BrokerRuntime } from './runtime';

const CONNECTOR_ACTIONS = new Set<ResourceActionName>(['start', 'stop', 'restart', 'suspend', 'resume', 'save', 'up', 'down', 'online', 'offline']);

/**
 * The hook for actions on Infrastructure entities the broker provisioned: the action (already
 * checked against the kind's state machine by the server) is performed at the provider within
 * the request, and the entity answers with the state the provider reports.
 *
 * @param runtime - the broker runtime
 * @returns the kind hooks (entities without the `provisioned` mixin are left to the server)
 * @example
 * const hooks = { [KIND_IDS.compute]: resourceActionHook(runtime) };
 */
export function resourceActionHook(runtime: BrokerRuntime): KindHooks {
  return {
    async onAction(ctx, entity, request) {
      if (!entity.data.mixins.includes(MIXIN_IDS.provisioned)) return;
      const tx = sqlExecutor(ctx.manager);
      const r = await getResource(tx, entity.data.id);
      if (!r || !r.providerResourceId) throw new BrokerError('invalid_state', `${entity.data.location} is not provisioned yet`, { status: 409 });
      const term = request.action.slice(request.action.lastIndexOf('#') + 1) as ResourceActionName;
      if (!CONNECTOR_ACTIONS.has(term)) throw new BrokerError('invalid_state', `action ${term} is not supported on brokered resources`, { status: 400, location: { attribute: 'action' } });
      const deps = await runtime.deps();
      const connector = connectorFor(deps, r.providerId);
      const method = request.attributes.method;
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), 20_000);
      let stable;
      try {
        const acted = await connector.act(r.providerResourceId, method === 'poweroff' ? { name: term, mode: 'force' } : term, { signal: ac.signal });
        stable = await settle({ connector, resource: acted, pollMs: deps.pollMs, signal: ac.signal });
      } catch (error) {
        if (isConnectorError(error)) throw error;
        throw new BrokerError('provider_failed', `${r.providerId} could not ${term} ${entity.data.location}: ${(error as Error).message}`, { status: 502, cause: error });
      } finally {
        clearTimeout(timer);
      }
      const now = deps.clock();
      const phase = phaseOfProviderState(stable.state);
      if (phase) await enterPhase({ tx, projection: occiProjection(ctx), resource: r, phase, now });
      await saveResource(tx, r);
      await appendEvent(tx, { agreementId: r.agreementId, tenantId: r.tenantId, type: 'state', data: { resource: r.id, node: r.node, kind: r.kind, state: r.state, action: term }, at: now });
      const agreement = await getAgreement(tx, { id: r.agreementId });
      let next;
      if (agreement) {
        await occiProjection(ctx, { skip: entity.data.location!, onSkip: (e) => { next = e; } }).resourceChanged(r, agreement);
      }
      return next ? { entity: next } : undefined;
    },
  };
}
