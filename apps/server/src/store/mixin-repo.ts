import type { EntityManager } from 'typeorm';
import type { MixinData } from '@accords/occi';
import { MixinTable } from './schemas';

/**
 * Lists a tenant's user mixins, oldest first.
 * @param manager - the transaction
 * @param tenantId - the owner
 * @returns their definitions
 */
export async function listUserMixins(manager: EntityManager, tenantId: string): Promise<MixinData[]> {
  const rows = await manager.find(MixinTable, { where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((r) => JSON.parse(r.definition) as MixinData);
}

/**
 * Stores a user mixin.
 * @param manager - the transaction
 * @param mixin - owner, identifier and definition
 */
export async function insertUserMixin(manager: EntityManager, mixin: { tenantId: string; id: string; data: MixinData }): Promise<void> {
  await manager.insert(MixinTable, { tenantId: mixin.tenantId, id: mixin.id, location: mixin.data.location ?? '', definition: JSON.stringify(mixin.data), createdAt: new Date().toISOString() });
}

/**
 * Deletes a user mixin.
 * @param manager - the transaction
 * @param mixin - owner and identifier
 * @returns whether it existed
 */
export async function deleteUserMixin(manager: EntityManager, mixin: { tenantId: string; id: string }): Promise<boolean> {
  const result = await manager.delete(MixinTable, { tenantId: mixin.tenantId, id: mixin.id });
  return (result.affected ?? 0) > 0;
}

/**
 * Deletes every user mixin of a tenant.
 * @param manager - the transaction
 * @param tenantId - the owner
 */
export async function deleteTenantMixins(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.delete(MixinTable, { tenantId });
}
