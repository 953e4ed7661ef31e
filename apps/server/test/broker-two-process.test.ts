import { afterEach, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { backends } from './broker-fixtures/test-db';
import { startChild } from './broker-fixtures/processes';
import type { Child } from './broker-fixtures/processes';
import { until } from './broker-fixtures/broker-server';

const TOKEN = 'two-process-admin-token-0123456789';
const FORTY = `apiVersion: accords.dev/v1
name: two-process
nodes:
  - { name: api, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: 40 } }
terms: { price: { currency: EUR } }
`;
type SimInfo = { providers: { providerId: string; url: string }[]; stats: string };
type Entity = { attributes: Record<string, unknown> };

const call = (base: string, path: string, init: RequestInit = {}) =>
  fetch(base + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json', ...(init.headers as Record<string, string>) } });

const pg = backends.find((b) => b.name === 'postgres');

describe.runIf(pg)('two server processes on one PostgreSQL', () => {
  const children: Child<unknown>[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) await c.kill();
  });

  it('share the job queue: every job runs once, each provider create is made once, both processes work', async () => {
    const sim = await startChild<SimInfo>('sim-host.ts', { SIM_OPTIONS: JSON.stringify({ delays: { provisionMs: { compute: 60 } } }) });
    children.push(sim);
    const url = pg!.freshUrl();
    const env = { DATABASE_URL: url, PROVIDERS: JSON.stringify(sim.info.providers), ADMIN_TOKEN: TOKEN, LEASE_MS: '3000', CONCURRENCY: '4' };
    const [a, b] = await Promise.all([startChild<{ url: string }>('server-main.ts', env), startChild<{ url: string }>('server-main.ts', env)]);
    children.push(a, b);
    const res = await call(a.info.url, '/manifest/', { method: 'POST', body: FORTY, headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(201);
    const manifest = (await (await call(b.info.url, new URL(res.headers.get('location')!).pathname)).json()) as Entity;
    const agreement = manifest.attributes['accords.manifest.agreement'] as string;
    expect((await call(b.info.url, `${agreement}?action=accept`, { method: 'POST' })).status).toBe(200);
    await until(async () => {
      const ag = (await (await call(a.info.url, agreement)).json()) as Entity;
      return ag.attributes['accords.agreement.phase'] === 'running' ? true : undefined;
    }, { what: 'the agreement to run', timeoutMs: 60_000 });

    const creates = ((await (await fetch(sim.info.stats)).json()) as { creates: Record<string, number> }).creates;
    expect(Object.keys(creates)).toHaveLength(40);
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema')!;
    parsed.searchParams.delete('schema');
    const ds = await new DataSource({ type: 'postgres', url: parsed.toString(), extra: { options: `-c search_path=${schema}` } }).initialize();
    try {
      const jobs = (await ds.query(`SELECT state, attempts, lease_owner, last_error FROM accords_job WHERE kind = 'broker.provision'`)) as { state: string; attempts: number; lease_owner: string; last_error: string | null }[];
      expect(jobs.filter((j) => Number(j.attempts) !== 1)).toEqual([]);
      expect(Object.values(creates).every((n) => n === 1)).toBe(true);
      expect(jobs).toHaveLength(40);
      expect(jobs.every((j) => j.state === 'succeeded' && Number(j.attempts) === 1)).toBe(true);
      const pids = new Set(jobs.map((j) => j.lease_owner.split(':')[1]));
      expect(pids.size).toBe(2);
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
