import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database backend the server tests run against. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** False when the backend is not configured (its runs skip, or fail under ACCORDS_REQUIRE_BACKENDS=1). */
  available: boolean;
  /** A fresh, empty database for one test file, and how to remove it. */
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

const PG_URL = process.env.ACCORDS_TEST_POSTGRES_URL;
/** Missing backends fail instead of skipping. */
export const REQUIRE_BACKENDS = process.env.ACCORDS_REQUIRE_BACKENDS === '1';

const sqlite: Backend = {
  name: 'sqlite',
  available: true,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'accords-server-test-'));
    return {
      url: `sqlite:${join(dir, 'accords.sqlite')}`,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  available: PG_URL !== undefined && PG_URL !== '',
  async fresh() {
    if (!PG_URL) throw new Error('ACCORDS_TEST_POSTGRES_URL is not set but ACCORDS_REQUIRE_BACKENDS=1');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

/** Every backend; PostgreSQL is available when `ACCORDS_TEST_POSTGRES_URL` is set. */
export const BACKENDS: Backend[] = [sqlite, postgres];

/** The backends whose runs are executed (missing ones included when they are required, so they fail). */
export const ACTIVE_BACKENDS: Backend[] = BACKENDS.filter((b) => b.available || REQUIRE_BACKENDS);
