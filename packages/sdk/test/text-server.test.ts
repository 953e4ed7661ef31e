import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, OcciClientError, type Client } from '../src/index';
import { startTextOcciServer, type TextOcciServer } from './support/text-occi-server';

// The SDK driven over a real socket against a minimal OCCI server that speaks only the text
// renderings (written in test/support by hand, independently of @accords/occi).

const INFRA = 'http://schemas.ogf.org/occi/infrastructure#';
let server: TextOcciServer;
let client: Client;

beforeAll(async () => {
  server = await startTextOcciServer({ token: 'secret' });
  client = createClient({ url: server.url, token: 'secret', rendering: 'text/plain', retries: { retries: 3, minDelayMs: 1, maxDelayMs: 10 } });
});
afterAll(async () => {
  await server.close();
});

describe.each(['text/plain', 'text/occi'] as const)('SDK against a text-only OCCI server (%s)', (rendering) => {
  let c: Client;
  beforeAll(() => {
    c = createClient({ url: server.url, token: 'secret', rendering, retries: { retries: 3, minDelayMs: 1, maxDelayMs: 10 } });
  });

  it('discovers the model through the query interface, once', async () => {
    const before = server.log.filter((l) => l.line.startsWith('GET /-/')).length;
    const model = await c.model();
    await c.model();
    expect(server.log.filter((l) => l.line.startsWith('GET /-/')).length).toBe(before + 1);
    expect(model.locationOf('compute')).toBe('/compute/');
    expect(model.kind('compute').actions).toContain('http://schemas.ogf.org/occi/infrastructure/compute/action#start');
    expect(model.mixin('debian').location).toBe('/debian/');
  });

  it('creates, reads, updates, acts on and deletes a compute', async () => {
    const vm = await c.entities.create({ kind: 'compute', mixins: ['debian'], title: 'web-1', attributes: { 'occi.compute.cores': 2, 'occi.compute.hostname': 'web-1' } });
    expect(vm.location).toMatch(/^\/compute\/\d{4}$/);
    expect(vm.kind).toBe(`${INFRA}compute`);
    expect(vm.mixins).toEqual(['http://example.org/os#debian']);
    expect(vm.title).toBe('web-1');
    expect(vm.attributes['occi.compute.cores']).toBe(2);
    expect(vm.attributes['occi.compute.state']).toBe('inactive');
    expect(vm.etag).toBe('"v1"');

    const updated = await c.entities.update(vm.location!, { attributes: { 'occi.compute.memory': 4 } });
    expect(updated.attributes['occi.compute.memory']).toBe(4);
    expect(updated.attributes['occi.compute.cores']).toBe(2);

    await c.entities.trigger(vm.location!, 'start');
    expect((await c.entities.get(vm.location!)).attributes['occi.compute.state']).toBe('active');
    const again = await c.entities.trigger(vm.location!, 'start').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(OcciClientError);
    expect(again).toMatchObject({ status: 409, message: 'start is not applicable in state active' });

    await c.entities.delete(vm.location!);
    await expect(c.entities.get(vm.location!)).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('replaces a whole entity only while its ETag still matches', async () => {
    const vm = await c.entities.create({ kind: 'compute', attributes: { 'occi.compute.cores': 1 } });
    const replaced = await c.entities.replace(vm.location!, { ...vm, attributes: { 'occi.compute.cores': 8 }, links: [] }, { ifMatch: vm.etag });
    expect(replaced.attributes['occi.compute.cores']).toBe(8);
    const stale = await c.entities.replace(vm.location!, { ...vm, links: [] }, { ifMatch: vm.etag }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ status: 412, code: 'precondition_failed' });
  });

  it('creates inline links and stand-alone links', async () => {
    const net = await c.entities.create({ kind: 'network', attributes: { 'occi.network.vlan': 12 } });
    const vm = await c.entities.create({ kind: 'compute', links: [{ target: net.location!, kind: 'networkinterface', attributes: { 'occi.networkinterface.interface': 'eth0' } }] });
    expect('links' in vm && vm.links).toHaveLength(1);
    const link = 'links' in vm ? vm.links[0]! : undefined;
    expect(link?.target.location).toBe(net.location);
    expect(link?.kind).toBe(`${INFRA}networkinterface`);

    const other = await c.entities.create({ kind: 'compute' });
    const standalone = await c.entities.link({ source: other.location!, target: net.location!, kind: 'networkinterface', attributes: { 'occi.networkinterface.interface': 'eth1' } });
    expect(standalone.location).toMatch(/\/networkinterface\/\d{4}$/);
    expect('source' in standalone && standalone.source.location).toMatch(/\/compute\/\d{4}$/);
  });

  it('associates entities with mixins and lists members', async () => {
    const a = await c.entities.create({ kind: 'compute' });
    const b = await c.entities.create({ kind: 'compute' });
    await c.mixins.associate('debian', [a.location!, b.location!]);
    const members: string[] = [];
    for await (const l of c.entities.locations('debian')) members.push(l);
    expect(members).toEqual(expect.arrayContaining([a.location, b.location]));
    await c.mixins.dissociate('debian', [a.location!]);
    expect((await c.entities.get(a.location!)).mixins).toEqual([]);
    expect((await c.entities.get(b.location!)).mixins).toEqual(['http://example.org/os#debian']);
  });
});

describe('SDK against a text-only OCCI server: the rest', () => {
  it('defines and deletes a user mixin, refreshing the cached model', async () => {
    const tag = await client.mixins.create({ scheme: 'http://example.org/tags#', term: `prod${Date.now() % 1000}`, title: 'Production' });
    expect(tag.location).toBe(`/${tag.term}/`);
    expect((await client.model()).mixin(tag.term).title).toBe('Production');
    const vm = await client.entities.create({ kind: 'compute', mixins: [tag.term] });
    await client.mixins.delete(tag.term);
    await expect(client.model().then((m) => m.mixin(tag.term))).rejects.toThrow(/no mixin/);
    expect((await client.entities.get(vm.location!)).mixins).toEqual([]);
    await expect(client.mixins.delete('os_tpl')).rejects.toMatchObject({ status: 403 });
  });

  it('walks pages lazily, with filters as query parameters', async () => {
    for (let i = 0; i < 7; i++) await client.entities.create({ kind: 'compute', attributes: { 'occi.compute.hostname': i % 2 ? 'odd' : 'even' } });
    const pageRequests = () => server.log.filter((l) => l.line.includes('page=')).length;
    const before = pageRequests();
    const odd: string[] = [];
    for await (const e of client.entities.list('compute', { pageSize: 2, filter: { attributes: { 'occi.compute.hostname': 'odd' } } })) odd.push(String(e.attributes['occi.compute.hostname']));
    expect(odd).toEqual(['odd', 'odd', 'odd']);
    expect(pageRequests() - before).toBe(2);
    const seen = server.log.filter((l) => l.line.includes('attribute=')).at(-1)!;
    expect(seen.line).toContain('attribute=occi.compute.hostname%3Dodd');
    expect(seen.accept).toBe('text/uri-list, text/plain;q=0.9');
    await expect(async () => {
      for await (const _ of client.entities.locations('compute', { pageSize: 51 })) void _;
    }).rejects.toMatchObject({ status: 413 });
  });

  it('acts on a whole collection and deletes all of a kind', async () => {
    await client.entities.create({ kind: 'compute' });
    await client.entities.deleteAll('compute');
    const left: string[] = [];
    for await (const l of client.entities.locations('compute')) left.push(l);
    expect(left).toEqual([]);
  });

  it('retries GETs through 503s, but not a create', async () => {
    server.failNext(2);
    expect((await client.model({ refresh: true })).locationOf('compute')).toBe('/compute/');
    server.failNext(1);
    await expect(client.entities.create({ kind: 'compute' })).rejects.toMatchObject({ status: 503, message: 'overloaded, try again' });
  });

  it('reports a bad token, a server that speaks no JSON, and an unknown kind', async () => {
    const wrong = createClient({ url: server.url, token: 'nope', rendering: 'text/plain' });
    await expect(wrong.model()).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: 'authentication required' });
    const json = createClient({ url: server.url, token: 'secret' });
    await expect(json.model()).rejects.toMatchObject({ status: 406, code: 'not_acceptable' });
    await expect(client.entities.create({ kind: 'compote' })).rejects.toMatchObject({ code: 'unknown_category', message: expect.stringContaining('no kind "compote"') });
  });
});
