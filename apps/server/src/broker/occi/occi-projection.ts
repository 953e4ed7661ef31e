import { unwrap } from '@accords/occi';
import type { AnyEntityData, LinkData } from '@accords/occi';
import type { PluginContext } from '../../plugins/types';
import type { Projection } from '../workflow/projection';
import { KIND_IDS } from './ids';
import { agreementEntity, contractEntity, locations, resourceEntity, serviceEntity, usageEntity } from './entities';

export { locations } from './entities';

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
  const previous = options.isNew ? undefined : await ctx.store.find(location);
  if (!previous) {
    // The broker is the provider: it may set what a client may not (state, prices), in one write.
    await ctx.store.create(structuredClone(entity), { actor: 'provider' });
    return;
  }
  const next = unwrap(ctx.model.validateEntity(structuredClone(entity), { mode: 'replace', previous: previous.data, actor: 'provider' }));
  await ctx.store.store(previous, next);
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
        await writeAsProvider(ctx, contractEntity(a, a.contract));
        await writeAsProvider(ctx, serviceEntity(a));
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
    async usageRecorded(record, agreementId) {
      await writeEntity(ctx, usageEntity(record, agreementId), { isNew: true });
    },
    async resourceRemoved(r) {
      if (await ctx.store.find(locations.resource(r))) await ctx.store.remove(locations.resource(r));
    },
  };
}
