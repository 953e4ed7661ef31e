import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './broker-fixtures/test-db';
import { startBrokerServer, until, WEB_SHOP } from './broker-fixtures/broker-server';
import type { BrokerServer } from './broker-fixtures/broker-server';

type Entity = { id: string; kind: string; mixins: string[]; attributes: Record<string, unknown>; links?: unknown[]; location?: string };

describe.each(backends)('broker workflow over HTTP on $name', (backend) => {
  let s: BrokerServer;
  beforeAll(async () => {
    s = await startBrokerServer({ databaseUrl: backend.freshUrl() });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('submits the web shop, plans it, accepts it and provisions every resource once', async () => {
    const res = await s.call('/manifest/', { method: 'POST', body: WEB_SHOP, headers: { 'content-type': 'application/yaml' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const location = new URL(res.headers.get('location')!).pathname;
    expect(location).toMatch(/^\/manifest\/[0-9a-f-]{36}$/);
    const manifest = await s.json<Entity>(location);
    const agreementLoc = manifest.attributes['accords.manifest.agreement'] as string;
    expect(agreementLoc).toMatch(/^\/agreement\//);

    const pending = await s.json<Entity>(agreementLoc);
    expect(pending.attributes['occi.agreement.state']).toBe('pending');
    const plan = pending.attributes['accords.agreement.plan'] as { decisions: { node: string; regionId: string; reason: string; scores: Record<string, number> }[]; unplaced: unknown[]; pricePerHour: number };
    expect(plan.unplaced).toEqual([]);
    expect(plan.decisions.map((d) => d.node).sort()).toEqual(['cache', 'db', 'web', 'web', 'web']);
    expect(plan.decisions.every((d) => d.reason.length > 0)).toBe(true);
    expect(plan.pricePerHour).toBeGreaterThan(0);

    const accepted = await s.call(`${agreementLoc}?action=accept`, { method: 'POST' });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const running = await until(async () => {
      const a = await s.json<Entity>(agreementLoc);
      if (a.attributes['accords.agreement.phase'] === 'failed') throw new Error(String(a.attributes['accords.agreement.reason']));
      return a.attributes['accords.agreement.phase'] === 'running' ? a : undefined;
    }, { what: 'the agreement to run' });
    expect(running.attributes['occi.agreement.state']).toBe('accepted');

    const links = await s.json<{ links?: { source: { location: string }; target: { location: string } }[] }>('/agreement_link/');
    const mine = (links.links ?? []).filter((l) => l.target.location.endsWith(agreementLoc));
    // 5 computes, 2 volumes for the db, networks front/back per region used
    const kinds = mine.map((l) => l.source.location.split('/')[1]).sort();
    expect(kinds.filter((k) => k === 'compute')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'storage')).toHaveLength(2);
    for (const l of mine.filter((x) => x.source.location.startsWith('/compute/'))) {
      const c = await s.json<Entity>(l.source.location);
      expect(c.attributes['occi.compute.state']).toBe('active');
      expect(c.attributes['accords.resource.providerResourceId']).toBeTruthy();
    }
    const atProviders = (await Promise.all(s.connectors.map((c) => c.list()))).flat();
    expect(atProviders.filter((p) => p.kind === 'compute')).toHaveLength(5);
    expect(new Set(atProviders.map((p) => p.idempotencyKey)).size).toBe(atProviders.length);
  });
});
