import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './broker-fixtures/test-db';
import { startBrokerServer, until } from './broker-fixtures/broker-server';
import type { BrokerServer } from './broker-fixtures/broker-server';

type Entity = { id: string; kind: string; mixins: string[]; title?: string; attributes: Record<string, unknown>; location?: string };
type Link = Entity & { source: { location: string }; target: { location: string } };
type Measurement = { guarantee: string; metric: string; value: number; from: string; to: string };

const SENSOR = 'http://schemas.ogf.org/occi/monitoring#sensor';
const COLLECTOR = 'http://schemas.ogf.org/occi/monitoring#collector';

const manifest = `apiVersion: accords.dev/v1
name: monitored
nodes:
  - { name: app, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: 2 } }
terms:
  price: { currency: EUR }
  guarantees:
    - { name: up, metric: availability, comparator: ge, target: 99, window: PT1H, obligated: provider }
    - { name: cheap, metric: price, comparator: le, target: 100, window: PT1H, obligated: broker }
    - { name: quick, metric: latency, comparator: lt, target: 50, window: PT1H, obligated: provider }
`;

describe.each(backends)('broker monitoring over HTTP on $name', (backend) => {
  let s: BrokerServer;
  beforeAll(async () => {
    s = await startBrokerServer({ databaseUrl: backend.freshUrl(), broker: { watchMs: 200 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('measures a running service on an OCCI sensor linked by collectors, and evaluates its guarantees from it', async () => {
    const res = await s.call('/manifest/', { method: 'POST', body: manifest, headers: { 'content-type': 'application/yaml' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const loc = (await s.json<Entity>(new URL(res.headers.get('location')!).pathname)).attributes['accords.manifest.agreement'] as string;
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    const filter = `?attribute=${encodeURIComponent(`accords.sensor.agreement=${loc}`)}`;
    const sensorOf = async () => (await s.json<{ resources?: Entity[] }>(`/sensor/${filter}`)).resources?.[0];
    const running = await until(async () => {
      const a = await s.json<Entity>(loc);
      const sensor = await sensorOf();
      const measured = (sensor?.attributes['accords.sensor.measurements'] as Measurement[] | undefined) ?? [];
      // Provisioning time is measurable once every resource runs: from then on the sensor shows the whole service.
      const whole = measured.some((m) => m.guarantee === 'up') && sensor?.attributes['accords.sensor.provisioningTime'] !== undefined;
      return a.attributes['accords.agreement.phase'] === 'running' && whole ? { a, sensor: sensor! } : undefined;
    }, { what: 'a sensor with measurements of the running service' });

    // The sensor is an ordinary OCCI Monitoring entity, with the measurements on the Accords mixin.
    const sensor = running.sensor;
    expect(sensor.kind).toBe(SENSOR);
    expect(sensor.mixins).toContain('http://schemas.accords.dev/occi/broker#monitored');
    expect(sensor.attributes['occi.sensor.period']).toBe(1);
    const measurements = sensor.attributes['accords.sensor.measurements'] as Measurement[];
    expect(measurements.map((m) => m.guarantee).sort()).toEqual(['cheap', 'up']);
    expect(measurements.some((m) => m.metric === 'latency')).toBe(false);
    expect(sensor.attributes['accords.sensor.latency']).toBeUndefined();
    expect(sensor.attributes['accords.sensor.errorRate']).toBeUndefined();
    expect(sensor.attributes['accords.sensor.provisioningTime']).toBeGreaterThan(0);

    // One collector per resource of the service, from the sensor.
    const links = await s.json<{ links?: Link[] }>('/agreement_link/');
    const computes = (links.links ?? []).filter((l) => l.target.location.endsWith(loc)).map((l) => l.source.location);
    expect(computes).toHaveLength(2);
    const collectors = await until(async () => {
      const all = (await s.json<{ links?: Link[] }>('/collector/')).links ?? [];
      const mine = all.filter((c) => c.source.location.endsWith(sensor.location ?? `/sensor/${sensor.id}`));
      return mine.length === computes.length ? mine : undefined;
    }, { what: 'collectors' });
    expect(collectors.every((c) => c.kind === COLLECTOR && c.attributes['occi.collector.period'] === 1)).toBe(true);
    expect(collectors.map((c) => new URL(c.target.location, s.url).pathname).sort()).toEqual([...computes].map((c) => new URL(c, s.url).pathname).sort());

    // The price measured is the sum of the running resources' contracted prices.
    const prices = await Promise.all(computes.map(async (c) => (await s.json<Entity>(new URL(c, s.url).pathname)).attributes['accords.resource.pricePerHour'] as number));
    const total = Math.round(prices.reduce((t, p) => t + p, 0) * 1e6) / 1e6;
    expect(sensor.attributes['accords.sensor.price']).toBeCloseTo(total, 6);
    expect(measurements.find((m) => m.guarantee === 'cheap')?.value).toBeCloseTo(total, 6);

    // Term states come from the sensor's measurements; the unmeasurable latency stays undefined.
    const terms = await until(async () => {
      const t = (await s.json<Entity>(loc)).attributes['accords.agreement.termStates'] as { name: string; state: string; measured?: number }[];
      return t.find((x) => x.name === 'up')?.state === 'fulfilled' ? t : undefined;
    }, { what: 'evaluated terms' });
    expect(terms.find((t) => t.name === 'cheap')).toMatchObject({ state: 'fulfilled' });
    expect(terms.find((t) => t.name === 'quick')).toEqual({ name: 'quick', state: 'undefined' });

    // Stopping the service lowers the measured availability until the guarantee is violated.
    // (Once each resource has recorded running time: usage is recorded in whole seconds.)
    await until(async () => {
      const u = await s.json<{ usage: { resourceId: string }[] }>(`/usage/?agreement=${loc.split('/').pop()}`);
      return new Set(u.usage.map((r) => r.resourceId)).size === computes.length ? true : undefined;
    }, { what: 'usage of every resource' });
    const service = running.a.attributes['accords.agreement.service'] as string;
    expect((await s.call(`${service}?action=stop`, { method: 'POST' })).status).toBe(200);
    const violated = await until(async () => {
      const now = await sensorOf();
      const up = (now?.attributes['accords.sensor.measurements'] as Measurement[]).find((m) => m.guarantee === 'up');
      const t = (await s.json<Entity>(loc)).attributes['accords.agreement.termStates'] as { name: string; state: string; measured?: number }[];
      const term = t.find((x) => x.name === 'up');
      return up && up.value < 99 && term?.state === 'violated' ? { up, term, now: now! } : undefined;
    }, { what: 'availability below target after a stop' });
    expect(violated.now.attributes['accords.sensor.availability']).toBeLessThan(99);
    expect(violated.term.measured).toBeLessThan(99);
  }, 60_000);
});
