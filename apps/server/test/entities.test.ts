import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LinkData, ResourceData } from '@accords/occi';
import { describeEachBackend } from './helpers/harness';
import { COMPUTE, RENDERINGS, compute, decode, occi } from './helpers/occi-wire';

describeEachBackend('entities', (h) => {
  for (const type of RENDERINGS) {
    describe(type, () => {
      it('POST on the kind collection creates: 201, Location, ETag, and the entity in the same rendering', async () => {
        const res = await h().call('/compute/', { method: 'POST', ...occi('resource', type, compute({ 'occi.compute.cores': 2 })) });
        expect(res.status, await res.clone().text()).toBe(201);
        const location = new URL(res.headers.get('location')!).pathname;
        expect(location).toMatch(/^\/compute\/[0-9a-f-]{36}$/);
        expect(res.headers.get('etag')).toMatch(/^".+"$/);
        expect(res.headers.get('content-type')).toContain(type);
        const created = await decode('resource', res);
        expect(created.kind).toBe(COMPUTE);
        expect(created.attributes['occi.compute.cores']).toBe(2);
        const got = await h().call(location, { headers: { accept: type } });
        expect(got.status).toBe(200);
        expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
        const read = await decode('resource', got);
        expect(read.id).toBe(created.id);
        if (type.includes('json')) expect(read.location).toBe(location);
      });

      it('PUT creates at a client-chosen id, then replaces it keeping its links', async () => {
        const id = `put-${type.replace(/\W/g, '-')}`;
        const first = await h().call(`/compute/${id}`, { method: 'PUT', ...occi('resource', type, { ...compute({ 'occi.compute.cores': 1, 'occi.compute.hostname': 'a' }), id }) });
        expect(first.status, await first.clone().text()).toBe(201);
        const net = await h().call('/network/', { method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: 'http://schemas.ogf.org/occi/infrastructure#network', mixins: [], attributes: {}, links: [] } as unknown as ResourceData) });
        const netLocation = new URL(net.headers.get('location')!).pathname;
        const link = await h().call('/networkinterface/', {
          method: 'POST',
          ...occi('link', 'application/json', {
            id: randomUUID(),
            kind: 'http://schemas.ogf.org/occi/infrastructure#networkinterface',
            mixins: [],
            attributes: { 'occi.networkinterface.mac': '00:11:22:33:44:55' },
            source: { location: `/compute/${id}` },
            target: { location: netLocation },
          } as unknown as LinkData),
        });
        expect(link.status, await link.clone().text()).toBe(201);
        const replaced = await h().call(`/compute/${id}`, { method: 'PUT', ...occi('resource', type, { ...compute({ 'occi.compute.cores': 4 }), id }) });
        expect(replaced.status, await replaced.clone().text()).toBe(200);
        const after = await decode('resource', await h().call(`/compute/${id}`, { headers: { accept: 'application/occi+json' } }));
        expect(after.attributes['occi.compute.cores']).toBe(4);
        expect(after.attributes['occi.compute.hostname']).toBeUndefined();
        expect(after.links).toHaveLength(1);
        expect(after.links[0]!.target.location).toBe(netLocation);
      });

      it('POST on an entity updates only the given attributes', async () => {
        const res = await h().call('/compute/', { method: 'POST', ...occi('resource', type, compute({ 'occi.compute.cores': 2, 'occi.compute.hostname': 'keep' })) });
        const location = new URL(res.headers.get('location')!).pathname;
        const partial = { ...compute({ 'occi.compute.cores': 8 }), id: location.split('/')[2]! };
        const updated = await h().call(location, { method: 'POST', ...occi('resource', type, partial) });
        expect(updated.status, await updated.clone().text()).toBe(200);
        expect(updated.headers.get('etag')).not.toBe(res.headers.get('etag'));
        const read = await decode('resource', await h().call(location, { headers: { accept: 'application/json' } }));
        expect(read.attributes['occi.compute.cores']).toBe(8);
        expect(read.attributes['occi.compute.hostname']).toBe('keep');
      });

      it('DELETE removes the entity; later requests get 404 in the same rendering', async () => {
        const res = await h().call('/compute/', { method: 'POST', ...occi('resource', type, compute()) });
        const location = new URL(res.headers.get('location')!).pathname;
        const del = await h().call(location, { method: 'DELETE', headers: { accept: type } });
        expect(del.status).toBe(200);
        const gone = await h().call(location, { headers: { accept: type } });
        expect(gone.status).toBe(404);
        const text = await gone.text();
        expect(text).toContain('not_found');
        expect(text).toContain(location);
      });

      it('refuses an invalid attribute with 400 naming it, and stores nothing', async () => {
        const before = await h().call('/compute/', { headers: { accept: 'application/json' } });
        const count = (await decode('collection', before)).resources.length;
        const res = await h().call('/compute/', { method: 'POST', ...occi('resource', type, compute({ 'occi.compute.cores': 'many' })) });
        expect(res.status).toBe(400);
        const body = await res.text();
        expect(body).toContain('occi.compute.cores');
        expect(body).not.toMatch(/at .*\.ts:\d+/);
        const after = await h().call('/compute/', { headers: { accept: 'application/json' } });
        expect((await decode('collection', after)).resources.length).toBe(count);
      });
    });
  }

  it('If-Match: a stale tag gets 412 and changes nothing; the current one succeeds', async () => {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute({ 'occi.compute.cores': 1 })) });
    const location = new URL(res.headers.get('location')!).pathname;
    const etag = res.headers.get('etag')!;
    const ok = await h().call(location, { method: 'POST', ...withHeaders(occi('resource', 'application/json', { ...compute({ 'occi.compute.cores': 2 }), id: location.split('/')[2]! }), { 'if-match': etag }) });
    expect(ok.status).toBe(200);
    const stale = await h().call(location, { method: 'PUT', ...withHeaders(occi('resource', 'application/json', { ...compute({ 'occi.compute.cores': 3 }), id: location.split('/')[2]! }), { 'if-match': etag }) });
    expect(stale.status).toBe(412);
    expect(await stale.text()).toContain('precondition_failed');
    const del = await h().call(location, { method: 'DELETE', headers: { 'if-match': etag } });
    expect(del.status).toBe(412);
    const read = await decode('resource', await h().call(location, { headers: { accept: 'application/json' } }));
    expect(read.attributes['occi.compute.cores']).toBe(2);
    const current = (await h().call(location)).headers.get('etag')!;
    expect((await h().call(location, { method: 'DELETE', headers: { 'if-match': current } })).status).toBe(200);
  });

  it('If-None-Match: * refuses to overwrite with PUT, and GET answers 304 for the current tag', async () => {
    const put = await h().call('/compute/inm-1', { method: 'PUT', ...withHeaders(occi('resource', 'application/json', { ...compute(), id: 'inm-1' }), { 'if-none-match': '*' }) });
    expect(put.status).toBe(201);
    const again = await h().call('/compute/inm-1', { method: 'PUT', ...withHeaders(occi('resource', 'application/json', { ...compute(), id: 'inm-1' }), { 'if-none-match': '*' }) });
    expect(again.status).toBe(412);
    const cached = await h().call('/compute/inm-1', { headers: { 'if-none-match': put.headers.get('etag')! } });
    expect(cached.status).toBe(304);
  });

  it('a PUT whose body names another id than the URL is refused', async () => {
    const res = await h().call('/compute/one', { method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: 'two' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('occi.core.id');
  });

  it('a kind that does not belong to the collection is refused', async () => {
    const res = await h().call('/storage/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
    expect(res.status).toBe(400);
  });

  it('unknown locations answer 404; unsupported methods 405 with Allow', async () => {
    expect((await h().call('/compute/does-not-exist')).status).toBe(404);
    expect((await h().call('/nothing/')).status).toBe(404);
    const res = await h().call('/compute/', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });

  it('the kind of an existing entity cannot change', async () => {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
    const location = new URL(res.headers.get('location')!).pathname;
    const put = await h().call(location, { method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: location.split('/')[2]!, kind: 'http://schemas.ogf.org/occi/infrastructure#storage' }) });
    expect(put.status).toBe(400);
    expect(COMPUTE).toContain('compute');
  });
});

function withHeaders(init: RequestInit, extra: Record<string, string>): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), ...extra } };
}
