import type { EntityManager } from 'typeorm';
import type { EntityRow } from './rows';

/**
 * Builds numbered placeholders for the manager's driver: `?` for sqlite, `$n` for PostgreSQL.
 * @param manager - the entity manager
 * @returns a function from a 1-based index to its placeholder
 */
export function placeholders(manager: EntityManager): (index: number) => string {
  return manager.connection.driver.options.type === 'postgres' ? (i) => `$${i}` : () => '?';
}

/**
 * Maps a raw `accords_entities` row (snake_case columns) to an {@link EntityRow}. The listing
 * queries read raw rows: typeorm's entity hydration costs more than the query itself at 1,000 rows.
 * @param raw - the driver's row
 * @returns the row
 */
export function toEntityRow(raw: Record<string, unknown>): EntityRow {
  return {
    tenantId: raw.tenant_id as string,
    id: raw.id as string,
    kind: raw.kind as string,
    collection: raw.collection as string,
    isLink: raw.is_link === true || raw.is_link === 1 || raw.is_link === '1',
    source: (raw.source as string | null) ?? null,
    target: (raw.target as string | null) ?? null,
    mixins: raw.mixins as string,
    data: raw.data as string,
    version: Number(raw.version),
    createdAt: raw.created_at as string,
    updatedAt: raw.updated_at as string,
  };
}
