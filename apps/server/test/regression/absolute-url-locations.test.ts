import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { LinkData, ResourceData } from '@accords/occi';
import { describeEachBackend } from '../helpers/harness';
import { NETWORK, NETWORKINTERFACE, RENDERINGS, compute, decode, occi } from '../helpers/occi-wire';

// Association bodies and link ends given as absolute URLs (`http://host:port/compute/<id>`, as
// the server itself renders `Location`) answered "no entity at http://…".
describeEachBackend('regression: absolute URLs of this server name local entities', (h) => {
  let token: string;
  let network: string;
  const REGION = '/mixin/region/boreal-se-lul/';

  async function newCompute(): Promise<string> {
    const res = await h().call('/compute/', { token, method: 'POST', ...occi('resource', 'application/json', compute()) });
    expect(res.status).toBe(201);
    return new URL(res.headers.get('location')!).pathname;
  }

  async function members(): Promise<string[]> {
    const res = await h().call(REGION, { token, headers: { accept: 'text/uri-list' } });
    return (await res.text()).split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => new URL(l, h().server.url).pathname);
  }

  function link(source: string, target: string): LinkData {
    return { id: randomUUID(), kind: NETWORKINTERFACE, mixins: [], attributes: { 'occi.networkinterface.mac': '02:00:00:00:00:01' }, source: { location: source }, target: { location: target } } as unknown as LinkData;
  }

  beforeAll(async () => {
    token = (await h().tenant('regression-absolute-urls')).token;
    const res = await h().call('/network/', { token, method: 'POST', ...occi('resource', 'application/json', { id: randomUUID(), kind: NETWORK, mixins: [], attributes: {}, links: [] } as unknown as ResourceData) });
    network = new URL(res.headers.get('location')!).pathname;
  });

  for (const type of RENDERINGS) {
    it(`associates, replaces and dissociates by absolute URL in ${type}`, async () => {
      const [a, b] = [await newCompute(), await newCompute()];
      const url = (path: string) => h().server.url + path;
      const post = await h().call(REGION, { token, method: 'POST', ...occi('association', type, [url(a), url(b)]) });
      expect(post.status, await post.clone().text()).toBe(200);
      expect(await members()).toEqual([a, b]);
      const put = await h().call(REGION, { token, method: 'PUT', ...occi('association', type, [url(b)]) });
      expect(put.status, await put.clone().text()).toBe(200);
      expect(await members()).toEqual([b]);
      const del = await h().call(REGION, { token, method: 'DELETE', ...occi('association', type, [url(b)]) });
      expect(del.status, await del.clone().text()).toBe(200);
      expect(await members()).toEqual([]);
    });
  }

  it('refuses another origin with a precise 400 and changes nothing', async () => {
    const a = await newCompute();
    const port = Number(new URL(h().server.url).port);
    const foreign = `http://127.0.0.1:${port === 1 ? 2 : port - 1}${a}`;
    const res = await h().call(REGION, { token, method: 'POST', headers: { 'content-type': 'text/uri-list', accept: 'application/json' }, body: `${h().server.url}${a}\n${foreign}\n` });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; location: { attribute: string } } };
    expect(body.error.code).toBe('invalid_attribute');
    expect(body.error.location.attribute).toBe('location');
    expect(body.error.message).toContain('location 2 of the body');
    expect(body.error.message).toContain(foreign);
    expect(await members()).toEqual([]);
  });

  it('takes link source and target as absolute URLs of this server, stores paths, refuses other origins', async () => {
    const source = await newCompute();
    for (const type of RENDERINGS) {
      const res = await h().call('/networkinterface/', { token, method: 'POST', ...occi('link', type, link(h().server.url + source, h().server.url + network)) });
      expect(res.status, `${type}: ${await res.clone().text()}`).toBe(201);
      const created = await decode('link', res);
      expect(created.source.location).toBe(source);
      expect(created.target.location).toBe(network);
    }
    for (const end of ['source', 'target'] as const) {
      const bad = end === 'source' ? link(`http://elsewhere.example${source}`, network) : link(source, `http://elsewhere.example${network}`);
      const res = await h().call('/networkinterface/', { token, method: 'POST', ...occi('link', 'application/json', bad) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { location: { attribute: string }; message: string } };
      expect(body.error.location.attribute).toBe(`occi.core.${end}`);
      expect(body.error.message).toContain('http://elsewhere.example');
    }
  });

  it('takes inline link targets as absolute URLs of this server', async () => {
    const resource = { ...compute(), links: [link('', h().server.url + network)] } as ResourceData;
    const res = await h().call('/compute/', { token, method: 'POST', ...occi('resource', 'application/json', resource) });
    expect(res.status, await res.clone().text()).toBe(201);
    const read = await decode('resource', await h().call(new URL(res.headers.get('location')!).pathname, { token, headers: { accept: 'application/json' } }));
    expect(read.links.map((l) => l.target.location)).toEqual([network]);
  });
});
