import { randomUUID } from 'node:crypto';
import { Secret } from '@accords/connector-kit';
import { createOcciConnector } from '@accords/connector-occi';
import type { OcciConnector } from '@accords/connector-occi';
import { demoCatalogue } from '@accords/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerServer, until } from './broker-fixtures/broker-server';
import type { BrokerServer } from './broker-fixtures/broker-server';
import { backends } from './broker-fixtures/test-db';
import { startChildServer } from './helpers/child-server';

// A broker of brokers: Accords "front" (in this process, with the broker) places a manifest on
// its only provider, "peer" — a second Accords process reached through @accords/connector-occi.

const PEER_ADMIN = 'occi-federation-peer-admin-0123456789';
const MANIFEST = `apiVersion: accords.dev/v1
name: federated-api
nodes:
  - { name: api, cores: 2, memoryGiB: 4, image: ubuntu-24.04, count: { initial: 2 } }
terms: { price: { currency: EUR } }
`;
type Entity = { attributes: Record<string, unknown> };

describe('federation: one Accords provisions through another', () => {
  let peer: { url: string; stop(): Promise<void> };
  let front: BrokerServer;
  let connector: OcciConnector;
  let peerToken: string;

  beforeAll(async () => {
    peer = await startChildServer({ ACCORDS_DATABASE_URL: 'sqlite::memory:', ACCORDS_ADMIN_TOKEN: PEER_ADMIN });
    const res = await fetch(`${peer.url}/tenant/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PEER_ADMIN}`, 'content-type': 'application/occi+json', accept: 'application/occi+json' },
      body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', attributes: { 'accords.tenant.name': 'front-broker' } }),
    });
    peerToken = ((await res.json()) as { attributes: Record<string, string> }).attributes['accords.tenant.token']!;
    connector = createOcciConnector({
      providerId: 'peer',
      url: peer.url,
      token: new Secret(peerToken, 'test'),
      pricing: { pricePerHour: { small: 0.02, medium: 0.05, large: 0.2 }, currency: 'EUR' },
    });
    const catalogue = () => {
      const demo = demoCatalogue();
      return { ...demo, providers: [...demo.providers, { id: 'peer', name: 'Peer Accords', connector: 'occi', headquarters: 'FR', endpoint: peer.url }] };
    };
    front = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl(), connectors: [connector], broker: { catalogue } });
  }, 60_000);

  afterAll(async () => {
    await front?.close();
    await connector?.close();
    await peer?.stop();
  });

  it('deploys a manifest on the peer: each node instance is a running compute there, made once', async () => {
    const res = await front.call('/manifest/', { method: 'POST', body: MANIFEST, headers: { 'content-type': 'application/yaml' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const manifest = await front.json<Entity>(new URL(res.headers.get('location')!).pathname);
    const agreement = manifest.attributes['accords.manifest.agreement'] as string;
    expect((await front.call(`${agreement}?action=accept`, { method: 'POST' })).status).toBe(200);
    await until(
      async () => {
        const a = await front.json<Entity>(agreement);
        if (a.attributes['accords.agreement.phase'] === 'failed') throw new Error(String(a.attributes['accords.agreement.reason']));
        return a.attributes['accords.agreement.phase'] === 'running' ? a : undefined;
      },
      { what: 'the federated agreement to run', timeoutMs: 30_000 },
    );

    const mine = await connector.list();
    expect(mine).toHaveLength(2);
    for (const r of mine) {
      expect(r).toMatchObject({ kind: 'compute', state: 'active', providerId: 'peer' });
      expect(r.offerId).toMatch(/^peer\.[a-z0-9-]+:medium$/);
      const raw = (await (await fetch(peer.url + r.id, { headers: { authorization: `Bearer ${peerToken}`, accept: 'application/occi+json' } })).json()) as { mixins: string[] };
      expect(raw.mixins).toContain('http://schemas.accords.dev/occi/os_tpl#ubuntu_24_04');
    }
    expect(new Set(mine.map((r) => r.idempotencyKey)).size).toBe(2);
  }, 60_000);
});
