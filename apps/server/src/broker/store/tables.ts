import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureJobTables, sqlExecutor } from '../../jobs';
import type { SqlExecutor } from '../../jobs';

/**
 * Creates the broker's own tables (idempotent): agreements with their plan and contract, the
 * resources provisioned for them, usage, events (the SSE journal), moves and penalties.
 *
 * @param db - where to run the statements
 * @returns when the tables exist
 * @example
 * await db.transaction((tx) => ensureBrokerTables(tx));
 */
export async function ensureBrokerTables(db: SqlExecutor): Promise<void> {
  const pg = db.dialect === 'postgres';
  const big = pg ? 'BIGINT' : 'INTEGER';
  const real = pg ? 'DOUBLE PRECISION' : 'REAL';
  const serial = pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
  const statements = [
    `CREATE TABLE IF NOT EXISTS accords_broker_agreement (
      id VARCHAR(64) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, manifest_id VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL, phase VARCHAR(16) NOT NULL,
      manifest TEXT NOT NULL, plan TEXT NOT NULL, contract TEXT, term_states TEXT NOT NULL, reason TEXT,
      created_at ${big} NOT NULL, updated_at ${big} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS accords_broker_resource (
      id VARCHAR(64) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, agreement_id VARCHAR(64) NOT NULL,
      node VARCHAR(200) NOT NULL, replica INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, role VARCHAR(16) NOT NULL,
      spec TEXT NOT NULL, provider_id VARCHAR(100) NOT NULL, region_id VARCHAR(100) NOT NULL, offer_id VARCHAR(200),
      price_per_hour ${real} NOT NULL, currency VARCHAR(3) NOT NULL, idempotency_key VARCHAR(128) NOT NULL UNIQUE,
      provider_resource_id VARCHAR(256), state VARCHAR(16) NOT NULL, addresses TEXT, error TEXT,
      running_since ${big}, depends_on TEXT NOT NULL, created_at ${big} NOT NULL, updated_at ${big} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS accords_broker_resource_agreement ON accords_broker_resource (agreement_id)`,
    `CREATE TABLE IF NOT EXISTS accords_broker_usage (
      id VARCHAR(64) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, agreement_id VARCHAR(64) NOT NULL,
      resource_id VARCHAR(64) NOT NULL, node VARCHAR(200) NOT NULL, offer_id VARCHAR(200) NOT NULL,
      provider_id VARCHAR(100) NOT NULL, region_id VARCHAR(100) NOT NULL, start_at ${big} NOT NULL, end_at ${big} NOT NULL,
      seconds INTEGER NOT NULL, price_per_hour ${real} NOT NULL, currency VARCHAR(3) NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS accords_broker_usage_tenant ON accords_broker_usage (tenant_id, start_at)`,
    `CREATE TABLE IF NOT EXISTS accords_broker_event (
      seq ${serial}, agreement_id VARCHAR(64) NOT NULL, tenant_id VARCHAR(64) NOT NULL,
      type VARCHAR(16) NOT NULL, data TEXT NOT NULL, at ${big} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS accords_broker_event_agreement ON accords_broker_event (agreement_id, seq)`,
    `CREATE TABLE IF NOT EXISTS accords_broker_move (
      id VARCHAR(64) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, agreement_id VARCHAR(64) NOT NULL,
      resource_id VARCHAR(64) NOT NULL, new_resource_id VARCHAR(64) NOT NULL, from_offer VARCHAR(200) NOT NULL,
      to_offer VARCHAR(200) NOT NULL, saving_per_hour ${real} NOT NULL, state VARCHAR(16) NOT NULL, reason TEXT,
      created_at ${big} NOT NULL, updated_at ${big} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS accords_broker_penalty (
      id VARCHAR(64) PRIMARY KEY, tenant_id VARCHAR(64) NOT NULL, agreement_id VARCHAR(64) NOT NULL,
      guarantee VARCHAR(200) NOT NULL, type VARCHAR(16) NOT NULL, window_start ${big} NOT NULL, window_end ${big} NOT NULL,
      measured ${real} NOT NULL, amount ${real} NOT NULL, currency VARCHAR(3) NOT NULL, created_at ${big} NOT NULL,
      UNIQUE (agreement_id, guarantee, window_start))`,
  ];
  for (const sql of statements) await db.query(sql);
}

/** The migration that adds the job queue's and the broker's tables to the server's database. */
export class BrokerTables1763900200001 implements MigrationInterface {
  name = 'BrokerTables1763900200001';

  /** Creates the tables. */
  async up(q: QueryRunner): Promise<void> {
    const tx = sqlExecutor(q);
    await ensureJobTables(tx);
    await ensureBrokerTables(tx);
  }

  /** Drops the tables. */
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['accords_broker_penalty', 'accords_broker_move', 'accords_broker_event', 'accords_broker_usage',
      'accords_broker_resource', 'accords_broker_agreement', 'accords_job_dep', 'accords_job']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}

/**
 * Adds the table of provider resources Accords does not know, as the reconciliation last found
 * them (readable at `GET /broker/unknown`).
 */
export class BrokerUnknown1763900200002 implements MigrationInterface {
  name = 'BrokerUnknown1763900200002';

  /** Creates the table. */
  async up(q: QueryRunner): Promise<void> {
    const big = q.connection.options.type === 'postgres' ? 'BIGINT' : 'INTEGER';
    await q.query(`CREATE TABLE IF NOT EXISTS accords_broker_unknown (
      provider_id VARCHAR(100) NOT NULL, provider_resource_id VARCHAR(256) NOT NULL, name VARCHAR(256) NOT NULL,
      state VARCHAR(32) NOT NULL, idempotency_key VARCHAR(128), first_seen ${big} NOT NULL, last_seen ${big} NOT NULL,
      PRIMARY KEY (provider_id, provider_resource_id))`);
  }

  /** Drops the table. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS accords_broker_unknown');
  }
}
