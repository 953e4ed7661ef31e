import { beforeAll, expect, it } from 'vitest';
import { parse } from '@accords/occi';
import type { MixinData } from '@accords/occi';
import { rawGet } from './helpers/raw-get';
import { describeEachBackend } from './helpers/harness';
import { COMPUTE, RENDERINGS, compute, decode, occi } from './helpers/occi-wire';

const USER = 'http://example.org/tags#';

function tag(term: string, location?: string): MixinData {
  return { scheme: USER, term, title: `tag ${term}`, ...(location ? { location } : {}) };
}

describeEachBackend('query interface', (h) => {
  let token: string;
  let other: string;
  beforeAll(async () => {
    token = (await h().tenant('query-a')).token;
    other = (await h().tenant('query-b')).token;
  });

  for (const path of ['/-/', '/.well-known/org/ogf/occi/-/']) {
    for (const type of RENDERINGS) {
      it(`GET ${path} in ${type} lists kinds (with locations), mixins and actions`, async () => {
        // text/occi carries the whole model in headers: more than fetch's 16 KiB header limit.
        const raw = await rawGet(h().server.url + path, { accept: type, authorization: `Bearer ${token}` });
        expect(raw.status).toBe(200);
        expect(raw.headers['content-type']).toContain(type);
        const categories = parse('categories', type, { headers: raw.headers, body: raw.body });
        const computeKind = categories.kinds.find((k) => k.scheme + k.term === COMPUTE);
        expect(computeKind?.location).toBe('/compute/');
        expect(categories.mixins.some((m) => m.term === 'os_tpl')).toBe(true);
        expect(categories.mixins.some((m) => m.term === 'resource_tpl')).toBe(true);
        expect(categories.mixins.some((m) => m.scheme === 'http://schemas.accords.dev/occi/region#')).toBe(true);
        expect(categories.actions.some((a) => a.term === 'start')).toBe(true);
      });
    }
  }

  it('filters the categories with ?category= and with a Category header', async () => {
    const byQuery = await decode('categories', await h().call(`/-/?category=${encodeURIComponent(COMPUTE)}`, { token, headers: { accept: 'application/occi+json' } }));
    expect(byQuery.kinds.map((k) => k.term)).toEqual(['compute']);
    expect(byQuery.mixins).toEqual([]);
    const byHeader = await decode('categories', await h().call('/-/', { token, headers: { accept: 'text/plain', category: 'compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"' } }));
    expect(byHeader.kinds.map((k) => k.term)).toEqual(['compute']);
  });

  for (const type of RENDERINGS) {
    it(`POST defines a user mixin in ${type}, owned by its tenant; DELETE removes it with its associations`, async () => {
      const term = `t_${type.replace(/\W/g, '_')}`;
      const created = await h().call('/-/', { token, method: 'POST', ...occi('mixin', type, tag(term, `/tags/${term}/`)) });
      expect(created.status, await created.clone().text()).toBe(200);
      const mine = await decode('categories', await h().call('/-/', { token, headers: { accept: 'application/json' } }));
      expect(mine.mixins.find((m) => m.term === term)?.location).toBe(`/tags/${term}/`);
      const theirs = await decode('categories', await h().call('/-/', { token: other, headers: { accept: 'application/json' } }));
      expect(theirs.mixins.some((m) => m.term === term)).toBe(false);
      expect((await h().call(`/tags/${term}/`, { token: other })).status).toBe(404);

      const res = await h().call('/compute/', { token, method: 'POST', ...occi('resource', 'application/json', compute({}, [USER + term])) });
      expect(res.status, await res.clone().text()).toBe(201);
      const location = new URL(res.headers.get('location')!).pathname;
      const members = await decode('locations', await h().call(`/tags/${term}/`, { token, headers: { accept: 'text/uri-list' } }));
      expect(members).toEqual([location]);

      const deleted = await h().call('/-/', { token, method: 'DELETE', ...occi('mixin', type, tag(term)) });
      expect(deleted.status, await deleted.clone().text()).toBe(200);
      const after = await decode('resource', await h().call(location, { token, headers: { accept: 'application/json' } }));
      expect(after.mixins).not.toContain(USER + term);
      expect((await h().call(`/tags/${term}/`, { token })).status).toBe(404);
    });
  }

  it('refuses a mixin whose identifier or location is taken (409), and deleting a provider mixin (403)', async () => {
    const first = await h().call('/-/', { token, method: 'POST', ...occi('mixin', 'text/plain', tag('dup', '/dup/')) });
    expect(first.status).toBe(200);
    const again = await h().call('/-/', { token, method: 'POST', ...occi('mixin', 'text/plain', tag('dup', '/dup2/')) });
    expect(again.status).toBe(409);
    const clash = await h().call('/-/', { token, method: 'POST', ...occi('mixin', 'text/plain', tag('other', '/compute/')) });
    expect(clash.status).toBe(409);
    const sameForOther = await h().call('/-/', { token: other, method: 'POST', ...occi('mixin', 'text/plain', tag('dup', '/dup/')) });
    expect(sameForOther.status).toBe(200);
    const provider = await h().call('/-/', {
      token,
      method: 'DELETE',
      ...occi('mixin', 'text/plain', { scheme: 'http://schemas.ogf.org/occi/infrastructure#', term: 'os_tpl' }),
    });
    expect(provider.status).toBe(403);
    const missing = await h().call('/-/', { token, method: 'DELETE', ...occi('mixin', 'text/plain', tag('never')) });
    expect(missing.status).toBe(404);
  });

  it('PUT on the query interface is 405', async () => {
    const res = await h().call('/-/', { token, method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });
});
