import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The backends a broker/jobs test runs on: sqlite always, PostgreSQL when configured. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh database URL (own sqlite file, or own PostgreSQL schema). */
  freshUrl(): string;
}

const pgUrl = process.env.ACCORDS_TEST_POSTGRES_URL;
if (!pgUrl && process.env.ACCORDS_REQUIRE_BACKENDS === '1') {
  throw new Error('ACCORDS_REQUIRE_BACKENDS=1 but ACCORDS_TEST_POSTGRES_URL is not set');
}

/** sqlite, and PostgreSQL when ACCORDS_TEST_POSTGRES_URL is set. */
export const backends: Backend[] = [
  { name: 'sqlite', freshUrl: () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'accords-broker-')), 'db.sqlite')}` },
  ...(pgUrl
    ? [{ name: 'postgres' as const, freshUrl: () => `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=t_${randomUUID().replace(/-/g, '').slice(0, 16)}` }]
    : []),
];

/**
 * Opens a bare typeorm DataSource for a URL made by {@link Backend.freshUrl} (the jobs tests
 * need no server tables).
 */
export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  if (url.startsWith('sqlite:')) {
    const ds = new DataSource({ type: 'sqlite', database: url.slice('sqlite:'.length), enableWAL: true, busyTimeout: 10_000 });
    return ds.initialize();
  }
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  const admin = new DataSource({ type: 'postgres', url: parsed.toString() });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await admin.destroy();
  const ds = new DataSource({ type: 'postgres', url: parsed.toString(), extra: { max: poolSize, options: `-c search_path=${schema}` } });
  return ds.initialize();
}
