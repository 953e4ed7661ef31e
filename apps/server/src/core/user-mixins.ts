import { OcciError } from '@accords/occi';
import type { MixinData } from '@accords/occi';
import type { PluginContext } from '../plugins/types';
import { deleteUserMixin, insertUserMixin } from '../store/mixin-repo';
import { dissociate } from './mixin-membership';

/**
 * Defines a user mixin (a tag or a template) owned by the caller's tenant (POST on the query
 * interface).
 * @param ctx - the unit of work
 * @param data - the mixin; its location defaults to `/<term>/`
 * @returns the mixin as stored
 * @throws OcciError `conflict` when the identifier or location is taken, validation failures
 */
export async function defineMixin(ctx: PluginContext, data: MixinData): Promise<MixinData> {
  ctx.afterCommit(() => ctx.store.deps.onMixinsChanged?.(ctx.principal.tenantId));
  const definition: MixinData = { ...data, location: data.location ?? `/${data.term}/` };
  const id = `${data.scheme}${data.term}`;
  if (ctx.model.get(id)) throw new OcciError('conflict', `category ${id} already exists`, { location: { attribute: 'category' } });
  const trial = ctx.model.clone();
  const mixin = trial.addUserMixin(definition);
  await insertUserMixin(ctx.manager, { tenantId: ctx.principal.tenantId, id: mixin.id, data: mixin.toData() });
  return mixin.toData();
}

/**
 * Deletes a user mixin; its associations go with it (DELETE on the query interface).
 * @param ctx - the unit of work
 * @param id - the mixin identifier
 * @throws OcciError `not_found`, `forbidden` for a provider mixin
 */
export async function removeMixinDefinition(ctx: PluginContext, id: string): Promise<void> {
  const mixin = ctx.model.getMixin(id);
  if (!mixin) throw new OcciError('not_found', `no mixin ${id}`, { location: { attribute: 'category' } });
  if (!ctx.model.isUserDefined(id)) throw new OcciError('forbidden', `mixin ${id} is defined by the provider and cannot be deleted`, { location: { attribute: 'category' } });
  ctx.afterCommit(() => ctx.store.deps.onMixinsChanged?.(ctx.principal.tenantId));
  await dissociate(ctx, mixin);
  await deleteUserMixin(ctx.manager, { tenantId: ctx.principal.tenantId, id });
}
