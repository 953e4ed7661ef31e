import { describe, expect, it } from 'vitest';
import { parseManifest } from '@accords/model';
import type { PlacementDecision } from '@accords/model';
import { fillOutputs, plannedResources } from './resources';

const manifest = parseManifest(`apiVersion: accords.dev/v1
name: shop
nodes:
  - name: web
    cores: 1
    memoryGiB: 1
    count: { initial: 2 }
    networks: [{ network: back }]
    userData: "DB=\${nodes.db.address}"
  - name: db
    cores: 2
    memoryGiB: 4
    storage: [{ name: data, sizeGiB: 10 }]
    networks: [{ network: back }]
relations:
  - { from: web, to: db, type: depends-on }
terms: {}
`);

const decision = (node: string, replica: number, regionId = 'r1'): PlacementDecision => ({
  node, replica, offerId: `${regionId}:small`, providerId: 'p', regionId, pricePerHour: 0.1, currency: 'EUR',
  scores: { price: 1, carbon: 1, latency: 1, heatReuse: 1, availability: 1, total: 1 }, reason: 'test',
});

describe('plannedResources', () => {
  it('makes networks and volumes first, and computes that wait for them and for what they depend on', () => {
    let n = 0;
    const rs = plannedResources({
      tenantId: 't', agreementId: 'a', manifest, now: 0, newId: () => `id${++n}`,
      decisions: [decision('web', 0), decision('web', 1, 'r2'), decision('db', 0)],
    });
    const byKind = (k: string) => rs.filter((r) => r.kind === k);
    expect(byKind('network').map((r) => r.regionId).sort()).toEqual(['r1', 'r2']);
    expect(byKind('storage')).toHaveLength(1);
    const db = rs.find((r) => r.kind === 'compute' && r.node === 'db')!;
    for (const web of rs.filter((r) => r.kind === 'compute' && r.node === 'web')) expect(web.dependsOn).toContain(db.id);
    expect(db.dependsOn).toEqual(expect.arrayContaining([byKind('storage')[0]!.id]));
    expect(new Set(rs.map((r) => r.idempotencyKey)).size).toBe(rs.length);
    const order = rs.map((r) => r.id);
    for (const r of rs) for (const d of r.dependsOn) expect(order.indexOf(d)).toBeLessThan(order.indexOf(r.id));
  });
});

describe('fillOutputs', () => {
  it('fills addresses of the nodes depended on and leaves unknown placeholders alone', () => {
    const outputs = new Map([['db', ['10.0.0.4', '10.0.0.5']]]);
    expect(fillOutputs('DB=${nodes.db.address} ALL=${nodes.db.addresses} X=${nodes.cache.address}', outputs)).toBe(
      'DB=10.0.0.4 ALL=10.0.0.4,10.0.0.5 X=${nodes.cache.address}',
    );
  });
});
