import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type BrokerEvent, type Client, type Rendering } from '@accords/sdk';
import { backends } from './broker-fixtures/test-db';
import { ADMIN_TOKEN, startBrokerServer, until, WEB_SHOP, type BrokerServer } from './broker-fixtures/broker-server';
import { collect } from '@accords/sdk';

// The SDK's broker helpers against the reference server with the broker on a sim fleet:
// dry run, submit, plan, reject, accept, the progress stream until the service runs, the
// offers, and the usage and invoice of a running service (the broker's watch every 250 ms).

const SMALL = `apiVersion: accords.dev/v1
name: small
nodes:
  - { name: app, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: 2 } }
terms:
  price: { currency: EUR }
`;

let s: BrokerServer;
beforeAll(async () => {
  s = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl(), broker: { watchMs: 250 } });
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

    // Usage accrues per second per instance and is rated into the month's draft invoice.
    const usage = await until(async () => {
      const records = await client.broker.agreementUsage(submission.agreement!);
      return records.reduce((t, r) => t + r.seconds, 0) >= 2 ? records : undefined;
    }, { what: 'usage records', timeoutMs: 20_000 });
    expect(usage.every((r) => r.currency === 'EUR' && r.pricePerHour > 0 && typeof r.resourceId === 'string')).toBe(true);
    const held = (await client.broker.agreement(submission.agreement!)).entity.attributes;
    const contract = String(held['accords.agreement.contract'] ?? held['accords.agreement.contractId']).split('/').pop();
    const invoice = await until(async () => {
      const all = await collect(client.broker.invoices());
      const mine = all.find((i) => JSON.stringify(i.attributes).includes(contract!));
      const lines = mine?.attributes['accords.invoice.lines'];
      const parsed = (typeof lines === 'string' ? JSON.parse(lines) : lines) as { type: string; quantity: number }[] | undefined;
      return parsed?.filter((l) => l.type === 'usage' && l.quantity > 0).length === 2 ? { mine: mine!, lines: parsed } : undefined;
    }, { what: 'an invoice with two usage lines', timeoutMs: 20_000 });
    expect(invoice.mine.location).toMatch(/^\/invoice\/[0-9a-f-]{36}$/);
    const planned = new Set(agreement.plan!.decisions.map((d) => d.offerId));
    expect(invoice.lines.every((l) => planned.has((l as { offerId?: string }).offerId ?? ''))).toBe(true);
  });

  it('lists the connectors\' offers with the model\'s attribute names, filtered by region', async () => {
    const region = 'aurora-fr-par';
    const offers = await collect(client.broker.offers({ filter: { attributes: { 'accords.offer.regionId': region } } }));
    expect(offers.length).toBeGreaterThan(1);
    for (const o of offers) {
      expect(o.location).toBe(`/offer/${o.id}`);
      expect(o.attributes).toMatchObject({ 'accords.offer.regionId': region, 'accords.offer.providerId': 'aurora', 'accords.offer.currency': 'EUR' });
      expect(Number(o.attributes['accords.offer.pricePerHour'])).toBeGreaterThan(0);
      expect(Number(o.attributes['accords.offer.vcpu'])).toBeGreaterThan(0);
    }
    // The whole catalogue in one walk, however the collection pages (text: its locations only,
    // rather than one GET per offer).
    const served = (await s.json<{ resources: unknown[] }>('/offer/')).resources.length;
    const all = rendering === 'text/plain' ? await collect(client.entities.locations('offer'), 5000) : (await collect(client.broker.offers(), 5000)).map((o) => o.location);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(served);
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
