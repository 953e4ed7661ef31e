import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { LinkData, ResourceData } from '@accords/occi';
import { describeEachBackend } from './helpers/harness';
import { NETWORK, NETWORKINTERFACE, RENDERINGS, STORAGE, STORAGELINK, compute, decode, occi } from './helpers/occi-wire';

const MAC = '02:00:00:00:00:01';

function link(source: string, target: string, kind = NETWORKINTERFACE): LinkData {
  const attributes = kind === NETWORKINTERFACE ? { 'occi.networkinterface.mac': MAC } : { 'occi.storagelink.deviceid': 'vdb' };
  return { id: randomUUID(), kind, mixins: [], attributes, source: { location: source }, target: { location: target } } as unknown as LinkData;
}

describeEachBackend('links', (h) => {
  let network: string;
  let storage: string;
  beforeAll(async () => {
    const net = await h().call('/network/', { method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: NETWORK, mixins: [], attributes: {}, links: [] } as unknown as ResourceData) });
    network = new URL(net.headers.get('location')!).pathname;
    const disk = await h().call('/storage/', { method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: STORAGE, mixins: [], attributes: { 'occi.storage.size': 10 }, links: [] } as unknown as ResourceData) });
    expect(disk.status, await disk.clone().text()).toBe(201);
    storage = new URL(disk.headers.get('location')!).pathname;
  });

  for (const type of RENDERINGS) {
    it(`creates a resource with inline links in ${type}`, async () => {
      const resource = { ...compute(), links: [link('', network)] } as ResourceData;
      const res = await h().call('/compute/', { method: 'POST', ...occi('resource', type, resource) });
      expect(res.status, await res.clone().text()).toBe(201);
      const location = new URL(res.headers.get('location')!).pathname;
      const read = await decode('resource', await h().call(location, { headers: { accept: 'application/occi+json' } }));
      expect(read.links).toHaveLength(1);
      expect(read.links[0]!.target.location).toBe(network);
      expect(read.links[0]!.source.location).toBe(location);
      const linkLocation = read.links[0]!.location!;
      expect(linkLocation).toMatch(/^\/networkinterface\//);
      const own = await h().call(linkLocation, { headers: { accept: type } });
      expect(own.status).toBe(200);
    });

    it(`creates a stand-alone link at the link kind's location in ${type}`, async () => {
      const c = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
      const source = new URL(c.headers.get('location')!).pathname;
      const res = await h().call('/storagelink/', { method: 'POST', ...occi('link', type, link(source, storage, STORAGELINK)) });
      expect(res.status, await res.clone().text()).toBe(201);
      const created = await decode('link', res);
      expect(created.source.location).toBe(source);
      expect(created.target.location).toBe(storage);
    });
  }

  it('checks occi.core.source and occi.core.target', async () => {
    const c = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
    const source = new URL(c.headers.get('location')!).pathname;
    const badTarget = await h().call('/networkinterface/', { method: 'POST', ...occi('link', 'application/json', link(source, '/network/missing')) });
    expect(badTarget.status).toBe(400);
    expect(await badTarget.text()).toContain('occi.core.target');
    const badSource = await h().call('/networkinterface/', { method: 'POST', ...occi('link', 'application/json', link('/compute/missing', network)) });
    expect(badSource.status).toBe(400);
    expect(await badSource.text()).toContain('occi.core.source');
  });

  it("deleting a resource deletes its links, from it and to it", async () => {
    const c = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', { ...compute(), links: [link('', network)] } as ResourceData) });
    const source = new URL(c.headers.get('location')!).pathname;
    const read = await decode('resource', await h().call(source, { headers: { accept: 'application/json' } }));
    const linkLocation = read.links[0]!.location!;
    const net2 = await h().call('/network/', { method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: NETWORK, mixins: [], attributes: {}, links: [] } as unknown as ResourceData) });
    const target = new URL(net2.headers.get('location')!).pathname;
    const toIt = await h().call('/networkinterface/', { method: 'POST', ...occi('link', 'application/json', link(source, target)) });
    const toItLocation = new URL(toIt.headers.get('location')!).pathname;
    expect((await h().call(target, { method: 'DELETE' })).status).toBe(200);
    expect((await h().call(toItLocation)).status).toBe(404);
    expect((await h().call(linkLocation)).status).toBe(200);
    expect((await h().call(source, { method: 'DELETE' })).status).toBe(200);
    expect((await h().call(linkLocation)).status).toBe(404);
  });

  it('a failed inline link rolls back the whole create', async () => {
    const before = await decode('collection', await h().call('/compute/', { headers: { accept: 'application/json' } }));
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', { ...compute(), links: [link('', '/network/missing')] } as ResourceData) });
    expect(res.status).toBe(400);
    const after = await decode('collection', await h().call('/compute/', { headers: { accept: 'application/json' } }));
    expect(after.resources.length).toBe(before.resources.length);
  });
});
