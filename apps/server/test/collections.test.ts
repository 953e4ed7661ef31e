import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import type { Harness } from './helpers/harness';
import { RENDERINGS, compute, decode, occi } from './helpers/occi-wire';

const REGION = 'http://schemas.accords.dev/occi/region#';

async function create(h: Harness, attributes: Record<string, string | number>, mixins: string[] = [], token?: string): Promise<string> {
  const res = await h.call('/compute/', { method: 'POST', ...occi('resource', 'application/json', compute(attributes, mixins)), ...(token ? { token } : {}) });
  if (res.status !== 201) throw new Error(await res.text());
  return new URL(res.headers.get('location')!).pathname;
}

async function listing(h: Harness, path: string, init: RequestInit & { token?: string } = {}): Promise<string[]> {
  const res = await h.call(path, { ...init, headers: { accept: 'text/uri-list', ...(init.headers as Record<string, string>) } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.text()).split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
}

describeEachBackend('collections', (h) => {
  let token: string;
  let small: string[];
  let big: string;
  beforeAll(async () => {
    token = (await h().tenant('collections')).token;
    small = [];
    for (let i = 0; i < 5; i++) small.push(await create(h(), { 'occi.compute.cores': 1, 'occi.compute.hostname': `small-${i}` }, [], token));
    big = await create(h(), { 'occi.compute.cores': 16, 'occi.compute.hostname': 'big' }, [`${REGION}aurora-fr-par`], token);
  });

  for (const type of RENDERINGS) {
    it(`GET a kind collection in ${type}: text lists locations, JSON full entities`, async () => {
      const res = await h().call('/compute/', { token, headers: { accept: type } });
      expect(res.status).toBe(200);
      if (type.includes('json')) {
        const collection = await decode('collection', res);
        expect(collection.resources.map((r) => r.location)).toEqual([...small, big]);
        expect(collection.resources[5]!.attributes['occi.compute.cores']).toBe(16);
      } else {
        const value = await decode('locations', res);
        expect(value).toEqual([...small, big]);
      }
    });
  }

  it('filters by category and attribute with query parameters, in every rendering', async () => {
    expect(await listing(h(), `/compute/?category=${encodeURIComponent(`${REGION}aurora-fr-par`)}`, { token })).toEqual([big]);
    expect(await listing(h(), '/compute/?attribute=occi.compute.hostname=small-3', { token })).toEqual([small[3]]);
    for (const type of RENDERINGS) {
      const res = await h().call('/compute/?attribute=occi.compute.cores=16', { token, headers: { accept: type } });
      const locations = type.includes('json') ? (await decode('collection', res)).resources.map((r) => r.location) : await decode('locations', res);
      expect(locations).toEqual([big]);
    }
  });

  it('filters by Category and X-OCCI-Attribute headers with text renderings', async () => {
    const category = `aurora-fr-par; scheme="${REGION}"; class="mixin"`;
    for (const type of ['text/plain', 'text/occi']) {
      const byCategory = await h().call('/compute/', { token, headers: { accept: type, category } });
      expect(await decode('locations', byCategory)).toEqual([big]);
      const byAttribute = await h().call('/compute/', { token, headers: { accept: type, 'x-occi-attribute': 'occi.compute.hostname="small-1"' } });
      expect(await decode('locations', byAttribute)).toEqual([small[1]]);
    }
  });

  it('paginates with page and number; past the end is empty; over the limit is 413', async () => {
    expect(await listing(h(), '/compute/?number=2&page=1', { token })).toEqual(small.slice(0, 2));
    expect(await listing(h(), '/compute/?number=2&page=3', { token })).toEqual([small[4], big]);
    expect(await listing(h(), '/compute/?number=2&page=9', { token })).toEqual([]);
    const json = await h().call('/compute/?number=2&page=9', { token, headers: { accept: 'application/occi+json' } });
    expect((await decode('collection', json)).resources).toEqual([]);
    const tooMany = await h().call('/compute/?number=100000', { token });
    expect(tooMany.status).toBe(413);
    expect(await tooMany.text()).toContain('number');
    expect((await h().call('/compute/?number=zero', { token })).status).toBe(400);
  });

  it('mixin collections: GET lists members, POST associates, PUT replaces, DELETE dissociates', async () => {
    const north = '/mixin/region/boreal-se-lul/';
    expect(await listing(h(), north, { token })).toEqual([]);
    for (const type of RENDERINGS) {
      const post = await h().call(north, { token, method: 'POST', ...occi('association', type, [small[0]!, small[1]!]) });
      expect(post.status, `${type}: ${await post.clone().text()}`).toBe(200);
      expect(await listing(h(), north, { token })).toEqual([small[0], small[1]]);
      const put = await h().call(north, { token, method: 'PUT', ...occi('association', type, [small[2]!]) });
      expect(put.status).toBe(200);
      expect(await listing(h(), north, { token })).toEqual([small[2]]);
      const del = await h().call(north, { token, method: 'DELETE', ...occi('association', type, [small[2]!]) });
      expect(del.status).toBe(200);
      expect(await listing(h(), north, { token })).toEqual([]);
    }
    const missing = await h().call(north, { token, method: 'POST', ...occi('association', 'text/uri-list', ['/compute/nope']) });
    expect(missing.status).toBe(404);
  });

  it('POST ?action= on a kind collection acts on every member where the action is legal', async () => {
    const other = (await h().tenant('collections-actions')).token;
    const a = await create(h(), {}, [], other);
    const b = await create(h(), {}, [], other);
    const res = await h().call('/compute/?action=start', { token: other, method: 'POST', headers: { accept: 'application/occi+json' } });
    expect(res.status, await res.clone().text()).toBe(200);
    for (const location of [a, b]) {
      const read = await decode('resource', await h().call(location, { token: other, headers: { accept: 'application/json' } }));
      expect(read.attributes['occi.compute.state']).toBe('active');
    }
    const again = await h().call('/compute/?action=start', { token: other, method: 'POST' });
    expect(again.status).toBe(409);
  });

  it("DELETE on a kind collection deletes all the tenant's members and no one else's", async () => {
    const mine = (await h().tenant('collections-delete')).token;
    await create(h(), {}, [], mine);
    await create(h(), {}, [], mine);
    const res = await h().call('/compute/', { token: mine, method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await listing(h(), '/compute/', { token: mine })).toEqual([]);
    expect(await listing(h(), '/compute/', { token })).toHaveLength(6);
  });

  describe('the collection of the core resource kind', () => {
    it('lists every resource of the tenant, whatever its kind', async () => {
      const all = await listing(h(), '/resource/', { token });
      expect(all).toEqual(expect.arrayContaining([...small, big]));
    });
  });
});
