import { describe, expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';
import { RENDERINGS, compute, occi } from './helpers/occi-wire';

const TEXT_COMPUTE = 'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\nX-OCCI-Attribute: occi.compute.cores=2\n';

describeEachBackend('negotiation and errors', (h) => {
  it('answers text/plain without Accept and with */*', async () => {
    for (const accept of [undefined, '*/*']) {
      const res = await h().call('/-/', accept ? { headers: { accept } } : {});
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/^Category: /m);
    }
  });

  it('serves every rendering on the query interface', async () => {
    for (const type of [...RENDERINGS]) {
      const res = await h().call(`/-/?category=${encodeURIComponent('http://schemas.ogf.org/occi/infrastructure#compute')}`, { headers: { accept: type } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    }
  });

  it('answers 406 when nothing acceptable can be produced', async () => {
    const res = await h().call('/-/', { headers: { accept: 'image/png' } });
    expect(res.status).toBe(406);
    expect(await res.text()).toContain('not_acceptable');
  });

  it('answers 400 for text/uri-list where the URL is not a listing, and lists collections with it', async () => {
    const created = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: TEXT_COMPUTE });
    expect(created.status, await created.clone().text()).toBe(201);
    const location = new URL(created.headers.get('location')!).pathname;
    expect((await h().call(location, { headers: { accept: 'text/uri-list' } })).status).toBe(400);
    expect((await h().call('/-/', { headers: { accept: 'text/uri-list' } })).status).toBe(400);
    const list = await h().call('/compute/', { headers: { accept: 'text/uri-list' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('text/uri-list');
    expect((await list.text()).split(/\r?\n/)).toContain(location);
  });

  it('answers 415 for a body type that is not an OCCI rendering', async () => {
    const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<compute/>' });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('Content-Type');
  });

  it('sets Server on every answer, refuses OCCI/1.3 with 501 and serves OCCI/1.1', async () => {
    const ok = await h().call('/-/', { headers: { 'user-agent': 'old-client OCCI/1.1' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('server')).toMatch(/^Accords\/\d+\.\d+\.\d+ OCCI\/1\.2$/);
    const future = await h().call('/-/', { headers: { 'user-agent': 'new-client OCCI/1.3' } });
    expect(future.status).toBe(501);
    expect(future.headers.get('server')).toContain('OCCI/1.2');
    expect((await h().call('/nothing', { token: null })).headers.get('server')).toContain('OCCI/1.2');
  });

  describe('a parse error names where it is', () => {
    it('text/plain: line and column', async () => {
      const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'application/json' }, body: `${TEXT_COMPUTE}X-OCCI-Attribute: occi.compute.cores=\n` });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; location?: { line?: number } } };
      expect(body.error.location?.line).toBe(3);
    });
    it('JSON: a JSON pointer', async () => {
      const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'application/occi+json', accept: 'application/occi+json' }, body: JSON.stringify({ id: 'pointer-test', kind: 'http://schemas.ogf.org/occi/infrastructure#compute', attributes: { 'occi.compute.cores': 'x' } }) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { location?: { pointer?: string; attribute?: string } } };
      expect(body.error.location?.pointer ?? body.error.location?.attribute).toContain('occi.compute.cores');
    });
    it('malformed JSON is a 400 parse error', async () => {
      const res = await h().call('/compute/', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"kind": ' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('parse_error');
    });
  });

  it('renders errors in the negotiated rendering', async () => {
    for (const type of RENDERINGS) {
      const res = await h().call('/compute/missing', { headers: { accept: type } });
      expect(res.status).toBe(404);
      const text = await res.text();
      if (type.includes('json')) expect(JSON.parse(text).error.code).toBe('not_found');
      else expect(text).toContain('error: not_found');
    }
  });

  it('an unknown kind is a 400 naming the kind', async () => {
    const res = await h().call('/compute/', { method: 'POST', ...occi('resource', 'application/json', { ...compute(), kind: 'http://example.org/x#nothing' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('http://example.org/x#nothing');
  });
});
