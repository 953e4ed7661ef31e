import { randomUUID } from 'node:crypto';
import type { AnyEntityData } from '@accords/occi';
import type { KindHooks, PluginContext } from '../plugins/types';
import { sqlExecutor } from '../jobs';
import { BrokerError } from './errors';
import { readManifest } from './manifest-input';
import { KIND_IDS, MIXIN_IDS } from './occi/ids';
import { locations, occiProjection } from './occi/occi-projection';
import type { Projection } from './workflow/projection';
import { actOnAgreement, createAgreement, fanOut } from './workflow/agreement-ops';
import type { AgreementAction } from './workflow/agreement-ops';
import { planManifest } from './workflow/schedule';
import { getAgreement, listResources, saveAgreement } from './store/records';
import { appendEvent } from './store/events';
import { resourceActionHook } from './resource-action';
import type { BrokerRuntime } from './runtime';

/** A projection that hands back, instead of writing, the entity the server is about to store itself. */
function inHand(ctx: PluginContext, location: string): { projection: Projection; taken: () => AnyEntityData | undefined } {
  let held: AnyEntityData | undefined;
  const base = occiProjection(ctx, { skip: location, onSkip: (e) => { held = e; } });
  return { projection: base, taken: () => held };
}

/**
 * The broker's kind hooks: a manifest created (in any OCCI rendering) is validated, planned and
 * gets its agreement; the SLA actions on a brokered agreement drive the workflow; the service
 * actions fan out; actions on provisioned Infrastructure entities reach their provider.
 *
 * @param runtime - the broker runtime
 * @returns hooks keyed by kind identifier
 * @example
 * const plugin = { name: 'broker', kinds: brokerHooks(runtime) };
 */
export function brokerHooks(runtime: BrokerRuntime): Record<string, KindHooks> {
  return {
    [KIND_IDS.manifest]: {
      async onCreate(ctx, entity) {
        if (entity.attributes['accords.manifest.agreement']) return;
        const document = entity.attributes['accords.manifest.document'];
        if (typeof document !== 'string' || document.trim() === '') {
          throw new BrokerError('invalid_manifest', 'accords.manifest.document must hold the manifest document (YAML or JSON)', { location: { attribute: 'accords.manifest.document' } });
        }
        const manifest = readManifest(document, { attribute: 'accords.manifest.document' });
        const deps = await runtime.deps();
        const plan = planManifest({ manifest, supply: await deps.supply(), now: deps.clock() });
        const agreementId = randomUUID();
        await createAgreement({
          deps, scope: { tx: sqlExecutor(ctx.manager), projection: occiProjection(ctx) }, tenantId: ctx.principal.tenantId,
          manifestId: entity.id, agreementId, manifest, plan,
        });
        ctx.afterCommit(() => runtime.runner?.wake());
        return {
          entity: {
            ...entity,
            title: entity.title ?? manifest.name,
            attributes: { ...entity.attributes, 'accords.manifest.name': manifest.name, 'accords.manifest.agreement': locations.agreement(agreementId) },
          },
        };
      },
    },
    [KIND_IDS.agreement]: {
      async onAction(ctx, entity, request) {
        if (!entity.data.mixins.includes(MIXIN_IDS.agreement)) return;
        const action = request.action.slice(request.action.lastIndexOf('#') + 1) as AgreementAction;
        const held = inHand(ctx, entity.data.location!);
        await actOnAgreement({ deps: await runtime.deps(), scope: { tx: sqlExecutor(ctx.manager), projection: held.projection }, agreementId: entity.data.id, action });
        ctx.afterCommit(() => runtime.runner?.wake());
        const next = held.taken();
        return next ? { entity: next } : undefined;
      },
    },
    [KIND_IDS.service]: {
      async onAction(ctx, entity, request) {
        const agreementLoc = entity.data.attributes['accords.service.agreement'];
        const agreementId = typeof agreementLoc === 'string' ? agreementLoc.slice(agreementLoc.lastIndexOf('/') + 1) : '';
        const tx = sqlExecutor(ctx.manager);
        const a = await getAgreement(tx, { id: agreementId, lock: true });
        if (!a) throw new BrokerError('not_found', `the service's agreement ${agreementId} is gone`, { status: 404 });
        const action = request.action.slice(request.action.lastIndexOf('#') + 1);
        const deps = await runtime.deps();
        const held = inHand(ctx, entity.data.location!);
        const now = deps.clock();
        if (action === 'terminate') {
          await actOnAgreement({ deps, scope: { tx, projection: held.projection }, agreementId, action: 'terminate' });
        } else {
          if (a.phase !== 'running' && a.phase !== 'stopped' && a.phase !== 'suspended') {
            throw new BrokerError('invalid_state', `cannot ${action} a service that is ${a.phase}`, { status: 409, location: { attribute: 'accords.service.state' } });
          }
          const count = await fanOut({ scope: { tx, projection: held.projection }, agreement: a, resources: await listResources(tx, a.id), action: action as 'start' | 'stop' | 'suspend', now });
          a.phase = action === 'start' ? 'running' : action === 'stop' ? 'stopped' : 'suspended';
          a.updatedAt = now;
          await saveAgreement(tx, a);
          await held.projection.agreementChanged(a);
          await appendEvent(tx, { agreementId: a.id, tenantId: a.tenantId, type: 'state', data: { agreement: a.id, phase: a.phase, action, resources: count }, at: now });
        }
        ctx.afterCommit(() => runtime.runner?.wake());
        const next = held.taken();
        return next ? { entity: next } : undefined;
      },
    },
    [KIND_IDS.compute]: resourceActionHook(runtime),
    [KIND_IDS.storage]: resourceActionHook(runtime),
    [KIND_IDS.network]: resourceActionHook(runtime),
  };
}
