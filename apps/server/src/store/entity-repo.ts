import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { EntityTable } from './schemas';
import type { EntityRow } from './rows';

/** Rows of one tenant, or every tenant's when `tenantId` is undefined (system work). */
export interface Scope {
  tenantId: string | undefined;
}

/**
 * Frames mixin ids for the `mixins` column.
 * @param mixins - mixin identifiers
 * @returns `|a|b|`, or `|` for none
 */
export function frameMixins(mixins: readonly string[]): string {
  return `|${mixins.map((m) => `${m}|`).join('')}`;
}

/**
 * Reads the `mixins` column.
 * @param framed - `|a|b|`
 * @returns the mixin ids
 */
export function unframeMixins(framed: string): string[] {
  return framed.split('|').filter((m) => m !== '');
}

const scoped = <T extends object>(scope: Scope, where: T) => (scope.tenantId === undefined ? where : { ...where, tenantId: scope.tenantId });

/**
 * Finds an entity row by id within a scope.
 * @param manager - the transaction
 * @param query - scope and id
 * @returns the row or undefined
 */
export async function findEntity(manager: EntityManager, query: Scope & { id: string }): Promise<EntityRow | undefined> {
  return (await manager.findOne(EntityTable, { where: scoped(query, { id: query.id }) })) ?? undefined;
}

/**
 * Lists the rows of some kinds within a scope, oldest first.
 * @param manager - the transaction
 * @param query - scope, kind ids (every kind when absent) and a mixin the rows must carry
 * @returns the rows
 */
export async function listEntities(manager: EntityManager, query: Scope & { kinds?: string[]; mixin?: string }): Promise<EntityRow[]> {
  const qb = manager.createQueryBuilder(EntityTable, 'e');
  if (query.tenantId !== undefined) qb.andWhere('e.tenant_id = :tenant', { tenant: query.tenantId });
  if (query.kinds) qb.andWhere('e.kind IN (:...kinds)', { kinds: query.kinds });
  // `_` matches any one character: mixin ids may hold `%` or `_`, and the exact check follows.
  if (query.mixin !== undefined) qb.andWhere('e.mixins LIKE :mixin', { mixin: `%|${query.mixin.replace(/[%_]/g, '_')}|%` });
  const rows = await qb.orderBy('e.created_at', 'ASC').addOrderBy('e.id', 'ASC').getMany();
  return query.mixin === undefined ? rows : rows.filter((r) => r.mixins.includes(`|${query.mixin}|`));
}

/**
 * Lists the links whose source is one of `locations`.
 * @param manager - the transaction
 * @param query - scope and resource locations
 * @returns the link rows
 */
export async function listLinksFrom(manager: EntityManager, query: Scope & { locations: string[] }): Promise<EntityRow[]> {
  const rows: EntityRow[] = [];
  for (let i = 0; i < query.locations.length; i += 500) {
    const where = scoped(query, { source: In(query.locations.slice(i, i + 500)) });
    rows.push(...(await manager.find(EntityTable, { where, order: { createdAt: 'ASC', id: 'ASC' } })));
  }
  return rows;
}

/**
 * Lists a tenant's links whose source or target is `location`.
 * @param manager - the transaction
 * @param query - owner and resource location
 * @returns the link rows
 */
export async function listLinksTouching(manager: EntityManager, query: { tenantId: string; location: string }): Promise<EntityRow[]> {
  return manager.find(EntityTable, { where: [{ tenantId: query.tenantId, source: query.location }, { tenantId: query.tenantId, target: query.location }] });
}

/**
 * Inserts a row.
 * @param manager - the transaction
 * @param row - the row
 */
export async function insertEntity(manager: EntityManager, row: EntityRow): Promise<void> {
  await manager.insert(EntityTable, row);
}

/**
 * Writes a row if nobody changed it since `expectedVersion` (compare and set).
 * @param manager - the transaction
 * @param change - the new row (its `version` is the new version) and the version read
 * @returns whether the row was written
 */
export async function updateEntityIfVersion(manager: EntityManager, change: { row: EntityRow; expectedVersion: number }): Promise<boolean> {
  const { id, tenantId, createdAt: _c, ...fields } = change.row;
  const result = await manager.update(EntityTable, { tenantId, id, version: change.expectedVersion }, fields);
  return (result.affected ?? 0) === 1;
}

/**
 * Deletes a row, only at the version read when given.
 * @param manager - the transaction
 * @param target - owner, id and optionally the version read
 * @returns whether a row was deleted
 */
export async function deleteEntity(manager: EntityManager, target: { tenantId: string; id: string; expectedVersion?: number }): Promise<boolean> {
  const where = target.expectedVersion === undefined ? { tenantId: target.tenantId, id: target.id } : { tenantId: target.tenantId, id: target.id, version: target.expectedVersion };
  const result = await manager.delete(EntityTable, where);
  return (result.affected ?? 0) === 1;
}

/**
 * Deletes every row of a tenant.
 * @param manager - the transaction
 * @param tenantId - the tenant
 */
export async function deleteTenantEntities(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.delete(EntityTable, { tenantId });
}
