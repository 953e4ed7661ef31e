import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimConnector } from '@accords/connector-sim';
import { backends } from './broker-fixtures/test-db';
import { startBrokerServer, until, WEB_SHOP } from './broker-fixtures/broker-server';
import type { BrokerServer } from './broker-fixtures/broker-server';

type Entity = { id: string; kind: string; mixins: string[]; title?: string; attributes: Record<string, unknown>; location?: string };
type Links = { links?: { source: { location: string }; target: { location: string } }[] };

const small = (name: string, extra = '') => `apiVersion: accords.dev/v1
name: ${name}
nodes:
  - { name: app, cores: 1, memoryGiB: 2, image: ubuntu-24.04, count: { initial: 2 } }
terms:
  price: { currency: EUR }
${extra}`;

describe.each(backends)('broker steps over HTTP on $name', (backend) => {
  let s: BrokerServer;
  beforeAll(async () => {
    s = await startBrokerServer({ databaseUrl: backend.freshUrl(), broker: { watchMs: 250 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const submit = async (yaml: string): Promise<string> => {
    const res = await s.call('/manifest/', { method: 'POST', body: yaml, headers: { 'content-type': 'application/yaml' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const m = await s.json<Entity>(new URL(res.headers.get('location')!).pathname);
    return m.attributes['accords.manifest.agreement'] as string;
  };
  const agreement = (loc: string) => s.json<Entity>(loc);
  const untilPhase = (loc: string, phase: string) =>
    until(async () => {
      const a = await agreement(loc);
      if (a.attributes['accords.agreement.phase'] === 'failed' && phase !== 'failed') throw new Error(String(a.attributes['accords.agreement.reason']));
      return a.attributes['accords.agreement.phase'] === phase ? a : undefined;
    }, { what: `phase ${phase}` });
  const computesOf = async (loc: string): Promise<Entity[]> => {
    const links = await s.json<Links>('/agreement_link/');
    const mine = (links.links ?? []).filter((l) => l.target.location.endsWith(loc) && l.source.location.startsWith('/compute/'));
    return Promise.all(mine.map((l) => s.json<Entity>(l.source.location)));
  };

  it('dry run answers the plan and stores nothing, for a document and for an OCCI manifest resource', async () => {
    const before = await s.json<{ resources?: unknown[] }>('/manifest/');
    const yaml = await s.call('/manifest/?dryrun=1', { method: 'POST', body: WEB_SHOP, headers: { 'content-type': 'application/yaml' } });
    expect(yaml.status).toBe(200);
    const plan = (await yaml.json()) as { decisions: unknown[]; pricePerHour: number; currency: string };
    expect(plan.decisions).toHaveLength(5);
    expect(plan.currency).toBe('EUR');
    const occi = await s.call('/manifest/?dryrun=1', {
      method: 'POST', headers: { 'content-type': 'application/occi+json' },
      body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/broker#manifest', attributes: { 'accords.manifest.document': small('dry') } }),
    });
    expect(occi.status, await occi.clone().text()).toBe(200);
    expect(((await occi.json()) as { decisions: unknown[] }).decisions).toHaveLength(2);
    const text = await s.call('/manifest/?dryrun=1', { method: 'POST', body: small('dry'), headers: { 'content-type': 'application/yaml' }, accept: 'text/plain' });
    expect(await text.text()).toMatch(/X-OCCI-Attribute: accords\.plan\.price_per_hour=/);
    const after = await s.json<{ resources?: unknown[] }>('/manifest/');
    expect(after.resources?.length ?? 0).toBe(before.resources?.length ?? 0);
  });

  it('serves the connectors\' offers as OCCI resources, filtered, read-only', async () => {
    const all = await s.json<{ resources: Entity[] }>('/offer/');
    expect(all.resources.length).toBeGreaterThan(50);
    const region = String(all.resources[0]!.attributes['accords.offer.regionId']);
    const some = await s.json<{ resources: Entity[] }>(`/offer/?attribute=${encodeURIComponent(`accords.offer.regionId=${region}`)}`);
    expect(some.resources.length).toBeGreaterThan(0);
    expect(some.resources.length).toBeLessThan(all.resources.length);
    expect(some.resources.every((o) => o.attributes['accords.offer.regionId'] === region)).toBe(true);
    const one = await s.call(`/offer/${encodeURIComponent(all.resources[0]!.id)}`, { accept: 'text/plain' });
    expect(one.status).toBe(200);
    expect(await one.text()).toMatch(/^Category: offer; scheme="http:\/\/schemas\.accords\.dev\/occi\/broker#"; class="kind"/m);
    const uris = await s.call('/offer/', { accept: 'text/uri-list' });
    expect((await uris.text()).split('\n').filter(Boolean)).toHaveLength(all.resources.length);
    expect((await s.call('/offer/nope', {})).status).toBe(404);
    expect((await s.call('/offer/', { method: 'POST', body: '{}', headers: { 'content-type': 'application/occi+json' } })).status).toBe(405);
  });

  it('refuses an invalid manifest with its JSON pointer, line and column, and stores nothing', async () => {
    const bad = small('bad').replace('cores: 1', 'cores: -1');
    const res = await s.call('/manifest/', { method: 'POST', body: bad, headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; location: { pointer: string; line: number; column: number } } };
    expect(body.error.code).toBe('schema_violation');
    expect(body.error.location.pointer).toBe('/nodes/0/cores');
    expect(body.error.location.line).toBe(4);
    const cyclic = `apiVersion: accords.dev/v1
name: cyclic
nodes:
  - { name: a, cores: 1, memoryGiB: 1 }
  - { name: b, cores: 1, memoryGiB: 1 }
relations:
  - { from: a, to: b, type: depends-on }
  - { from: b, to: a, type: depends-on }
terms: {}
`;
    const sem = await s.call('/manifest/', { method: 'POST', body: cyclic, headers: { 'content-type': 'application/yaml' } });
    expect(sem.status).toBe(422);
    const occi = await s.call('/manifest/', {
      method: 'POST', headers: { 'content-type': 'application/occi+json' },
      body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/broker#manifest', attributes: { 'accords.manifest.document': bad } }),
    });
    expect(occi.status).toBe(400);
    const err = (await occi.json()) as { error: { location: { attribute: string; pointer: string } } };
    expect(err.error.location.attribute).toBe('accords.manifest.document');
    expect(err.error.location.pointer).toBe('/nodes/0/cores');
    expect((await s.json<{ resources?: Entity[] }>('/manifest/')).resources?.some((m) => String(m.attributes['accords.manifest.name']) === 'bad')).toBeFalsy();
  });

  it('creates through an OCCI manifest resource too; reject discards the plan; accept is then refused', async () => {
    const res = await s.call('/manifest/', {
      method: 'POST', headers: { 'content-type': 'application/occi+json' },
      body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/broker#manifest', attributes: { 'accords.manifest.document': small('occi-made') } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const m = (await res.json()) as Entity;
    const loc = m.attributes['accords.manifest.agreement'] as string;
    expect((await agreement(loc)).attributes['occi.agreement.state']).toBe('pending');
    expect((await s.call(`${loc}?action=reject`, { method: 'POST' })).status).toBe(200);
    const rejected = await agreement(loc);
    expect(rejected.attributes['occi.agreement.state']).toBe('rejected');
    const again = await s.call(`${loc}?action=accept`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(await computesOf(loc)).toHaveLength(0);
  });

  it('runs service-wide and single-entity actions through the provider and the state machines', async () => {
    const loc = await submit(small('actions'));
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    const running = await untilPhase(loc, 'running');
    const service = running.attributes['accords.agreement.service'] as string;
    expect(service).toMatch(/^\/service\//);
    expect((await s.call(`${service}?action=stop`, { method: 'POST' })).status).toBe(200);
    await until(async () => ((await computesOf(loc)).every((c) => c.attributes['occi.compute.state'] === 'inactive') ? true : undefined), { what: 'computes stopped' });
    const [one] = await computesOf(loc);
    const illegal = await s.call(`${one!.location ?? `/compute/${one!.id}`}?action=suspend`, { method: 'POST' });
    expect(illegal.status).toBe(409);
    const started = await s.call(`/compute/${one!.id}?action=start`, { method: 'POST' });
    expect(started.status, await started.clone().text()).toBe(200);
    expect(((await started.json()) as Entity).attributes['occi.compute.state']).toBe('active');
    const atProvider = (await Promise.all(s.connectors.map((c) => c.list()))).flat().find((p) => p.id === one!.attributes['accords.resource.providerResourceId']);
    expect(atProvider?.state).toBe('active');
  });

  it('records usage per second, rates an invoice with the contract prices, and evaluates guarantees', async () => {
    const loc = await submit(small('billed', `  guarantees:
    - { name: up, metric: availability, comparator: ge, target: 99, window: PT1H, obligated: provider, remedy: { type: credit, percent: 10 } }
    - { name: fast, metric: provisioning-time, comparator: lt, target: 0.000001, window: PT1S, obligated: broker, remedy: { type: penalty, amount: 5 } }
`));
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    await untilPhase(loc, 'running');
    const usage = await until(async () => {
      const u = await s.json<{ usage: { resourceId: string; seconds: number; pricePerHour: number; currency: string }[] }>(`/usage/?agreement=${loc.split('/').pop()}`);
      return u.usage.reduce((t, r) => t + r.seconds, 0) >= 4 ? u.usage : undefined;
    }, { what: 'usage records', timeoutMs: 20_000 });
    expect(usage.every((u) => u.currency === 'EUR' && u.pricePerHour > 0)).toBe(true);
    // The same records are OCCI entities of the model's usage kind, filterable and in every rendering.
    const filter = `?attribute=${encodeURIComponent(`accords.usage.agreement=${loc}`)}`;
    const entities = await until(async () => {
      const list = await s.json<{ resources?: Entity[] }>(`/usage/${filter}`);
      return (list.resources?.length ?? 0) >= usage.length ? list.resources : undefined;
    }, { what: 'usage entities' });
    for (const e of entities) {
      expect(e.kind).toBe('http://schemas.accords.dev/occi/broker#usage');
      expect(e.attributes['accords.usage.agreement']).toBe(loc);
      expect(e.attributes['accords.usage.currency']).toBe('EUR');
      expect(e.attributes['accords.usage.seconds']).toBe(usage.find((u) => u.resourceId === e.attributes['accords.usage.resourceId'] && u.seconds === e.attributes['accords.usage.seconds'])?.seconds);
    }
    const contract = (await agreement(loc)).attributes['accords.agreement.contractId'];
    expect(entities.every((e) => e.attributes['accords.usage.contractId'] === contract)).toBe(true);
    const text = await s.call(`/usage/${filter}`, { accept: 'text/plain' });
    expect(text.status).toBe(200);
    expect(await text.text()).toContain(`X-OCCI-Location: /usage/${entities[0]!.id}`);
    const one = await s.call(`/usage/${entities[0]!.id}`, { accept: 'text/plain' });
    expect(await one.text()).toMatch(/accords\.usage\.seconds="?\d+/);
    const other = await s.json<{ resources?: Entity[] }>(`/usage/?attribute=${encodeURIComponent('accords.usage.agreement=/agreement/none')}`);
    expect(other.resources ?? []).toHaveLength(0);
    const invoice = await until(async () => {
      const list = await s.json<{ resources?: Entity[] }>('/invoice/');
      const inv = list.resources?.find((r) => r.attributes['accords.invoice.contractId'] !== undefined && r.title?.startsWith('billed'));
      const lines = (inv?.attributes['accords.invoice.lines'] as { type: string }[] | undefined) ?? [];
      return inv && lines.some((l) => l.type === 'penalty') ? inv : undefined;
    }, { what: 'an invoice with usage and penalty lines', timeoutMs: 20_000 });
    const field = (name: string) => invoice.attributes[`accords.invoice.${name}`];
    const doc = {
      lines: field('lines') as { type: string; amount: number; quantity: number; unitPrice: number }[], total: field('total') as number, subtotal: field('subtotal') as number,
      penalties: field('penalties') as number, currency: field('currency') as string, status: field('status') as string,
    };
    expect(invoice.attributes['accords.invoice.agreement']).toBe(loc);
    expect(doc.currency).toBe('EUR');
    expect(doc.status).toBe('draft');
    expect(doc.lines.filter((l) => l.type === 'usage')).toHaveLength(2);
    for (const l of doc.lines.filter((x) => x.type === 'usage')) expect(l.amount).toBeCloseTo(Math.round(l.quantity * l.unitPrice * 100) / 100, 2);
    expect(doc.penalties).toBeGreaterThanOrEqual(5);
    expect(doc.total).toBeCloseTo(doc.subtotal + doc.penalties, 2);
    const terms = (await agreement(loc)).attributes['accords.agreement.termStates'] as { name: string; state: string }[];
    expect(terms.find((t) => t.name === 'up')?.state).toBe('fulfilled');
    expect(terms.find((t) => t.name === 'fast')?.state).toBe('violated');
  });

  it('reconciles: repairs a resource that died, reports one the provider has that Accords does not know, never deletes it', async () => {
    const loc = await submit(small('watched'));
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    await untilPhase(loc, 'running');
    const [victim] = await computesOf(loc);
    const providerId = String(victim!.attributes['accords.resource.providerId']);
    const sim = s.connectors.find((c) => c.providerId === providerId) as SimConnector;
    sim.kill(String(victim!.attributes['accords.resource.providerResourceId']));
    const region = String(victim!.attributes['accords.resource.regionId']);
    const offer = String(victim!.attributes['accords.resource.offerId']);
    const stranger = await sim.create({ kind: 'compute', idempotencyKey: 'made-outside-accords', regionId: region, offerId: offer, name: 'stranger' });
    await until(async () => {
      const report = s.broker.runtime.lastReconcile;
      return report?.repaired.includes(victim!.id) && report.unknown.some((u) => u.id === stranger.id) ? true : undefined;
    }, { what: 'reconciliation', timeoutMs: 20_000 });
    expect((await sim.get(String(victim!.attributes['accords.resource.providerResourceId']))).state).toBe('active');
    expect((await sim.get(stranger.id)).state).not.toBe('error');
    const listed = await s.json<{ unknown: { providerId: string; id: string; name: string; idempotencyKey?: string; firstSeen: string }[] }>('/broker/unknown');
    expect(listed.unknown.find((u) => u.id === stranger.id)).toMatchObject({ providerId, name: 'stranger', idempotencyKey: 'made-outside-accords' });
    const text = await s.call('/broker/unknown', { accept: 'text/plain' });
    expect(await text.text()).toContain(`${providerId} ${stranger.id} stranger`);
    // Only administrators may read it: a tenant's token gets 403 with a code.
    const made = await s.call('/tenant/', {
      method: 'POST', accept: 'application/occi+json', headers: { 'content-type': 'application/occi+json' },
      body: JSON.stringify({ id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', attributes: { 'accords.tenant.name': `t-${randomUUID().slice(0, 8)}` } }),
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const token = ((await made.json()) as Entity).attributes['accords.tenant.token'] as string;
    const refused = await fetch(`${s.url}/broker/unknown`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('forbidden');
  });

  it('streams progress as Server-Sent Events', async () => {
    const loc = await submit(small('streamed'));
    const ac = new AbortController();
    const res = await s.call(`${loc}/events`, { accept: 'text/event-stream', signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    while (!/"phase":"running"/.test(text) || !/"state":"succeeded"/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    ac.abort();
    expect(text).toMatch(/event: state\ndata: \{"agreement":/);
    expect(text).toMatch(/event: job\ndata: \{"job":"[^"]+","kind":"broker.provision","state":"succeeded"/);
    expect(text).toMatch(/"phase":"running"/);
  });

  it('terminate releases every resource at its provider and removes its entities', async () => {
    const loc = await submit(small('ended'));
    expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
    await untilPhase(loc, 'running');
    const ids = (await computesOf(loc)).map((c) => String(c.attributes['accords.resource.providerResourceId']));
    expect((await s.call(`${loc}?action=terminate`, { method: 'POST' })).status).toBe(200);
    const ended = await untilPhase(loc, 'released');
    expect(ended.attributes['occi.agreement.state']).toBe('terminated');
    const left = (await Promise.all(s.connectors.map((c) => c.list()))).flat().filter((p) => ids.includes(p.id));
    expect(left).toEqual([]);
    expect(await computesOf(loc)).toHaveLength(0);
  });
});

describe.each(backends)('compensation on $name', (backend) => {
  it('fails with the cause and releases what was made when the plan cannot be completed', async () => {
    const s = await startBrokerServer({ databaseUrl: backend.freshUrl(), sim: { quota: { instances: 1 } } });
    try {
      const res = await s.call('/manifest/', { method: 'POST', body: small('too-big').replace('initial: 2', 'initial: 3').replace('terms:', 'groups:\n  - { name: one-provider, policy: affinity, scope: provider, nodes: [app] }\nterms:'), headers: { 'content-type': 'application/yaml' } });
      expect(res.status, await res.clone().text()).toBe(201);
      const m = await s.json<Entity>(new URL(res.headers.get('location')!).pathname);
      const loc = m.attributes['accords.manifest.agreement'] as string;
      expect((await s.call(`${loc}?action=accept`, { method: 'POST' })).status).toBe(200);
      const failed = await until(async () => {
        const a = await s.json<Entity>(loc);
        return a.attributes['accords.agreement.phase'] === 'failed' ? a : undefined;
      }, { what: 'the agreement to fail' });
      expect(String(failed.attributes['accords.agreement.reason'])).toMatch(/quota/);
      await until(async () => ((await Promise.all(s.connectors.map((c) => c.list()))).flat().length === 0 ? true : undefined), { what: 'compensation' });
    } finally {
      await s.close();
    }
  });
});
