import { unwrap } from '@accords/occi';
import type { AnyEntityData, Attributes, LinkData, ResourceData } from '@accords/occi';
import type { PluginContext } from '../../plugins/types';
import type { Projection, ResourceOwner } from '../workflow/projection';
import type { AgreementRecord, ResourceRecord } from '../types';
import { derivedId } from './derived-id';
import { KIND_IDS, MIXIN_IDS } from './ids';

/** Locations of the broker's entities for an agreement. */
export const locations = {
  agreement: (id: string) => `/agreement/${id}`,
  manifest: (id: string) => `/manifest/${id}`,
  service: (agreementId: string) => `/service/${derivedId(`service:${agreementId}`)}`,
  serviceId: (agreementId: string) => derivedId(`service:${agreementId}`),
  contract: (id: string) => `/contract/${id}`,
  resource: (r: Pick<ResourceRecord, 'kind' | 'id'>) => `/${r.kind}/${r.id}`,
  agreementLinkId: (resourceId: string) => derivedId(`agreement_link:${resourceId}`),
};

const OCCI_STATE: Record<ResourceRecord['kind'], (s: ResourceRecord['state']) => string> = {
  compute: (s) => (s === 'running' ? 'active' : s === 'suspended' ? 'suspended' : s === 'failed' ? 'error' : 'inactive'),
  storage: (s) => (s === 'running' ? 'online' : s === 'failed' ? 'error' : 'offline'),
  network: (s) => (s === 'running' ? 'active' : s === 'failed' ? 'error' : 'inactive'),
};

/**
 * Writes an entity as the provider (immutable attributes included), creating it when missing.
 * Creation goes through the store's checks first with the client-settable attributes only.
 *
 * @param ctx - the plugin context of the transaction
 * @param entity - the whole entity as it should be
 * @returns when stored
 * @example
 * await writeEntity(ctx, agreementEntity);
 */
export async function writeEntity(ctx: PluginContext, entity: AnyEntityData, options: { isNew?: boolean } = {}): Promise<void> {
  const location = entity.location!;
  let previous = options.isNew ? undefined : await ctx.store.find(location);
  if (!previous) {
    const defs = ctx.model.attributesOf({ kind: entity.kind, mixins: entity.mixins });
    const settable: Attributes = {};
    for (const [name, value] of Object.entries(entity.attributes)) if (defs.get(name)?.mutable) settable[name] = value;
    await ctx.store.create({ ...structuredClone(entity), attributes: settable } as AnyEntityData);
    previous = await ctx.store.get(location);
  }
  const next = unwrap(ctx.model.validateEntity(structuredClone(entity), { mode: 'replace', previous: previous.data, actor: 'provider' }));
  await ctx.store.store(previous, next);
}

function agreementEntity(a: AgreementRecord): ResourceData {
  const attributes: Attributes = {
    'occi.agreement.state': a.state,
    'accords.agreement.manifest': locations.manifest(a.manifestId),
    'accords.agreement.plan': JSON.parse(JSON.stringify(a.plan)) as Attributes,
    'accords.agreement.phase': a.phase,
    'accords.agreement.terms': JSON.parse(JSON.stringify(a.termStates)) as Attributes[],
    'accords.agreement.price': a.plan.pricePerHour,
    'accords.agreement.currency': a.plan.currency,
  };
  if (a.reason) attributes['accords.agreement.reason'] = a.reason;
  if (a.moves) attributes['accords.agreement.moves'] = a.moves.map((m) => ({ id: m.id, node: m.node, from: m.from, to: m.to, savingPerHour: m.savingPerHour, state: m.state, at: m.at }));
  if (a.contract) {
    attributes['occi.agreement.agreedAt'] = a.contract.acceptedAt;
    attributes['occi.agreement.effectiveFrom'] = a.contract.effectiveFrom;
    if (a.contract.effectiveUntil) attributes['occi.agreement.effectiveUntil'] = a.contract.effectiveUntil;
    attributes['accords.agreement.contract'] = locations.contract(a.contract.id);
    attributes['accords.agreement.service'] = locations.service(a.id);
  }
  return { id: a.id, kind: KIND_IDS.agreement, mixins: [MIXIN_IDS.brokered], title: a.name, attributes, location: locations.agreement(a.id), links: [] };
}

function resourceEntity(r: ResourceRecord, a: ResourceOwner): ResourceData {
  const attributes: Attributes = {
    [`occi.${r.kind}.state`]: OCCI_STATE[r.kind](r.state),
    'accords.resource.agreement': locations.agreement(a.id),
    'accords.resource.node': r.node,
    'accords.resource.replica': r.replica,
    'accords.resource.provider': r.providerId,
    'accords.resource.region': r.regionId,
    'accords.resource.addresses': [...r.addresses],
    'accords.resource.price': r.pricePerHour,
  };
  if (r.offerId) attributes['accords.resource.offer'] = r.offerId;
  if (r.providerResourceId) attributes['accords.resource.provider_id'] = r.providerResourceId;
  const node = a.manifest.nodes.find((n) => n.name === r.node);
  if (r.kind === 'compute' && node) {
    attributes['occi.compute.cores'] = Math.ceil(node.cores);
    attributes['occi.compute.memory'] = node.memoryGiB;
    attributes['occi.compute.hostname'] = r.spec.name;
  }
  if (r.spec.kind === 'storage') attributes['occi.storage.size'] = r.spec.sizeGiB;
  return { id: r.id, kind: KIND_IDS[r.kind], mixins: [MIXIN_IDS.provisioned], title: r.spec.name, attributes, location: locations.resource(r), links: [] };
}

/**
 * The OCCI projection of the broker, bound to one transaction's plugin context: agreements (SLA
 * kind with the broker's mixin), their contract and service, and the Infrastructure entities of
 * provisioned resources, each linked to its agreement with an `agreement_link`.
 *
 * @param ctx - the plugin context (store, model) of the transaction
 * @param options - `skip`: the location of an entity the server is about to store itself (the
 *   target of an action); its new version goes to `onSkip` instead of being written
 * @returns the projection
 * @example
 * const projection = occiProjection(ctx);
 * await projection.agreementChanged(record);
 */
export function occiProjection(ctx: PluginContext, options: { skip?: string; onSkip?: (entity: AnyEntityData) => void } = {}): Projection {
  const writeAsProvider = async (c: PluginContext, entity: AnyEntityData) => {
    if (options.skip && entity.location === options.skip) {
      options.onSkip?.(entity);
      return;
    }
    await writeEntity(c, entity);
  };
  return {
    agreementCreated: async (a) => writeAsProvider(ctx, agreementEntity(a)),
    async agreementChanged(a) {
      await writeAsProvider(ctx, agreementEntity(a));
      if (a.contract) {
        await writeAsProvider(ctx, {
          id: a.contract.id, kind: KIND_IDS.contract, mixins: [], title: `contract of ${a.name}`, location: locations.contract(a.contract.id), links: [],
          attributes: {
            'accords.contract.agreement': locations.agreement(a.id), 'accords.contract.price': a.contract.pricePerHour,
            'accords.contract.currency': a.contract.currency, 'accords.contract.document': JSON.parse(JSON.stringify(a.contract)) as Attributes,
          },
        } as ResourceData);
        await writeAsProvider(ctx, {
          id: locations.serviceId(a.id), kind: KIND_IDS.service, mixins: [], title: a.name, location: locations.service(a.id), links: [],
          attributes: { 'accords.service.agreement': locations.agreement(a.id), 'accords.service.state': a.phase },
        } as ResourceData);
      }
    },
    async resourceChanged(r, a) {
      const entity = resourceEntity(r, a);
      if (options.skip && entity.location === options.skip) {
        options.onSkip?.(entity);
        return;
      }
      const existed = (await ctx.store.find(entity.location!)) !== undefined;
      await writeEntity(ctx, entity, { isNew: !existed });
      const linkId = locations.agreementLinkId(r.id);
      if (!existed) {
        const link: LinkData = {
          id: linkId, kind: KIND_IDS.agreementLink, mixins: [], attributes: {}, location: `/agreement_link/${linkId}`,
          source: { location: locations.resource(r), kind: KIND_IDS[r.kind] }, target: { location: locations.agreement(a.id), kind: KIND_IDS.agreement },
        };
        await ctx.store.create(link);
      }
    },
    async resourceRemoved(r) {
      if (await ctx.store.find(locations.resource(r))) await ctx.store.remove(locations.resource(r));
    },
  };
}
