import { describe, expect, it } from 'vitest';
import { createSimFleet } from '@accords/connector-sim';
import type { Connector, OfferCatalogue } from '@accords/connector-kit';
import { backends } from './broker-fixtures/test-db';
import { startBrokerServer, until } from './broker-fixtures/broker-server';

type Entity = { id: string; attributes: Record<string, unknown> };
type Links = { links?: { source: { location: string }; target: { location: string } }[] };

const ONE = `apiVersion: accords.dev/v1
name: follow-the-price
nodes:
  - { name: app, cores: 2, memoryGiB: 4, image: ubuntu-24.04 }
terms:
  price: { currency: EUR }
  objectives: { price: 1 }
`;

/** The sim fleet, with a switch that makes one offer 99 % cheaper (a price drop at a provider). */
function fleetWithPriceDrop(): { connectors: Connector[]; drop(offerId: string): void } {
  const fleet = createSimFleet({});
  let dropped: string | undefined;
  const connectors = fleet.map((sim) => {
    const c: Connector = Object.create(sim) as Connector;
    c.offers = async (opts) => {
      const cat: OfferCatalogue = await sim.offers(opts);
      return { ...cat, offers: cat.offers.map((o) => (o.id === dropped ? { ...o, pricePerHour: o.pricePerHour / 100 } : o)) };
    };
    return c;
  });
  return { connectors, drop: (offerId) => { dropped = offerId; } };
}

describe.each(backends)('re-placement on $name', (backend) => {
  it('moves a running instance make-before-break when an offer gets much cheaper, and records the saving', async () => {
    const { connectors, drop } = fleetWithPriceDrop();
    const s = await startBrokerServer({ databaseUrl: backend.freshUrl(), connectors, broker: { watchMs: 200, supplyTtlMs: 0 } });
    try {
      const res = await s.call('/manifest/', { method: 'POST', body: ONE, headers: { 'content-type': 'application/yaml' } });
      expect(res.status).toBe(201);
      const agreement = (await s.json<Entity>(new URL(res.headers.get('location')!).pathname)).attributes['accords.manifest.agreement'] as string;
      const plan = (await s.json<Entity>(agreement)).attributes['accords.agreement.plan'] as { decisions: { offerId: string; alternatives: { offerId: string }[] }[] };
      const first = plan.decisions[0]!;
      const target = first.alternatives[0]!.offerId;
      expect((await s.call(`${agreement}?action=accept`, { method: 'POST' })).status).toBe(200);
      await until(async () => ((await s.json<Entity>(agreement)).attributes['accords.agreement.phase'] === 'running' ? true : undefined), { what: 'running' });
      const before = (await Promise.all(connectors.map((c) => c.list()))).flat().filter((p) => p.kind === 'compute');
      expect(before).toHaveLength(1);

      drop(target);
      const moved = await until(async () => {
        const a = await s.json<Entity>(agreement);
        const moves = (a.attributes['accords.agreement.moves'] as { to: string; state: string; savingPerHour: number }[] | undefined) ?? [];
        return moves.find((m) => m.state === 'done');
      }, { what: 'a move to be done', timeoutMs: 30_000 });
      expect(moved.to).toBe(target);
      expect(moved.savingPerHour).toBeGreaterThan(0);

      const after = await until(async () => {
        const list = (await Promise.all(connectors.map((c) => c.list()))).flat().filter((p) => p.kind === 'compute');
        return list.length === 1 ? list : undefined;
      }, { what: 'the old instance to be released' });
      expect(after[0]!.offerId).toBe(target);
      expect(after[0]!.id).not.toBe(before[0]!.id);
      const computes = await until(async () => {
        const links = await s.json<Links>('/agreement_link/');
        const mine = (links.links ?? []).filter((l) => l.target.location.endsWith(agreement) && l.source.location.startsWith('/compute/'));
        return mine.length === 1 ? mine : undefined;
      }, { what: 'the old compute entity to go' });
      const c = await s.json<Entity>(computes[0]!.source.location);
      expect(c.attributes['accords.resource.offerId']).toBe(target);
      expect(c.attributes['occi.compute.state']).toBe('active');
    } finally {
      await s.close();
    }
  });
});
