import type { DataSource, EntityManager } from 'typeorm';
import type { EntityRow } from './rows';

/** Most cached query results (each a list of rows) before the cache starts over. */
const MAX_ENTRIES = 4096;

// The bucket of queries that span every tenant (administrators): any write empties it.
const ALL_TENANTS = '\u0000all';

/**
 * The entity rows read outside transactions on sqlite, by query, until a write of the same
 * tenant. Only one process uses a sqlite file and every entity write goes through
 * `entity-repo.ts`, which calls {@link ReadCache.forget}; reads are served only to the manager
 * that `Database.read` uses, inside the lock that also guards every transaction, so a read
 * never sees, and never caches, another request's uncommitted rows. PostgreSQL has no cache:
 * several processes may share it.
 */
export class ReadCache {
  private readonly buckets = new Map<string, Map<string, readonly EntityRow[]>>();
  private size = 0;
  private generation = 0;

  /** @param manager - the one entity manager whose reads may be served from the cache */
  constructor(readonly manager: EntityManager) {}

  /**
   * Serves a query from the cache, or runs it and remembers its rows.
   * @param query - the tenant (undefined: every tenant's rows), a key naming the query and its
   *   parameters, and the function that reads the rows
   * @returns the rows (a fresh array; the rows themselves are shared and must not be changed)
   */
  async rows(query: { tenantId: string | undefined; key: string; read: () => Promise<EntityRow[]> }): Promise<EntityRow[]> {
    const bucketKey = query.tenantId ?? ALL_TENANTS;
    const hit = this.buckets.get(bucketKey)?.get(query.key);
    if (hit) return hit.slice();
    const generation = this.generation;
    const rows = await query.read();
    // A write landed while the query ran: its answer may predate the write; do not keep it.
    if (generation !== this.generation) return rows;
    if (this.size >= MAX_ENTRIES) this.clear();
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(bucketKey, bucket);
    }
    bucket.set(query.key, rows.slice());
    this.size++;
    return rows;
  }

  /**
   * Forgets what a write may have changed: the tenant's queries and every cross-tenant one.
   * @param tenantId - the tenant whose rows changed; undefined for any tenant
   */
  forget(tenantId: string | undefined): void {
    this.generation++;
    if (tenantId === undefined) return this.clear();
    for (const key of [tenantId, ALL_TENANTS]) {
      const bucket = this.buckets.get(key);
      if (bucket) {
        this.size -= bucket.size;
        this.buckets.delete(key);
      }
    }
  }

  private clear(): void {
    this.buckets.clear();
    this.size = 0;
  }
}

const caches = new WeakMap<DataSource, ReadCache>();

/**
 * Gives a sqlite data source its read cache.
 * @param dataSource - the data source
 * @param cache - the cache (its manager is the one `Database.read` hands out)
 */
export function attachReadCache(dataSource: DataSource, cache: ReadCache): void {
  caches.set(dataSource, cache);
}

/**
 * The cache to read through for a manager: only the manager the cache was made for.
 * @param manager - the manager of the read
 * @returns the cache, or undefined (transactions, PostgreSQL)
 */
export function readCacheFor(manager: EntityManager): ReadCache | undefined {
  const cache = caches.get(manager.connection);
  return cache?.manager === manager ? cache : undefined;
}

/**
 * Tells the cache of a manager's data source (if any) that a tenant's rows changed.
 * @param manager - the manager of the write
 * @param tenantId - the tenant; undefined for any
 */
export function forgetReads(manager: EntityManager, tenantId: string | undefined): void {
  caches.get(manager.connection)?.forget(tenantId);
}
