import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import {
  claimJobs, enqueueJobs, ensureJobTables, findById, finishJob, JobRunner, LeaseLostError, listGroup, sqlDatabase,
} from '../src/jobs';
import type { JobHandler, SqlDatabase } from '../src/jobs';
import { backends, openDataSource } from './broker-fixtures/test-db';

describe.each(backends)('durable job queue on $name', (backend) => {
  const open: DataSource[] = [];
  const runners: JobRunner[] = [];
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    for (const ds of open.splice(0)) await ds.destroy();
  });

  async function fresh(url = backend.freshUrl()): Promise<{ db: SqlDatabase; url: string }> {
    const ds = await openDataSource(url);
    open.push(ds);
    const db = sqlDatabase(ds);
    await db.transaction((tx) => ensureJobTables(tx));
    return { db, url };
  }

  function runner(db: SqlDatabase, handlers: Record<string, JobHandler>, extra: Partial<ConstructorParameters<typeof JobRunner>[0]> = {}) {
    const r = new JobRunner({ db, handlers, pollMs: 20, backoff: { baseMs: 5, maxMs: 20 }, ...extra });
    runners.push(r);
    r.start();
    return r;
  }

  it('runs jobs after their dependencies and hands results on', async () => {
    const { db } = await fresh();
    const order: string[] = [];
    const handler: JobHandler<{ name: string }> = {
      run: async ({ job }) => {
        order.push(job.payload.name);
        return { result: { address: `10.0.0.${order.length}` } };
      },
    };
    await db.transaction((tx) =>
      enqueueJobs({ tx, now: Date.now(), jobs: [
        { kind: 'make', idempotencyKey: 'g1:web', group: 'g1', payload: { name: 'web' }, dependsOn: ['g1:db', 'g1:cache'] },
        { kind: 'make', idempotencyKey: 'g1:db', group: 'g1', payload: { name: 'db' }, dependsOn: ['g1:net'] },
        { kind: 'make', idempotencyKey: 'g1:cache', group: 'g1', payload: { name: 'cache' } },
        { kind: 'make', idempotencyKey: 'g1:net', group: 'g1', payload: { name: 'net' } },
      ] }),
    );
    const r = runner(db, { make: handler });
    await r.whenIdle();
    const jobs = await db.transaction((tx) => listGroup(tx, 'g1'));
    expect(jobs.every((j) => j.state === 'succeeded')).toBe(true);
    expect(order.indexOf('net')).toBeLessThan(order.indexOf('db'));
    expect(order.indexOf('db')).toBeLessThan(order.indexOf('web'));
    expect(order.indexOf('cache')).toBeLessThan(order.indexOf('web'));
    expect(jobs.find((j) => j.idempotencyKey === 'g1:web')?.result).toEqual({ address: expect.stringMatching(/^10\.0\.0\.\d$/) });
  });

  it('never adds a second job for the same idempotency key', async () => {
    const { db } = await fresh();
    const input = { kind: 'make', idempotencyKey: 'same', payload: { n: 1 } };
    const [a] = await db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs: [input] }));
    const [b] = await db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs: [{ ...input, payload: { n: 2 } }] }));
    expect(b!.id).toBe(a!.id);
    expect(b!.payload).toEqual({ n: 1 });
    const rows = await db.query('SELECT id FROM accords_job');
    expect(rows).toHaveLength(1);
  });

  it('refuses a dependency on an unknown job and writes nothing', async () => {
    const { db } = await fresh();
    await expect(
      db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs: [
        { kind: 'make', idempotencyKey: 'a', payload: {} },
        { kind: 'make', idempotencyKey: 'b', payload: {}, dependsOn: ['nope'] },
      ] })),
    ).rejects.toThrow(/unknown job nope/);
    expect(await db.query('SELECT id FROM accords_job')).toHaveLength(0);
  });

  it('retries transient errors with backoff, then fails for good and cancels dependants', async () => {
    const { db } = await fresh();
    let flaky = 0;
    const handlers: Record<string, JobHandler> = {
      flaky: { run: async () => {
        flaky += 1;
        if (flaky < 3) throw Object.assign(new Error('try again'), { code: 'transient' });
        return { result: 'ok' };
      } },
      broken: { run: async () => { throw Object.assign(new Error('quota exceeded'), { code: 'quota_exceeded' }); } },
      after: { run: async () => ({ result: 'never' }) },
    };
    const failedHook: string[] = [];
    handlers.broken!.onFailed = async ({ job, cancelled }) => { failedHook.push(job.id, ...cancelled); };
    const now = Date.now();
    const [f, b, a, a2] = await db.transaction((tx) => enqueueJobs({ tx, now, jobs: [
      { kind: 'flaky', idempotencyKey: 'f', payload: {} },
      { kind: 'broken', idempotencyKey: 'b', payload: {} },
      { kind: 'after', idempotencyKey: 'a', payload: {}, dependsOn: ['b'] },
      { kind: 'after', idempotencyKey: 'a2', payload: {}, dependsOn: ['a'] },
    ] }));
    const r = runner(db, handlers);
    const events: string[] = [];
    r.onEvent((e) => events.push(`${e.kind}:${e.state}`));
    await r.whenIdle();
    await new Promise((res) => setTimeout(res, 150));
    await r.whenIdle();
    const get = (id: string) => db.transaction((tx) => findById(tx, id));
    expect((await get(f!.id))!).toMatchObject({ state: 'succeeded', attempts: 3, result: 'ok' });
    expect((await get(b!.id))!).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'quota_exceeded', retryable: false } });
    expect((await get(a!.id))!).toMatchObject({ state: 'cancelled', attempts: 0, lastError: { code: 'dependency_failed' } });
    expect((await get(a2!.id))!.state).toBe('cancelled');
    expect(failedHook.sort()).toEqual([b!.id, a!.id, a2!.id].sort());
    expect(events.filter((e) => e === 'flaky:retrying')).toHaveLength(2);
  });

  it('claims no more than asked, and concurrent claims never share a job', async () => {
    const { db, url } = await fresh();
    const ds2 = await openDataSource(url);
    open.push(ds2);
    const db2 = sqlDatabase(ds2);
    const now = Date.now();
    const jobs = Array.from({ length: 30 }, (_, i) => ({ kind: 'c', idempotencyKey: `c${i}`, payload: {} }));
    await db.transaction((tx) => enqueueJobs({ tx, now, jobs }));
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimJobs({ db: i % 2 ? db : db2, owner: `w${i}`, kinds: ['c'], limit: 3, now, leaseMs: 60_000 })),
    );
    expect(batches.every((b) => b.length <= 3)).toBe(true);
    const ids = batches.flat().map((j) => j.id);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
  });

  it('reclaims a job whose worker died, and the dead lease can no longer finish it', async () => {
    const { db } = await fresh();
    const now = Date.now();
    await db.transaction((tx) => enqueueJobs({ tx, now, jobs: [{ kind: 'make', idempotencyKey: 'k', payload: {} }] }));
    const [dead] = await claimJobs({ db, owner: 'dead-worker', kinds: ['make'], limit: 5, now, leaseMs: 50 });
    expect(dead).toBeDefined();
    expect(await claimJobs({ db, owner: 'other', kinds: ['make'], limit: 5, now: now + 10, leaseMs: 50 })).toHaveLength(0);
    const runs: string[] = [];
    const r = runner(db, { make: { run: async ({ job }) => { runs.push(job.leaseOwner!); return { result: 1 }; } } }, { owner: 'alive' });
    await new Promise((res) => setTimeout(res, 120));
    await r.whenIdle();
    expect(runs).toEqual(['alive']);
    const job = await db.transaction((tx) => findById(tx, dead!.id));
    expect(job).toMatchObject({ state: 'succeeded', attempts: 2 });
    await expect(
      db.transaction((tx) => finishJob({ tx, job: dead!, now: Date.now(), outcome: { state: 'succeeded', result: 2 } })),
    ).rejects.toBeInstanceOf(LeaseLostError);
  });

  it('keeps a slow job leased by heartbeats so no other worker starts it', async () => {
    const { db, url } = await fresh();
    const ds2 = await openDataSource(url);
    open.push(ds2);
    const db2 = sqlDatabase(ds2);
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const slow: JobHandler = { run: async () => {
      runs += 1;
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((res) => setTimeout(res, 400));
      running -= 1;
      return { result: null };
    } };
    await db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs: [{ kind: 'slow', idempotencyKey: 's', payload: {} }] }));
    const r1 = runner(db, { slow }, { leaseMs: 90 });
    const r2 = runner(db2, { slow }, { leaseMs: 90 });
    await new Promise((res) => setTimeout(res, 600));
    await Promise.all([r1.whenIdle(), r2.whenIdle()]);
    expect(runs).toBe(1);
    expect(maxRunning).toBe(1);
  });

  it('spreads a batch over two runners on separate connections, each job exactly once', async () => {
    const { db, url } = await fresh();
    const ds2 = await openDataSource(url);
    open.push(ds2);
    const db2 = sqlDatabase(ds2);
    const seen = new Map<string, number>();
    const by = new Map<string, number>();
    const handler = (who: string): JobHandler => ({ run: async ({ job }) => {
      seen.set(job.id, (seen.get(job.id) ?? 0) + 1);
      by.set(who, (by.get(who) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, 2));
      return { result: who };
    } });
    const jobs = Array.from({ length: 120 }, (_, i) => ({ kind: 'w', idempotencyKey: `w${i}`, payload: { i } }));
    await db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs }));
    const r1 = runner(db, { w: handler('one') }, { concurrency: 4 });
    const r2 = runner(db2, { w: handler('two') }, { concurrency: 4 });
    await new Promise((res) => setTimeout(res, 50));
    await Promise.all([r1.whenIdle(), r2.whenIdle()]);
    await Promise.all([r1.whenIdle(), r2.whenIdle()]);
    expect(seen.size).toBe(120);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const states = await db.query<{ state: string }>('SELECT state FROM accords_job');
    expect(states.every((s) => s.state === 'succeeded')).toBe(true);
    if (backend.name === 'postgres') expect(by.size).toBe(2);
  });
});
