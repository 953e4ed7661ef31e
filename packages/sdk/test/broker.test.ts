import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type BrokerEvent, type Client } from '../src/index';
import { startTextOcciServer, type TextOcciServer } from './support/text-occi-server';

// The broker helpers over a real socket, against the test server's mini broker (text renderings
// for the resources, JSON for the dry-run plan, Server-Sent Events for progress).

const MANIFEST = readFileSync(new URL('./fixtures/two-tier.yaml', import.meta.url), 'utf8');
let server: TextOcciServer;
let client: Client;

beforeAll(async () => {
  server = await startTextOcciServer({ token: 't', broker: true });
  client = createClient({ url: server.url, token: 't', rendering: 'text/plain' });
});
afterAll(async () => {
  await server.close();
});

describe('broker helpers', () => {
  it('plans a manifest without storing anything', async () => {
    const before = server.entities.size;
    const plan = await client.broker.dryRun(MANIFEST);
    expect(plan.decisions.map((d) => `${d.node}#${d.replica}`)).toEqual(['web#0', 'web#1', 'db#0']);
    expect(plan.pricePerHour).toBeCloseTo(0.15);
    expect(server.entities.size).toBe(before);
    expect(server.log.at(-1)).toMatchObject({ line: 'POST /manifest/?dryrun=1', contentType: 'application/yaml' });
  });

  it('submits, reads the plan, accepts and watches every node come up', async () => {
    const submission = await client.broker.submit(MANIFEST);
    expect(submission.manifest).toMatch(/\/manifest\/\d{4}$/);
    expect(submission.agreement).toMatch(/^\/agreement\/\d{4}$/);
    const agreement = await client.broker.agreement(submission.agreement!);
    expect(agreement.state).toBe('pending');
    expect(agreement.plan?.decisions).toHaveLength(3);

    const controller = new AbortController();
    const events: BrokerEvent[] = [];
    const watching = (async () => {
      for await (const e of client.broker.watch(submission.agreement!, { signal: controller.signal })) {
        events.push(e);
        if (events.some((x) => x.data.phase === 'running')) break;
      }
    })();
    await client.broker.accept(submission.agreement!);
    await watching;
    expect((await client.broker.agreement(submission.agreement!)).state).toBe('accepted');
    expect(events[0]).toMatchObject({ type: 'state', id: '1', data: { agreement: submission.agreement, phase: 'provisioning' } });
    expect(events.filter((e) => e.type === 'state' && e.data.state === 'running' && e.data.node).map((e) => e.data.node)).toEqual(['web', 'web', 'db']);
    expect(events.some((e) => e.type === 'job')).toBe(true);
    await expect(client.broker.accept(submission.agreement!)).rejects.toMatchObject({ status: 409 });
  });

  it('rejects a plan', async () => {
    const { agreement } = await client.broker.submit(JSON.stringify({ name: 'x', nodes: [{ name: 'a' }] }));
    await client.broker.reject(agreement!);
    expect((await client.broker.agreement(agreement!)).state).toBe('rejected');
  });

  it('lists offers and invoices as entities', async () => {
    const offers = [];
    for await (const o of client.broker.offers({ filter: { attributes: { 'accords.offer.country': 'FR' } } })) offers.push(o);
    expect(offers.map((o) => o.attributes['accords.offer.id'])).toEqual(['sim-fr-small']);
    const invoices = [];
    for await (const i of client.broker.invoices()) invoices.push(i);
    expect(invoices[0]?.attributes['accords.invoice.total']).toBe(12.5);
  });

  it('says so when a server has no broker', async () => {
    const plain = await startTextOcciServer({});
    try {
      await expect(createClient({ url: plain.url, rendering: 'text/plain' }).broker.dryRun(MANIFEST)).rejects.toThrow('this server has no manifest kind: is it an Accords broker?');
    } finally {
      await plain.close();
    }
  });
});
