import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The two SQL dialects the job queue speaks. */
export type SqlDialect = 'sqlite' | 'postgres';

/** Anything that can run a query: a DataSource or a transaction's EntityManager. */
export type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/**
 * A thin handle on one database: its dialect, the DataSource, and transactions that are safe on
 * both drivers.
 */
export interface SqlDatabase {
  readonly dialect: SqlDialect;
  readonly dataSource: DataSource;
  /** Runs `fn` in one transaction (serialised on sqlite, whose driver shares one connection). */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs one statement outside an explicit transaction. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Runs statements with `?` placeholders in the database's dialect. */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

const mutexes = new WeakMap<DataSource, { tail: Promise<unknown> }>();

/**
 * Serialises work on a sqlite DataSource. typeorm's sqlite driver runs every query runner on one
 * connection, so two interleaved transactions would mix their statements; anything that writes
 * must hold this lock.
 *
 * @param dataSource - the sqlite DataSource
 * @param fn - the work to run alone
 * @returns what `fn` returns
 * @example
 * await withSqliteLock(ds, () => ds.query('UPDATE t SET a = 1'));
 */
export function withSqliteLock<T>(dataSource: DataSource, fn: () => Promise<T>): Promise<T> {
  let entry = mutexes.get(dataSource);
  if (!entry) {
    entry = { tail: Promise.resolve() };
    mutexes.set(dataSource, entry);
  }
  const run = entry.tail.then(fn, fn);
  entry.tail = run.catch(() => undefined);
  return run;
}

/** Rewrites `?` placeholders to `$1..$n` for PostgreSQL (no `?` appears in our SQL otherwise). */
export function toDialect(sql: string, dialect: SqlDialect): string {
  if (dialect === 'sqlite') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function run<T>(runner: QueryRunner, sql: string, params: unknown[]): Promise<T[]> {
  const dialect = runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  // A leading comment makes typeorm's sqlite runner use `all`, which returns RETURNING rows.
  const text = dialect === 'sqlite' ? `/* accords */ ${sql}` : toDialect(sql, dialect);
  const result = (await runner.query(text, params, true)) as { records?: T[] };
  return result.records ?? [];
}

/**
 * An executor over a transaction's EntityManager or a QueryRunner (e.g. inside a server hook or a
 * migration).
 *
 * @param source - the EntityManager (with its query runner) or the QueryRunner
 * @returns the executor
 * @throws Error when the manager has no query runner
 * @example
 * const tx = sqlExecutor(ctx.manager);
 * await tx.query('SELECT 1');
 */
export function sqlExecutor(source: EntityManager | QueryRunner): SqlExecutor {
  const runner = 'manager' in source && 'connect' in source ? (source as QueryRunner) : (source as EntityManager).queryRunner;
  if (!runner) throw new Error('the entity manager has no query runner (not inside a transaction)');
  const dialect: SqlDialect = runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  return { dialect, query: <T>(sql: string, params: unknown[] = []) => run<T>(runner, sql, params) };
}

/** How {@link sqlDatabase} opens transactions: the server's own discipline, when there is one. */
export type TransactionProvider = <T>(fn: (manager: EntityManager) => Promise<T>) => Promise<T>;

/**
 * Wraps a typeorm DataSource (sqlite or postgres) as a {@link SqlDatabase}.
 *
 * @param dataSource - an initialised DataSource of type `sqlite` or `postgres`
 * @param transaction - the server's transaction function (it must serialise sqlite); by default
 *   the DataSource's, serialised on sqlite by a lock of this module
 * @returns the database handle
 * @throws Error when the DataSource is of another type
 * @example
 * const db = sqlDatabase(dataSource);
 * await db.transaction((tx) => tx.query('SELECT 1'));
 */
export function sqlDatabase(dataSource: DataSource, transaction?: TransactionProvider): SqlDatabase {
  const type = dataSource.options.type;
  if (type !== 'sqlite' && type !== 'postgres') throw new Error(`unsupported database type ${type}`);
  const dialect: SqlDialect = type;
  const open: TransactionProvider =
    transaction ??
    (<T>(fn: (m: EntityManager) => Promise<T>) =>
      dialect === 'sqlite' ? withSqliteLock(dataSource, () => dataSource.transaction(fn)) : dataSource.transaction(fn));
  const inTransaction = <T>(fn: (tx: SqlExecutor) => Promise<T>) => open((m) => fn(sqlExecutor(m)));
  const direct = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const runner = dataSource.createQueryRunner();
    try {
      return await run<T>(runner, sql, params);
    } finally {
      await runner.release();
    }
  };
  return {
    dialect,
    dataSource,
    transaction: inTransaction,
    // sqlite shares one connection: a lone write must not land inside another's transaction, so
    // it takes the lock; a lone read may run between another's statements (it can only see
    // more, never undo anything).
    query: <T>(sql: string, params?: unknown[]) =>
      dialect === 'sqlite' && !/^\s*SELECT\b/i.test(sql) ? inTransaction((tx) => tx.query<T>(sql, params)) : direct<T>(sql, params),
  };
}

/** Reads a numeric column that PostgreSQL may return as a string (bigint). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : value === null || value === undefined ? 0 : Number(value);
}

/** Reads an optional numeric column. */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}
