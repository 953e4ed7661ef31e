import { randomUUID } from 'node:crypto';
import { Secret } from '@accords/connector-kit';
import { runConnectorConformance } from '@accords/connector-kit/conformance';
import type { ErrorMappingCase } from '@accords/connector-kit/conformance';
import { createOcciConnector } from '@accords/connector-occi';
import type { OcciConnector, OcciConnectorOptions } from '@accords/connector-occi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from './helpers/child-server';

// Federation: @accords/connector-occi drives a second Accords server — a separate Node process
// (the real main.ts) on loopback — through the kit's conformance suite, in both renderings.

const ADMIN = 'occi-federation-admin-token-0123456789';
type Rendering = 'application/occi+json' | 'text/plain';
const RENDERINGS: Rendering[] = ['application/occi+json', 'text/plain'];

let peer: { url: string; stop(): Promise<void> };
const tenants = new Map<Rendering, string>();

async function tenantToken(name: string): Promise<string> {
  const res = await fetch(`${peer.url}/tenant/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/occi+json', accept: 'application/occi+json' },
    body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', attributes: { 'accords.tenant.name': name } }),
  });
  if (res.status !== 201) throw new Error(`creating tenant ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { attributes: Record<string, string> }).attributes['accords.tenant.token']!;
}

beforeAll(async () => {
  peer = await startChildServer({ ACCORDS_DATABASE_URL: 'sqlite::memory:', ACCORDS_ADMIN_TOKEN: ADMIN });
  for (const r of RENDERINGS) tenants.set(r, await tenantToken(`federation-${r.replace(/\W/g, '-')}`));
}, 60_000);
afterAll(async () => {
  await peer?.stop();
});

const connect = (rendering: Rendering, extra: Partial<OcciConnectorOptions> = {}): OcciConnector =>
  createOcciConnector({
    providerId: 'peer',
    url: peer.url,
    token: new Secret(tenants.get(rendering)!, 'test'),
    rendering,
    pricing: { pricePerHour: { small: 0.02, medium: 0.04, large: 0.12 }, currency: 'EUR' },
    ...extra,
  });

for (const rendering of RENDERINGS) {
  const errorCases: ErrorMappingCase[] = [
    {
      name: 'a token the peer does not know (401)',
      expectKind: 'auth',
      run: () => connect(rendering, { token: new Secret('not-a-token-of-this-peer-0000', 'test') }).regions(),
    },
    {
      name: 'an idempotency key reused for another request',
      expectKind: 'conflict',
      run: async ({ connector }) => {
        const [region] = await connector.regions();
        const spec = { kind: 'storage', idempotencyKey: `reuse-${randomUUID()}`, regionId: region!.id, name: 'first', sizeGiB: 1 } as const;
        const made = await connector.create(spec);
        try {
          return await connector.create({ ...spec, name: 'second' });
        } finally {
          await connector.delete(made.id);
        }
      },
    },
  ];

  runConnectorConformance(
    () => {
      const connector = connect(rendering);
      return { connector, dispose: () => connector.close() };
    },
    { name: `occi → second Accords process (${rendering})`, pollIntervalMs: 20, settleTimeoutMs: 10_000, image: 'debian_12', errorCases, testTimeoutMs: 30_000 },
  );
}

describe.each(RENDERINGS)('federation specifics against a second Accords process (%s)', (rendering) => {
  it('reads the peer regions from its region mixins, with their countries, and offers every template in each', async () => {
    const c = connect(rendering);
    try {
      const regions = await c.regions();
      expect(regions.length).toBeGreaterThan(3);
      expect(regions.find((r) => r.id === 'peer.aurora-fr-par')).toMatchObject({ providerId: 'peer', country: 'FR', name: 'Paris (aurora, FR)' });
      const { offers } = await c.offers();
      const paris = offers.filter((o) => o.regionId === 'peer.aurora-fr-par').map((o) => [o.instanceType, o.vcpu, o.memoryGiB, o.pricePerHour]);
      expect(paris).toEqual([
        ['small', 1, 2, 0.02],
        ['medium', 2, 4, 0.04],
        ['large', 4, 16, 0.12],
      ]);
      expect((await c.images()).map((i) => i.id).sort()).toEqual(['debian_12', 'ubuntu_24_04']);
    } finally {
      await c.close();
    }
  });

  it('creates a compute in the region and size asked, visible to a plain OCCI client of the peer, and resizes it', async () => {
    const c = connect(rendering);
    try {
      const vm = await c.create({ kind: 'compute', idempotencyKey: `fed-${randomUUID()}`, regionId: 'peer.aurora-fr-par', offerId: 'peer.aurora-fr-par:medium', image: 'ubuntu_24_04', name: 'fed-web' });
      expect(vm).toMatchObject({ regionId: 'peer.aurora-fr-par', offerId: 'peer.aurora-fr-par:medium', state: 'active', name: 'fed-web' });
      const res = await fetch(peer.url + vm.id, { headers: { authorization: `Bearer ${tenants.get(rendering)}`, accept: 'application/occi+json' } });
      const raw = (await res.json()) as { mixins: string[]; attributes: Record<string, unknown> };
      expect(raw.mixins).toEqual(
        expect.arrayContaining([
          'http://schemas.accords.dev/occi/region#aurora-fr-par',
          'http://schemas.accords.dev/occi/resource_tpl#medium',
          'http://schemas.accords.dev/occi/os_tpl#ubuntu_24_04',
        ]),
      );
      expect(raw.attributes).toMatchObject({ 'occi.compute.cores': 2, 'occi.compute.memory': 4, 'occi.compute.state': 'active' });
      const bigger = await c.resize(vm.id, 'peer.aurora-fr-par:large');
      expect(bigger.offerId).toBe('peer.aurora-fr-par:large');
      const resized = (await (await fetch(peer.url + vm.id, { headers: { authorization: `Bearer ${tenants.get(rendering)}`, accept: 'application/occi+json' } })).json()) as typeof raw;
      expect(resized.mixins).toContain('http://schemas.accords.dev/occi/resource_tpl#large');
      expect(resized.mixins).not.toContain('http://schemas.accords.dev/occi/resource_tpl#medium');
      expect(resized.attributes).toMatchObject({ 'occi.compute.cores': 4, 'occi.compute.memory': 16 });
      await c.act(vm.id, { name: 'stop', mode: 'force' });
      expect((await c.get(vm.id)).state).toBe('inactive');
      await c.delete(vm.id);
    } finally {
      await c.close();
    }
  });

  it('a create whose reply is lost on the way back is made once when repeated', async () => {
    let drop = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (drop && init?.method === 'POST' && !String(input).includes('action=')) {
        drop = false;
        await res.body?.cancel();
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      }
      return res;
    };
    const c = connect(rendering, { fetch: lossy });
    try {
      const spec = { kind: 'network', idempotencyKey: `lost-${randomUUID()}`, regionId: 'peer.aurora-fr-par', name: 'fed-net', cidr: '10.9.0.0/24' } as const;
      await expect(c.create(spec)).rejects.toMatchObject({ kind: 'transient' });
      expect(drop).toBe(false);
      const again = await c.create(spec);
      expect(again).toMatchObject({ state: 'active', idempotencyKey: spec.idempotencyKey, attributes: { 'occi.network.address': '10.9.0.0/24' } });
      expect((await c.list()).filter((r) => r.idempotencyKey === spec.idempotencyKey).map((r) => r.id)).toEqual([again.id]);
      await c.delete(again.id);
    } finally {
      await c.close();
    }
  });
});
