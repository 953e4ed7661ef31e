import { OcciError } from '@accords/occi';
import type { Mixin } from '@accords/occi';
import type { PluginContext } from '../plugins/types';
import type { StoredEntity } from './tenant-store';

/**
 * Adds a mixin to entities (POST on a mixin collection).
 * @param ctx - the unit of work
 * @param mixin - the mixin
 * @param locations - entity paths (each must be the tenant's)
 * @throws OcciError `not_found` for a missing entity, validation failures (the mixin does not apply)
 */
export async function associate(ctx: PluginContext, mixin: Mixin, locations: readonly string[]): Promise<void> {
  for (const location of new Set(locations)) {
    const entity = await ctx.store.get(location);
    if (entity.data.mixins.includes(mixin.id)) continue;
    const next = structuredClone(entity.data);
    next.mixins.push(mixin.id);
    await ctx.store.write(entity, { entity: next, mode: 'update' });
  }
}

/**
 * Removes a mixin from entities; attributes only that mixin defined go with it.
 * @param ctx - the unit of work
 * @param mixin - the mixin
 * @param locations - entity paths, or undefined for every member
 * @throws OcciError `not_found` for a missing entity or one that is not a member
 */
export async function dissociate(ctx: PluginContext, mixin: Mixin, locations?: readonly string[]): Promise<void> {
  const members = locations === undefined ? await ctx.store.list({ mixin: mixin.id }) : await Promise.all([...new Set(locations)].map((l) => ctx.store.get(l)));
  for (const entity of members) {
    if (!entity.data.mixins.includes(mixin.id)) {
      throw new OcciError('not_found', `${entity.data.location} is not a member of ${mixin.id}`, { location: { attribute: 'location' } });
    }
    await removeMixin(ctx, { entity, mixinId: mixin.id });
  }
}

/**
 * Makes exactly `locations` the members of a mixin (PUT on a mixin collection).
 * @param ctx - the unit of work
 * @param mixin - the mixin
 * @param locations - the new members
 */
export async function replaceMembership(ctx: PluginContext, mixin: Mixin, locations: readonly string[]): Promise<void> {
  const wanted = new Set(locations);
  for (const entity of await ctx.store.list({ mixin: mixin.id })) {
    if (!wanted.has(entity.data.location!)) await removeMixin(ctx, { entity, mixinId: mixin.id });
  }
  await associate(ctx, mixin, [...wanted]);
}

/**
 * Removes one mixin from one entity and stores it.
 * @param ctx - the unit of work
 * @param change - the entity and the mixin
 */
export async function removeMixin(ctx: PluginContext, change: { entity: StoredEntity; mixinId: string }): Promise<void> {
  const { entity, mixinId } = change;
  const next = structuredClone(entity.data);
  next.mixins = next.mixins.filter((m) => m !== mixinId);
  const kept = ctx.model.attributesOf({ kind: next.kind, mixins: next.mixins });
  for (const name of Object.keys(next.attributes)) if (!kept.has(name)) delete next.attributes[name];
  const checked = ctx.model.validateEntity(next, { mode: 'replace', previous: entity.data, actor: 'provider' });
  if (!checked.ok) throw OcciError.fromIssues(checked.issues);
  await ctx.store.store(entity, checked.value);
}
