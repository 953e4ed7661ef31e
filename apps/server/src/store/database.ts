import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { EntityManager, EntitySchema, MigrationInterface } from 'typeorm';
import { Mutex } from './mutex';
import { sqliteDriver } from './sqlite-driver';
import { ReadCache, attachReadCache } from './read-cache';
import { parseDatabaseUrl } from './database-url';
import type { DatabaseTarget } from './database-url';
import { coreTables } from './schemas';
import { coreMigrations } from './migrations';

/** A migration class, as typeorm takes it. */
export type MigrationClass = new () => MigrationInterface;

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** `sqlite:<file>`, `sqlite::memory:` or `postgres://...[?schema=name]`. */
  url: string;
  /** Extra tables (plugins). */
  tables?: EntitySchema[];
  /** Extra migrations (plugins), run after the core ones. */
  migrations?: MigrationClass[];
  /** Largest PostgreSQL pool. */
  poolSize?: number;
}

// Arbitrary constant: the PostgreSQL advisory lock that serialises start-up across processes.
const MIGRATION_LOCK = 7_421_337;


/** The server's database: a typeorm data source plus the transaction discipline of one request. */
export class Database {
  /** Guards sqlite's single connection: one transaction at a time. */
  private readonly lock = new Mutex();

  /** sqlite: the manager of reads outside transactions, whose entity reads are cached. */
  private readonly readManager: EntityManager;

  constructor(
    readonly dataSource: DataSource,
    readonly target: DatabaseTarget,
  ) {
    this.readManager = dataSource.manager;
    if (target.type === 'sqlite') {
      this.readManager = dataSource.createEntityManager();
      attachReadCache(dataSource, new ReadCache(this.readManager));
    }
  }

  /** `sqlite` or `postgres`. */
  get type(): DatabaseTarget['type'] {
    return this.target.type;
  }

  /**
   * Runs `fn` in one transaction: it commits when `fn` resolves and rolls back when it throws.
   * @param fn - the work, given the transaction's entity manager
   * @returns what `fn` returns
   */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.type === 'sqlite') return this.lock.run(() => this.dataSource.transaction(fn));
    return this.dataSource.transaction('READ COMMITTED', fn);
  }

  /**
   * Runs `fn` while holding the cluster-wide start-up lock (PostgreSQL advisory lock; sqlite
   * has one process per file).
   * @param fn - the work
   * @returns what `fn` returns
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // One process owns a sqlite file; its transactions already queue on `lock`.
    if (this.type !== 'postgres') return fn();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs read-only work: on sqlite outside BEGIN/COMMIT but still one at a time (the queue keeps
   * it consistent) and with entity reads served from the read cache (`read-cache.ts`), on
   * PostgreSQL on the pool without a transaction.
   * @param fn - the work, given an entity manager
   * @returns what `fn` returns
   */
  read<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.type === 'sqlite') return this.lock.run(() => fn(this.readManager));
    return fn(this.dataSource.manager);
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Opens the database named by `options.url` and runs every pending migration (under a
 * PostgreSQL advisory lock, so that several processes may start at once).
 * @param options - URL, extra tables and migrations
 * @returns the open database
 * @throws AccordsError when the URL is malformed; the driver's error when the database is unreachable
 * @example const db = await openDatabase({ url: 'sqlite::memory:' });
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  const entities = [...coreTables, ...(options.tables ?? [])];
  const migrations = [...coreMigrations, ...(options.migrations ?? [])];
  const common = { entities, migrations, migrationsRun: false, synchronize: false, logging: false } as const;
  let dataSource: DataSource;
  if (target.type === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    dataSource = new DataSource({ ...common, type: 'sqlite', driver: sqliteDriver, database: target.file, enableWAL: target.file !== ':memory:', busyTimeout: 10_000 });
  } else {
    const extra: Record<string, unknown> = { max: options.poolSize ?? 10 };
    if (target.schema) extra.options = `-c search_path=${target.schema}`;
    dataSource = new DataSource({ ...common, type: 'postgres', url: target.url, ...(target.schema ? { schema: target.schema } : {}), extra });
  }
  await dataSource.initialize();
  const db = new Database(dataSource, target);
  try {
    if (target.type === 'sqlite' && target.file !== ':memory:') {
      // WAL with synchronous=NORMAL: no fsync per commit; a power cut may lose the last commits but never corrupts.
      await dataSource.query('PRAGMA synchronous = NORMAL');
    }
    await db.exclusive(async () => {
      if (target.type === 'postgres' && target.schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      await dataSource.runMigrations({ transaction: 'all' });
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
