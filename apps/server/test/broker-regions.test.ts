import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalPointAt } from '@accords/model';
import type { Region, SignalSeries } from '@accords/model';
import { backends } from './broker-fixtures/test-db';
import { startBrokerServer } from './broker-fixtures/broker-server';
import type { BrokerServer } from './broker-fixtures/broker-server';

// The loaded connectors' regions at /region/, and each offer's expected carbon per hour at /offer/.

type Entity = { id: string; kind: string; title?: string; attributes: Record<string, unknown>; location?: string };
const REGION_KIND = 'http://schemas.accords.dev/occi/broker#region';
const OFFER_KIND = 'http://schemas.accords.dev/occi/broker#offer';

let s: BrokerServer;
let regions: Region[];
let signals: SignalSeries[];

beforeAll(async () => {
  s = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl() });
  regions = (await Promise.all(s.connectors.map((c) => c.regions()))).flat();
  signals = (await s.broker.runtime.supply()).signals;
});
afterAll(async () => {
  await s?.close();
});

const list = async (path: string) => (await s.json<{ resources?: Entity[] }>(path)).resources ?? [];

describe('GET /region/', () => {
  it('lists every loaded connector’s region as the model’s region kind, with its country, PUE and zone', async () => {
    expect(regions.length).toBeGreaterThan(3);
    const served = await list('/region/');
    expect(served.map((r) => r.id).sort()).toEqual(regions.map((r) => r.id).sort());
    for (const region of regions) {
      const entity = served.find((e) => e.id === region.id)!;
      expect(entity.kind).toBe(REGION_KIND);
      expect(entity.location).toBe(`/region/${region.id}`);
      expect(entity.attributes).toMatchObject({
        'accords.region.providerId': region.providerId, 'accords.region.country': region.country,
        'accords.region.pue': region.pue, 'accords.region.zone': region.zone,
      });
    }
  });

  it('serves one region in every rendering, and 404 for an unknown id', async () => {
    const region = regions[0]!;
    expect(await s.json<Entity>(`/region/${region.id}`)).toMatchObject({ id: region.id, attributes: { 'accords.region.country': region.country } });
    const text = await s.call(`/region/${region.id}`, { accept: 'text/plain' });
    expect(text.status).toBe(200);
    const body = await text.text();
    expect(body).toContain(`Category: region; scheme="http://schemas.accords.dev/occi/broker#"`);
    expect(body).toContain(`X-OCCI-Attribute: accords.region.country="${region.country}"`);
    const occi = await s.call(`/region/${region.id}`, { accept: 'text/occi' });
    expect(occi.headers.get('x-occi-attribute')).toContain(`accords.region.pue=${region.pue}`);
    const uris = await s.call('/region/', { accept: 'text/uri-list' });
    expect((await uris.text()).trim().split(/\r?\n/).sort()).toEqual(regions.map((r) => `/region/${r.id}`).sort());
    const missing = await s.call('/region/nowhere-1');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('filters by attribute and category, and pages with `page` and `number`', async () => {
    const country = regions[0]!.country;
    const inCountry = await list(`/region/?attribute=${encodeURIComponent(`accords.region.country=${country}`)}`);
    expect(inCountry.map((r) => r.id).sort()).toEqual(regions.filter((r) => r.country === country).map((r) => r.id).sort());
    expect(await list(`/region/?category=${encodeURIComponent(REGION_KIND)}`)).toHaveLength(regions.length);
    expect(await list(`/region/?category=${encodeURIComponent(OFFER_KIND)}`)).toEqual([]);
    const all = (await list('/region/')).map((r) => r.id);
    const first = (await list('/region/?page=1&number=2')).map((r) => r.id);
    const second = (await list('/region/?page=2&number=2')).map((r) => r.id);
    expect(first).toEqual(all.slice(0, 2));
    expect(second).toEqual(all.slice(2, 4));
    expect(await list(`/region/?page=${Math.ceil(all.length / 2) + 1}&number=2`)).toEqual([]);
    expect((await s.call('/region/?number=100000')).status).toBe(413);
  });

  it('is read-only: 405 on every write, and nothing changes', async () => {
    const id = regions[0]!.id;
    const body = JSON.stringify({ id: 'new-1', kind: REGION_KIND, attributes: {} });
    for (const [method, path] of [['POST', '/region/'], ['PUT', `/region/${id}`], ['POST', `/region/${id}`], ['DELETE', `/region/${id}`], ['DELETE', '/region/']] as const) {
      const res = await s.call(path, { method, body: method === 'DELETE' ? undefined : body, headers: { 'content-type': 'application/occi+json' } });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(await res.json()).toMatchObject({ error: { code: 'read_only', status: 405 } });
    }
    expect(await list('/region/')).toHaveLength(regions.length);
  });
});

describe('GET /offer/ with carbon', () => {
  it('gives each offer power × the region zone’s current intensity × the region’s PUE', async () => {
    const at = Date.now();
    const offers = await list('/offer/');
    let withCarbon = 0;
    for (const offer of offers) {
      const a = offer.attributes;
      const region = regions.find((r) => r.id === a['accords.offer.regionId'] && r.providerId === a['accords.offer.providerId'])!;
      const series = signals.find((x) => x.metric === 'carbon-intensity' && x.zone === region.zone);
      const point = series && signalPointAt(series, at);
      const carbon = a['accords.offer.carbonGPerHour'];
      if (!point || a['accords.offer.powerWatts'] === undefined) {
        expect(carbon).toBeUndefined();
        continue;
      }
      withCarbon++;
      expect(carbon).toBeCloseTo((Number(a['accords.offer.powerWatts']) / 1000) * point.value * region.pue, 2);
    }
    expect(withCarbon).toBeGreaterThan(offers.length / 2);
    const one = offers.find((o) => o.attributes['accords.offer.carbonGPerHour'] !== undefined)!;
    expect((await s.json<Entity>(`/offer/${one.id}`)).attributes['accords.offer.carbonGPerHour']).toBe(one.attributes['accords.offer.carbonGPerHour']);
  });

  it('omits the carbon rather than inventing one when no signal is loaded', async () => {
    const bare = await startBrokerServer({ databaseUrl: backends[0]!.freshUrl(), broker: { signals: () => [] } });
    try {
      const offers = await bare.json<{ resources: Entity[] }>('/offer/');
      expect(offers.resources.length).toBeGreaterThan(3);
      for (const o of offers.resources) expect(o.attributes).not.toHaveProperty('accords.offer.carbonGPerHour');
      expect((await bare.json<{ resources: Entity[] }>('/region/')).resources).toHaveLength(regions.length);
    } finally {
      await bare.close();
    }
  });
});
