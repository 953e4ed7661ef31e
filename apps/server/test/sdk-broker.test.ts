import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type BrokerEvent, type Client, type Rendering } from '@accords/sdk';
import { backends } from './broker-fixtures/test-db';
import { ADMIN_TOKEN, startBrokerServer, WEB_SHOP, type BrokerServer } from './broker-fixtures/broker-server';

// The SDK's broker helpers against the reference server with the broker on a sim fleet:
// dry run, submit, plan, reject, accept and the progress stream until the service runs.

const SMALL = `apiVersion: accords.dev/v1
name: small
nodes:
  - { name: app, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: 2 } }
terms:
  price: { currency: EUR }
`;

let s: BrokerServer;
beforeAll(async () => {
  s = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl() });
});
afterAll(async () => {
  await s?.close();
});

describe.each(['application/occi+json', 'text/plain'] as Rendering[])('SDK broker helpers against the reference broker (%s)', (rendering) => {
  let client: Client;
  beforeAll(() => {
    client = createClient({ url: s.url, token: ADMIN_TOKEN, rendering });
  });

  it('plans a manifest without storing it', async () => {
    const plan = await client.broker.dryRun(WEB_SHOP);
    expect(plan.decisions.map((d) => d.node).sort()).toEqual(['cache', 'db', 'web', 'web', 'web']);
    expect(plan.currency).toBe('EUR');
    expect(plan.pricePerHour).toBeGreaterThan(0);
    for (const d of plan.decisions) expect(d.reason).toBeTruthy();
  });

  it('submits, reads the plan, accepts and follows the service until it runs', async () => {
    const submission = await client.broker.submit(SMALL);
    expect(submission.manifest).toMatch(/^\/manifest\/[0-9a-f-]{36}$/);
    expect(submission.agreement).toMatch(/^\/agreement\/[0-9a-f-]{36}$/);
    const agreement = await client.broker.agreement(submission.agreement!);
    expect(agreement.state).toBe('pending');
    expect(agreement.plan?.decisions).toHaveLength(2);

    await client.broker.accept(submission.agreement!);
    const events: BrokerEvent[] = [];
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      for await (const e of client.broker.watch(submission.agreement!, { signal: controller.signal })) {
        events.push(e);
        if (e.type === 'state' && e.data.phase === 'running') break;
      }
    } finally {
      clearTimeout(timer);
    }
    expect(events.at(-1)?.data).toMatchObject({ agreement: expect.any(String), phase: 'running' });
    expect(events.filter((e) => e.type === 'state' && e.data.node === 'app' && e.data.state === 'running').length).toBeGreaterThanOrEqual(2);
    expect((await client.broker.agreement(submission.agreement!)).state).toBe('accepted');
    await expect(client.broker.accept(submission.agreement!)).rejects.toMatchObject({ status: expect.any(Number) });
  });

  it('rejects a plan', async () => {
    const { agreement } = await client.broker.submit(SMALL);
    await client.broker.reject(agreement!);
    expect((await client.broker.agreement(agreement!)).state).toBe('rejected');
  });

  it('carries the manifest mistakes the server finds, with their pointer', async () => {
    const error = await client.broker.submit(SMALL.replace('cores: 1', 'cores: one')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect(JSON.stringify(error)).toContain('/nodes/0/cores');
  });
});
