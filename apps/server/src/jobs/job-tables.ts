import type { SqlExecutor } from './sql';

const bigint = (d: SqlExecutor['dialect']) => (d === 'postgres' ? 'BIGINT' : 'INTEGER');

/**
 * Creates the job queue's tables and indexes when they do not exist (idempotent, safe to run at
 * every start and from several processes).
 *
 * On PostgreSQL, run it inside a transaction holding an advisory lock (as the server's migrations
 * do) when several processes may start at once.
 *
 * @param db - where to run the statements (a transaction, a migration's query runner, ...)
 * @returns when the tables exist
 * @example
 * await db.transaction((tx) => ensureJobTables(tx));
 */
export async function ensureJobTables(db: SqlExecutor): Promise<void> {
  const big = bigint(db.dialect);
  const statements = [
    `CREATE TABLE IF NOT EXISTS accords_job (
      id VARCHAR(36) PRIMARY KEY,
      kind VARCHAR(100) NOT NULL,
      group_id VARCHAR(100),
      tenant VARCHAR(100),
      idempotency_key VARCHAR(300) NOT NULL UNIQUE,
      payload TEXT NOT NULL,
      result TEXT,
      state VARCHAR(16) NOT NULL,
      pending_deps INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL DEFAULT 5,
      priority INTEGER NOT NULL DEFAULT 0,
      run_at ${big} NOT NULL,
      lease_owner VARCHAR(100),
      lease_token VARCHAR(36),
      lease_expires_at ${big},
      last_error TEXT,
      created_at ${big} NOT NULL,
      updated_at ${big} NOT NULL,
      finished_at ${big}
    )`,
    `CREATE TABLE IF NOT EXISTS accords_job_dep (
      job_id VARCHAR(36) NOT NULL,
      depends_on VARCHAR(36) NOT NULL,
      PRIMARY KEY (job_id, depends_on)
    )`,
    `CREATE INDEX IF NOT EXISTS accords_job_claim ON accords_job (state, run_at)`,
    `CREATE INDEX IF NOT EXISTS accords_job_group ON accords_job (group_id)`,
    `CREATE INDEX IF NOT EXISTS accords_job_dep_on ON accords_job_dep (depends_on)`,
  ];
  for (const sql of statements) await db.query(sql);
}
