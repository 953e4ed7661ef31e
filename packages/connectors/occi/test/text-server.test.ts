import { Secret, wrapConnector } from '@accords/connector-kit';
import { runConnectorConformance } from '@accords/connector-kit/conformance';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOcciConnector } from '../src/index';
import type { OcciConnector } from '../src/index';
import { startTextOcciServer } from './support/text-occi-server';
import type { TextOcciServer } from './support/text-occi-server';

const USER = { username: 'tenant-1', password: 'text-server-password' };
let server: TextOcciServer;

beforeAll(async () => {
  server = await startTextOcciServer(USER);
});
afterAll(() => server.close());

const connect = (extra: Partial<Parameters<typeof createOcciConnector>[0]> = {}): OcciConnector =>
  createOcciConnector({
    providerId: 'vendor',
    url: server.url,
    basic: { username: USER.username, password: new Secret(USER.password, 'test') },
    pricing: { pricePerHour: { tiny: 0.01, big: 0.05 }, currency: 'EUR' },
    regionFacts: { country: 'FR', timeZone: 'Europe/Paris' },
    ...extra,
  });

runConnectorConformance(
  () => {
    const connector = connect();
    return { connector, dispose: () => connector.close() };
  },
  { name: 'occi → text/plain-only OCCI server (auto rendering)', pollIntervalMs: 10, settleTimeoutMs: 5_000, image: 'alpine' },
);

describe('occi connector against a text/plain-only server', () => {
  const open: OcciConnector[] = [];
  const make = (extra: Parameters<typeof connect>[0] = {}) => {
    const c = connect(extra);
    open.push(c);
    return c;
  };
  afterEach(async () => {
    server.faults.length = 0;
    for (const c of open.splice(0)) await c.close();
  });

  it('falls back from JSON to text/plain on 406 and stays there', async () => {
    const warnings: string[] = [];
    const c = make({ onWarning: (m) => warnings.push(m) });
    await c.regions();
    expect(c.rendering()).toBe('text/plain');
    expect(warnings.some((w) => /406/.test(w) && /text\/plain/.test(w))).toBe(true);
  });

  it('reads offers from the resource templates (sizes from titles) and skips a template of unknown size', async () => {
    const warnings: string[] = [];
    const c = make({ onWarning: (m) => warnings.push(m) });
    const [region] = await c.regions();
    expect(region).toMatchObject({ id: 'vendor.default', providerId: 'vendor', country: 'FR', timeZone: 'Europe/Paris' });
    const { offers } = await c.offers();
    expect(offers.map((o) => [o.id, o.vcpu, o.memoryGiB, o.pricePerHour])).toEqual([
      ['vendor.default:tiny', 1, 2, 0.01],
      ['vendor.default:big', 4, 8, 0.05],
    ]);
    expect(warnings.some((w) => w.includes('mystery'))).toBe(true);
    expect((await c.images()).map((i) => i.id)).toEqual(['alpine']);
  });

  it('a create whose reply is lost is not made twice when repeated', async () => {
    const c = make();
    const spec = { kind: 'compute', idempotencyKey: 'lost-reply-0001', regionId: 'vendor.default', offerId: 'vendor.default:tiny', name: 'lost' } as const;
    server.faults.push({ status: 503, method: 'POST', afterWork: true });
    await expect(c.create(spec)).rejects.toMatchObject({ kind: 'transient' });
    const again = await c.create(spec);
    const mine = [...server.entities.values()].filter((e) => e.summary === 'accords-connector provider=vendor key=lost-reply-0001');
    expect(mine.map((e) => e.location)).toEqual([again.id]);
    expect(again.state).toBe('active');
    await c.delete(again.id);
  });

  it('resizes by swapping the resource template, leaving exactly one', async () => {
    const c = make();
    const vm = await c.create({ kind: 'compute', idempotencyKey: 'resize-key-0001', regionId: 'vendor.default', offerId: 'vendor.default:tiny', name: 'grow' });
    const grown = await c.resize(vm.id, 'vendor.default:big');
    expect(grown.offerId).toBe('vendor.default:big');
    const stored = server.entities.get(vm.id)!;
    expect(stored.mixins.filter((m) => m.startsWith('http://vendor.example/occi/templates#'))).toEqual(['http://vendor.example/occi/templates#big']);
    expect(stored.attributes).toMatchObject({ 'occi.compute.cores': 4, 'occi.compute.memory': 8, 'occi.compute.state': 'active' });
    await expect(c.resize(vm.id, 'vendor.default:mystery')).rejects.toMatchObject({ kind: 'invalid' });
    await c.delete(vm.id);
  });

  it('puts the old template back when the new one cannot be joined', async () => {
    const c = make();
    const vm = await c.create({ kind: 'compute', idempotencyKey: 'resize-key-0002', regionId: 'vendor.default', offerId: 'vendor.default:tiny', name: 'stay' });
    server.faults.push({ status: 503, method: 'POST' });
    await expect(c.resize(vm.id, 'vendor.default:big')).rejects.toMatchObject({ kind: 'transient' });
    expect(server.entities.get(vm.id)!.mixins).toContain('http://vendor.example/occi/templates#tiny');
    expect((await c.get(vm.id)).offerId).toBe('vendor.default:tiny');
    await c.delete(vm.id);
  });

  it('maps 429 with Retry-After to throttled with the delay, 503 to transient', async () => {
    const c = make();
    await c.regions();
    server.faults.push({ status: 429, headers: { 'retry-after': '2' } });
    await expect(c.list()).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 2000, backendCode: 429 });
    server.faults.push({ status: 503, headers: { 'retry-after': '1' } });
    await expect(c.get('/compute/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ kind: 'transient', retryAfterMs: 1000 });
  });

  it('maps refused credentials to auth', async () => {
    const c = make({ basic: { username: USER.username, password: new Secret('wrong', 'test') } });
    await expect(c.regions()).rejects.toMatchObject({ kind: 'auth', backendCode: 401 });
  });

  it('never creates twice behind wrapConnector while the remote fails every other request', async () => {
    const c = make();
    const safe = wrapConnector(c, { retry: { maxAttempts: 10, baseDelayMs: 1 } });
    const specs = Array.from({ length: 6 }, (_, i) => ({ kind: 'storage', idempotencyKey: `flaky-${i}-0001`, regionId: 'vendor.default', name: `vol-${i}`, sizeGiB: 2 }) as const);
    for (let i = 0; i < 12; i++) server.faults.push({ status: 503, afterWork: i % 2 === 0 });
    const made = await Promise.all(specs.map((s) => safe.create(s)));
    for (const [i, r] of made.entries()) {
      const copies = [...server.entities.values()].filter((e) => e.summary === `accords-connector provider=vendor key=flaky-${i}-0001`);
      expect(copies.map((e) => e.location)).toEqual([r.id]);
      expect(r.state).toBe('online');
    }
    for (const r of made) await safe.delete(r.id);
  });
});
