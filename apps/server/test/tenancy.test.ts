import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import { COMPUTE_ACTION, NETWORK, NETWORKINTERFACE, compute, decode, occi } from './helpers/occi-wire';
import { randomUUID } from 'node:crypto';

describeEachBackend('tenancy and security', (h) => {
  let a: { id: string; token: string; location: string };
  let b: { id: string; token: string; location: string };
  let bCompute: string;
  let bNetwork: string;
  beforeAll(async () => {
    a = await h().tenant('tenant-a');
    b = await h().tenant('tenant-b');
    const made = await h().call('/compute/', { token: b.token, method: 'POST', ...occi('resource', 'application/json', compute({ 'occi.compute.hostname': 'b-secret' })) });
    bCompute = new URL(made.headers.get('location')!).pathname;
    const net = await h().call('/network/', { token: b.token, method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: NETWORK, mixins: [], attributes: {}, links: [] }) });
    bNetwork = new URL(net.headers.get('location')!).pathname;
  });

  it('every request needs a token, except /healthz; unknown tokens get 401 with WWW-Authenticate', async () => {
    expect((await h().call('/healthz', { token: null })).status).toBe(200);
    for (const path of ['/-/', '/compute/', bCompute, '/metrics']) {
      const res = await h().call(path, { token: null });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await h().call('/-/', { token: 'accords_not-a-token' })).status).toBe(401);
  });

  it('HTTP Basic with the token as password is accepted', async () => {
    const basic = Buffer.from(`tenant-a:${a.token}`).toString('base64');
    const res = await h().call('/compute/', { token: null, headers: { authorization: `Basic ${basic}` } });
    expect(res.status).toBe(200);
  });

  it("creating a tenant answers its first token once; it is stored only as a hash", async () => {
    const res = await h().call(a.location, { headers: { accept: 'application/json' } });
    const tenant = await decode('resource', res);
    expect(tenant.attributes['accords.tenant.name']).toBe('tenant-a');
    expect(tenant.attributes['accords.tenant.token']).toBeUndefined();
    expect(JSON.stringify(tenant)).not.toContain(a.token);
  });

  describe("tenant A against tenant B's entities: 404 exactly as a missing one", () => {
    const cases: Array<[string, () => Promise<Response>]> = [];
    const add = (name: string, fn: () => Promise<Response>) => cases.push([name, fn]);
    add('GET', () => h().call(bCompute, { token: a.token }));
    add('HEAD', () => h().call(bCompute, { token: a.token, method: 'HEAD' }));
    add('PUT', () => h().call(bCompute, { token: a.token, method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: bCompute.split('/')[2]! }) }));
    add('POST update', () => h().call(bCompute, { token: a.token, method: 'POST', ...occi('resource', 'application/json', { ...compute({ 'occi.compute.cores': 9 }), id: bCompute.split('/')[2]! }) }));
    add('POST action', () => h().call(`${bCompute}?action=start`, { token: a.token, method: 'POST', ...occi('action', 'application/json', { action: `${COMPUTE_ACTION}start`, attributes: {} }) }));
    add('DELETE', () => h().call(bCompute, { token: a.token, method: 'DELETE' }));
    add('mixin replace membership', () => h().call('/mixin/region/aurora-fr-par/', { token: a.token, method: 'PUT', ...occi('association', 'text/uri-list', [bCompute]) }));
    add('mixin dissociate', () => h().call('/mixin/region/aurora-fr-par/', { token: a.token, method: 'DELETE', ...occi('association', 'text/uri-list', [bCompute]) }));
    add('mixin associate', () => h().call('/mixin/region/aurora-fr-par/', { token: a.token, method: 'POST', ...occi('association', 'text/uri-list', [bCompute]) }));
    add('link from it', () =>
      h().call('/networkinterface/', {
        token: a.token,
        method: 'POST',
        ...occi('link', 'application/json', { id: randomUUID(), kind: NETWORKINTERFACE, mixins: [], attributes: { 'occi.networkinterface.mac': '02:00:00:00:00:02' }, source: { location: bCompute }, target: { location: bNetwork } }),
      }),
    );
    for (const [name, fn] of cases) {
      it(name, async () => {
        const res = await fn();
        if (name === 'PUT') {
          // A PUT on a location A does not have creates A's own entity there, as on any missing location.
          expect(res.status).toBe(201);
          expect(JSON.stringify(await decode('resource', res))).not.toContain('b-secret');
          expect((await h().call(bCompute, { token: a.token, method: 'DELETE' })).status).toBe(200);
        } else if (name.startsWith('link')) {
          expect(res.status).toBe(400);
          expect(await res.text()).toContain('no resource at');
        } else {
          expect(res.status).toBe(404);
          if (name !== 'HEAD') expect(await res.text()).not.toContain('b-secret');
        }
        const stillThere = await decode('resource', await h().call(bCompute, { token: b.token, headers: { accept: 'application/json' } }));
        expect(stillThere.attributes['occi.compute.state']).toBe('inactive');
        expect(stillThere.mixins).toEqual([]);
      });
    }
    it("B's user mixins are invisible to A: not listed, not deletable, their collection missing", async () => {
      const mixin = { scheme: 'http://example.org/b#', term: 'b_only', location: '/b-only/' };
      expect((await h().call('/-/', { token: b.token, method: 'POST', ...occi('mixin', 'text/plain', mixin) })).status).toBe(200);
      const seen = await decode('categories', await h().call('/-/', { token: a.token, headers: { accept: 'application/json' } }));
      expect(seen.mixins.some((m) => m.term === 'b_only')).toBe(false);
      expect((await h().call('/-/', { token: a.token, method: 'DELETE', ...occi('mixin', 'text/plain', mixin) })).status).toBe(404);
      expect((await h().call('/b-only/', { token: a.token })).status).toBe(404);
      expect((await h().call('/b-only/', { token: a.token, method: 'POST', ...occi('association', 'text/uri-list', [bCompute]) })).status).toBe(404);
      expect((await h().call('/b-only/', { token: b.token })).status).toBe(200);
    });
    it('a link to it from A', async () => {
      const mine = await h().call('/compute/', { token: a.token, method: 'POST', ...occi('resource', 'application/json', compute()) });
      const source = new URL(mine.headers.get('location')!).pathname;
      const res = await h().call('/networkinterface/', {
        token: a.token,
        method: 'POST',
        ...occi('link', 'application/json', { id: randomUUID(), kind: NETWORKINTERFACE, mixins: [], attributes: { 'occi.networkinterface.mac': '02:00:00:00:00:03' }, source: { location: source }, target: { location: bNetwork } }),
      });
      expect(res.status).toBe(400);
    });
    it("collections and the query interface show only A's own", async () => {
      const list = await decode('locations', await h().call('/compute/', { token: a.token, headers: { accept: 'text/uri-list' } }));
      expect(list).not.toContain(bCompute);
      const deleted = await h().call('/compute/', { token: a.token, method: 'DELETE' });
      expect(deleted.status).toBe(200);
      expect((await h().call(bCompute, { token: b.token })).status).toBe(200);
      const acted = await h().call('/compute/?action=start', { token: a.token, method: 'POST' });
      expect([200]).toContain(acted.status);
      const read = await decode('resource', await h().call(bCompute, { token: b.token, headers: { accept: 'application/json' } }));
      expect(read.attributes['occi.compute.state']).toBe('inactive');
    });
    it('the same client-chosen id in two tenants does not collide or leak', async () => {
      const put = await h().call(bCompute, { token: a.token, method: 'PUT', headers: {} });
      expect([400, 404]).toContain(put.status);
      const mine = await h().call('/compute/shared-id', { token: a.token, method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: 'shared-id' }) });
      const theirs = await h().call('/compute/shared-id', { token: b.token, method: 'PUT', ...occi('resource', 'application/json', { ...compute(), id: 'shared-id' }) });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
    });
  });

  it('only an administrator manages tenants', async () => {
    const res = await h().call('/tenant/', {
      token: a.token,
      method: 'POST',
      ...occi('resource', 'application/json', { id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', mixins: [], attributes: { 'accords.tenant.name': 'intruder' }, links: [] }),
    });
    expect(res.status).toBe(403);
    expect((await h().call(a.location, { token: a.token })).status).toBe(404);
    const dup = await h().call('/tenant/', {
      method: 'POST',
      ...occi('resource', 'application/json', { id: randomUUID(), kind: 'http://schemas.accords.dev/occi/platform#tenant', mixins: [], attributes: { 'accords.tenant.name': 'tenant-a' }, links: [] }),
    });
    expect(dup.status).toBe(409);
  });

  it('tokens are issued and revoked by actions', async () => {
    const c = await h().tenant('tenant-c');
    const issued = await h().call(`${c.location}?action=issue_token`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(issued.status).toBe(200);
    const second = (await decode('resource', issued)).attributes['accords.tenant.token'] as string;
    expect(second).toMatch(/^accords_/);
    expect((await h().call('/compute/', { token: second })).status).toBe(200);
    const revoke = await h().call(`${c.location}?action=revoke_token`, {
      method: 'POST',
      ...occi('action', 'application/json', { action: 'http://schemas.accords.dev/occi/platform/tenant/action#revoke_token', attributes: { token: second } }),
    });
    expect(revoke.status, await revoke.clone().text()).toBe(200);
    expect((await h().call('/compute/', { token: second })).status).toBe(401);
    expect((await h().call('/compute/', { token: c.token })).status).toBe(200);
  });

  it('deleting a tenant deletes its entities and tokens', async () => {
    const d = await h().tenant('tenant-d');
    await h().call('/compute/', { token: d.token, method: 'POST', ...occi('resource', 'application/json', compute()) });
    expect((await h().call(d.location, { method: 'DELETE' })).status).toBe(200);
    expect((await h().call('/compute/', { token: d.token })).status).toBe(401);
  });

  it('an administrator token can do what a tenant can', async () => {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute()) });
    expect(res.status).toBe(201);
    const location = new URL(res.headers.get('location')!).pathname;
    expect((await h().call(`${location}?action=start`, { method: 'POST' })).status).toBe(200);
    expect((await h().call(location, { method: 'DELETE' })).status).toBe(200);
  });
});
