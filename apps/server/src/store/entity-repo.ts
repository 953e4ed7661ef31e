import type { EntityManager } from 'typeorm';
import { EntityTable } from './schemas';
import type { EntityRow } from './rows';
import { placeholders, toEntityRow } from './raw-rows';
import { forgetReads, readCacheFor } from './read-cache';

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

/**
 * Runs a read of entity rows, through the read cache when the manager has one.
 * @param manager - the manager
 * @param query - the tenant the rows belong to (undefined: any), the SQL and its parameters
 * @returns the rows
 */
async function readRows(manager: EntityManager, query: { tenantId: string | undefined; sql: string; params: unknown[] }): Promise<EntityRow[]> {
  const read = async () => ((await manager.query(query.sql, query.params)) as Record<string, unknown>[]).map(toEntityRow);
  const cache = readCacheFor(manager);
  if (!cache) return read();
  return cache.rows({ tenantId: query.tenantId, key: `${query.sql}\u0000${query.params.join('\u0000')}`, read });
}

/**
 * Finds an entity row by id within a scope.
 * @param manager - the transaction
 * @param query - scope and id
 * @returns the row or undefined
 */
export async function findEntity(manager: EntityManager, query: Scope & { id: string }): Promise<EntityRow | undefined> {
  const p = placeholders(manager);
  const sql =
    query.tenantId === undefined
      ? `SELECT * FROM accords_entities WHERE id = ${p(1)} ORDER BY created_at LIMIT 1`
      : `SELECT * FROM accords_entities WHERE tenant_id = ${p(1)} AND id = ${p(2)}`;
  const params = query.tenantId === undefined ? [query.id] : [query.tenantId, query.id];
  const rows = await readRows(manager, { tenantId: query.tenantId, sql, params });
  return rows[0];
}

/** What a link-end check needs of an entity: its indexed columns, not its JSON. */
export interface EntityHead {
  kind: string;
  collection: string;
  isLink: boolean;
}

/**
 * Reads the kind, collection and link flag of an entity by id within a scope, without its data
 * column (no JSON to read or parse: the check of a link's ends costs one indexed lookup).
 * @param manager - the transaction
 * @param query - scope and id
 * @returns the head, or undefined when missing or out of scope
 */
export async function findEntityHead(manager: EntityManager, query: Scope & { id: string }): Promise<EntityHead | undefined> {
  const p = placeholders(manager);
  const sql =
    query.tenantId === undefined
      ? `SELECT kind, collection, is_link FROM accords_entities WHERE id = ${p(1)} ORDER BY created_at LIMIT 1`
      : `SELECT kind, collection, is_link FROM accords_entities WHERE tenant_id = ${p(1)} AND id = ${p(2)}`;
  const params = query.tenantId === undefined ? [query.id] : [query.tenantId, query.id];
  const raw = ((await manager.query(sql, params)) as Record<string, unknown>[])[0];
  if (!raw) return undefined;
  return { kind: raw.kind as string, collection: raw.collection as string, isLink: raw.is_link === true || raw.is_link === 1 || raw.is_link === '1' };
}

/**
 * Reads an entity row and the rows of the links whose source it is, in one query.
 * @param manager - the transaction
 * @param query - owner, id and location of the entity
 * @returns the entity row (undefined when missing) and its links, oldest first
 */
export async function findEntityWithLinks(manager: EntityManager, query: { tenantId: string; id: string; location: string }): Promise<{ row?: EntityRow; links: EntityRow[] }> {
  const p = placeholders(manager);
  const sql = `SELECT * FROM accords_entities WHERE tenant_id = ${p(1)} AND (id = ${p(2)} OR source = ${p(3)}) ORDER BY created_at, id`;
  const rows = await readRows(manager, { tenantId: query.tenantId, sql, params: [query.tenantId, query.id, query.location] });
  const row = rows.find((r) => r.id === query.id && r.collection + r.id === query.location);
  return { ...(row ? { row } : {}), links: rows.filter((r) => r.isLink && r.source === query.location && r !== row) };
}

/**
 * Lists the rows of some kinds within a scope, oldest first.
 * @param manager - the transaction
 * @param query - scope, kind ids (every kind when absent) and a mixin the rows must carry
 * @returns the rows
 */
export async function listEntities(manager: EntityManager, query: Scope & { kinds?: string[]; mixin?: string }): Promise<EntityRow[]> {
  const p = placeholders(manager);
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.tenantId !== undefined) {
    params.push(query.tenantId);
    where.push(`tenant_id = ${p(params.length)}`);
  }
  if (query.kinds) {
    if (query.kinds.length === 0) return [];
    const list = query.kinds.map((k) => {
      params.push(k);
      return p(params.length);
    });
    where.push(`kind IN (${list.join(', ')})`);
  }
  if (query.mixin !== undefined) {
    // `_` matches any one character: mixin ids may hold `%` or `_`, and the exact check follows.
    params.push(`%|${query.mixin.replace(/[%_]/g, '_')}|%`);
    where.push(`mixins LIKE ${p(params.length)}`);
  }
  const sql = `SELECT * FROM accords_entities${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
  const rows = await readRows(manager, { tenantId: query.tenantId, sql, params });
  return query.mixin === undefined ? rows : rows.filter((r) => r.mixins.includes(`|${query.mixin}|`));
}

/**
 * Lists the links whose source is one of `locations`.
 * @param manager - the transaction
 * @param query - scope and resource locations
 * @returns the link rows, oldest first
 */
export async function listLinksFrom(manager: EntityManager, query: Scope & { locations: string[] }): Promise<EntityRow[]> {
  if (query.locations.length === 0) return [];
  const p = placeholders(manager);
  const params: unknown[] = [];
  const where = ['source IS NOT NULL'];
  if (query.tenantId !== undefined) {
    params.push(query.tenantId);
    where.push(`tenant_id = ${p(params.length)}`);
  }
  // Few resources: ask for their links; many (a collection): read the scope's links and filter.
  const wanted = new Set(query.locations);
  if (query.locations.length <= 20) {
    const list = query.locations.map((l) => {
      params.push(l);
      return p(params.length);
    });
    where.push(`source IN (${list.join(', ')})`);
  }
  const sql = `SELECT * FROM accords_entities WHERE ${where.join(' AND ')} ORDER BY created_at, id`;
  const rows = await readRows(manager, { tenantId: query.tenantId, sql, params });
  return rows.filter((r) => r.source !== null && wanted.has(r.source));
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
  const p = placeholders(manager);
  const columns = ['tenant_id', 'id', 'kind', 'collection', 'is_link', 'source', 'target', 'mixins', 'data', 'version', 'created_at', 'updated_at'];
  const values = [row.tenantId, row.id, row.kind, row.collection, row.isLink, row.source, row.target, row.mixins, row.data, row.version, row.createdAt, row.updatedAt];
  const isSqlite = manager.connection.driver.options.type !== 'postgres';
  const params = isSqlite ? values.map((v) => (typeof v === 'boolean' ? Number(v) : v)) : values;
  forgetReads(manager, row.tenantId);
  await manager.query(`INSERT INTO accords_entities (${columns.join(', ')}) VALUES (${columns.map((_, i) => p(i + 1)).join(', ')})`, params);
}

/**
 * Writes a row if nobody changed it since `expectedVersion` (compare and set).
 * @param manager - the transaction
 * @param change - the new row (its `version` is the new version) and the version read
 * @returns whether the row was written
 */
export async function updateEntityIfVersion(manager: EntityManager, change: { row: EntityRow; expectedVersion: number }): Promise<boolean> {
  const { id, tenantId, createdAt: _c, ...fields } = change.row;
  forgetReads(manager, tenantId);
  const runner = manager.queryRunner;
  if (!runner) {
    const result = await manager.update(EntityTable, { tenantId, id, version: change.expectedVersion }, fields);
    return (result.affected ?? 0) === 1;
  }
  // Plain SQL: typeorm's update builder costs more than the statement (one per entity written).
  const p = placeholders(manager);
  const isSqlite = manager.connection.driver.options.type !== 'postgres';
  const r = change.row;
  const sql =
    `UPDATE accords_entities SET kind = ${p(1)}, collection = ${p(2)}, is_link = ${p(3)}, source = ${p(4)}, target = ${p(5)}, mixins = ${p(6)}, ` +
    `data = ${p(7)}, version = ${p(8)}, updated_at = ${p(9)} WHERE tenant_id = ${p(10)} AND id = ${p(11)} AND version = ${p(12)}`;
  const params = [r.kind, r.collection, isSqlite ? Number(r.isLink) : r.isLink, r.source, r.target, r.mixins, r.data, r.version, r.updatedAt, tenantId, id, change.expectedVersion];
  const result = (await runner.query(sql, params, true)) as { affected?: number };
  return (result.affected ?? 0) === 1;
}

/**
 * Deletes a row, only at the version read when given.
 * @param manager - the transaction
 * @param target - owner, id and optionally the version read
 * @returns whether a row was deleted
 */
export async function deleteEntity(manager: EntityManager, target: { tenantId: string; id: string; expectedVersion?: number }): Promise<boolean> {
  forgetReads(manager, target.tenantId);
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
  forgetReads(manager, tenantId);
  await manager.delete(EntityTable, { tenantId });
}
